// Starts the app: opens the database, runs the start-up steps, then shows the workbench.
import { useEffect, useMemo, useState } from 'react';
import { start, type StartState } from '../app/bootstrap';
import { getBridge } from '../platform/bridge';
import { renameSelf } from '../storage/annotators';
import { SpanwrightDatabase } from '../storage/database';
import { Workbench } from './Workbench';

export function App() {
  const db = useMemo(() => new SpanwrightDatabase(), []);
  const bridge = useMemo(() => getBridge(), []);
  const [state, setState] = useState<StartState | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    start(db).then(setState, (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  }, [db]);

  if (failure) {
    return (
      <div className="fatal" role="alert">
        <h1>Spanwright could not open its database</h1>
        <p>{failure}</p>
        <p>Your data has not been changed. Close other Spanwright windows and try again.</p>
      </div>
    );
  }
  if (!state) return <div className="loading">Opening Spanwright…</div>;
  return (
    <Workbench
      db={db}
      bridge={bridge}
      annotator={state.annotator}
      onRenameAnnotator={async (name) => {
        const annotator = await renameSelf(db, state.annotator, name);
        setState({ ...state, annotator });
      }}
      initialProjectId={state.projectId}
    />
  );
}
