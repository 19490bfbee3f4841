// Every key of the workbench, declared once: what it does, where it works, and how it is shown.
// The key handler dispatches from this table, the shortcut sheet (?) is drawn from it, and the
// schema rules refuse label hotkeys that would clash with it, so none of the three can drift.

/** A key press as the browser reports it (KeyboardEvent has these fields). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export type KeyCommand =
  | 'undo'
  | 'redo'
  | 'import'
  | 'export'
  | 'shortcuts'
  | 'find'
  | 'previous-span'
  | 'next-span'
  | 'delete-span'
  | 'clear-selection'
  | 'move-end-earlier'
  | 'move-end-later'
  | 'move-start-earlier'
  | 'move-start-later'
  | 'move-end-character-earlier'
  | 'move-end-character-later'
  | 'move-start-character-earlier'
  | 'move-start-character-later'
  | 'start-relation'
  | 'link-next'
  | 'link-previous'
  | 'link-confirm'
  | 'link-cancel'
  | 'review-next'
  | 'review-previous'
  | 'review-reject'
  | 'review-accept'
  | 'review-accept-agreements'
  | 'next-document'
  | 'previous-document'
  | 'next-todo-document'
  | 'next-suggestion'
  | 'previous-suggestion'
  | 'accept-suggestion'
  | 'reject-suggestion';

/** Where the workbench is when a key arrives. */
export interface KeyContext {
  /** Focus is in a text field, list or menu: it keeps its own keys. */
  inField: boolean;
  review: boolean;
  spanSelected: boolean;
  /** Text is selected in the document (a label key labels it). */
  textSelected: boolean;
  /** A relation is being made: choosing its type or its target. */
  linking: boolean;
  /** A suggestion is selected (Enter or Tab accepts it, Backspace or x rejects it). */
  suggestionSelected?: boolean;
}

export type KeyGroup = 'Files and history' | 'Spans' | 'Suggestions' | 'Relations' | 'Documents' | 'Review' | 'Help';

export interface KeyBinding {
  command: KeyCommand;
  /** How the key is written for people (the shortcut sheet, tooltips). */
  keys: string;
  group: KeyGroup;
  description: string;
  /** For single keys: what the key is kept for, in "Hotkey n is kept for …" (schema-rules.ts). */
  purpose?: string;
  matches(press: KeyPress, context: KeyContext): boolean;
}

const mod = (press: KeyPress) => press.ctrlKey || press.metaKey;
const plain = (press: KeyPress) => !press.ctrlKey && !press.metaKey && !press.altKey;
const letter = (press: KeyPress, key: string) => press.key.toLowerCase() === key;

