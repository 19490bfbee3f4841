// Which server documents a logged change makes out of date: every kind of change.
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src-shared/annotations/change';
import type { AnnotationRecord } from '../../../src-shared/annotations/kinds';
import type { DocumentRecord, Span } from '../../../src-shared/domain';
import { changedKeys, type ChangedKeys } from '../../../src-shared/sync/changed-keys';

function span(id: string, documentId: string, annotator: string): AnnotationRecord {
  const value: Span = {
    id,
    projectId: 'p',
    documentId,
    annotator,
    layer: 'entity',
    label: 'PERSON',
    start: 0,
    end: 1,
    text: 'A',
    attributes: {},
    origin: 'manual',
    createdAt: 1,
    updatedAt: 1,
  };
  return { kind: 'span', value };
}

const relation = (id: string, documentId: string, annotator: string): AnnotationRecord => ({
  kind: 'relation',
  value: { id, projectId: 'p', documentId, annotator, type: 'SOURCE', from: 'a', to: 'b', origin: 'manual', createdAt: 1, updatedAt: 1 },
});

const documentLabels = (documentId: string, annotator: string): AnnotationRecord => ({
  kind: 'document',
  value: { projectId: 'p', documentId, annotator, labels: { topic: ['health'] }, note: '', updatedAt: 1 },
});

const suggestion = (id: string, documentId: string, annotator: string): AnnotationRecord => ({
  kind: 'suggestion',
  value: {
    id,
    projectId: 'p',
    documentId,
    annotator,
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
});

function documentRecord(id: string, statuses: DocumentRecord['statuses'] = {}): DocumentRecord {
  return {
    id,
    projectId: 'p',
    sourceId: id,
    order: 0,
    meta: { title: id },
    textHash: 'h',
    textLength: 1,
    statuses,
    spanCounts: {},
    createdAt: 1,
    updatedAt: 1,
  };
}

/** The keys in a comparable form: pairs sorted. */
function keysOf(changes: Change[]): { annotations: string[]; documents: string[]; schema: boolean; everyAnnotation: boolean } {
  const keys: ChangedKeys = changedKeys(changes);
  return {
    annotations: keys.annotations.map((p) => `${p.documentId}/${p.annotator}`).sort(),
    documents: [...keys.documents].sort(),
    schema: keys.schema,
    everyAnnotation: keys.everyAnnotation,
  };
}

const nothing = { annotations: [], documents: [], schema: false, everyAnnotation: false };

describe('changedKeys', () => {
  it('finds nothing in no changes', () => {
    expect(keysOf([])).toEqual(nothing);
  });

  it('takes an edit’s (document, annotator) pairs from the records removed and added, of every kind', () => {
    const change: Change = {
      type: 'edit',
      removed: [span('s1', 'd1', 'ana'), relation('r1', 'd2', 'ana')],
      added: [span('s2', 'd1', 'ana'), documentLabels('d3', 'gold'), span('s3', 'd1', 'ben')],
    };
    expect(keysOf([change])).toEqual({ ...nothing, annotations: ['d1/ana', 'd1/ben', 'd2/ana', 'd3/gold'] });
  });

  it('ignores suggestions, which are never synced', () => {
    expect(keysOf([{ type: 'edit', removed: [suggestion('g1', 'd1', 'ana')], added: [suggestion('g2', 'd2', 'ben')] }])).toEqual(nothing);
    // Accepting a suggestion: the span counts, the suggestion does not.
    expect(keysOf([{ type: 'edit', removed: [suggestion('g1', 'd1', 'ana')], added: [span('s1', 'd9', 'ana')] }])).toEqual({
      ...nothing,
      annotations: ['d9/ana'],
    });
  });

  it('takes a status change’s pair', () => {
    expect(keysOf([{ type: 'status', documentId: 'd1', annotator: 'ana', from: 'todo', to: 'done' }])).toEqual({
      ...nothing,
      annotations: ['d1/ana'],
    });
  });

  it('marks the schema for a schema item, without any annotations', () => {
    const label = { name: 'PERSON', layer: 'entity' as const, color: '#112233', hotkey: 'p' };
    expect(keysOf([{ type: 'schema-item', what: 'label', before: null, after: label, at: 0 }])).toEqual({ ...nothing, schema: true });
    expect(
      keysOf([{ type: 'schema-item', what: 'category', before: { name: 'topic', multiple: false, values: [] }, after: null, at: 0 }]),
    ).toEqual({
      ...nothing,
      schema: true,
    });
  });

  it('marks the schema and every annotation for a rename of any kind of item', () => {
    for (const what of ['label', 'relation-type', 'category'] as const)
      expect(keysOf([{ type: 'rename', what, from: 'A', to: 'B' }])).toEqual({ ...nothing, schema: true, everyAnnotation: true });
  });

  it('takes added or removed documents, the pairs of their statuses and of their annotations', () => {
    for (const type of ['add-documents', 'remove-documents'] as const) {
      const change: Change = {
        type,
        documents: [
          { record: documentRecord('d1', { ana: 'done', gold: 'in_progress' }), text: 'A' },
          { record: documentRecord('d2'), text: 'B' },
        ],
        annotations: [span('s1', 'd2', 'ben'), suggestion('g1', 'd2', 'cy'), relation('r1', 'd1', 'ana')],
      };
      expect(keysOf([change]), type).toEqual({ ...nothing, documents: ['d1', 'd2'], annotations: ['d1/ana', 'd1/gold', 'd2/ben'] });
    }
  });

  it('takes a document whose details changed, and no annotations', () => {
    expect(keysOf([{ type: 'document-meta', documentId: 'd4', from: { title: 'a' }, to: { title: 'b' } }])).toEqual({
      ...nothing,
      documents: ['d4'],
    });
  });

  it('looks into nested batches, and lists each pair once over several changes', () => {
    const nested: Change = {
      type: 'batch',
      changes: [
        { type: 'edit', removed: [], added: [span('s1', 'd1', 'ana')] },
        {
          type: 'batch',
          changes: [
            { type: 'status', documentId: 'd1', annotator: 'ana', from: 'todo', to: 'in_progress' },
            { type: 'batch', changes: [{ type: 'document-meta', documentId: 'd5', from: { title: 'a' }, to: { title: 'b' } }] },
            { type: 'rename', what: 'label', from: 'A', to: 'B' },
          ],
        },
      ],
    };
    const more: Change = { type: 'status', documentId: 'd1', annotator: 'ana', from: 'in_progress', to: 'done' };
    expect(keysOf([nested, more, { type: 'batch', changes: [] }])).toEqual({
      annotations: ['d1/ana'],
      documents: ['d5'],
      schema: true,
      everyAnnotation: true,
    });
    expect(changedKeys([nested, more]).annotations).toHaveLength(1);
  });

  it('keeps pairs apart whose names would run together', () => {
    // (d1, a:b) and (d1:a, b) must not run together into one key.
    const change: Change = { type: 'edit', removed: [], added: [span('s1', 'd1', 'a:b'), span('s2', 'd1:a', 'b')] };
    expect(changedKeys([change]).annotations).toHaveLength(2);
  });
});
