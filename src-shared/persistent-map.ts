// A read-only map that an edit does not copy: the edited map shares its predecessor's base (a
// plain Map, never modified) and holds only what changed on top of it. An annotation state keeps
// its records in these, so a label in a document of 20,000 spans costs a few entries, not a copy
// of 20,000 (and the garbage of one), and `changedKeys` tells what one state changed from another
// without comparing every entry. Iteration order is exactly a Map's under the same operations:
// a changed entry keeps its place, a deleted one leaves it, and one added (or added back) comes last.

/** Above this many changed entries (more for bigger bases) an edit folds them into a new base. */
const foldAt = (baseSize: number): number => 64 + (baseSize >> 6);

export class PersistentMap<K, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    /** Base keys whose value changed in place. */
    private readonly replaced: ReadonlyMap<K, V>,
    /** Base keys deleted (one added back is also in `appended`, at its new place). */
    private readonly deleted: ReadonlySet<K>,
    /** Keys added after the base's, in the order added. */
    private readonly appended: ReadonlyMap<K, V>,
    readonly size: number,
  ) {}

  /** A persistent map over `map`, which nobody may modify afterwards (it becomes the base). */
  static of<K, V>(map: ReadonlyMap<K, V>): PersistentMap<K, V> {
    if (map instanceof PersistentMap) return map as PersistentMap<K, V>;
    return new PersistentMap(map, new Map(), new Set(), new Map(), map.size);
  }

  /** An edit of this map: set and delete on it, then `done()` gives the new map; this one is left as it is. */
  edit(): MapEdit<K, V> {
    return new MapEdit(this.base, this.replaced, this.deleted, this.appended, this.size);
  }

  get(key: K): V | undefined {
    if (this.appended.has(key)) return this.appended.get(key);
    if (this.deleted.has(key)) return undefined;
    return this.replaced.has(key) ? this.replaced.get(key) : this.base.get(key);
  }

  has(key: K): boolean {
    return this.appended.has(key) || (!this.deleted.has(key) && this.base.has(key));
  }

  private get layered(): boolean {
    return this.replaced.size > 0 || this.deleted.size > 0 || this.appended.size > 0;
  }

  *entries(): MapIterator<[K, V]> {
    if (!this.layered) return yield* this.base.entries();
    for (const [key, value] of this.base) {
      if (this.deleted.has(key)) continue;
      yield [key, this.replaced.has(key) ? (this.replaced.get(key) as V) : value];
    }
    yield* this.appended.entries();
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    if (!this.layered) return yield* this.base.values();
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  get [Symbol.toStringTag](): string {
    return 'PersistentMap';
  }

  /** The keys whose entry may differ between two maps of one base (a superset of those that do), or null. */
  static touchedKeysBetween<K, V>(before: ReadonlyMap<K, V>, after: ReadonlyMap<K, V>): Iterable<K> | null {
    const layersOf = (map: PersistentMap<K, V>) => [map.replaced.keys(), map.deleted.values(), map.appended.keys()];
    if (after instanceof PersistentMap && after.base === before) return chain(layersOf(after as PersistentMap<K, V>));
    if (before instanceof PersistentMap && after instanceof PersistentMap && before.base === after.base) {
      return chain([...layersOf(before as PersistentMap<K, V>), ...layersOf(after as PersistentMap<K, V>)]);
    }
    if (before instanceof PersistentMap && before.base === after) return chain(layersOf(before as PersistentMap<K, V>));
    return null;
  }

  /** @internal For MapEdit. */
  static made<K, V>(base: ReadonlyMap<K, V>, replaced: Map<K, V>, deleted: Set<K>, appended: Map<K, V>, size: number): PersistentMap<K, V> {
    return new PersistentMap(base, replaced, deleted, appended, size);
  }
}

function* chain<K>(iterables: Iterable<K>[]): Generator<K> {
  for (const iterable of iterables) yield* iterable;
}

