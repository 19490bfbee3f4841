// The browser's lock manager (Web Locks, in Chromium and so in Electron) for projects: a window
// holds its open project's lock for as long as it shows it, and may take it from another window.
import { projectLockName } from '../../../src-shared/project-lock';

export interface ProjectLockHold {
  /** Lets go of the lock (the project was left). Does nothing once it was taken away. */
  release(): void;
}

export type ClaimAnswer = { kind: 'granted'; hold: ProjectLockHold } | { kind: 'busy' } | { kind: 'unsupported' };

/**
 * Asks for a project's lock: at once if free (`busy` when another window holds it), or taken
 * from that window with `steal`. `onLost` runs when another window takes it from this one.
 */
export function claimProjectLock(projectId: string, options: { steal: boolean; onLost: () => void }): Promise<ClaimAnswer> {
  // Web Locks need a secure page (https, localhost, the desktop app's own protocol).
  const locks = typeof navigator === 'undefined' ? undefined : (navigator.locks as LockManager | undefined);
  if (!locks) return Promise.resolve({ kind: 'unsupported' });
  return new Promise<ClaimAnswer>((resolve, reject) => {
    let granted = false;
    let release!: () => void;
    const released = new Promise<void>((done) => (release = done));
    locks
      .request(projectLockName(projectId), options.steal ? { steal: true } : { ifAvailable: true }, async (lock) => {
        if (!lock) {
          resolve({ kind: 'busy' });
          return;
        }
        granted = true;
        resolve({ kind: 'granted', hold: { release } });
        // Held until released: the lock manager lets go when this promise settles.
        await released;
      })
      .catch((error: unknown) => {
        // A lock taken with `steal` ends the holder's request with an AbortError.
        if (granted) {
          if (error instanceof DOMException && error.name === 'AbortError') options.onLost();
        } else reject(error instanceof Error ? error : new Error(String(error)));
      });
  });
}

/**
 * Runs `work` while holding a project's lock, for work on a project this window does not show
 * (deleting it); `done: false`, without running it, when another window has it open.
 */
export async function whileProjectFree<T>(projectId: string, work: () => Promise<T>): Promise<{ done: true; value: T } | { done: false }> {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator.locks as LockManager | undefined);
  if (!locks) return { done: true, value: await work() };
  let outcome: { done: true; value: T } | { done: false } = { done: false };
  await locks.request(projectLockName(projectId), { ifAvailable: true }, async (lock) => {
    if (lock) outcome = { done: true, value: await work() };
  });
  return outcome;
}
