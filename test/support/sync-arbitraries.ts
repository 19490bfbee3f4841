// fast-check arbitraries for team-sync tests: one annotator's consistent work on one document
// (spans, relations between those spans, document labels), with hostile-looking keys mixed in.
import fc from 'fast-check';
import type { AnnotationRecord } from '../../src-shared/annotations/kinds';
import type { AttributeValue, DocumentStatus, Relation, Span, SpanOrigin } from '../../src-shared/domain';
import { DOCUMENT_STATUSES } from '../../src-shared/domain';
import type { LocalAnnotations } from '../../src-shared/sync/server-documents';

export const PROJECT = 'p1';
export const DOCUMENT = 'd1';
export const ANNOTATOR = 'ana';

/** Keys a careless `target[key] = value` turns into prototype changes. */
const HOSTILE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

/** A key for labels and attributes: usually plain, sometimes one that names an Object.prototype member. */
export const keyArb = fc.oneof(
  { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
);

/** Built with Object.fromEntries, as JSON.parse builds them: `__proto__` is an own key, not the prototype. */
const entriesObject = <T>(value: fc.Arbitrary<T>) =>
  fc
    .uniqueArray(fc.tuple(keyArb, value), { selector: ([key]) => key, maxLength: 4 })
    .map((entries) => Object.fromEntries(entries) as Record<string, T>);

const attributeValueArb: fc.Arbitrary<AttributeValue> = fc.oneof(
  fc.string({ maxLength: 5 }),
  fc.integer({ min: -5, max: 5 }),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
);
export const attributesArb = entriesObject(attributeValueArb);
export const documentLabelsArb = entriesObject(fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }));

const originArb = fc.constantFrom<SpanOrigin>('manual', 'imported', 'suggestion', 'teammate');
const timeArb = fc.integer({ min: 0, max: 50 });
export const statusArb = fc.constantFrom<DocumentStatus>(...DOCUMENT_STATUSES);

/** A span's content (whatever the id): any offsets with end >= start, an optional note. */
export function spanArb(id: string, documentId = DOCUMENT, annotator = ANNOTATOR): fc.Arbitrary<Span> {
  return fc
    .record(
      {
        layer: fc.constantFrom<Span['layer']>('entity', 'claim'),
        label: fc.constantFrom('PERSON', 'ORG', 'CLAIM', 'constructor'),
        start: fc.nat({ max: 100 }),
        length: fc.nat({ max: 20 }),
        text: fc.string({ maxLength: 8 }),
        attributes: attributesArb,
        origin: originArb,
        note: fc.string({ maxLength: 5 }),
        createdAt: timeArb,
        updatedAt: timeArb,
      },
      { requiredKeys: ['layer', 'label', 'start', 'length', 'text', 'attributes', 'origin', 'createdAt', 'updatedAt'] },
    )
    .map(({ length, ...rest }) => ({ id, projectId: PROJECT, documentId, annotator, ...rest, end: rest.start + length }));
}

export function relationArb(id: string, spanIds: readonly string[], documentId = DOCUMENT, annotator = ANNOTATOR): fc.Arbitrary<Relation> {
  return fc
    .record(
      {
        type: fc.constantFrom('SOURCE', 'SAME_AS', '__proto__'),
        from: fc.constantFrom(...spanIds),
        to: fc.constantFrom(...spanIds),
        origin: originArb,
        note: fc.string({ maxLength: 5 }),
        createdAt: timeArb,
        updatedAt: timeArb,
      },
      { requiredKeys: ['type', 'from', 'to', 'origin', 'createdAt', 'updatedAt'] },
    )
    .map((rest) => ({ id, projectId: PROJECT, documentId, annotator, ...rest }));
}

export function documentAnnotationArb(documentId = DOCUMENT, annotator = ANNOTATOR): fc.Arbitrary<AnnotationRecord> {
  return fc
    .record({ labels: documentLabelsArb, note: fc.string({ maxLength: 5 }), updatedAt: timeArb })
    .map((value) => ({ kind: 'document', value: { projectId: PROJECT, documentId, annotator, ...value } }));
}

/**
 * One annotator's consistent work on one document: spans with ids from `spanIds` (a subset when
 * `subset`), relations between them with ids from `relationIds`, maybe a document annotation.
 */
export function localAnnotationsArb(
  options: { spanIds?: readonly string[]; relationIds?: readonly string[]; documentId?: string; annotator?: string } = {},
): fc.Arbitrary<LocalAnnotations> {
  const spanIds = options.spanIds ?? ['s1', 's2', 's3', 's4', 's5'];
  const relationIds = options.relationIds ?? ['r1', 'r2', 'r3'];
  const documentId = options.documentId ?? DOCUMENT;
  const annotator = options.annotator ?? ANNOTATOR;
  return fc
    .record({
      spans: fc.subarray([...spanIds]),
      relations: fc.subarray([...relationIds]),
      status: statusArb,
    })
    .chain(({ spans, relations, status }) =>
      fc.record({
        status: fc.constant(status),
        spans: fc.tuple(...spans.map((id) => spanArb(id, documentId, annotator))),
        relations:
          spans.length === 0
            ? fc.constant<Relation[]>([])
            : fc.tuple(...relations.map((id) => relationArb(id, spans, documentId, annotator))),
        document: fc.option(documentAnnotationArb(documentId, annotator), { nil: undefined }),
      }),
    )
    .chain(({ status, spans, relations, document }) =>
      // Any order: nothing may depend on the order records come in.
      fc
        .shuffledSubarray(
          [
            ...spans.map((value): AnnotationRecord => ({ kind: 'span', value })),
            ...relations.map((value): AnnotationRecord => ({ kind: 'relation', value })),
            ...(document ? [document] : []),
          ],
          { minLength: spans.length + relations.length + (document ? 1 : 0) },
        )
        .map((records) => ({ status, records })),
    );
}

/** Records in one canonical order (kind, then id), for comparing sets of records. */
export function sortedRecords(records: readonly AnnotationRecord[]): AnnotationRecord[] {
  const key = (r: AnnotationRecord) => `${r.kind}\u0000${'id' in r.value ? r.value.id : ''}`;
  return [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
