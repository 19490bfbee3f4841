// Reading the open document again while the annotator keeps working: a change is shown at
// once and its write queued, so a read that ran while a write was still queued may not hold
// it, and showing that read would take the change off the screen (it is stored, but hidden
// until the next read). The read is therefore repeated until no write was queued during it.

/**
 * Waits for the writes queued so far, then reads; if another write was queued meanwhile
 * (`queued()` is no longer the same promise), waits for it and reads again. The queue must
 * not reject (failures are handled where each write is queued).
 */
export async function readAfterWrites<T>(queued: () => Promise<unknown>, read: () => Promise<T>): Promise<T> {
  for (;;) {
    const writes = queued();
    await writes;
    const value = await read();
    if (queued() === writes) return value;
  }
}
