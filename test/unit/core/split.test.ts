import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitDocuments, type SplitName } from '../../../src-shared/split';

const docs = (n: number, labels: (i: number) => string[] = () => []) => Array.from({ length: n }, (_, i) => ({ id: `d${String(i).padStart(3, '0')}`, labels: labels(i) }));
const counts = (split: Map<string, SplitName>) => {
  const c = { train: 0, dev: 0, test: 0 };
  for (const s of split.values()) c[s]++;
  return c;
};

describe('splitDocuments', () => {
  it('follows the ratios exactly when they divide the documents', () => {
    expect(counts(splitDocuments(docs(100), { train: 80, dev: 10, test: 10 }, 7, false))).toEqual({ train: 80, dev: 10, test: 10 });
    expect(counts(splitDocuments(docs(10), { train: 0.8, dev: 0.1, test: 0.1 }, 1, false))).toEqual({ train: 8, dev: 1, test: 1 });
  });

  it('is reproducible from the seed, whatever the input order, and the seed matters', () => {
    const input = docs(50);
    const a = splitDocuments(input, { train: 70, dev: 15, test: 15 }, 42, false);
    const b = splitDocuments([...input].reverse(), { train: 70, dev: 15, test: 15 }, 42, false);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
    const c = splitDocuments(input, { train: 70, dev: 15, test: 15 }, 43, false);
    expect([...a.entries()].sort()).not.toEqual([...c.entries()].sort());
  });

  it('stratifies by label presence: each group split in proportion', () => {
    // 50 documents with CLAIM, 50 without.
    const split = splitDocuments(docs(100, (i) => (i % 2 === 0 ? ['CLAIM'] : [])), { train: 80, dev: 10, test: 10 }, 3, true);
    const withClaim = docs(100).filter((_, i) => i % 2 === 0).map((d) => split.get(d.id));
    expect(withClaim.filter((s) => s === 'train')).toHaveLength(40);
    expect(withClaim.filter((s) => s === 'dev')).toHaveLength(5);
    expect(withClaim.filter((s) => s === 'test')).toHaveLength(5);
  });

  it('a zero ratio gets no documents; bad ratios are refused', () => {
    expect(counts(splitDocuments(docs(9), { train: 2, dev: 0, test: 1 }, 5, false))).toEqual({ train: 6, dev: 0, test: 3 });
    expect(() => splitDocuments(docs(3), { train: 0, dev: 0, test: 0 }, 1, false)).toThrow(RangeError);
    expect(() => splitDocuments(docs(3), { train: -1, dev: 1, test: 1 }, 1, false)).toThrow(RangeError);
  });

  it('puts every document in exactly one split, sizes within one document of the ratio', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer(), fc.boolean(), (n, seed, stratify) => {
        const input = docs(n, (i) => (i % 3 === 0 ? ['A'] : i % 3 === 1 ? ['A', 'B'] : []));
        const split = splitDocuments(input, { train: 8, dev: 1, test: 1 }, seed, stratify);
        expect(split.size).toBe(n);
        const c = counts(split);
        // Overall sizes stay within one document of the ratio, stratified or not.
        const slack = 1;
        expect(Math.abs(c.train - n * 0.8)).toBeLessThanOrEqual(slack);
        expect(Math.abs(c.dev - n * 0.1)).toBeLessThanOrEqual(slack);
        if (stratify) {
          // Each label-presence group is spread in proportion too (within two documents).
          for (const group of [0, 1, 2]) {
            const members = input.filter((_, i) => i % 3 === group);
            const inTrain = members.filter((d) => split.get(d.id) === 'train').length;
            expect(Math.abs(inTrain - members.length * 0.8)).toBeLessThanOrEqual(2);
          }
        }
      }),
    );
  });
});
