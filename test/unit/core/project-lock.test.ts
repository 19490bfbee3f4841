// One window per project: what a window shows and may write after each answer of the lock
// manager, including answers that arrive late, and what the lock screens say.
import { describe, expect, it } from 'vitest';
import {
  checkWrite,
  initialLockState,
  lockNotice,
  lockStep,
  type ProjectLockEvent,
  type ProjectLockState,
} from '../../../src-shared/project-lock';

function run(state: ProjectLockState, ...events: ProjectLockEvent[]): { state: ProjectLockState; released: string[] } {
  const released: string[] = [];
  for (const event of events) {
    const step = lockStep(state, event);
    state = step.state;
    released.push(...step.release);
  }
  return { state, released };
}

describe('the project lock of a window', () => {
  it('shows a project once its lock is granted, and nothing before', () => {
    const start = initialLockState('a');
    expect(start).toMatchObject({ status: 'claiming', showing: null });
    expect(run(start, { type: 'granted', projectId: 'a' }).state).toMatchObject({ status: 'held', showing: 'a' });
  });

  it('says the project is open elsewhere when another window holds it', () => {
    const { state } = run(initialLockState('a'), { type: 'busy', projectId: 'a' });
    expect(state).toMatchObject({ status: 'busy', showing: null });
    expect(lockNotice(state, 'Interviews')?.heading).toBe('Interviews is open in another window');
    expect(lockNotice(state, 'Interviews')?.take).toBe('Use it here instead');
  });

  it("takes the project on the user's word: claims it with steal and shows it when granted", () => {
    const busy = run(initialLockState('a'), { type: 'busy', projectId: 'a' }).state;
    const stealing = run(busy, { type: 'steal' }).state;
    expect(stealing).toMatchObject({ status: 'claiming', steal: true, showing: null });
    expect(run(stealing, { type: 'granted', projectId: 'a' }).state).toMatchObject({ status: 'held', steal: false, showing: 'a' });
  });

  it('stops showing a project taken by another window, and says so', () => {
    const { state } = run(initialLockState('a'), { type: 'granted', projectId: 'a' }, { type: 'lost', projectId: 'a' });
    expect(state).toMatchObject({ status: 'lost', showing: null });
    expect(lockNotice(state, 'Interviews')).toMatchObject({
      heading: 'Interviews was opened in another window',
      take: 'Use it here again',
    });
    expect(run(state, { type: 'steal' }).state).toMatchObject({ status: 'claiming', steal: true });
  });

  it('keeps the held project on screen while another is claimed, and lets it go once that is granted', () => {
    const held = run(initialLockState('a'), { type: 'granted', projectId: 'a' }).state;
    const switching = run(held, { type: 'open', projectId: 'b' });
    expect(switching.state).toMatchObject({ projectId: 'b', status: 'claiming', showing: 'a' });
    expect(switching.released).toEqual([]);
    const done = run(switching.state, { type: 'granted', projectId: 'b' });
    expect(done.state).toMatchObject({ projectId: 'b', status: 'held', showing: 'b' });
    expect(done.released).toEqual(['a']);
  });

  it('lets go of the held project when the next one is open elsewhere', () => {
    const held = run(initialLockState('a'), { type: 'granted', projectId: 'a' }).state;
    const { state, released } = run(held, { type: 'open', projectId: 'b' }, { type: 'busy', projectId: 'b' });
    expect(state).toMatchObject({ projectId: 'b', status: 'busy', showing: null });
    expect(released).toEqual(['a']);
    // Going back claims it again.
    expect(run(state, { type: 'open', projectId: 'a' }).state).toMatchObject({ projectId: 'a', status: 'claiming', steal: false });
  });

  it('releases a grant that arrives after the user chose another project', () => {
    const { state, released } = run(initialLockState('a'), { type: 'open', projectId: 'b' }, { type: 'granted', projectId: 'a' });
    expect(state).toMatchObject({ projectId: 'b', status: 'claiming', showing: null });
    expect(released).toEqual(['a']);
  });

  it('ignores a late refusal or loss of a project no longer wanted', () => {
    const held = run(initialLockState('a'), { type: 'granted', projectId: 'a' }).state;
    expect(run(held, { type: 'busy', projectId: 'z' }).state).toEqual(held);
    expect(run(held, { type: 'lost', projectId: 'z' }).state).toEqual(held);
  });

  it('takes a project still on screen off it when it is taken while another is claimed', () => {
    const held = run(initialLockState('a'), { type: 'granted', projectId: 'a' }).state;
    const { state } = run(held, { type: 'open', projectId: 'b' }, { type: 'lost', projectId: 'a' });
    expect(state).toMatchObject({ projectId: 'b', status: 'claiming', showing: null });
  });

  it('opens unguarded where the browser has no Web Locks', () => {
    const { state } = run(initialLockState('a'), { type: 'unsupported', projectId: 'a' });
    expect(state).toMatchObject({ status: 'unguarded', showing: 'a' });
    expect(lockNotice(state, 'Interviews')).toBeNull();
  });

  it('does not claim again a project already held', () => {
    const held = run(initialLockState('a'), { type: 'granted', projectId: 'a' }).state;
    expect(run(held, { type: 'open', projectId: 'a' }).state).toEqual(held);
    expect(run(held, { type: 'steal' }).state).toEqual(held);
  });
});

describe('whether a write may go ahead', () => {
  const permit = { token: 't1', revoked: false, fenced: true };

  it('lets the window that holds the project and wrote its token write', () => {
    expect(checkWrite(permit, 't1', 'Interviews').ok).toBe(true);
  });

  it('refuses once another window wrote its token, before this window heard of it', () => {
    expect(checkWrite(permit, 't2', 'Interviews')).toEqual({
      ok: false,
      error: 'Interviews was opened in another window; this window no longer writes to it.',
    });
  });

  it('refuses after the lock was taken away, whatever the database says', () => {
    expect(checkWrite({ ...permit, revoked: true }, 't1', 'Interviews').ok).toBe(false);
  });

  it('refuses a project this window never opened', () => {
    expect(checkWrite(undefined, 't1', 'Interviews')).toEqual({
      ok: false,
      error: 'Interviews is not open in this window, so this window does not write to it.',
    });
  });

  it('relies on the lock alone where the token could not be written (a full disk)', () => {
    expect(checkWrite({ ...permit, fenced: false }, 'someone else', 'Interviews').ok).toBe(true);
  });
});