/** A map being edited; its layers are copied on its first write, so the map it came from is never touched. */
export class MapEdit<K, V> {
  private replaced: Map<K, V> | null = null;
  private deleted: Set<K> | null = null;
  private appended: Map<K, V> | null = null;
  private view: PersistentMap<K, V> | null = null;
  private finished = false;

  constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly replacedBefore: ReadonlyMap<K, V>,
    private readonly deletedBefore: ReadonlySet<K>,
    private readonly appendedBefore: ReadonlyMap<K, V>,
    private count: number,
  ) {}

  get size(): number {
    return this.count;
  }

  get(key: K): V | undefined {
    return this.current().get(key);
  }

  has(key: K): boolean {
    return this.current().has(key);
  }

  /** The map as edited so far, to read: it follows this edit's further writes until `done`. */
  soFar(): ReadonlyMap<K, V> {
    return this.current();
  }

  set(key: K, value: V): this {
    this.writable();
    const [replaced, deleted, appended] = [this.replaced, this.deleted, this.appended] as [Map<K, V>, Set<K>, Map<K, V>];
    if (appended.has(key)) appended.set(key, value);
    else if (!deleted.has(key) && this.base.has(key)) replaced.set(key, value);
    else {
      appended.set(key, value);
      this.count++;
    }
    return this;
  }

  delete(key: K): boolean {
    this.writable();
    const [replaced, deleted, appended] = [this.replaced, this.deleted, this.appended] as [Map<K, V>, Set<K>, Map<K, V>];
    if (appended.delete(key)) {
      this.count--;
      return true;
    }
    if (deleted.has(key) || !this.base.has(key)) return false;
    deleted.add(key);
    replaced.delete(key);
    this.count--;
    return true;
  }

  /** The edited map; large layers are folded into a new base. The edit is over: it shares its layers with the map. */
  done(): PersistentMap<K, V> {
    this.finished = true;
    const map = this.current();
    if (this.replaced === null) return map;
    const layered = (this.replaced?.size ?? 0) + (this.deleted?.size ?? 0) + (this.appended?.size ?? 0);
    return layered > foldAt(this.base.size) ? PersistentMap.of(new Map(map)) : map;
  }

  private writable(): void {
    if (this.finished) throw new Error('This map edit is done: edit the map it gave.');
    if (this.replaced !== null) {
      this.view = null;
      return;
    }
    this.replaced = new Map(this.replacedBefore);
    this.deleted = new Set(this.deletedBefore);
    this.appended = new Map(this.appendedBefore);
    this.view = null;
  }

  /** The map as edited so far (its layers are this edit's own until `done`, so it is rebuilt after each write). */
  private current(): PersistentMap<K, V> {
    if (this.view) return this.view;
    this.view =
      this.replaced === null
        ? PersistentMap.made(this.base, this.replacedBefore as Map<K, V>, this.deletedBefore as Set<K>, this.appendedBefore as Map<K, V>, this.count)
        : PersistentMap.made(this.base, this.replaced, this.deleted as Set<K>, this.appended as Map<K, V>, this.count);
    return this.view;
  }
}

/**
 * The keys whose entry differs between two maps (present in one only, or a different value by
 * identity). Maps edited from one another are compared by what changed; others entry by entry.
 */
export function keysChangedBetween<K, V>(before: ReadonlyMap<K, V>, after: ReadonlyMap<K, V>): Set<K> {
  const changed = new Set<K>();
  if (before === after) return changed;
  const differs = (key: K) => before.get(key) !== after.get(key) || before.has(key) !== after.has(key);
  const touched = PersistentMap.touchedKeysBetween(before, after);
  if (touched) {
    for (const key of touched) if (!changed.has(key) && differs(key)) changed.add(key);
    return changed;
  }
  for (const [key, value] of after) if (before.get(key) !== value || !before.has(key)) changed.add(key);
  for (const key of before.keys()) if (!after.has(key)) changed.add(key);
  return changed;
}
