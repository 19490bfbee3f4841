// Writing command output: standard output for '-', else a temporary file in the same
// directory renamed into place, so a failed run never leaves a half-written file.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { fileFailure } from './corpus-file';

/** An error that names the file the user asked for, not its temporary twin. */
function cannotWrite(path: string, error: unknown): Error {
  return new Error(`${path}: cannot be written: ${fileFailure(error)}`);
}

export async function writeOutput(path: string, content: string | Uint8Array): Promise<void> {
  if (path === '-') {
    await new Promise<void>((resolve, reject) => process.stdout.write(content, (error) => (error ? reject(error) : resolve())));
    return;
  }
  const partial = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    await writeFile(partial, content);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw cannotWrite(path, error);
  }
}

export interface OutputSink {
  /** Strings are written as UTF-8; bytes as they are. */
  write(chunk: string | Uint8Array): Promise<void>;
  /** Moves the finished file into place (nothing to do for standard output). */
  commit(): Promise<void>;
  /** Deletes what was written (a file only: standard output cannot be taken back). */
  abort(): Promise<void>;
}

/** A streamed output: standard output for '-', else a temporary file renamed on commit. */
export function openOutput(path: string): OutputSink {
  const write = (stream: NodeJS.WritableStream, chunk: string | Uint8Array) =>
    new Promise<void>((resolve, reject) => {
      if (chunk.length === 0) return resolve();
      stream.write(chunk, (error) => (error ? reject(error) : resolve()));
    });
  if (path === '-') return { write: (chunk) => write(process.stdout, chunk), commit: async () => undefined, abort: async () => undefined };
  const partial = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  const stream = createWriteStream(partial);
  // Opening fails later, as an 'error' event (a missing folder...): keep it for the next call.
  let failure: Error | undefined;
  stream.on('error', (error) => (failure ??= cannotWrite(path, error)));
  const closed = () =>
    new Promise<void>((resolve, reject) => {
      if (stream.destroyed) return failure ? reject(failure) : resolve();
      stream.end((error?: Error | null) => (error ? reject(failure ?? cannotWrite(path, error)) : resolve()));
    });
  return {
    write: async (chunk) => {
      if (failure) throw failure;
      await write(stream, chunk).catch((error: unknown) => {
        throw failure ?? cannotWrite(path, error);
      });
    },
    commit: async () => {
      await closed();
      if (failure) throw failure;
      await rename(partial, path).catch((error: unknown) => {
        throw cannotWrite(path, error);
      });
    },
    abort: async () => {
      await closed().catch(() => undefined);
      await rm(partial, { force: true });
    },
  };
}
