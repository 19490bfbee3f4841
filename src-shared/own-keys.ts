// Records keyed by user data (annotator ids, label, category and attribute names, document ids):
// reading and writing only own keys, so that a label named `constructor` or an annotator named
// `__proto__` is stored and counted like any other name.

/** The value stored under `key`, never one inherited from `Object.prototype` (`constructor`, `toString`). */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Sets an own property even for keys like `__proto__` that plain assignment would misread. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Adds `by` to the count under `key`. */
export function addToCount(counts: Record<string, number>, key: string, by = 1): void {
  setOwn(counts, key, (ownValue(counts, key) ?? 0) + by);
}
