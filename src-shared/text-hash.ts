// The document text hash: SHA-256 (lowercase hex) of the text's UTF-8 bytes, for duplicate
// detection and for matching a teammate's copy of a document.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function hashText(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
