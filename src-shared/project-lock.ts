// One window per project: which project a window may show and write, decided from what the
// browser's lock manager (Web Locks) tells it, and what a window that may not says. Pure: the
// renderer's project-locks.ts asks for the locks, write-permits.ts guards the writes.
import type { Result } from './result';
import { fail, ok } from './result';

/** The Web Lock a window holds for as long as it has a project open. */
export const projectLockName = (projectId: string): string => `spanwright:project:${projectId}`;

/** Where a window's key in the settings table says which window last took a project (the fence). */
export const projectWriterKey = (projectId: string): string => `writer:${projectId}`;

export type LockStatus =
  /** Asking for the lock (with `steal`: taking it from the window that has it). */
  | 'claiming'
  /** Held: this window shows and writes the project. */
  | 'held'
  /** The browser has no Web Locks (an insecure page): shown and written, unguarded. */
  | 'unguarded'
  /** Another window has the project open. */
  | 'busy'
  /** Another window took the project from this one: nothing is written here any more. */
  | 'lost';

export interface ProjectLockState {
  /** The project this window wants open. */
  projectId: string;
  status: LockStatus;
  /** While claiming: take the lock from the window that holds it. */
  steal: boolean;
  /**
   * The project whose workbench is on screen: the held one, or while another is being claimed
   * the one held before (it stays until the new one is granted); null behind a lock screen.
   */
  showing: string | null;
}

export type ProjectLockEvent =
  | { type: 'open'; projectId: string }
  | { type: 'steal' }
  | { type: 'granted'; projectId: string }
  | { type: 'busy'; projectId: string }
  | { type: 'lost'; projectId: string }
  | { type: 'unsupported'; projectId: string };

export interface LockStep {
  state: ProjectLockState;
  /** Locks this window holds and should let go of (a project left, or granted too late). */
  release: string[];
}

export const initialLockState = (projectId: string): ProjectLockState => ({ projectId, status: 'claiming', steal: false, showing: null });

const mayWrite = (status: LockStatus) => status === 'held' || status === 'unguarded';

/**
 * The next state after what the user chose or the lock manager answered. Answers about a
 * project the window no longer wants are stale: a late grant is released, a late refusal ignored.
 */
export function lockStep(state: ProjectLockState, event: ProjectLockEvent): LockStep {
  const same = (s: ProjectLockState): LockStep => ({ state: s, release: [] });
  switch (event.type) {
    case 'open': {
      if (event.projectId === state.projectId && state.status !== 'busy' && state.status !== 'lost') return same(state);
      // The workbench of a held project stays on screen until the next one is granted.
      const showing = mayWrite(state.status) ? state.showing : null;
      return same({ projectId: event.projectId, status: 'claiming', steal: false, showing });
    }
    case 'steal':
      if (state.status !== 'busy' && state.status !== 'lost') return same(state);
      return same({ ...state, status: 'claiming', steal: true, showing: null });
    case 'granted':
    case 'unsupported': {
      if (event.projectId !== state.projectId || state.status !== 'claiming') {
        return { state, release: event.type === 'granted' && event.projectId !== state.showing ? [event.projectId] : [] };
      }
      const left = state.showing !== null && state.showing !== event.projectId ? [state.showing] : [];
      return {
        state: {
          projectId: event.projectId,
          status: event.type === 'granted' ? 'held' : 'unguarded',
          steal: false,
          showing: event.projectId,
        },
        release: left,
      };
    }
    case 'busy':
      if (event.projectId !== state.projectId || state.status !== 'claiming') return same(state);
      // The project held before is let go: the window shows the notice, not two projects.
      return { state: { ...state, status: 'busy', steal: false, showing: null }, release: state.showing ? [state.showing] : [] };
    case 'lost':
      if (event.projectId === state.projectId && mayWrite(state.status)) return same({ ...state, status: 'lost', showing: null });
      // The project still on screen while another is claimed was taken: it leaves the screen.
      if (event.projectId === state.showing) return same({ ...state, showing: null });
      return same(state);
  }
}

export interface LockNotice {
  /** The heading: the project's name (shown isolated, it comes from users) and what follows it. */
  heading: string;
  name: string;
  afterName: string;
  detail: string;
  /** The main action: take the project into this window. */
  take: string;
}

/** What a window that may not show its project says (null when it shows it or is still asking). */
export function lockNotice(state: ProjectLockState, projectName: string): LockNotice | null {
  const name = projectName || 'This project';
  switch (state.status) {
    case 'busy':
      return {
        heading: `${name} is open in another window`,
        name,
        afterName: ' is open in another window',
        detail:
          'One window at a time works on a project, so that no window overwrites what another saved. Use it here instead (the other window stops and says so), or open another project.',
        take: 'Use it here instead',
      };
    case 'lost':
      return {
        heading: `${name} was opened in another window`,
        name,
        afterName: ' was opened in another window',
        detail:
          'This window stopped working on it then and writes nothing more to it, so nothing done there is overwritten. Any edit made here that was still being saved at that moment was not saved.',
        take: 'Use it here again',
      };
    default:
      return null;
  }
}

/** What a window knows of its own right to write a project. */
export interface WritePermit {
  /** This window's token, written as the project's writer when it took the lock. */
  token: string;
  /** The lock was taken by another window (or a write found another writer): no more writes. */
  revoked: boolean;
  /** The token was written to the database (false: the write failed, e.g. a full disk; no fence to check). */
  fenced: boolean;
}

/**
 * Whether a write to a project may go ahead, checked inside the write's transaction: this
 * window must hold the project (a permit not revoked) and, where it wrote its token, still be
 * the project's writer in the database (another window that took the project wrote its own).
 */
export function checkWrite(permit: WritePermit | undefined, storedWriter: unknown, projectName: string): Result<null> {
  const name = projectName || 'The project';
  if (!permit) return fail(`${name} is not open in this window, so this window does not write to it.`);
  if (permit.revoked || (permit.fenced && storedWriter !== permit.token)) {
    return fail(`${name} was opened in another window; this window no longer writes to it.`);
  }
  return ok(null);
}
