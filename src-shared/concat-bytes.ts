// Joins pieces of bytes read one after another (a zip entry as it inflates, a line across reads).

/** The pieces as one array of `size` bytes (the first piece itself when there is only one). */
export function concatBytes(pieces: readonly Uint8Array[], size: number): Uint8Array {
  if (pieces.length === 1) return pieces[0] as Uint8Array;
  const whole = new Uint8Array(size);
  let at = 0;
  for (const piece of pieces) {
    whole.set(piece, at);
    at += piece.length;
  }
  return whole;
}
