import { describe, expect, it } from 'vitest';
import { commandFor, KEYMAP, RESERVED_SINGLE_KEYS, type KeyContext, type KeyPress } from '../../../src-shared/keymap';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
const at = (context: Partial<KeyContext> = {}): KeyContext => ({ inField: false, review: false, spanSelected: false, textSelected: false, linking: false, ...context });

describe('the keymap', () => {
  it('gives each key its command where the workbench is', () => {
    expect(commandFor(press('z', { ctrlKey: true }), at())).toBe('undo');
    expect(commandFor(press('Z', { metaKey: true, shiftKey: true }), at())).toBe('redo');
    expect(commandFor(press('z', { ctrlKey: true }), at({ inField: true }))).toBeNull();
    expect(commandFor(press(']'), at())).toBe('next-span');
    expect(commandFor(press(']'), at({ linking: true }))).toBe('link-next');
    expect(commandFor(press('Enter'), at({ linking: true }))).toBe('link-confirm');
    expect(commandFor(press('Enter'), at())).toBeNull();
    expect(commandFor(press('Escape'), at({ linking: true }))).toBe('link-cancel');
    expect(commandFor(press('Escape'), at())).toBe('clear-selection');
    expect(commandFor(press('r'), at({ spanSelected: true }))).toBe('start-relation');
    expect(commandFor(press('r'), at())).toBeNull();
    expect(commandFor(press('n'), at({ review: true }))).toBe('review-next');
    expect(commandFor(press('n'), at())).toBeNull();
    expect(commandFor(press('3'), at({ review: true }))).toBe('review-accept');
    expect(commandFor(press('ArrowLeft', { altKey: true }), at({ spanSelected: true }))).toBe('move-end-earlier');
    expect(commandFor(press('ArrowRight', { altKey: true, shiftKey: true }), at({ spanSelected: true }))).toBe('move-start-later');
    expect(commandFor(press('PageDown', { altKey: true }), at())).toBe('next-document');
    expect(commandFor(press('PageDown', { altKey: true, shiftKey: true }), at())).toBe('next-todo-document');
    expect(commandFor(press('?', { shiftKey: true }), at())).toBe('shortcuts');
    expect(commandFor(press('?', { shiftKey: true }), at({ inField: true }))).toBeNull();
  });

  it('no two bindings take the same key in the same situation', () => {
    const contexts: KeyContext[] = [];
    for (const inField of [false, true])
      for (const review of [false, true])
        for (const spanSelected of [false, true])
          for (const textSelected of [false, true]) for (const linking of [false, true]) contexts.push({ inField, review, spanSelected, textSelected, linking });
    const keys = ['z', 'y', 'o', 'e', ']', '[', 'Delete', 'Backspace', 'Escape', 'Enter', 'ArrowLeft', 'ArrowRight', 'r', 'n', 'b', 'x', '1', '9', '?', 'PageDown', 'PageUp'];
    for (const context of contexts)
      for (const key of keys)
        for (const mods of [{}, { ctrlKey: true }, { altKey: true }, { shiftKey: true }, { altKey: true, shiftKey: true }, { ctrlKey: true, shiftKey: true }, { ctrlKey: true, altKey: true }, { ctrlKey: true, altKey: true, shiftKey: true }]) {
          const matching = KEYMAP.filter((b) => b.matches(press(key, mods), context)).map((b) => b.command);
          expect(matching.length, `${key} ${JSON.stringify(mods)} ${JSON.stringify(context)}: ${matching.join(', ')}`).toBeLessThanOrEqual(1);
        }
  });

  it('moves a span’s edge by one character with Ctrl+Alt (and Shift for the start)', () => {
    const span = at({ spanSelected: true });
    expect(commandFor(press('ArrowLeft', { ctrlKey: true, altKey: true }), span)).toBe('move-end-character-earlier');
    expect(commandFor(press('ArrowRight', { ctrlKey: true, altKey: true }), span)).toBe('move-end-character-later');
    expect(commandFor(press('ArrowLeft', { ctrlKey: true, altKey: true, shiftKey: true }), span)).toBe('move-start-character-earlier');
    expect(commandFor(press('ArrowRight', { ctrlKey: true, altKey: true, shiftKey: true }), span)).toBe('move-start-character-later');
    expect(commandFor(press('ArrowRight', { ctrlKey: true, altKey: true }), at())).toBeNull();
    // Word steps keep Alt alone.
    expect(commandFor(press('ArrowRight', { altKey: true }), span)).toBe('move-end-later');
  });

  it('keeps its single keys from the schema’s hotkeys, saying what for', () => {
    expect(RESERVED_SINGLE_KEYS.get('n')).toBe('the next review item');
    expect(RESERVED_SINGLE_KEYS.get('7')).toBe('accepting a version in review');
    expect(RESERVED_SINGLE_KEYS.get('r')).toBe('starting a relation');
    expect(RESERVED_SINGLE_KEYS.get(']')).toBe('the next span');
    expect(RESERVED_SINGLE_KEYS.has('p')).toBe(false);
  });
});
