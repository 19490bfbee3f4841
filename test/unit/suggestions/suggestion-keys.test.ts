// The suggestion keys in the one keymap: Enter or Tab accepts and Backspace or x rejects the
// selected suggestion, { and } step through them, and none takes a key another binding has.
import { describe, expect, it } from 'vitest';
import { commandFor, KEYMAP, RESERVED_SINGLE_KEYS, type KeyContext, type KeyPress } from '../../../src-shared/keymap';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const at = (context: Partial<KeyContext> = {}): KeyContext => ({
  inField: false,
  review: false,
  spanSelected: false,
  textSelected: false,
  linking: false,
  ...context,
});

describe('suggestion keys', () => {
  it('accept with Enter or Tab, reject with Backspace or x, only with a suggestion selected', () => {
    const selected = at({ suggestionSelected: true });
    expect(commandFor(press('Enter'), selected)).toBe('accept-suggestion');
    expect(commandFor(press('Tab'), selected)).toBe('accept-suggestion');
    expect(commandFor(press('Backspace'), selected)).toBe('reject-suggestion');
    expect(commandFor(press('x'), selected)).toBe('reject-suggestion');
    expect(commandFor(press('Tab'), at())).toBeNull();
    expect(commandFor(press('Backspace'), at({ spanSelected: true, suggestionSelected: true }))).toBe('delete-span');
    expect(commandFor(press('Enter'), at({ linking: true, suggestionSelected: true }))).toBe('link-confirm');
    expect(commandFor(press('x'), at({ review: true, suggestionSelected: true }))).toBe('review-reject');
    expect(commandFor(press('}', { shiftKey: true }), at())).toBe('next-suggestion');
    expect(commandFor(press('{', { shiftKey: true }), at())).toBe('previous-suggestion');
    expect(RESERVED_SINGLE_KEYS.get('}')).toBe('the next suggestion');
  });

  it('no two bindings take the same key, with or without a suggestion selected', () => {
    const keys = ['Enter', 'Tab', 'Backspace', 'Delete', 'x', '{', '}', ']', '[', 'Escape', 'r'];
    for (const suggestionSelected of [false, true])
      for (const spanSelected of [false, true])
        for (const review of [false, true])
          for (const linking of [false, true])
            for (const textSelected of [false, true])
              for (const key of keys)
                for (const mods of [{}, { shiftKey: true }, { ctrlKey: true }, { altKey: true }]) {
                  const context = at({ suggestionSelected, spanSelected, review, linking, textSelected });
                  const matching = KEYMAP.filter((b) => b.matches(press(key, mods), context)).map((b) => b.command);
                  expect(
                    matching.length,
                    `${key} ${JSON.stringify(mods)} ${JSON.stringify(context)}: ${matching.join(', ')}`,
                  ).toBeLessThanOrEqual(1);
                }
  });
});
