// Appending many items at once. `target.push(...items)` passes every item as an argument, and
// past about 100,000 of them (fewer on a worker's smaller stack) that is "Maximum call stack
// size exceeded": a document at the span limit failed to import that way.

export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}

/** The largest of `values` (-Infinity when there are none), without spreading them as arguments. */
export function maxOf(values: Iterable<number>): number {
  let max = -Infinity;
  for (const value of values) if (value > max) max = value;
  return max;
}
