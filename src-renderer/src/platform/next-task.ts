// Resolves in a later task of the event loop (not a microtask): long work split with it lets the
// window paint and answer keys between the pieces. Never inside an IndexedDB transaction, which
// commits once its task ends with nothing pending.
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
