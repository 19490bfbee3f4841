// Reads the files a user picked in the open dialog, refusing any too large to import in one piece
// and a pick too large in all.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { OpenedFile } from '../src-shared/bridge';

export const MAX_OPEN_FILE_BYTES = 200 * 1024 * 1024;
/**
 * All files of one pick travel to the window in one IPC message and sit in its memory together
 * (twice over once decoded to text), so many files just under the per-file limit would still
 * exhaust the renderer.
 */
export const MAX_OPEN_TOTAL_BYTES = 500 * 1024 * 1024;

export class FileTooLargeError extends Error {
  override name = 'FileTooLargeError';
}

/** "3 MB", "1.5 MB", or KB below a megabyte, so a message never reads "0 MB". */
function formatSize(bytes: number): string {
  const megabyte = 1024 * 1024;
  if (bytes < megabyte) return `${Math.ceil(bytes / 1024)} KB`;
  return `${Math.round((bytes / megabyte) * 10) / 10} MB`;
}

/**
 * A Uint8Array covering exactly the file's bytes. IPC copies a view's whole underlying buffer,
 * so a view into a shared pool would send unrelated bytes; copy only in that case.
 */
function exactBytes(buffer: Buffer): Uint8Array {
  if (buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength) {
    return new Uint8Array(buffer.buffer, 0, buffer.byteLength);
  }
  return new Uint8Array(buffer);
}

function totalTooLarge(path: string, total: number, maxTotalBytes: number): FileTooLargeError {
  return new FileTooLargeError(
    `With "${basename(path)}" the chosen files come to ${formatSize(total)}; at most ${formatSize(maxTotalBytes)} can be opened at once from the menu. Open fewer files at a time, or use Import documents… in the window.`,
  );
}

/** All sizes are checked before anything is read, so one oversized file, or too many, fails fast. */
export async function readOpenedFiles(
  paths: readonly string[],
  maxBytes = MAX_OPEN_FILE_BYTES,
  maxTotalBytes = MAX_OPEN_TOTAL_BYTES,
): Promise<OpenedFile[]> {
  let total = 0;
  for (const path of paths) {
    const info = await stat(path);
    if (!info.isFile()) throw new Error(`"${basename(path)}" is not a regular file.`);
    if (info.size > maxBytes) {
      throw new FileTooLargeError(
        `"${basename(path)}" is ${formatSize(info.size)}; files larger than ${formatSize(maxBytes)} cannot be opened from the menu. Use Import documents… in the window, which reads large files a piece at a time.`,
      );
    }
    total += info.size;
    if (total > maxTotalBytes) throw totalTooLarge(path, total, maxTotalBytes);
  }
  const files: OpenedFile[] = [];
  let read = 0;
  for (const path of paths) {
    const content = await readFile(path);
    // The file may have grown since it was measured.
    if (content.byteLength > maxBytes)
      throw new FileTooLargeError(`"${basename(path)}" grew past ${formatSize(maxBytes)} while being read.`);
    read += content.byteLength;
    if (read > maxTotalBytes) throw totalTooLarge(path, read, maxTotalBytes);
    files.push({ name: basename(path), bytes: exactBytes(content) });
  }
  return files;
}