export const KEYMAP: readonly KeyBinding[] = [
  { command: 'undo', keys: 'Ctrl/⌘+Z', group: 'Files and history', description: 'Undo', matches: (p, c) => !c.inField && mod(p) && !p.shiftKey && letter(p, 'z') },
  {
    command: 'redo',
    keys: 'Ctrl/⌘+Shift+Z, Ctrl+Y',
    group: 'Files and history',
    description: 'Redo',
    matches: (p, c) => !c.inField && mod(p) && ((p.shiftKey && letter(p, 'z')) || letter(p, 'y')),
  },
  { command: 'import', keys: 'Ctrl/⌘+O', group: 'Files and history', description: 'Import documents', matches: (p) => mod(p) && letter(p, 'o') },
  { command: 'export', keys: 'Ctrl/⌘+E', group: 'Files and history', description: 'Export', matches: (p) => mod(p) && letter(p, 'e') },
  { command: 'find', keys: 'Ctrl/⌘+F', group: 'Documents', description: 'Find in the document (Enter, Shift+Enter: next, previous); label all matches', matches: (p) => mod(p) && !p.shiftKey && letter(p, 'f') },

  { command: 'next-span', keys: ']', group: 'Spans', description: 'Select the next span (the caret goes to it)', purpose: 'the next span', matches: (p, c) => !c.inField && !c.linking && plain(p) && p.key === ']' },
  { command: 'previous-span', keys: '[', group: 'Spans', description: 'Select the previous span', purpose: 'the previous span', matches: (p, c) => !c.inField && !c.linking && plain(p) && p.key === '[' },
  {
    command: 'delete-span',
    keys: 'Delete, Backspace',
    group: 'Spans',
    description: 'Delete the selected span (and its relations)',
    matches: (p, c) => !c.inField && c.spanSelected && plain(p) && (p.key === 'Delete' || p.key === 'Backspace'),
  },
  { command: 'clear-selection', keys: 'Esc', group: 'Spans', description: 'Clear the selection (and close find)', matches: (p, c) => !c.inField && !c.linking && p.key === 'Escape' },
  {
    command: 'move-end-earlier',
    keys: 'Alt+←',
    group: 'Spans',
    description: 'Move the selected span’s end one word earlier',
    matches: (p, c) => !c.inField && c.spanSelected && p.altKey && !mod(p) && !p.shiftKey && p.key === 'ArrowLeft',
  },
  {
    command: 'move-end-later',
    keys: 'Alt+→',
    group: 'Spans',
    description: 'Move the selected span’s end one word later',
    matches: (p, c) => !c.inField && c.spanSelected && p.altKey && !mod(p) && !p.shiftKey && p.key === 'ArrowRight',
  },
  {
    command: 'move-start-earlier',
    keys: 'Alt+Shift+←',
    group: 'Spans',
    description: 'Move the selected span’s start one word earlier',
    matches: (p, c) => !c.inField && c.spanSelected && p.altKey && !mod(p) && p.shiftKey && p.key === 'ArrowLeft',
  },
  {
    command: 'move-start-later',
    keys: 'Alt+Shift+→',
    group: 'Spans',
    description: 'Move the selected span’s start one word later',
    matches: (p, c) => !c.inField && c.spanSelected && p.altKey && !mod(p) && p.shiftKey && p.key === 'ArrowRight',
  },
  {
    command: 'move-end-character-earlier',
    keys: 'Ctrl+Alt+←',
    group: 'Spans',
    description: 'Move the selected span’s end one character earlier',
    matches: (p, c) => !c.inField && c.spanSelected && p.altKey && p.ctrlKey && !p.metaKey && !p.shiftKey && p.key === 'ArrowLeft',
  },
  {
    command: 'move-end-character-later',
    keys: 'Ctrl+Alt+→',
    group: 'Spans',
    description: 'Move the selected span’s end one character later',
    matches: (p, c) => !c.inField && c.spanSelected && p.altKey && p.ctrlKey && !p.metaKey && !p.shiftKey && p.key === 'ArrowRight',
  },
  {
    command: 'move-start-character-earlier',
    keys: 'Ctrl+Alt+Shift+←',
    group: 'Spans',
    description: 'Move the selected span’s start one character earlier',
    matches: (p, c) => !c.inField && c.spanSelected && p.altKey && p.ctrlKey && !p.metaKey && p.shiftKey && p.key === 'ArrowLeft',
  },
  {
    command: 'move-start-character-later',
    keys: 'Ctrl+Alt+Shift+→',
    group: 'Spans',
    description: 'Move the selected span’s start one character later',
    matches: (p, c) => !c.inField && c.spanSelected && p.altKey && p.ctrlKey && !p.metaKey && p.shiftKey && p.key === 'ArrowRight',
  },

  {
    command: 'start-relation',
    keys: 'r',
    group: 'Relations',
    description: 'Start a relation from the selected span (then its type’s key or number)',
    purpose: 'starting a relation',
    matches: (p, c) => !c.inField && !c.linking && c.spanSelected && !c.textSelected && plain(p) && letter(p, 'r'),
  },
  { command: 'link-next', keys: ']', group: 'Relations', description: 'While linking: the next possible target', matches: (p, c) => !c.inField && c.linking && plain(p) && p.key === ']' },
  { command: 'link-previous', keys: '[', group: 'Relations', description: 'While linking: the previous possible target', matches: (p, c) => !c.inField && c.linking && plain(p) && p.key === '[' },
  { command: 'link-confirm', keys: 'Enter', group: 'Relations', description: 'While linking: link to the target', matches: (p, c) => !c.inField && c.linking && plain(p) && p.key === 'Enter' },
  { command: 'link-cancel', keys: 'Esc', group: 'Relations', description: 'While linking: cancel', matches: (p, c) => !c.inField && c.linking && p.key === 'Escape' },

  {
    command: 'next-document',
    keys: 'Alt+PageDown',
    group: 'Documents',
    description: 'Open the next document of the list',
    matches: (p, c) => !c.inField && p.altKey && !mod(p) && !p.shiftKey && p.key === 'PageDown',
  },
  {
    command: 'previous-document',
    keys: 'Alt+PageUp',
    group: 'Documents',
    description: 'Open the previous document of the list',
    matches: (p, c) => !c.inField && p.altKey && !mod(p) && p.key === 'PageUp',
  },
  {
    command: 'next-todo-document',
    keys: 'Alt+Shift+PageDown',
    group: 'Documents',
    description: 'Open the next document still to do',
    matches: (p, c) => !c.inField && p.altKey && !mod(p) && p.shiftKey && p.key === 'PageDown',
  },

  { command: 'review-next', keys: 'n', group: 'Review', description: 'Next disagreement', purpose: 'the next review item', matches: (p, c) => !c.inField && c.review && !c.textSelected && plain(p) && letter(p, 'n') },
  { command: 'review-previous', keys: 'b', group: 'Review', description: 'Previous disagreement', purpose: 'the previous review item', matches: (p, c) => !c.inField && c.review && !c.textSelected && plain(p) && letter(p, 'b') },
  { command: 'review-reject', keys: 'x', group: 'Review', description: 'Reject the review item', purpose: 'rejecting a review item', matches: (p, c) => !c.inField && c.review && !c.textSelected && plain(p) && letter(p, 'x') },
  {
    command: 'review-accept',
    keys: '1–9',
    group: 'Review',
    description: 'Accept that annotator’s version',
    purpose: 'accepting a version in review',
    matches: (p, c) => !c.inField && c.review && !c.textSelected && plain(p) && /^[1-9]$/.test(p.key),
  },
  {
    command: 'review-accept-agreements',
    keys: 'Shift+Enter',
    group: 'Review',
    description: 'Accept every agreement of the document into gold',
    matches: (p, c) => !c.inField && !c.linking && c.review && !c.textSelected && plain(p) && p.shiftKey && p.key === 'Enter',
  },

  // After review's, so that x is named for review in the hotkey rules (its first binding).
  { command: 'next-suggestion', keys: '}', group: 'Suggestions', description: 'Select the next suggestion', purpose: 'the next suggestion', matches: (p, c) => !c.inField && !c.linking && !c.review && plain(p) && p.key === '}' },
  { command: 'previous-suggestion', keys: '{', group: 'Suggestions', description: 'Select the previous suggestion', purpose: 'the previous suggestion', matches: (p, c) => !c.inField && !c.linking && !c.review && plain(p) && p.key === '{' },
  {
    command: 'accept-suggestion',
    keys: 'Enter, Tab',
    group: 'Suggestions',
    description: 'Accept the selected suggestion as a span (then the next is selected); a click on one accepts it too',
    matches: (p, c) => !c.inField && !c.linking && c.suggestionSelected === true && !c.spanSelected && plain(p) && !p.shiftKey && (p.key === 'Enter' || p.key === 'Tab'),
  },
  {
    command: 'reject-suggestion',
    keys: 'Backspace, x',
    group: 'Suggestions',
    description: 'Reject the selected suggestion (it is not proposed again)',
    matches: (p, c) => !c.inField && !c.linking && !c.review && c.suggestionSelected === true && !c.spanSelected && !c.textSelected && plain(p) && (p.key === 'Backspace' || letter(p, 'x')),
  },

  { command: 'shortcuts', keys: '?', group: 'Help', description: 'Show every key', matches: (p, c) => !c.inField && !mod(p) && p.key === '?' },
];

/** The command a key press means where the workbench is, or null (then schema hotkeys apply). */
export function commandFor(press: KeyPress, context: KeyContext): KeyCommand | null {
  return KEYMAP.find((binding) => binding.matches(press, context))?.command ?? null;
}

/**
 * Single keys (no modifier) the table uses, with what for: a label, relation type or category
 * hotkey may not take one of them (`schema-rules.ts`).
 */
export const RESERVED_SINGLE_KEYS: ReadonlyMap<string, string> = (() => {
  const reserved = new Map<string, string>();
  for (const binding of KEYMAP) {
    const keys = binding.keys === '1–9' ? ['1', '2', '3', '4', '5', '6', '7', '8', '9'] : binding.keys.split(', ');
    // A key bound in several situations is named by its first binding.
    for (const key of keys) if (key.length === 1 && !reserved.has(key)) reserved.set(key, binding.purpose ?? binding.description.toLowerCase());
  }
  return reserved;
})();
