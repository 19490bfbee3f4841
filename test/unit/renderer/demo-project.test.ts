import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { createDemoProject } from '../../../src-renderer/src/app/demo-project';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';

it('creates the demo project with every example span over the right text', async () => {
  const db = new SpanwrightDatabase(`demo-${Math.random()}`);
  const projectId = await createDemoProject(db, 'me');
  const documents = await db.documents.where('[projectId+order]').between([projectId, -Infinity], [projectId, Infinity]).toArray();
  expect(documents.map((d) => d.meta.language)).toEqual(['en', 'id', 'es', 'fr']);
  for (const doc of documents) {
    const text = (await db.texts.get(doc.id))?.text ?? '';
    const spans = await db.spans.where('documentId').equals(doc.id).toArray();
    expect({ me: spans.length }).toEqual(doc.spanCounts);
    expect(doc.statuses).toEqual({ me: 'in_progress' });
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  }
  expect(await db.spans.count()).toBe(23);
  await db.delete();
});
