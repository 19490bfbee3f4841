// The persistent map behaves as a copied Map would, in every entry and in order, leaves every
// earlier version as it was, and tells exactly which keys two versions differ in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keysChangedBetween, PersistentMap } from '../../../src-shared/persistent-map';

type Op = { kind: 'set'; key: number; value: number } | { kind: 'delete'; key: number } | { kind: 'commit'; from: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key: fc.nat(90), value: fc.nat(5) }),
  fc.record({ kind: fc.constant('delete' as const), key: fc.nat(90) }),
  // Ends the edit under way and starts the next from an earlier version (as undo and branches do).
  fc.record({ kind: fc.constant('commit' as const), from: fc.nat(1_000) }),
);

/** A brute-force diff of two maps' entries. */
function differingKeys(a: ReadonlyMap<number, object>, b: ReadonlyMap<number, object>): number[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k) || a.has(k) !== b.has(k)).sort((x, y) => x - y);
}

describe('persistent map', () => {
  it('after any edits, every version equals a Map edited the same way (entries in order), and keysChangedBetween is exact', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), fc.integer({ min: 0, max: 40 }), (ops, initial) => {
        // Values are objects, compared by identity, as records are.
        const values = Array.from({ length: 6 }, (_, i) => ({ i }));
        const start = new Map<number, object>();
        for (let k = 0; k < initial; k++) start.set(k * 2, values[k % 6] as object);
        const versions: PersistentMap<number, object>[] = [PersistentMap.of(new Map(start))];
        const models: Map<number, object>[] = [new Map(start)];
        let edit = (versions[0] as PersistentMap<number, object>).edit();
        let model = new Map(start);
        const check = (map: ReadonlyMap<number, object>, expected: Map<number, object>) => {
          expect([...map]).toEqual([...expected]);
          expect([...map.keys()]).toEqual([...expected.keys()]);
          expect([...map.values()]).toEqual([...expected.values()]);
          expect(map.size).toBe(expected.size);
          for (let k = 0; k <= 91; k++) {
            expect(map.has(k)).toBe(expected.has(k));
            expect(map.get(k)).toBe(expected.get(k));
          }
        };
        for (const o of ops) {
          if (o.kind === 'set') {
            edit.set(o.key, values[o.value] as object);
            model.set(o.key, values[o.value] as object);
          } else if (o.kind === 'delete') {
            expect(edit.delete(o.key)).toBe(model.delete(o.key));
          } else {
            versions.push(edit.done());
            models.push(model);
            const from = o.from % versions.length;
            edit = (versions[from] as PersistentMap<number, object>).edit();
            model = new Map(models[from]);
          }
          expect(edit.size).toBe(model.size);
        }
        versions.push(edit.done());
        models.push(model);
        versions.forEach((version, i) => check(version, models[i] as Map<number, object>));
        for (let i = 0; i < versions.length; i++) {
          for (let j = Math.max(0, i - 3); j < Math.min(versions.length, i + 3); j++) {
            const [a, b] = [versions[i] as PersistentMap<number, object>, versions[j] as PersistentMap<number, object>];
            expect([...keysChangedBetween(a, b)].sort((x, y) => x - y)).toEqual(differingKeys(a, b));
          }
        }
        // Against the plain Map a version was made from, too.
        const first = versions[1];
        if (first) expect([...keysChangedBetween(start, first)].sort((x, y) => x - y)).toEqual(differingKeys(start, first));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the base shared (no copy) until many changes, then folds them into a new base', () => {
    const base = new Map(Array.from({ length: 10_000 }, (_, i) => [i, { i }] as const));
    let map = PersistentMap.of(base);
    const edited = map.edit();
    edited.set(10_000, { i: 10_000 });
    const once = edited.done();
    // One change from the base: only that key is looked at.
    expect([...keysChangedBetween(map, once)]).toEqual([10_000]);
    expect(once.size).toBe(10_001);
    // Many edits, one entry each: the layers stay small (folded past 64 + size/64 entries).
    for (let i = 0; i < 1_000; i++) {
      const e = map.edit();
      e.delete(i);
      map = e.done();
    }
    expect(map.size).toBe(9_000);
    expect(map.has(999)).toBe(false);
    expect(map.get(1_000)).toEqual({ i: 1_000 });
    expect([...map.keys()][0]).toBe(1_000);
  });

  it('refuses writes to an edit once it is done (the map it gave shares its layers)', () => {
    const edit = PersistentMap.of(new Map([[1, 'a']])).edit();
    edit.set(2, 'b');
    const map = edit.done();
    expect(() => edit.set(3, 'c')).toThrow(/done/);
    expect([...map]).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('compares maps of no shared base entry by entry', () => {
    const a = new Map([[1, 'a'], [2, 'b']]);
    const b = new Map([[2, 'b'], [3, 'c']]);
    expect([...keysChangedBetween(a, b)].sort()).toEqual([1, 3]);
    expect(keysChangedBetween(a, a).size).toBe(0);
  });
});
