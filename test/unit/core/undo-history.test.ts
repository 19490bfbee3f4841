import { describe, expect, it } from 'vitest';
import { UndoHistory } from '../../../src-shared/undo-history';

describe('UndoHistory', () => {
  it('undoes and redoes in order, and a new change clears redo', () => {
    const h = new UndoHistory<string>();
    h.record('a');
    h.record('b');
    expect(h.takeUndo()).toBe('b');
    expect(h.takeUndo()).toBe('a');
    expect(h.takeUndo()).toBeUndefined();
    expect(h.takeRedo()).toBe('a');
    expect(h.canRedo).toBe(true);
    h.record('c');
    expect(h.canRedo).toBe(false);
    expect(h.takeUndo()).toBe('c');
    expect(h.takeUndo()).toBe('a');
  });

  it('puts a change back when applying it failed', () => {
    const h = new UndoHistory<string>();
    h.record('a');
    const taken = h.takeUndo() as string;
    h.restoreUndo(taken);
    expect(h.canRedo).toBe(false);
    expect(h.takeUndo()).toBe('a');
  });

  it('forgets the oldest change past its limit', () => {
    const h = new UndoHistory<number>(2);
    [1, 2, 3].forEach((n) => h.record(n));
    expect(h.takeUndo()).toBe(3);
    expect(h.takeUndo()).toBe(2);
    expect(h.takeUndo()).toBeUndefined();
  });
});
