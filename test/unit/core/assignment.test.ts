import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentProblem, assignmentProgress, documentsOf, planAssignment } from '../../../src-shared/assignment';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `d${i}`);

describe('planAssignment', () => {
  it('gives every document one annotator, the overlap share two, evenly', () => {
    const plan = planAssignment({ documentIds: ids(500), annotators: ['Ana', 'Ben', 'Cy', 'Dee', 'Eli', 'Fay'], overlap: 0.2, seed: 7 }, 0);
    const who = Object.values(plan.documents);
    expect(who).toHaveLength(500);
    expect(who.filter((w) => w.length === 2)).toHaveLength(100);
    expect(who.every((w) => w.length === 1 || (w.length === 2 && w[0] !== w[1]))).toBe(true);
    const loads = plan.annotators.map((a) => documentsOf(plan, a).length);
    expect(loads.reduce((a, b) => a + b, 0)).toBe(600);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    // Pairs are spread: 100 shared documents over 15 pairs, each pair 6 or 7.
    const pairs = new Map<string, number>();
    for (const w of who.filter((x) => x.length === 2)) pairs.set(w.join('+'), (pairs.get(w.join('+')) ?? 0) + 1);
    expect(pairs.size).toBe(15);
    expect(Math.max(...pairs.values()) - Math.min(...pairs.values())).toBeLessThanOrEqual(1);
  });

  it('is the same for the same seed, and another for another seed', () => {
    const request = { documentIds: ids(40), annotators: ['Ana', 'Ben', 'Cy'], overlap: 0.25, seed: 42 };
    expect(planAssignment(request, 0)).toEqual(planAssignment(request, 0));
    expect(planAssignment({ ...request, seed: 43 }, 0).documents).not.toEqual(planAssignment(request, 0).documents);
  });

  it('keeps loads within one of each other for any sizes and overlaps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 7 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer(), (n, people, overlap, seed) => {
        const annotators = Array.from({ length: people }, (_, i) => `A${i}`);
        const request = { documentIds: ids(n), annotators, overlap: people < 2 ? 0 : overlap, seed };
        const plan = planAssignment(request, 0);
        const loads = annotators.map((a) => documentsOf(plan, a).length);
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        expect(Object.keys(plan.documents)).toEqual(ids(n));
        expect(Object.values(plan.documents).filter((w) => w.length === 2)).toHaveLength(people < 2 ? 0 : Math.round(request.overlap * n));
      }),
    );
  });

  it('says what is wrong with a request', () => {
    const base = { documentIds: ids(3), annotators: ['Ana', 'Ben'], overlap: 0.2, seed: 1 };
    expect(assignmentProblem(base)).toBeNull();
    expect(assignmentProblem({ ...base, annotators: [] })).toMatch(/at least one annotator/);
    expect(assignmentProblem({ ...base, annotators: ['Ana', ' ana '] })).toBe('“ana” is named twice.');
    expect(assignmentProblem({ ...base, documentIds: [] })).toMatch(/no documents/);
    expect(assignmentProblem({ ...base, overlap: 1.5 })).toMatch(/between 0 % and 100 %/);
    expect(assignmentProblem({ ...base, annotators: ['Ana'] })).toMatch(/two annotators/);
    expect(assignmentProblem({ ...base, seed: 1.5 })).toMatch(/whole number/);
    expect(() => planAssignment({ ...base, annotators: [] }, 0)).toThrow();
  });
});

describe('assignmentProgress', () => {
  it('counts assigned, returned and done per annotator, and lists what is missing', () => {
    const plan = { annotators: ['Ana', 'Ben'], overlap: 0.5, seed: 1, createdAt: 0, documents: { d1: ['Ana', 'Ben'], d2: ['Ana'], d3: ['Ben'] } };
    const work: Record<string, { any: boolean; done: boolean }> = { 'd1/Ana': { any: true, done: true }, 'd2/Ana': { any: true, done: false } };
    expect(assignmentProgress(plan, (d, a) => work[`${d}/${a}`])).toEqual([
      { annotator: 'Ana', assigned: 2, returned: 2, done: 1, missing: ['d2'] },
      { annotator: 'Ben', assigned: 2, returned: 0, done: 0, missing: ['d1', 'd3'] },
    ]);
  });
});
