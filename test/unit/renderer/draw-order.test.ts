// The order in which a large document's marks are drawn: the lines in view with the text, the
// others nearest first, a chunk at a time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstIndexWhere, marksDrawOrder, takeChunk } from '../../../src-renderer/src/ui/document/draw-order';

describe('draw order of marks', () => {
  it('finds the first index past a boundary', () => {
    expect(firstIndexWhere(0, () => true)).toBe(0);
    expect(firstIndexWhere(5, () => false)).toBe(5);
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), (count, cut) => {
        const boundary = Math.min(cut, count);
        const asked: number[] = [];
        const found = firstIndexWhere(count, (i) => {
          asked.push(i);
          return i >= boundary;
        });
        expect(found).toBe(boundary);
        // A binary search: a few questions, never out of range.
        expect(asked.length).toBeLessThanOrEqual(Math.ceil(Math.log2(count + 1)) + 1);
        for (const i of asked) expect(i >= 0 && i < count).toBe(true);
      }),
    );
  });

  it('draws the lines in view and within the margin now, the others nearest first, below before above', () => {
    const { now, later } = marksDrawOrder([0, 3, 10, 11, 12, 20, 30, 7], { first: 10, last: 12 }, 2);
    expect(now.sort((a, b) => a - b)).toEqual([10, 11, 12]);
    // 7 is 3 lines above, 20 is 8 below, 3 is 7 above, 0 is 10 above, 30 is 18 below.
    expect(later).toEqual([7, 3, 20, 0, 30]);
    expect(marksDrawOrder([9, 15], { first: 10, last: 12 }, 3).later).toEqual([]);
    expect(marksDrawOrder([6, 16], { first: 10, last: 12 }, 3).later).toEqual([16, 6]);
  });

  it('every line is drawn exactly once', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(500)), fc.nat(500), fc.nat(50), fc.nat(20), (lines, first, size, margin) => {
        const { now, later } = marksDrawOrder(lines, { first, last: first + size }, margin);
        expect([...now, ...later].sort((a, b) => a - b)).toEqual([...lines].sort((a, b) => a - b));
      }),
    );
  });

  it('takes chunks of about the given number of marks until the queue is empty', () => {
    const queue = [5, 6, 7, 8, 9];
    const marks = new Map([
      [5, 3],
      [6, 1],
      [7, 10],
      [8, 0],
      [9, 2],
    ]);
    const marksOf = (line: number) => marks.get(line) ?? 0;
    expect(takeChunk(queue, marksOf, 4)).toEqual([5, 6]);
    expect(takeChunk(queue, marksOf, 4)).toEqual([7]);
    expect(takeChunk(queue, marksOf, 4)).toEqual([8, 9]);
    expect(takeChunk(queue, marksOf, 4)).toEqual([]);
    expect(queue).toEqual([]);
  });
});
