// Zip archives for the formats made of several files (brat standoff), through fflate; reading
// one is held to the input limits (limits.ts).
// Entries get a fixed date so that the same export gives the same bytes.
import { Unzip, UnzipInflate, Zip, ZipDeflate } from 'fflate';
import { limitRefusal, limitsOf, RATIO_GRACE_BYTES, type LimitPolicy } from '../limits';
import { concatBytes } from '../concat-bytes';

export interface ArchiveFile {
  /** Path inside the archive, '/'-separated. */
  path: string;
  content: string | Uint8Array;
}

/** DOS time starts in 1980; a fixed date keeps archives reproducible. */
const FIXED_DATE = new Date(1980, 0, 1, 0, 0, 0);

/** An entry written a piece at a time (exports of any size: no whole file in memory). */
export interface ZipEntryStream {
  write(content: string | Uint8Array): void;
  /** Finishes the entry; the archive can take the next one. */
  close(): void;
}

/**
 * Pieces of a streamed entry reach the compressor this many bytes at a time. An entry smaller
 * than this is compressed in one push, giving the same bytes as `add` (deflate's output depends
 * on how its input is cut, so larger entries differ from a one-push archive, but the same
 * content always gives the same archive, and the same files inside).
 */
const STREAM_STEP_BYTES = 1024 * 1024;

export interface ZipWriter {
  add(file: ArchiveFile): void;
  /** Opens an entry to write a piece at a time; add or open nothing else until it is closed. */
  open(path: string): ZipEntryStream;
  /** Writes the central directory; `onData` then receives its last chunk with `final` true. */
  end(): void;
}

/** A zip written as it goes: each added file's compressed bytes reach `onData` at once. */
export function createZipWriter(onData: (chunk: Uint8Array, final: boolean) => void): ZipWriter {
  let failure: Error | undefined;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else onData(chunk, final);
  });
  const check = (): void => {
    if (failure) throw failure;
  };
  return {
    add(file) {
      const entry = new ZipDeflate(file.path, { level: 6 });
      entry.mtime = FIXED_DATE;
      zip.add(entry);
      entry.push(typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content, true);
      check();
    },
    open(path) {
      const entry = new ZipDeflate(path, { level: 6 });
      entry.mtime = FIXED_DATE;
      zip.add(entry);
      const encoder = new TextEncoder();
      let held: Uint8Array[] = [];
      let size = 0;
      const push = (final: boolean): void => {
        const bytes = concatBytes(held, size);
        held = [];
        size = 0;
        entry.push(bytes, final);
        check();
      };
      return {
        write(content) {
          const bytes = typeof content === 'string' ? encoder.encode(content) : content;
          held.push(bytes);
          size += bytes.length;
          if (size >= STREAM_STEP_BYTES) push(false);
        },
        close: () => push(true),
      };
    },
    end() {
      zip.end();
      check();
    },
  };
}

/** A whole zip in memory (tests, small exports). */
export function zipFiles(files: readonly ArchiveFile[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const writer = createZipWriter((chunk) => chunks.push(chunk));
  for (const file of files) writer.add(file);
  writer.end();
  const out = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Archive bytes go to the inflater this many at a time: deflate expands at most ~1,032 times, so one step yields at most ~17 MB. */
const STEP_BYTES = 16 * 1024;

export type UnzipResult = { files: Array<{ path: string; bytes: Uint8Array }> } | { reason: string; entry?: string };

/**
 * The files of a zip (directories left out), or why it is refused: not a zip, or past a limit
 * (limits.ts) with the entry that passed it. Sizes an entry declares are not trusted: entries
 * are inflated a step at a time, and reading stops as soon as what they actually unpack to
 * passes the limit per entry, in all, or of the compression ratio, so a zip bomb costs a few
 * megabytes, never what it claims or what it holds.
 */
export function unzipFiles(bytes: Uint8Array, policy?: LimitPolicy): UnzipResult {
  const limits = limitsOf(policy);
  const files: Array<{ path: string; bytes: Uint8Array }> = [];
  let refusal: { reason: string; entry?: string } | undefined;
  let total = 0;
  let stepStart = 0;
  let stepEnd = 0;
  let found = 0;
  const unfinished = new Set<string>();
  const unzip = new Unzip((entry) => {
    found++;
    if (refusal || entry.name.endsWith('/')) return; // a directory; its data (none) is skipped
    if (entry.originalSize !== undefined && entry.originalSize > limits.zipEntryBytes) {
      refusal = { reason: limitRefusal('zipEntryBytes', policy), entry: entry.name };
      return;
    }
    // Where the entry's packed data starts, as far as the steps tell: its ratio is judged on
    // everything pushed since, which can only make the ratio look smaller, never larger.
    const startedAt = stepStart;
    const chunks: Uint8Array[] = [];
    let size = 0;
    unfinished.add(entry.name);
    entry.ondata = (error, data, final) => {
      if (refusal) return;
      if (error) {
        refusal = { reason: `not a readable zip archive (${error.message})`, entry: entry.name };
        return;
      }
      size += data.length;
      total += data.length;
      if (size > limits.zipEntryBytes) refusal = { reason: limitRefusal('zipEntryBytes', policy), entry: entry.name };
      else if (total > limits.zipTotalBytes) refusal = { reason: limitRefusal('zipTotalBytes', policy), entry: entry.name };
      else if (size > RATIO_GRACE_BYTES && size > limits.zipRatio * (stepEnd - startedAt))
        refusal = { reason: limitRefusal('zipRatio', policy), entry: entry.name };
      if (refusal) {
        entry.terminate();
        return;
      }
      if (data.length > 0) chunks.push(data);
      if (final) {
        unfinished.delete(entry.name);
        files.push({ path: entry.name, bytes: concatBytes(chunks, size) });
      }
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !refusal; at += STEP_BYTES) {
      stepStart = at;
      stepEnd = Math.min(bytes.length, at + STEP_BYTES);
      unzip.push(bytes.subarray(at, stepEnd), stepEnd === bytes.length);
    }
    if (bytes.length === 0) unzip.push(bytes, true);
  } catch (error) {
    refusal ??= { reason: `not a readable zip archive (${error instanceof Error ? error.message : String(error)})` };
  }
  if (refusal) return refusal;
  if (found === 0) return { reason: 'not a readable zip archive (no zip entries found)' };
  const [cut] = unfinished;
  if (cut !== undefined) return { reason: 'not a readable zip archive (the archive ends inside this entry)', entry: cut };
  return { files };
}
