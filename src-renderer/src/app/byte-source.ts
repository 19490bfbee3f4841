// The bytes of an import file, read a slice at a time and synchronously: the import worker
// reads and writes inside one IndexedDB transaction, which closes at the first await that is
// not a database request. A browser `File` is read with FileReaderSync (workers only); bytes
// already in memory (the desktop's open dialog, unit tests) are sliced.

export interface ByteSource {
  readonly size: number;
  /** Bytes [start, end) of the file. */
  read(start: number, end: number): Uint8Array;
}

/** What the window hands the import: a browser file not read yet, or bytes already read. */
export type FileBody = Blob | Uint8Array;

/** Workers only: TypeScript's DOM library does not declare it. */
declare const FileReaderSync: new () => { readAsArrayBuffer(blob: Blob): ArrayBuffer };

export function byteSourceOf(body: FileBody): ByteSource {
  if (body instanceof Uint8Array) return { size: body.length, read: (start, end) => body.subarray(start, end) };
  if (typeof FileReaderSync === 'undefined') throw new Error('a file can only be read here from a worker');
  const reader = new FileReaderSync();
  return { size: body.size, read: (start, end) => new Uint8Array(reader.readAsArrayBuffer(body.slice(start, end))) };
}

/** The whole file (for formats read whole: JSON, brat, column files, plain text). */
export const readWhole = (source: ByteSource): Uint8Array => source.read(0, source.size);
