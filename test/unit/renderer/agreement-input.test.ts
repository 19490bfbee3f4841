// The app's agreement input: spans with attribute values, relations and document labels read from
// the database for the chosen annotators and documents, and the schema's relation types.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeAgreement, loadAgreementInput } from '../../../src-renderer/src/app/agreement-input';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { AttributeValue, DocumentRecord, LayerId, Relation, Span } from '../../../src-shared/domain';

const TEXT = 'Paris is big, said Ana.';
let db: SpanwrightDatabase;

function document(id: string, order: number): DocumentRecord {
  return {
    id,
    projectId: 'p',
    sourceId: id,
    order,
    meta: { title: `Title ${id}` },
    textHash: id,
    textLength: TEXT.length,
    statuses: {},
    spanCounts: {},
    createdAt: 0,
    updatedAt: 0,
  };
}

function span(
  id: string,
  documentId: string,
  annotator: string,
  layer: LayerId,
  label: string,
  start: number,
  end: number,
  attributes: Record<string, AttributeValue> = {},
): Span {
  return {
    id,
    projectId: 'p',
    documentId,
    annotator,
    layer,
    label,
    start,
    end,
    text: TEXT.slice(start, end),
    attributes,
    origin: 'manual',
    createdAt: 0,
    updatedAt: 0,
  };
}

function relation(id: string, documentId: string, annotator: string, type: string, from: string, to: string): Relation {
  return { id, projectId: 'p', documentId, annotator, type, from, to, origin: 'manual', createdAt: 0, updatedAt: 0 };
}

beforeEach(async () => {
  db = new SpanwrightDatabase(`agreement-${Math.random()}`);
  const schema = defaultSchema();
  schema.relationTypes.push({ name: 'SAME_AS', color: '#336699', hotkey: '', directed: false, sources: [], targets: [] });
  await db.projects.put({ id: 'p', name: 'P', schema, guidelines: '', createdAt: 0, updatedAt: 0 });
  await db.documents.bulkPut([document('d1', 0), document('d2', 1)]);
  await db.texts.bulkPut([
    { documentId: 'd1', text: TEXT },
    { documentId: 'd2', text: TEXT },
  ]);
  // d1: CLAIM "Paris is big" [0, 12) with its SOURCE Ana [19, 22); bob's source is "said Ana" [14, 22).
  await db.spans.bulkPut([
    span('a1', 'd1', 'ann', 'claim', 'CLAIM', 0, 12, { checkworthy: 'yes' }),
    span('a2', 'd1', 'ann', 'entity', 'PERSON', 19, 22),
    span('a3', 'd1', 'ann', 'entity', 'LOC', 0, 5),
    span('b1', 'd1', 'bob', 'claim', 'CLAIM', 0, 12, { checkworthy: 'no' }),
    span('b2', 'd1', 'bob', 'entity', 'PERSON', 14, 22),
    span('b3', 'd1', 'bob', 'entity', 'LOC', 0, 5),
    span('a9', 'd2', 'ann', 'entity', 'LOC', 0, 5),
  ]);
  await db.relations.bulkPut([
    relation('r1', 'd1', 'ann', 'SOURCE', 'a1', 'a2'),
    relation('r2', 'd1', 'ann', 'SAME_AS', 'a3', 'a1'),
    relation('s1', 'd1', 'bob', 'SOURCE', 'b1', 'b2'),
    relation('s2', 'd1', 'bob', 'SAME_AS', 'b1', 'b3'), // undirected in the schema: matches r2
  ]);
  await db.documentAnnotations.bulkPut([
    { projectId: 'p', documentId: 'd1', annotator: 'ann', labels: { topic: ['politics'] }, note: '', updatedAt: 0 },
    { projectId: 'p', documentId: 'd2', annotator: 'ann', labels: { topic: ['sport'] }, note: 'unsure', updatedAt: 0 },
    { projectId: 'p', documentId: 'd1', annotator: 'bob', labels: { topic: ['politics'] }, note: '', updatedAt: 0 },
  ]);
});
afterEach(() => db.delete());

