// Turns a file's bytes into text: UTF-8 only, a leading BOM removed, and a clear reason
// (with the line) when the bytes are empty, binary, or not UTF-8.

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string; line?: number };

const RESAVE = 're-save the file as UTF-8 (in most editors: "Save as..." with encoding "UTF-8")';

export function decodeTextFile(bytes: Uint8Array): DecodeResult {
  let body = bytes;
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  if (body.length === 0) return { ok: false, reason: 'file is empty' };

  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, reason: `file is UTF-16 text, not UTF-8: ${RESAVE}` };
  }

  const nul = body.indexOf(0);
  if (nul >= 0) {
    return { ok: false, reason: `looks like a binary file (it contains a NUL byte at byte ${nul + 1})`, line: lineAt(body, nul) };
  }

  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    const bad = firstInvalidUtf8(body);
    // Valid UTF-8 that still fails is too long for one string (V8: about 512 MiB), not badly encoded.
    if (bad === body.length) {
      return {
        ok: false,
        reason:
          `too large to read as one text (${(body.length / 2 ** 20).toFixed(0)} MiB; at most about 512 MiB fit in one): ` +
          'split it into smaller files, or use JSONL, which the command line reads line by line',
      };
    }
    const byte = body[bad] ?? 0;
    const hex = byte.toString(16).toUpperCase().padStart(2, '0');
    const offset = bad + bytes.length - body.length;
    return {
      ok: false,
      reason:
        `not valid UTF-8: invalid byte 0x${hex} at line ${lineAt(body, bad)}, byte ${offset + 1} of the file ` +
        `(the file may be in another encoding such as Windows-1252 or Latin-1); ${RESAVE}`,
      line: lineAt(body, bad),
    };
  }
}

/** 1-based line of the byte at `index`. */
function lineAt(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Index of the first byte that starts an invalid UTF-8 sequence (WHATWG rules), or bytes.length. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead < 0x80) need = 0;
    else if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) low = 0xa0; // overlong
      if (lead === 0xed) high = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) low = 0x90; // overlong
      if (lead === 0xf4) high = 0x8f; // beyond U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < low || next > high) return i;
      low = 0x80;
      high = 0xbf;
    }
    i += need + 1;
  }
  return bytes.length;
}
