import { describe, expect, it, vi } from 'vitest';
import { UNLOAD_PROMPT, handlePreventedUnload } from '../../../src-main/unload-prompt';

function preventUnloadEvent() {
  return { preventDefault: vi.fn() };
}

describe('closing while changes are being saved', () => {
  it('asks, and lets the window close when the user chooses to leave', () => {
    const event = preventUnloadEvent();
    const ask = vi.fn(() => UNLOAD_PROMPT.buttons.indexOf('Leave anyway'));
    expect(handlePreventedUnload(event, ask)).toBe('leave');
    expect(ask).toHaveBeenCalledOnce();
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('keeps the window open when the user stays or presses Esc', () => {
    const stays = preventUnloadEvent();
    expect(handlePreventedUnload(stays, () => UNLOAD_PROMPT.buttons.indexOf('Stay'))).toBe('stay');
    expect(stays.preventDefault).not.toHaveBeenCalled();

    const escapes = preventUnloadEvent();
    expect(handlePreventedUnload(escapes, () => UNLOAD_PROMPT.cancelId)).toBe('stay');
    expect(escapes.preventDefault).not.toHaveBeenCalled();
  });

  it('lets the window close when the question cannot be shown, rather than block it silently', () => {
    const event = preventUnloadEvent();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(
      handlePreventedUnload(event, () => {
        throw new Error('Object has been destroyed');
      }),
    ).toBe('leave');
    expect(event.preventDefault).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('makes staying the default, so Enter does not lose changes', () => {
    expect(UNLOAD_PROMPT.buttons[UNLOAD_PROMPT.defaultId]).toBe('Stay');
    expect(UNLOAD_PROMPT.buttons[UNLOAD_PROMPT.cancelId]).toBe('Stay');
    expect(UNLOAD_PROMPT.message).toMatch(/being saved/);
  });
});
