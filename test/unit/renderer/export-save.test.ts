// Saving an export where no worker runs (Node): prepareSavableExport takes the window's path,
// which streams the file into the save stream a batch at a time (the same bytes as the whole
// file in memory) and aborts the stream, leaving no file, when the export is discarded mid-save.
// First: Dexie looks for indexedDB when it loads, and the app modules below load it.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SaveStream } from '../../../src-shared/bridge';
import type { DocumentRecord } from '../../../src-shared/domain';
import { ExportCancelledError, prepareExport } from '../../../src-renderer/src/app/export-documents';
import { prepareSavableExport } from '../../../src-renderer/src/app/export-job';
import type { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { bytesOf, exportFixture, request } from './export-fixture';

let db: SpanwrightDatabase;
let documents: DocumentRecord[];
beforeAll(async () => ({ db, documents } = await exportFixture(true)), 120_000);

/** A save stream that records what happened to it. */
function recordingStream(onWrite: (writes: number) => void = () => undefined) {
  const written: Array<string | Uint8Array> = [];
  const state = { written, committed: false, aborted: false };
  const stream: SaveStream = {
    write: async (chunk) => {
      written.push(chunk);
      onWrite(written.length);
    },
    commit: async () => void (state.committed = true),
    abort: async () => {
      state.aborted = true;
      written.length = 0;
    },
  };
  return { stream, state };
}

const savable = (format: Parameters<typeof request>[0], split = false) =>
  prepareSavableExport(db, { documentIds: documents.map((d) => d.id), request: request(format, split), projectName: 'P' });

describe('saving an export without a worker', () => {
  it.each([
    ['spanwright', false],
    ['hf-token', true],
  ] as const)(
    '%s (split: %s) streams the bytes the whole-file export holds, then commits',
    async (format, split) => {
      expect(typeof Worker).toBe('undefined');
      const prepared = await savable(format, split);
      const whole = await prepareExport(db, documents, request(format, split), 'P');
      const { stream, state } = recordingStream();
      await prepared?.writeTo(stream);
      expect(state.committed).toBe(true);
      expect(state.aborted).toBe(false);
      // Written a batch at a time, never as one piece.
      expect(state.written.length).toBeGreaterThan(2);
      expect(Buffer.from(bytesOf(state.written)).equals(Buffer.from(bytesOf(whole?.parts ?? [])))).toBe(true);
      expect(prepared?.summary).toEqual(whole?.summary);
      expect(prepared?.fileName).toBe(whole?.fileName);
    },
    120_000,
  );

  it('discarded mid-save: the stream is aborted, never committed, and the save says it was cancelled', async () => {
    const prepared = await savable('spanwright');
    if (!prepared) throw new Error('not prepared');
    const { stream, state } = recordingStream((writes) => writes === 2 && prepared.discard());
    await expect(prepared.writeTo(stream)).rejects.toBeInstanceOf(ExportCancelledError);
    expect(state.aborted).toBe(true);
    expect(state.committed).toBe(false);
    expect(state.written).toHaveLength(0);
  }, 120_000);

  it('a stream that fails is aborted and the failure is reported', async () => {
    const prepared = await savable('doccano');
    const { stream, state } = recordingStream();
    const failing: SaveStream = { ...stream, write: async () => Promise.reject(new Error('disk full')) };
    await expect(prepared?.writeTo(failing)).rejects.toThrow('disk full');
    expect(state.aborted).toBe(true);
    expect(state.committed).toBe(false);
  }, 120_000);
});
