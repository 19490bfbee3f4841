// The document text hash: SHA-256 (lowercase hex) of the text's UTF-8 bytes, for duplicate
// detection and for matching a teammate's copy of a document.
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

export function hashText(text: string): string {
  return flatHex(sha256(utf8ToBytes(text)));
}

const DIGITS = '0123456789abcdef';

/**
 * Lowercase hex in one flat string. `bytesToHex` adds 64 pieces one by one, and V8 keeps such a
 * string as a tree of pieces (about 1 KB for a hash) for as long as it lives: the command line's
 * indexes keep one hash per document.
 */
function flatHex(bytes: Uint8Array): string {
  const codes = new Array<number>(bytes.length * 2);
  bytes.forEach((byte, i) => {
    codes[2 * i] = DIGITS.charCodeAt(byte >> 4);
    codes[2 * i + 1] = DIGITS.charCodeAt(byte & 15);
  });
  return String.fromCharCode(...codes);
}
