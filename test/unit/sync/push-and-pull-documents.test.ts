// What `spanwright push` makes of a file, and `pull` of what a server holds: pure, no server.
import { describe, expect, it } from 'vitest';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { ParsedDocument } from '../../../src-shared/formats/import-result';
import { annotationsProblem, pulledExportDocument } from '../../../src-shared/sync/pulled-document';
import { planPush, serverDocumentId, withServerTimes } from '../../../src-shared/sync/pushed-documents';
import {
  readServerDocument,
  sameContent,
  type AnnotationsDoc,
  type DocumentDoc,
  type TextDoc,
} from '../../../src-shared/sync/server-documents';

const parsed = (line: number, draft: ParsedDocument['draft']): ParsedDocument => ({
  file: 'team.jsonl',
  line,
  format: 'spanwright',
  draft,
});

const FILE: ParsedDocument[] = [
  parsed(1, {
    id: 'news-1',
    text: '🚋 Ana Ruiz',
    meta: { title: 'One' },
    statuses: { a1: 'done' },
    annotators: [{ id: 'a1', name: 'ana' }],
    spans: [{ sourceId: 's1', label: 'PERSON', start: 3, end: 11, annotator: 'a1' }],
  }),
  // The same span id again, and work that names no annotator (the pusher's).
  parsed(2, {
    id: 'news 2',
    text: 'Ben Ortiz',
    meta: { title: 'Two' },
    status: 'done',
    spans: [{ sourceId: 's1', label: 'PERSON', start: 0, end: 9 }],
  }),
];

const plan = (now: number, documents = FILE) =>
  planPush({ documents, schema: defaultSchema(), annotatorNames: new Map(), pusher: 'lead', writer: 'spanwright-cli', now });

describe('planPush', () => {
  it('names owners by annotator name, gives unnamed work to the pusher, and keeps ids unique in the project', () => {
    const result = plan(1);
    expect(result.problems).toEqual([]);
    const annotations = result.docs.filter((doc): doc is AnnotationsDoc => doc.kind === 'annotations');
    expect(annotations.map((doc) => doc._id)).toEqual([
      'annotations:news-1:ana',
      `annotations:${serverDocumentId('news 2', 'Ben Ortiz')}:lead`,
    ]);
    expect(annotations.map((doc) => doc.spans.map((span) => span.id))).toEqual([['s1'], [`${serverDocumentId('news 2', 'Ben Ortiz')}.1`]]);
    expect(annotations.map((doc) => doc.status)).toEqual(['done', 'done']);
    for (const doc of result.docs) expect(readServerDocument(doc).ok).toBe(true);
  });

  it('gives the same documents for the same file, whatever the time', () => {
    const first = plan(1);
    const later = plan(2);
    first.docs.forEach((doc, index) => {
      const again = later.docs[index];
      expect(again && sameContent(withServerTimes(again, doc), doc)).toBe(true);
    });
  });

  it('counts a changed span as a change, and keeps when it was made', () => {
    const first = plan(1);
    const edited = plan(2, [
      {
        ...FILE[0],
        draft: { ...FILE[0]!.draft, spans: [{ sourceId: 's1', label: 'ORG', start: 3, end: 11, annotator: 'a1' }] },
      } as ParsedDocument,
    ]);
    const before = first.docs.find((doc) => doc._id === 'annotations:news-1:ana') as AnnotationsDoc;
    const after = withServerTimes(
      edited.docs.find((doc) => doc._id === 'annotations:news-1:ana')!,
      before,
    ) as AnnotationsDoc;
    expect(sameContent(after, before)).toBe(false);
    expect(after.spans[0]).toMatchObject({ label: 'ORG', createdAt: 1, updatedAt: 2 });
  });

  it('refuses an annotator name that cannot be an owner, and a document id used twice', () => {
    const result = plan(1, [
      parsed(1, { ...FILE[0]!.draft, annotators: [{ id: 'a1', name: 'ana:old' }] }),
      parsed(2, { ...FILE[0]!.draft }),
    ]);
    expect(result.problems.map((problem) => problem.reason)).toEqual([
      'annotator "ana:old" (id "a1") cannot own work on the server: A user name for Spanwright cannot contain “:”. Their work is not pushed',
      'document id "news-1" is used again (first on line 1); not pushed',
    ]);
  });
});

describe('pulledExportDocument', () => {
  const pushed = plan(1).docs;
  const document = pushed.find((doc) => doc._id === 'document:news-1') as DocumentDoc;
  const text = pushed.find((doc) => doc._id === 'text:news-1') as TextDoc;
  const annotations = pushed.find((doc) => doc._id === 'annotations:news-1:ana') as AnnotationsDoc;

  it('names annotators by owner and takes the only owner status', () => {
    const result = pulledExportDocument(document, text, [annotations]);
    expect(result.ok && result.value).toMatchObject({
      id: 'news-1',
      status: 'done',
      statuses: { ana: 'done' },
      annotators: [{ id: 'ana', name: 'ana' }],
      spans: [{ id: 's1', annotator: 'ana', start: 3, end: 11, text: 'Ana Ruiz' }],
    });
  });

  it('refuses a text of another length, and spans that are not over their text', () => {
    expect(pulledExportDocument({ ...document, textLength: 3 }, text, [])).toEqual({
      ok: false,
      error: 'its text is not the length its document says (3)',
    });
    expect(annotationsProblem(annotations, 'another text')).toMatch(/^span s1 \(“Ana Ruiz” at 3–11, UTF-16\) does not match/);
  });
});
