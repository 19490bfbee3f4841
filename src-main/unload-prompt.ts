// What happens when the page asks not to be closed (its `beforeunload` handler: changes are still
// being written). Electron would otherwise cancel the close silently, leaving a window that
// will not shut with no word why; so the user is asked, and the answer decides.

/** The question, as options for `dialog.showMessageBoxSync`. Stay is the default and Esc. */
export const UNLOAD_PROMPT = {
  type: 'warning',
  title: 'Changes still being saved',
  message: 'Your last changes are still being saved.',
  detail: 'Leaving now may lose them. Stay a moment until saving ends, then close again.',
  buttons: ['Stay', 'Leave anyway'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
} as const;

const LEAVE = UNLOAD_PROMPT.buttons.indexOf('Leave anyway');

/** The parts of Electron's `will-prevent-unload` event used here. */
export interface PreventUnloadEvent {
  /** On this event, preventDefault lets the page unload despite its beforeunload handler. */
  preventDefault(): void;
}

/**
 * Asks (through `ask`, which shows UNLOAD_PROMPT and answers the button index) and lets the
 * window close when the user chooses to leave. A question that cannot be shown (the window is
 * already gone) lets it close: blocking silently is what this handler exists to prevent.
 */
export function handlePreventedUnload(event: PreventUnloadEvent, ask: () => number): 'leave' | 'stay' {
  let answer: number;
  try {
    answer = ask();
  } catch (error) {
    console.warn('Could not ask whether to leave; leaving:', error);
    answer = LEAVE;
  }
  if (answer !== LEAVE) return 'stay';
  event.preventDefault();
  return 'leave';
}
