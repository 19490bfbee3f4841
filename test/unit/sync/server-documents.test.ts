// The server layout: what the app writes reads back the same, and what it reads from a server
// (anyone's writing) is checked before the app sees it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameValue } from '../../../src-shared/annotations/same-value';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { DocumentRecord } from '../../../src-shared/domain';
import {
  fromAnnotationsDoc,
  readServerDocument,
  sameContent,
  toAnnotationsDoc,
  toDocumentDoc,
  toProjectDoc,
  toSchemaDoc,
  toTextDoc,
  type AnnotationsDoc,
  type LocalAnnotations,
} from '../../../src-shared/sync/server-documents';
import { ANNOTATOR, DOCUMENT, localAnnotationsArb, PROJECT, sortedRecords } from '../../support/sync-arbitraries';

/** What a document looks like after a trip through a server (JSON, no `undefined`). */
const overTheWire = <T>(value: T): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

function annotationsDoc(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const local: LocalAnnotations = {
    status: 'in_progress',
    records: [
      {
        kind: 'span' as const,
        value: {
          id: 's1',
          projectId: PROJECT,
          documentId: DOCUMENT,
          annotator: ANNOTATOR,
          layer: 'entity' as const,
          label: 'PERSON',
          start: 0,
          end: 3,
          text: 'Ana',
          attributes: { role: 'x' },
          origin: 'manual' as const,
          createdAt: 1,
          updatedAt: 2,
        },
      },
      {
        kind: 'span' as const,
        value: {
          id: 's2',
          projectId: PROJECT,
          documentId: DOCUMENT,
          annotator: ANNOTATOR,
          layer: 'claim' as const,
          label: 'CLAIM',
          start: 0,
          end: 10,
          text: 'Ana said x',
          attributes: {},
          origin: 'manual' as const,
          createdAt: 1,
          updatedAt: 1,
        },
      },
      {
        kind: 'relation' as const,
        value: {
          id: 'r1',
          projectId: PROJECT,
          documentId: DOCUMENT,
          annotator: ANNOTATOR,
          type: 'SOURCE',
          from: 's2',
          to: 's1',
          origin: 'manual' as const,
          createdAt: 1,
          updatedAt: 1,
        },
      },
      {
        kind: 'document' as const,
        value: { projectId: PROJECT, documentId: DOCUMENT, annotator: ANNOTATOR, labels: { topic: ['health'] }, note: '', updatedAt: 3 },
      },
    ],
  };
  return { ...overTheWire(toAnnotationsDoc(DOCUMENT, 'ana', 'Ana', local, 'replica-1')), ...overrides };
}

