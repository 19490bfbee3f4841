// Zip archives for the formats made of several files (brat standoff), through fflate.
// Entries get a fixed date so that the same export gives the same bytes.
import { Zip, ZipDeflate, unzipSync } from 'fflate';

export interface ArchiveFile {
  /** Path inside the archive, '/'-separated. */
  path: string;
  content: string | Uint8Array;
}

/** DOS time starts in 1980; a fixed date keeps archives reproducible. */
const FIXED_DATE = new Date(1980, 0, 1, 0, 0, 0);

export interface ZipWriter {
  add(file: ArchiveFile): void;
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

/** The files of a zip (directories left out), or the reason it cannot be read. */
export function unzipFiles(bytes: Uint8Array): { files: Array<{ path: string; bytes: Uint8Array }> } | { reason: string } {
  try {
    const entries = unzipSync(bytes);
    return {
      files: Object.entries(entries)
        .filter(([path]) => !path.endsWith('/'))
        .map(([path, content]) => ({ path, bytes: content })),
    };
  } catch (error) {
    return { reason: `not a readable zip archive (${error instanceof Error ? error.message : String(error)})` };
  }
}
