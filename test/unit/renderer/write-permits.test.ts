// Two windows on one database: only the window that holds a project writes it. Each "window" is
// its own copy of the storage modules (vi.resetModules), over the same IndexedDB, as two tabs are.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentRecord, Span } from '../../../src-shared/domain';
import { spanAdded, testDocument, testSpan } from '../fixtures/records';
import { closeWindows, twoWindowsWithProject, type StorageWindow } from '../fixtures/storage-window';

const TEXT = 'Ana met Ben in Quay Street.';
const NAME = 'write-permits-test';

type Window = StorageWindow;

function record(id: string): DocumentRecord {
  return testDocument(id, { textHash: 'h', textLength: TEXT.length });
}
function span(id: string, start: number, end: number, label = 'PERSON'): Span {
  return testSpan({ id, start, end, label }, TEXT);
}
const add = spanAdded;
const me = { annotator: 'me' };

let one: Window;
let two: Window;

beforeEach(async () => {
  [one, two] = await twoWindowsWithProject(NAME, [{ record: record('d1'), text: TEXT }], (window) => window.guardProjectWrites(window.db));
});

afterEach(() => closeWindows(one, two));

describe('writes of a project open in two windows', () => {
  it('creates a new project without holding it (nobody can have it open yet)', async () => {
    expect(await one.db.documents.count()).toBe(1);
  });

  it('refuses a write to a project this window has not opened', async () => {
    await expect(one.commitChange(one.db, 'p', add(span('s1', 0, 3)), me)).rejects.toThrow('Interviews is not open in this window');
    expect(await one.db.spans.count()).toBe(0);
  });

  it('refuses every write of the window the project was taken from, even before it hears of it', async () => {
    await one.takeWrites(one.db, 'p');
    await one.commitChange(one.db, 'p', add(span('s1', 0, 3)), me);
    const stopped = one.writesSignal(one.db, 'p');
    // The second window takes the project; the first is not told yet (the lock manager's
    // message is on its way): its next write finds the other window's token and is refused.
    await two.takeWrites(two.db, 'p');
    await expect(one.commitChange(one.db, 'p', add(span('s2', 8, 11)), me)).rejects.toThrow(
      'Interviews was opened in another window; this window no longer writes to it.',
    );
    // ...and its background writers are stopped by that refusal.
    expect(stopped?.aborted).toBe(true);
    await two.commitChange(two.db, 'p', add(span('s3', 15, 26, 'LOC')), me);
    expect((await two.db.spans.toArray()).map((s) => s.id).sort()).toEqual(['s1', 's3']);
  });

  it('refuses at once, without reading the database, once the lock was taken away', async () => {
    await one.takeWrites(one.db, 'p');
    one.revokeWrites(one.db, 'p');
    expect(one.writesSignal(one.db, 'p')?.aborted).toBe(true);
    await expect(
      one.commitBuilt(
        one.db,
        'p',
        {
          documents: new Set(['d1']),
          newDocuments: new Set(),
          labels: new Set(),
          labelDocuments: false,
          relationTypes: new Set(),
          categories: false,
        },
        () => ({ ok: true, value: add(span('s1', 0, 3)) }),
        me,
      ),
    ).rejects.toThrow('was opened in another window');
    expect(await one.db.spans.count()).toBe(0);
  });

  it('lets a window that left a project finish what it had queued, until another window takes it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      await one.takeWrites(one.db, 'p');
      one.leaveWrites(one.db, 'p', 1000);
      await one.commitChange(one.db, 'p', add(span('s1', 0, 3)), me);
      await two.takeWrites(two.db, 'p');
      await expect(one.commitChange(one.db, 'p', add(span('s2', 8, 11)), me)).rejects.toThrow('was opened in another window');
      vi.advanceTimersByTime(1000);
      await expect(one.commitChange(one.db, 'p', add(span('s2', 8, 11)), me)).rejects.toThrow('is not open in this window');
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the team sync of a window the project was taken from from moving its cursor on', async () => {
    const cursor = { pushedLogSeq: 3, appliedSeq: 5, waiting: [] };
    await one.takeWrites(one.db, 'p');
    await one.writeCursor(one.db, 'p', cursor);
    await two.takeWrites(two.db, 'p');
    await expect(one.writeCursor(one.db, 'p', { ...cursor, appliedSeq: 9 })).rejects.toThrow('was opened in another window');
    await expect(one.writeConflicts(one.db, 'p', [])).rejects.toThrow('was opened in another window');
    await two.writeCursor(two.db, 'p', { ...cursor, appliedSeq: 7 });
    expect(await two.readCursor(two.db, 'p')).toEqual({ ...cursor, appliedSeq: 7 });
  });

  it('writes as before in a database nobody guards (tools, storage tests)', async () => {
    vi.resetModules();
    const { SpanwrightDatabase } = await import('../../../src-renderer/src/storage/database');
    const { commitChange } = await import('../../../src-renderer/src/storage/commit');
    const tool = new SpanwrightDatabase(NAME);
    await commitChange(tool, 'p', add(span('s1', 0, 3)), me);
    expect(await tool.spans.count()).toBe(1);
    tool.close();
  });
});