const span = (doc: Record<string, unknown>) => (doc.spans as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
const relation = (doc: Record<string, unknown>) => (doc.relations as Array<Record<string, unknown>>)[0] as Record<string, unknown>;

function withSpan(fields: Record<string, unknown>, drop: string[] = []): Record<string, unknown> {
  const doc = annotationsDoc();
  const first = { ...span(doc), ...fields };
  for (const key of drop) delete first[key];
  return { ...doc, spans: [first, ...(doc.spans as unknown[]).slice(1)] };
}

function withRelation(fields: Record<string, unknown>, drop: string[] = []): Record<string, unknown> {
  const doc = annotationsDoc();
  const first = { ...relation(doc), ...fields };
  for (const key of drop) delete first[key];
  return { ...doc, relations: [first] };
}

const documentRecord: DocumentRecord = {
  id: 'd1',
  projectId: PROJECT,
  sourceId: 'source-1',
  order: 0,
  meta: { title: 'First', extra: { a: 1 } },
  textHash: 'abc',
  textLength: 10,
  statuses: { ana: 'done' },
  spanCounts: { ana: 2 },
  createdAt: 5,
  updatedAt: 6,
};

function refused(raw: unknown): string {
  const read = readServerDocument(raw);
  if (read.ok || read.skip) throw new Error(`expected a refusal, got ${JSON.stringify(read)}`);
  return read.reason;
}

describe('annotations documents', () => {
  it('give back the records they were built from, directly and after a trip through a server', () => {
    fc.assert(
      fc.property(localAnnotationsArb(), (local) => {
        const doc = toAnnotationsDoc(DOCUMENT, 'ana', 'Ana', local, 'replica-1');
        const back = fromAnnotationsDoc(doc, PROJECT, ANNOTATOR);
        expect(back.status).toBe(local.status);
        expect(sortedRecords(back.records)).toEqual(sortedRecords(local.records));

        // A server stores JSON: an absent note stays absent, and the reader accepts it.
        const read = readServerDocument(overTheWire(doc));
        if (!read.ok) throw new Error(`refused its own document: ${read.skip ? 'skipped' : read.reason}`);
        const wired = fromAnnotationsDoc(read.doc as AnnotationsDoc, PROJECT, ANNOTATOR);
        expect(sameValue(sortedRecords(wired.records), sortedRecords(local.records))).toBe(true);
        expect(sameContent(read.doc, doc)).toBe(true);
      }),
    );
  });

  it('sort spans and relations by id, so the same work gives the same document whatever the order', () => {
    fc.assert(
      fc.property(localAnnotationsArb(), (local) => {
        const doc = toAnnotationsDoc(DOCUMENT, 'ana', 'Ana', local, 'replica-1');
        const reversed = toAnnotationsDoc(DOCUMENT, 'ana', 'Ana', { ...local, records: [...local.records].reverse() }, 'replica-2');
        expect(doc.spans.map((s) => s.id)).toEqual([...doc.spans.map((s) => s.id)].sort());
        expect(sameContent(doc, reversed)).toBe(true);
      }),
    );
  });

  it('leave out suggestions, and hold no project, document or annotator fields per record', () => {
    const doc = toAnnotationsDoc(
      DOCUMENT,
      'ana',
      'Ana',
      {
        status: 'todo',
        records: [
          {
            kind: 'suggestion',
            value: {
              id: 'g1',
              projectId: PROJECT,
              documentId: DOCUMENT,
              annotator: ANNOTATOR,
              layer: 'entity',
              label: 'PERSON',
              start: 0,
              end: 1,
              text: 'A',
              source: 'model',
              status: 'pending',
              createdAt: 1,
              updatedAt: 1,
            },
          },
        ],
      },
      'replica-1',
    );
    expect(doc).toMatchObject({ _id: 'annotations:d1:ana', spans: [], relations: [], document: null });
    const wire = annotationsDoc();
    expect(Object.keys(span(wire))).not.toContain('projectId');
    expect(Object.keys(span(wire))).not.toContain('annotator');
  });
});

describe('sameContent', () => {
  const doc = annotationsDoc();

  it('ignores revisions, conflicts, the writer and key order', () => {
    const reordered = Object.fromEntries(Object.entries(doc).reverse());
    expect(
      sameContent(doc, { ...reordered, _rev: '3-abc', _conflicts: ['2-x'], _revisions: { start: 3, ids: [] }, writer: 'someone else' }),
    ).toBe(true);
    const innerReordered = {
      ...doc,
      spans: [Object.fromEntries(Object.entries(span(doc)).reverse()), ...(doc.spans as unknown[]).slice(1)],
    };
    expect(sameContent(doc, innerReordered)).toBe(true);
  });

  it('sees any other difference', () => {
    expect(sameContent(doc, { ...doc, status: 'done' })).toBe(false);
    expect(sameContent(doc, { ...doc, _id: 'annotations:d1:ben' })).toBe(false);
    expect(sameContent(doc, withSpan({ end: 2 }))).toBe(false);
    expect(sameContent(doc, withSpan({ note: 'why?' }))).toBe(false);
    expect(sameContent(doc, { ...doc, spans: [...(doc.spans as unknown[])].reverse() })).toBe(false);
  });

  it('sees a difference under a key that is ignored only at the top (writer, _rev) deeper in', () => {
    // An attribute or a document category may well be called "writer".
    expect(sameContent(withSpan({ attributes: { writer: 'Ana' } }), withSpan({ attributes: { writer: 'Ben' } }))).toBe(false);
    const labels = (values: string[]) => ({ ...doc, document: { labels: { writer: values }, note: '', updatedAt: 3 } });
    expect(sameContent(labels(['x']), labels(['y']))).toBe(false);
    expect(sameContent(withSpan({ attributes: { _rev: 'a' } }), withSpan({ attributes: {} }))).toBe(false);
  });

  it('sees a difference under a __proto__ or constructor key', () => {
    const labels = (json: string) => ({ ...doc, document: { labels: JSON.parse(json) as unknown, note: '', updatedAt: 3 } });
    expect(sameContent(labels('{"__proto__": ["a"]}'), labels('{"__proto__": ["b"]}'))).toBe(false);
    expect(sameContent(labels('{"__proto__": ["a"]}'), labels('{}'))).toBe(false);
    expect(sameContent(labels('{"constructor": ["a"]}'), labels('{}'))).toBe(false);
    expect(sameContent(labels('{"__proto__": ["a"]}'), labels('{"__proto__": ["a"]}'))).toBe(true);
  });

  it('sees any change to a generated document, and none to the same one rebuilt', () => {
    fc.assert(
      fc.property(localAnnotationsArb(), localAnnotationsArb(), (a, b) => {
        const docA = overTheWire(toAnnotationsDoc(DOCUMENT, 'ana', 'Ana', a, 'one'));
        const docB = overTheWire(toAnnotationsDoc(DOCUMENT, 'ana', 'Ana', b, 'two'));
        const { writer: _a, ...restA } = docA;
        const { writer: _b, ...restB } = docB;
        // JSON text of the parsed document, keys sorted: differs exactly when the content does.
        expect(sameContent(docA, docB)).toBe(sameValue(restA, restB));
      }),
    );
  });
});

describe('readServerDocument', () => {
  it('accepts every document the builders make', () => {
    const docs = [
      annotationsDoc(),
      toAnnotationsDoc(DOCUMENT, 'gold', 'Gold', { status: 'todo', records: [] }, 'r'),
      toDocumentDoc(documentRecord, 'r'),
      toDocumentDoc(documentRecord, 'r', true),
      toTextDoc('d1', 'Ana said x', 'r'),
      toProjectDoc({ name: 'P', guidelines: '', assignment: undefined }, 'r'),
      toSchemaDoc(defaultSchema(), 'r'),
    ];
    for (const doc of docs) {
      const read = readServerDocument(overTheWire(doc));
      expect(read, JSON.stringify(doc)).toMatchObject({ ok: true });
      if (read.ok) expect(sameContent(read.doc, doc)).toBe(true);
    }
  });

  it('accepts every annotations document built from random work', () => {
    fc.assert(
      fc.property(localAnnotationsArb(), (local) => {
        expect(readServerDocument(overTheWire(toAnnotationsDoc(DOCUMENT, 'ana', 'Ana', local, 'r'))).ok).toBe(true);
      }),
    );
  });

  it('skips design documents and documents that are not Spanwright’s', () => {
    expect(readServerDocument({ _id: '_design/spanwright', language: 'javascript', validate_doc_update: 'function () {}' })).toEqual({
      ok: false,
      skip: true,
    });
    expect(readServerDocument({ _id: 'someone-else', title: 'not ours' })).toEqual({ ok: false, skip: true });
    // "kind" is a common field name: without Spanwright's layout, it is someone else's document.
    expect(readServerDocument({ _id: 'invoice-7', kind: 'invoice' })).toEqual({ ok: false, skip: true });
    expect(readServerDocument({ _id: 'invoice-8', kind: 'invoice', layout: 3 })).toEqual({ ok: false, skip: true });
  });

  it('refuses what is not an object with an _id', () => {
    for (const raw of [null, 'text', 42, [], { kind: 'annotations' }, { _id: 7 }]) expect(refused(raw)).toMatch(/not a JSON object/);
  });

  it('refuses a Spanwright document of another layout version, saying which', () => {
    expect(refused(annotationsDoc({ layout: 2 }))).toMatch(/newer Spanwright \(layout 2\)/);
    expect(refused(annotationsDoc({ layout: '1' }))).toMatch(/annotations:d1:ana.*layout/);
    expect(refused(annotationsDoc({ layout: undefined }))).toMatch(/annotations:d1:ana.*layout/);
    expect(refused(annotationsDoc({ layout: 0 }))).not.toMatch(/newer/);
    expect(refused({ ...overTheWire(toSchemaDoc(defaultSchema(), 'r')), layout: 2 })).toMatch(/layout 2/);
  });

  it('refuses a document without a writer', () => {
    expect(refused(annotationsDoc({ writer: undefined }))).toMatch(/no writer/);
  });

  it('refuses document ids a path or another id could be made of', () => {
    for (const documentId of ['', 'a:b', 'a/b', '..', '.', 'a/../b', '../x', 'x..', 'a b', 'a\u0000b', 'é', 'x'.repeat(201)]) {
      const bad = (id: string) => ({ ...overTheWire(toDocumentDoc({ ...documentRecord, id }, 'r')) });
      expect(refused(bad(documentId)), documentId).toMatch(/bad document id/);
      expect(refused({ ...overTheWire(toTextDoc(documentId, '', 'r')) }), documentId).toMatch(/not a valid text/);
      expect(refused(annotationsDoc({ _id: `annotations:${documentId}:ana`, documentId })), documentId).toMatch(/bad annotations id/);
    }
    // What real ids look like is accepted.
    for (const documentId of ['3f2a9c1e-8d7b-4f6a-9e2d-1c0b5a4f3e2d', 'doc_1.txt', 'a.b', 'x'.repeat(200)]) {
      expect(readServerDocument(overTheWire(toDocumentDoc({ ...documentRecord, id: documentId }, 'r'))).ok, documentId).toBe(true);
    }
  });

  it('refuses an id that does not match what the document says it is', () => {
    expect(refused(annotationsDoc({ _id: 'annotations:d2:ana' }))).toMatch(/bad annotations id/);
    expect(refused(annotationsDoc({ _id: 'annotations:d1:ben' }))).toMatch(/bad annotations id/);
    expect(refused(annotationsDoc({ owner: 'ben' }))).toMatch(/bad annotations id/);
    expect(refused(annotationsDoc({ owner: '' }))).toMatch(/bad annotations id/);
    expect(refused(annotationsDoc({ owner: undefined }))).toMatch(/bad annotations id/);
    // An owner with a colon: the server's validate function reads the owner after the last one.
    expect(refused(annotationsDoc({ _id: 'annotations:d1:x:ana', owner: 'x:ana' }))).toMatch(/bad annotations id/);
    expect(refused({ ...overTheWire(toDocumentDoc(documentRecord, 'r')), _id: 'document:d2' })).toMatch(/bad document id/);
    expect(refused({ ...overTheWire(toTextDoc('d1', 'x', 'r')), _id: 'text:d2' })).toMatch(/not a valid text/);
    expect(refused({ ...overTheWire(toProjectDoc({ name: 'P', guidelines: '' }, 'r')), _id: 'project2' })).toMatch(/not a valid project/);
    expect(refused({ ...overTheWire(toSchemaDoc(defaultSchema(), 'r')), _id: 'schema:x' })).toMatch(/schema/);
  });

  it('refuses spans with bad offsets, missing fields or fields of the wrong type', () => {
    const bad: Array<[Record<string, unknown>, string[]?]> = [
      [{ start: -1 }],
      [{ start: 1.5 }],
      [{ end: 2.5 }],
      [{ start: 4, end: 3 }],
      [{ start: '0' }],
      [{ end: Number.POSITIVE_INFINITY }],
      [{ start: Number.NaN }],
      [{ layer: 'other' }],
      [{ label: 3 }],
      [{ text: null }],
      [{ attributes: [] }],
      [{ attributes: null }],
      [{ attributes: { role: { nested: true } } }],
      [{ attributes: { role: [1, 2] } }],
      [{ attributes: { role: null } }],
      [{ origin: 'martian' }],
      [{ note: 7 }],
      [{ note: null }],
      [{ createdAt: 'yesterday' }],
      [{ id: 5 }],
      [{ id: '' }],
      [{}, ['id']],
      [{}, ['start']],
      [{}, ['end']],
      [{}, ['text']],
      [{}, ['attributes']],
      [{}, ['layer']],
      [{}, ['label']],
      [{}, ['origin']],
      [{}, ['createdAt']],
      [{}, ['updatedAt']],
    ];
    for (const [fields, drop] of bad)
      expect(refused(withSpan(fields, drop)), JSON.stringify({ fields, drop })).toMatch(/span 1 is not a valid span/);
    expect(refused({ ...annotationsDoc(), spans: [42] })).toMatch(/span 1/);
    expect(refused({ ...annotationsDoc(), spans: {} })).toMatch(/must be lists/);
  });

  it('refuses relations with missing or wrong fields, or that point at no span of the document', () => {
    const bad: Array<[Record<string, unknown>, string[]?]> = [
      [{ from: 1 }],
      [{ to: null }],
      [{ type: [] }],
      [{ origin: 'martian' }],
      [{ note: 1 }],
      [{ updatedAt: '1' }],
      [{ id: '' }],
      [{}, ['id']],
      [{}, ['type']],
      [{}, ['from']],
      [{}, ['to']],
      [{}, ['createdAt']],
      [{ from: 'nowhere' }],
      [{ to: 'nowhere' }],
    ];
    for (const [fields, drop] of bad)
      expect(refused(withRelation(fields, drop)), JSON.stringify({ fields, drop })).toMatch(
        /relation 1 is not a valid relation|points at no span/,
      );
    expect(refused({ ...annotationsDoc(), relations: null })).toMatch(/must be lists/);
  });

  it('refuses two records with one id', () => {
    const doc = annotationsDoc();
    expect(refused({ ...doc, spans: [span(doc), span(doc)] })).toMatch(/twice/);
    expect(refused({ ...doc, relations: [relation(doc), relation(doc)] })).toMatch(/twice/);
  });

  it('refuses a bad status, annotator name or document annotation', () => {
    expect(refused(annotationsDoc({ status: 'finished' }))).toMatch(/status/);
    expect(refused(annotationsDoc({ status: undefined }))).toMatch(/status/);
    expect(refused(annotationsDoc({ annotatorName: 3 }))).toMatch(/annotator/);
    for (const document of [
      undefined,
      'labels',
      [],
      { labels: { topic: 'health' }, note: '', updatedAt: 1 },
      { labels: { topic: [1] }, note: '', updatedAt: 1 },
      { labels: { topic: [['a']] }, note: '', updatedAt: 1 },
      { labels: { topic: null }, note: '', updatedAt: 1 },
      { labels: [], note: '', updatedAt: 1 },
      { labels: {}, updatedAt: 1 },
      { labels: {}, note: '' },
      { note: '', updatedAt: 1 },
    ])
      expect(refused(annotationsDoc({ document })), JSON.stringify(document)).toMatch(/document labels are not valid/);
  });

  it('keeps __proto__ and constructor keys as plain data, and pollutes no prototype', () => {
    const hostile = JSON.parse(
      JSON.stringify(annotationsDoc()).replace(
        '"role":"x"',
        '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}',
      ),
    ) as Record<string, unknown>;
    // An attribute value must be a string, number, boolean or list of strings: these are refused.
    expect(refused(hostile)).toMatch(/span 1/);

    const labelled = JSON.parse('{"__proto__": ["a"], "constructor": ["b"], "toString": ["c"]}') as Record<string, string[]>;
    const attributes = JSON.parse('{"__proto__": "x", "constructor": true}') as Record<string, unknown>;
    const doc = withSpan({ attributes });
    doc.document = { labels: labelled, note: '', updatedAt: 1 };
    doc['__proto__'] = { polluted: 'yes' };
    const read = readServerDocument(doc);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const local = fromAnnotationsDoc(read.doc as AnnotationsDoc, PROJECT, ANNOTATOR);
    const back = toAnnotationsDoc(DOCUMENT, 'ana', 'Ana', local, 'r');
    const records = local.records;
    const document = records.find((r) => r.kind === 'document');
    const first = records.find((r) => r.kind === 'span');
    expect(document?.kind === 'document' && Object.getPrototypeOf(document.value.labels)).toBe(Object.prototype);
    expect(document?.kind === 'document' && Object.keys(document.value.labels)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(first?.kind === 'span' && Object.getPrototypeOf(first.value.attributes)).toBe(Object.prototype);
    expect(first?.kind === 'span' && Object.keys(first.value.attributes)).toEqual(['__proto__', 'constructor']);
    expect(sameContent(back, doc)).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a schema document whose items are broken, and accepts the default schema', () => {
    const schemaDoc = (schema: unknown) => ({ ...overTheWire(toSchemaDoc(defaultSchema(), 'r')), schema });
    expect(readServerDocument(schemaDoc(defaultSchema())).ok).toBe(true);
    const base = defaultSchema();
    const broken: unknown[] = [
      null,
      { ...base, labels: 'PERSON' },
      { ...base, labels: [42] },
      { ...base, labels: [{ name: 'PERSON' }] },
      { ...base, labels: [...base.labels, base.labels[0]] },
      { ...base, relationTypes: [{ name: '' }] },
      { ...base, documentCategories: [{ name: 'topic', values: 'health' }] },
    ];
    for (const schema of broken) expect(refused(schemaDoc(schema)), JSON.stringify(schema)).toMatch(/schema/);
  });

  it('refuses a broken document or project document', () => {
    const doc = overTheWire(toDocumentDoc(documentRecord, 'r'));
    for (const fields of [
      { meta: null },
      { meta: { title: 3 } },
      { textLength: -1 },
      { textLength: 1.5 },
      { order: 'first' },
      { removed: 'no' },
      { sourceId: 1 },
      { textHash: null },
    ])
      expect(refused({ ...doc, ...fields }), JSON.stringify(fields)).toMatch(/not a valid document/);
    const project = overTheWire(toProjectDoc({ name: 'P', guidelines: 'g' }, 'r'));
    for (const fields of [{ name: 1 }, { guidelines: null }, { assignment: [] }, { assignment: 'all to ana' }])
      expect(refused({ ...project, ...fields }), JSON.stringify(fields)).toMatch(/not a valid project/);
  });
});
