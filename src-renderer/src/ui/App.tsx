// Starts the app: opens the database, runs the start-up steps, then shows the workbench.
import { useEffect, useMemo, useState } from 'react';
import { start, type StartState } from '../app/bootstrap';
import { getBridge } from '../platform/bridge';
import { newId } from '../app/ids';
import { renameSelf, switchAnnotator } from '../storage/annotators';
import { SpanwrightDatabase } from '../storage/database';
import { isString, readSetting, SETTING } from '../storage/settings';
import { guardProjectWrites } from '../storage/write-permits';
import { ProjectGate } from './ProjectGate';
import { Workbench } from './Workbench';
import { isQuotaError, NO_SPACE_MESSAGE } from '../../../src-shared/storage-space';
import { errorMessage } from '../../../src-shared/result';

export function App() {
  const db = useMemo(() => {
    const opened = new SpanwrightDatabase();
    // Projects are written only by the window that holds them (ProjectGate, write-permits.ts).
    guardProjectWrites(opened);
    return opened;
  }, []);
  const bridge = useMemo(() => getBridge(), []);
  const [state, setState] = useState<StartState | null>(null);
  const [failure, setFailure] = useState<{ message: string; full: boolean } | null>(null);

  useEffect(() => {
    start(db, bridge.backups).then(setState, (error: unknown) => setFailure({ message: errorMessage(error), full: isQuotaError(error) }));
  }, [bridge, db]);

  if (failure) {
    // A full disk can stop even the opening (a database upgrade must write): say so, not "close other windows".
    const { full } = failure;
    return (
      <div className="fatal" role="alert">
        <h1>Spanwright could not open its database</h1>
        <p>{full ? NO_SPACE_MESSAGE : failure.message}</p>
        <p>
          {full
            ? 'Free some space (delete files you do not need, or empty the trash of your computer), then reload Spanwright.'
            : 'Your data has not been changed. Close other Spanwright windows and try again.'}
        </p>
      </div>
    );
  }
  if (!state) return <div className="loading">Opening Spanwright…</div>;
  // One window per project: the gate holds the project's lock, or says which window has it.
  return (
    <ProjectGate db={db} initialProjectId={state.projectId} annotatorId={state.annotator.id}>
      {(projectId, openProject) => (
        // Another annotator gets a fresh workbench (their spans, statuses and undo history), on the project open now.
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
            setState({ ...state, annotator });
            openProject((await readSetting(db, SETTING.lastProjectId, isString)) ?? projectId);
          }}
          projectId={projectId}
          onProjectChange={openProject}
        />
      )}
    </ProjectGate>
  );
}
