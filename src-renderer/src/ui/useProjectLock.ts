// Holds the open project's Web Lock for this window: claims it when a project is opened, takes
// it on the user's word, lets go of a project left, and stops every write the moment another
// window takes it. What each answer means is decided by lockStep (src-shared/project-lock.ts).
import { useCallback, useEffect, useRef, useState } from 'react';
import { initialLockState, lockStep, type ProjectLockEvent, type ProjectLockState } from '../../../src-shared/project-lock';
import { claimProjectLock, type ProjectLockHold } from '../platform/project-locks';
import type { SpanwrightDatabase } from '../storage/database';
import { leaveWrites, revokeWrites, takeWrites } from '../storage/write-permits';

export interface ProjectLock {
  state: ProjectLockState;
  /** Opens a project in this window (claimed first; the current one stays until it is granted). */
  open(projectId: string): void;
  /** Takes the project shown on the lock screen from the window that has it. */
  takeHere(): void;
}

export function useProjectLock(db: SpanwrightDatabase, initialProjectId: string): ProjectLock {
  const [state, setState] = useState(() => initialLockState(initialProjectId));
  const current = useRef(state);
  const holds = useRef(new Map<string, ProjectLockHold>());
  /** The claim under way (project and mode), so a re-run effect (StrictMode) does not ask twice. */
  const asking = useRef<string | null>(null);

  const dispatch = useCallback(
    (event: ProjectLockEvent) => {
      const step = lockStep(current.current, event);
      current.current = step.state;
      for (const projectId of step.release) {
        holds.current.get(projectId)?.release();
        holds.current.delete(projectId);
        leaveWrites(db, projectId);
      }
      setState(step.state);
    },
    [db],
  );

  useEffect(() => {
    if (state.status !== 'claiming') return;
    const { projectId, steal } = state;
    const key = `${projectId}\u0000${steal}`;
    if (asking.current === key) return;
    asking.current = key;
    const onLost = () => {
      // Synchronous: a write that checks its permit after this line is refused.
      revokeWrites(db, projectId);
      holds.current.delete(projectId);
      dispatch({ type: 'lost', projectId });
    };
    claimProjectLock(projectId, { steal, onLost })
      .catch((error: unknown) => {
        // The lock manager failed (not a refusal): work on, guarded by the writer token alone.
        console.warn('Spanwright: the project lock could not be claimed', error);
        return { kind: 'unsupported' } as const;
      })
      .then(async (answer) => {
        if (asking.current === key) asking.current = null;
        if (answer.kind === 'busy') return dispatch({ type: 'busy', projectId });
        if (answer.kind === 'granted') holds.current.set(projectId, answer.hold);
        // The writer token is written before the workbench loads anything, so whatever a
        // window this one took the project from still manages to write is read here.
        if (current.current.projectId === projectId && current.current.status === 'claiming') await takeWrites(db, projectId);
        dispatch({ type: answer.kind, projectId });
      })
      .catch((error: unknown) => console.error('Spanwright: opening the project failed', error));
  }, [db, dispatch, state]);

  // A closed window's locks end with it; an unmounted gate (annotator switch) lets go at once.
  useEffect(() => {
    const held = holds.current;
    return () => {
      for (const hold of held.values()) hold.release();
      held.clear();
    };
  }, []);

  const open = useCallback((projectId: string) => dispatch({ type: 'open', projectId }), [dispatch]);
  const takeHere = useCallback(() => dispatch({ type: 'steal' }), [dispatch]);
  return { state, open, takeHere };
}
