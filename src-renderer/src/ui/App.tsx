// Starts the app: opens the database, runs the start-up steps, then shows the workbench.
import { useEffect, useMemo, useState } from 'react';
import { start, type StartState } from '../app/bootstrap';
import { getBridge } from '../platform/bridge';
import { newId } from '../app/ids';
import { renameSelf, switchAnnotator } from '../storage/annotators';
import { SpanwrightDatabase } from '../storage/database';
import { isString, readSetting, SETTING } from '../storage/settings';
import { Workbench } from './Workbench';

export function App() {
  const db = useMemo(() => new SpanwrightDatabase(), []);
  const bridge = useMemo(() => getBridge(), []);
  const [state, setState] = useState<StartState | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    start(db, bridge.backups).then(setState, (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  }, [bridge, db]);

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
  // Another annotator gets a fresh workbench (their spans, statuses and undo history), on the project open now.
  return (
    <Workbench
      key={state.annotator.id}
      db={db}
      bridge={bridge}
      annotator={state.annotator}
      onRenameAnnotator={async (name) => {
        const annotator = await renameSelf(db, state.annotator, name);
        setState({ ...state, annotator });
      }}
      onSwitchAnnotator={async (to) => {
        const annotator = await switchAnnotator(db, 'id' in to ? to : { id: newId(), name: to.name });
        const projectId = (await readSetting(db, SETTING.lastProjectId, isString)) ?? state.projectId;
        setState({ ...state, annotator, projectId });
      }}
      initialProjectId={state.projectId}
    />
  );
}
