import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { searchDocumentTexts } from '../../../src-renderer/src/storage/documents';

let db: SpanwrightDatabase;

beforeEach(async () => {
  db = new SpanwrightDatabase(`search-${Math.random()}`);
  // 450 documents: more than two read batches.
  await db.texts.bulkAdd(
    Array.from({ length: 450 }, (_, i) => ({ documentId: `d${i}`, text: i % 150 === 7 ? `Report ${i}: the Harbour Authority met.` : `Report ${i}: nothing.` })),
  );
});

afterEach(async () => {
  await db.delete();
});

describe('searchDocumentTexts', () => {
  it('finds every document whose text holds the query, in any case, across batches', async () => {
    const ids = Array.from({ length: 450 }, (_, i) => `d${i}`);
    const found = await searchDocumentTexts(db, ids, ' harbour authority ');
    expect([...(found?.keys() ?? [])]).toEqual(['d7', 'd157', 'd307']);
    expect(found?.get('d157')).toEqual({ before: '…rt 157: the ', match: 'Harbour Authority', after: ' met.' });
  });

  it('searches only the given documents, and finds nothing for an empty query', async () => {
    expect([...((await searchDocumentTexts(db, ['d1', 'd7', 'missing'], 'harbour'))?.keys() ?? [])]).toEqual(['d7']);
    expect((await searchDocumentTexts(db, ['d7'], '  '))?.size).toBe(0);
  });

  it('gives up when a newer search has replaced it', async () => {
    const ids = Array.from({ length: 450 }, (_, i) => `d${i}`);
    expect(await searchDocumentTexts(db, ids, 'harbour', () => true)).toBeNull();
  });
});
