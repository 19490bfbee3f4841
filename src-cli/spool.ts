// Values kept in a temporary file until they are read back once, in order: what a command must
// write after figures it learns only at the end (agree's per-document rows come after the
// corpus figures), without holding them. Values go through V8's serializer, so they come back
// exactly (numbers to the last bit, -0, NaN, undefined).
import type { FileHandle } from 'node:fs/promises';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** Bytes gathered before each write, and read at a time. */
const PIECE = 1 << 20;

export class Spool<T> {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private written = 0;
  private count = 0;

  private constructor(
    private readonly folder: string,
    private readonly handle: FileHandle,
  ) {}

  static async create<T>(): Promise<Spool<T>> {
    const folder = await mkdtemp(join(tmpdir(), 'spanwright-spool-'));
    try {
      return new Spool<T>(folder, await open(join(folder, 'values'), 'w+'));
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
  }

  get length(): number {
    return this.count;
  }

  async push(value: T): Promise<void> {
    const bytes = serialize(value);
    const size = Buffer.alloc(4);
    size.writeUInt32LE(bytes.length);
    this.pending.push(size, bytes);
    this.pendingBytes += 4 + bytes.length;
    this.count++;
    if (this.pendingBytes >= PIECE) await this.flush();
  }

  /** The values in the order they were pushed. */
  async *values(): AsyncGenerator<T> {
    await this.flush();
    let buffer = Buffer.alloc(0);
    let position = 0;
    while (position < this.written || buffer.length > 0) {
      if (buffer.length >= 4) {
        const size = buffer.readUInt32LE(0);
        if (buffer.length >= 4 + size) {
          yield deserialize(buffer.subarray(4, 4 + size)) as T;
          buffer = buffer.subarray(4 + size);
          continue;
        }
      }
      if (position >= this.written) throw new Error('spool: the temporary file ends in the middle of a value');
      const piece = Buffer.alloc(Math.max(PIECE, buffer.length >= 4 ? buffer.readUInt32LE(0) + 4 - buffer.length : 0));
      const { bytesRead } = await this.handle.read(piece, 0, piece.length, position);
      if (bytesRead === 0) throw new Error('spool: the temporary file is shorter than what was written');
      position += bytesRead;
      buffer = buffer.length === 0 ? piece.subarray(0, bytesRead) : Buffer.concat([buffer, piece.subarray(0, bytesRead)]);
    }
  }

  /** Closes and deletes the temporary file. */
  async dispose(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.folder, { recursive: true, force: true });
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const bytes = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, done, bytes.length - done, this.written + done);
      done += bytesWritten;
    }
    this.written += bytes.length;
  }
}
