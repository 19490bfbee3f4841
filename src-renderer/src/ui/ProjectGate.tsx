// Shows the workbench of the project this window holds, or, when another window has it, a
// screen that says so and offers to take it here or to open another project.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactNode } from 'react';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { Project } from '../../../src-shared/domain';
import { lockNotice, type LockNotice } from '../../../src-shared/project-lock';
import { newId } from '../app/ids';
import type { SpanwrightDatabase } from '../storage/database';
import { createProject } from '../storage/projects';
import { NewProjectDialog } from './NewProjectDialog';
import { useProjectLock } from './useProjectLock';

export function ProjectGate(props: {
  db: SpanwrightDatabase;
  initialProjectId: string;
  /** The author of a project created from the lock screen. */
  annotatorId: string;
  children: (projectId: string, openProject: (projectId: string) => void) => ReactNode;
}) {
  const { db } = props;
  const lock = useProjectLock(db, props.initialProjectId);
  const projects = useLiveQuery(() => db.projects.orderBy('name').toArray(), [db]);
  const { state } = lock;

  if (state.showing) return <>{props.children(state.showing, lock.open)}</>;
  const name = projects?.find((p) => p.id === state.projectId)?.name ?? '';
  const notice = lockNotice(state, name);
  if (!notice) return <div className="loading">Opening {name || 'the project'}…</div>;
  return (
    <LockScreen
      // A fresh screen (list closed) for every project and answer.
      key={`${state.projectId}\u0000${state.status}`}
      db={db}
      notice={notice}
      others={(projects ?? []).filter((p) => p.id !== state.projectId)}
      annotatorId={props.annotatorId}
      onTake={lock.takeHere}
      onOpen={lock.open}
    />
  );
}

function LockScreen(props: {
  db: SpanwrightDatabase;
  notice: LockNotice;
  others: readonly Project[];
  annotatorId: string;
  onTake: () => void;
  onOpen: (projectId: string) => void;
}) {
  const { notice, others } = props;
  const [choosing, setChoosing] = useState(false);
  const [creating, setCreating] = useState(false);
  return (
    <main className="lock-screen" aria-labelledby="lock-screen-heading">
      <h1 id="lock-screen-heading">
        <bdi>{notice.name}</bdi>
        {notice.afterName}
      </h1>
      <p>{notice.detail}</p>
      <div className="lock-screen__actions">
        <button type="button" className="primary" onClick={props.onTake}>
          {notice.take}
        </button>
        <button type="button" aria-expanded={choosing} onClick={() => setChoosing((c) => !c)}>
          Open another project
        </button>
      </div>
      {choosing && (
        <section aria-label="Other projects">
          {others.length === 0 ? (
            <p>There is no other project yet.</p>
          ) : (
            <ul className="lock-screen__projects">
              {others.map((p) => (
                <li key={p.id}>
                  <button type="button" className="link-button" onClick={() => props.onOpen(p.id)}>
                    <bdi>{p.name}</bdi>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => setCreating(true)}>
            New project…
          </button>
        </section>
      )}
      {creating && (
        <NewProjectDialog
          onClose={() => setCreating(false)}
          onCreate={async (projectName) => {
            const id = newId();
            await createProject(props.db, { id, name: projectName, schema: defaultSchema() }, props.annotatorId);
            setCreating(false);
            props.onOpen(id);
          }}
        />
      )}
    </main>
  );
}
