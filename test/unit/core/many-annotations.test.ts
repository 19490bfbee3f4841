// A document at the span limit (and beyond, where a user raised it): its spans are gathered
// without passing them as arguments (`push(...spans)` overflowed the stack, "Maximum call stack
// size exceeded", in the import worker), and a label delete takes every one of its spans.
import { describe, expect, it } from 'vitest';
import type { DocumentDraft } from '../../../src-shared/domain';
import { maxOf, pushAll } from '../../../src-shared/push-all';
import { recordsOfDraft } from '../fixtures/records';

// More than any stack takes as arguments (Node's main thread overflows near 120,000).
const MANY = 400_000;

describe('many annotations', () => {
  it('a draft with 400,000 spans gives 400,000 span records', () => {
    const text = 'ab '.repeat(MANY);
    const draft: DocumentDraft = { text, meta: { title: 'Many' }, spans: Array.from({ length: MANY }, (_, i) => ({ start: 3 * i, end: 3 * i + 2, label: 'LOC' })) };
    const out = recordsOfDraft(draft, 's');
    expect(out.records).toHaveLength(MANY);
    expect(out.records.at(-1)).toMatchObject({ kind: 'span' });
  });

  it('pushAll appends in order and maxOf finds the largest, for any number of items', () => {
    const target = [1];
    pushAll(target, Array.from({ length: MANY }, (_, i) => i + 2));
    expect(target).toHaveLength(MANY + 1);
    expect(target[MANY]).toBe(MANY + 1);
    expect(maxOf(target)).toBe(MANY + 1);
    expect(maxOf([])).toBe(-Infinity);
  });
});
