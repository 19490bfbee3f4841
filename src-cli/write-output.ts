// Writing command output: standard output for '-', else a temporary file in the same
// directory renamed into place, so a failed run never leaves a half-written file.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

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
    throw error;
  }
}

export interface OutputSink {
  write(chunk: string): Promise<void>;
  /** Moves the finished file into place (nothing to do for standard output). */
  commit(): Promise<void>;
  /** Deletes what was written (a file only: standard output cannot be taken back). */
  abort(): Promise<void>;
}

/** A streamed output: standard output for '-', else a temporary file renamed on commit. */
export function openOutput(path: string): OutputSink {
  const write = (stream: NodeJS.WritableStream, chunk: string) =>
    new Promise<void>((resolve, reject) => {
      if (chunk === '') return resolve();
      stream.write(chunk, (error) => (error ? reject(error) : resolve()));
    });
  if (path === '-') return { write: (chunk) => write(process.stdout, chunk), commit: async () => undefined, abort: async () => undefined };
  const partial = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  const stream = createWriteStream(partial);
  const closed = () => new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return {
    write: (chunk) => write(stream, chunk),
    commit: async () => {
      await closed();
      await rename(partial, path);
    },
    abort: async () => {
      await closed().catch(() => undefined);
      await rm(partial, { force: true });
    },
  };
}