const names = new Map([
  ['ann', 'Ann'],
  ['bob', 'Bob'],
]);

describe('loadAgreementInput', () => {
  it('reads spans with their ids and attributes, relations and document labels of the chosen documents', async () => {
    const input = await loadAgreementInput(db, 'p', ['d1'], ['ann', 'bob'], names);
    const [ann, bob] = input.annotationSets;
    expect(ann?.annotator).toBe('Ann');
    expect(ann?.spans.find((s) => s.id === 'a1')).toEqual({
      id: 'a1',
      documentId: 'd1',
      layer: 'claim',
      label: 'CLAIM',
      start: 0,
      end: 12,
      attributes: { checkworthy: 'yes' },
    });
    expect(ann?.spans.find((s) => s.id === 'a2')?.attributes).toBeUndefined();
    expect(ann?.relations).toEqual([
      { documentId: 'd1', type: 'SOURCE', from: 'a1', to: 'a2' },
      { documentId: 'd1', type: 'SAME_AS', from: 'a3', to: 'a1' },
    ]);
    expect(ann?.documentLabels).toEqual([{ documentId: 'd1', labels: { topic: ['politics'] } }]);
    expect(bob?.relations).toHaveLength(2);
    expect(input.schema.relationTypes).toContainEqual({ name: 'SAME_AS', directed: false });
  });

  it('gives the report relation, attribute and document-label figures, with the schema’s undirected types', async () => {
    const input = await loadAgreementInput(db, 'p', null, ['ann', 'bob'], names);
    const report = await computeAgreement(input, {}).report;
    // SAME_AS (undirected) a3-a1 = b1-b3: tp. SOURCE: Ana vs "said Ana": exact fn + fp, overlap tp.
    expect(report.relationCounts).toEqual([2, 2]);
    expect(report.relations[0]?.exact.overall).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(report.relations[0]?.overlap.overall).toMatchObject({ tp: 2, fp: 0, fn: 0 });
    // CLAIM checkworthy: one pair, yes vs no: po 0, pe 0 -> kappa 0.
    expect(report.attributes[0]?.attributes).toMatchObject([
      { layer: 'claim', label: 'CLAIM', attribute: 'checkworthy', spans: 1, items: 1, kappa: 0 },
    ]);
    // topic is multiple choice in the default schema, though nobody chose two values: one yes/no
    // item per document and value (politics, sport). d1 P Y/Y, S N/N; d2 P N/N, S Y/N: po = 3/4;
    // ann yes 2, no 2; bob yes 1, no 3: pe = (2 + 6)/16 = 1/2; kappa = (3/4 - 1/2)/(1/2) = 1/2.
    expect(report.documentLabels.pairs[0]?.categories[0]).toMatchObject({ category: 'topic', multiple: true, documents: 2, items: 4 });
    expect(report.documentLabels.pairs[0]?.categories[0]?.kappa).toBeCloseTo(1 / 2, 12);
  });

  it('reads each annotator’s statuses, which the done scope goes by', async () => {
    await db.documents.update('d1', { statuses: { ann: 'done', bob: 'done' } });
    await db.documents.update('d2', { statuses: { ann: 'done' } });
    const input = await loadAgreementInput(db, 'p', null, ['ann', 'bob'], names);
    expect(input.annotationSets.map((set) => set.statuses)).toEqual([{ d1: 'done', d2: 'done' }, { d1: 'done' }]);
    const report = await computeAgreement(input, { scope: 'done' }).report;
    // Bob never marked d2 Done, so Ann's LOC there does not count against him.
    expect(report.scope).toEqual({ scope: 'done', compared: ['d1'], withoutSpans: [], outOfScope: ['d2'], keptOutBy: { d2: ['Bob'] } });
  });
});
