// How a project lives in a CouchDB database: which documents, with which ids, holding what.
// Chosen for few conflicts and cheap replication (docs/sync.md): one document per (document,
// annotator) for annotations, so an annotator's work is written by that annotator alone; a
// text written once and never again; small documents for what several people may edit.
import type { AssignmentPlan } from '../assignment';
import type { DocumentMeta, DocumentRecord, DocumentStatus, LabelSchema, Relation, Span } from '../domain';
import { DOCUMENT_STATUSES } from '../domain';
import type { AnnotationRecord } from '../annotations/kinds';

/** Bumped when the layout changes in a way older apps must not read. */
export const SYNC_LAYOUT_VERSION = 1;

/** The owner of the adjudicated layer on the server (only the database's admins write it). */
export const GOLD_OWNER = 'gold';

export const PROJECT_DOC_ID = 'project';
export const SCHEMA_DOC_ID = 'schema';
export const documentDocId = (documentId: string) => `document:${documentId}`;
export const textDocId = (documentId: string) => `text:${documentId}`;
/** The owner is a CouchDB user name (or `gold`): the server's validate function checks it is the writer's. */
export const annotationsDocId = (documentId: string, owner: string) => `annotations:${documentId}:${owner}`;

/** Fields every Spanwright document on the server carries. */
interface Common {
  _id: string;
  /** Which replica (one app install) wrote this revision: it skips its own revisions coming back. */
  writer: string;
  layout: number;
}

export interface ProjectDoc extends Common {
  kind: 'project';
  name: string;
  guidelines: string;
  assignment: AssignmentPlan | null;
}

export interface SchemaDoc extends Common {
  kind: 'schema';
  schema: LabelSchema;
}

export interface DocumentDoc extends Common {
  kind: 'document';
  documentId: string;
  sourceId: string;
  order: number;
  meta: DocumentMeta;
  textHash: string;
  textLength: number;
  createdAt: number;
  /** Removed by a lead: every replica moves it to its trash (a tombstone, so its history stays). */
  removed: boolean;
}

export interface TextDoc extends Common {
  kind: 'text';
  documentId: string;
  text: string;
}

/** A span as the server holds it: the record without what the document id says. */
export type WireSpan = Omit<Span, 'projectId' | 'documentId' | 'annotator'>;
export type WireRelation = Omit<Relation, 'projectId' | 'documentId' | 'annotator'>;

export interface AnnotationsDoc extends Common {
  kind: 'annotations';
  documentId: string;
  owner: string;
  /** The owner's display name, for teammates' screens. */
  annotatorName: string;
  status: DocumentStatus;
  spans: WireSpan[];
  relations: WireRelation[];
  /** Document labels and note; null when there are none. */
  document: { labels: Record<string, string[]>; note: string; updatedAt: number } | null;
}

export type ServerDocument = ProjectDoc | SchemaDoc | DocumentDoc | TextDoc | AnnotationsDoc;

/** One annotator's work on one document, as the app holds it. */
export interface LocalAnnotations {
  status: DocumentStatus;
  /** Spans, relations and the document annotation of that annotator and document (suggestions are never synced). */
  records: readonly AnnotationRecord[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function toAnnotationsDoc(
  documentId: string,
  owner: string,
  annotatorName: string,
  local: LocalAnnotations,
  writer: string,
): AnnotationsDoc {
  const spans: WireSpan[] = [];
  const relations: WireRelation[] = [];
  let document: AnnotationsDoc['document'] = null;
  for (const record of local.records) {
    if (record.kind === 'span') {
      const { projectId: _p, documentId: _d, annotator: _a, ...rest } = record.value;
      spans.push(rest);
    } else if (record.kind === 'relation') {
      const { projectId: _p, documentId: _d, annotator: _a, ...rest } = record.value;
      relations.push(rest);
    } else if (record.kind === 'document') {
      document = { labels: record.value.labels, note: record.value.note, updatedAt: record.value.updatedAt };
    }
  }
  return {
    _id: annotationsDocId(documentId, owner),
    kind: 'annotations',
    layout: SYNC_LAYOUT_VERSION,
    writer,
    documentId,
    owner,
    annotatorName,
    status: local.status,
    spans: spans.sort(byId),
    relations: relations.sort(byId),
    document,
  };
}

/** The records an annotations document holds, as the given local annotator's in the given project. */
export function fromAnnotationsDoc(doc: AnnotationsDoc, projectId: string, annotator: string): LocalAnnotations {
  const records: AnnotationRecord[] = [];
  const documentId = doc.documentId;
  for (const span of doc.spans) records.push({ kind: 'span', value: { ...span, projectId, documentId, annotator } });
  for (const relation of doc.relations) records.push({ kind: 'relation', value: { ...relation, projectId, documentId, annotator } });
  if (doc.document) records.push({ kind: 'document', value: { ...doc.document, projectId, documentId, annotator } });
  return { status: doc.status, records };
}

export function toDocumentDoc(record: DocumentRecord, writer: string, removed = false): DocumentDoc {
  return {
    _id: documentDocId(record.id),
    kind: 'document',
    layout: SYNC_LAYOUT_VERSION,
    writer,
    documentId: record.id,
    sourceId: record.sourceId,
    order: record.order,
    meta: record.meta,
    textHash: record.textHash,
    textLength: record.textLength,
    createdAt: record.createdAt,
    removed,
  };
}

/** A new local document row for a server document (no statuses or counts yet: its annotations bring them). */
export function fromDocumentDoc(doc: DocumentDoc, projectId: string, now: number): DocumentRecord {
  return {
    id: doc.documentId,
    projectId,
    sourceId: doc.sourceId,
    order: doc.order,
    meta: doc.meta,
    textHash: doc.textHash,
    textLength: doc.textLength,
    statuses: {},
    spanCounts: {},
    createdAt: doc.createdAt,
    updatedAt: now,
  };
}

export function toTextDoc(documentId: string, text: string, writer: string): TextDoc {
  return { _id: textDocId(documentId), kind: 'text', layout: SYNC_LAYOUT_VERSION, writer, documentId, text };
}

export function toProjectDoc(project: { name: string; guidelines: string; assignment?: AssignmentPlan }, writer: string): ProjectDoc {
  return {
    _id: PROJECT_DOC_ID,
    kind: 'project',
    layout: SYNC_LAYOUT_VERSION,
    writer,
    name: project.name,
    guidelines: project.guidelines,
    assignment: project.assignment ?? null,
  };
}

export function toSchemaDoc(schema: LabelSchema, writer: string): SchemaDoc {
  return { _id: SCHEMA_DOC_ID, kind: 'schema', layout: SYNC_LAYOUT_VERSION, writer, schema };
}

/** Whether two server documents say the same thing (who wrote them and CouchDB's fields aside). */
export function sameContent(a: object, b: object): boolean {
  return canonical(a) === canonical(b);
}

const IGNORED = new Set(['_rev', '_revisions', '_conflicts', '_attachments', 'writer']);

function canonical(value: unknown): string {
  return JSON.stringify(value, (key, inner: unknown) => {
    if (IGNORED.has(key)) return undefined;
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(inner).sort()) sorted[k] = (inner as Record<string, unknown>)[k];
      return sorted;
    }
    return inner;
  });
}

// ---- Reading what a server holds: nothing from the network is trusted --------------------

export type ReadResult = { ok: true; doc: ServerDocument } | { ok: false; skip: true } | { ok: false; skip: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const SAFE_ID = /^[A-Za-z0-9_.~-]{1,200}$/;

function problem(reason: string): ReadResult {
  return { ok: false, skip: false, reason };
}

/**
 * Checks a document read from the server has the shape its kind needs. Design documents and
 * anything that is not Spanwright's are skipped; a Spanwright document of a newer layout or a
 * broken shape is refused with the reason (shown, never applied).
 */
export function readServerDocument(raw: unknown): ReadResult {
  if (!isObject(raw) || !isString(raw._id)) return problem('not a JSON object with an _id');
  if (raw._id.startsWith('_')) return { ok: false, skip: true };
  if (!isString(raw.kind)) return { ok: false, skip: true };
  if (raw.layout !== SYNC_LAYOUT_VERSION)
    return problem(`${raw._id}: written by a newer Spanwright (layout ${String(raw.layout)}); update the app`);
  if (!isString(raw.writer)) return problem(`${raw._id}: no writer`);
  const id = raw._id;
  switch (raw.kind) {
    case 'project':
      if (
        id !== PROJECT_DOC_ID ||
        !isString(raw.name) ||
        !isString(raw.guidelines) ||
        !(raw.assignment === null || isObject(raw.assignment))
      )
        return problem(`${id}: not a valid project document`);
      return { ok: true, doc: raw as unknown as ProjectDoc };
    case 'schema':
      if (
        id !== SCHEMA_DOC_ID ||
        !isObject(raw.schema) ||
        !Array.isArray(raw.schema.labels) ||
        !Array.isArray(raw.schema.relationTypes) ||
        !Array.isArray(raw.schema.documentCategories)
      )
        return problem(`${id}: not a valid label schema`);
      return { ok: true, doc: raw as unknown as SchemaDoc };
    case 'document':
      if (!isString(raw.documentId) || !SAFE_ID.test(raw.documentId) || id !== documentDocId(raw.documentId))
        return problem(`${id}: bad document id`);
      if (
        !isString(raw.sourceId) ||
        !isTime(raw.order) ||
        !isObject(raw.meta) ||
        !isString(raw.meta.title) ||
        !isString(raw.textHash) ||
        !isCount(raw.textLength) ||
        !isTime(raw.createdAt) ||
        typeof raw.removed !== 'boolean'
      )
        return problem(`${id}: not a valid document`);
      return { ok: true, doc: raw as unknown as DocumentDoc };
    case 'text':
      if (!isString(raw.documentId) || !SAFE_ID.test(raw.documentId) || id !== textDocId(raw.documentId) || !isString(raw.text))
        return problem(`${id}: not a valid text`);
      return { ok: true, doc: raw as unknown as TextDoc };
    case 'annotations':
      return readAnnotations(raw, id);
    default:
      return { ok: false, skip: true };
  }
}

function readAnnotations(raw: Record<string, unknown>, id: string): ReadResult {
  if (
    !isString(raw.documentId) ||
    !SAFE_ID.test(raw.documentId) ||
    !isString(raw.owner) ||
    raw.owner === '' ||
    id !== annotationsDocId(raw.documentId, raw.owner)
  )
    return problem(`${id}: bad annotations id`);
  if (!isString(raw.annotatorName) || !DOCUMENT_STATUSES.includes(raw.status as DocumentStatus))
    return problem(`${id}: bad annotator or status`);
  if (!Array.isArray(raw.spans) || !Array.isArray(raw.relations)) return problem(`${id}: spans and relations must be lists`);
  for (const [index, span] of raw.spans.entries()) {
    if (
      !isObject(span) ||
      !isString(span.id) ||
      (span.layer !== 'entity' && span.layer !== 'claim') ||
      !isString(span.label) ||
      !isCount(span.start) ||
      !isCount(span.end) ||
      span.end < span.start ||
      !isString(span.text) ||
      !isObject(span.attributes) ||
      !isString(span.origin) ||
      !isTime(span.createdAt) ||
      !isTime(span.updatedAt) ||
      (span.note !== undefined && !isString(span.note))
    )
      return problem(`${id}: span ${index + 1} is not a valid span`);
  }
  for (const [index, relation] of raw.relations.entries()) {
    if (
      !isObject(relation) ||
      !isString(relation.id) ||
      !isString(relation.type) ||
      !isString(relation.from) ||
      !isString(relation.to) ||
      !isString(relation.origin) ||
      !isTime(relation.createdAt) ||
      !isTime(relation.updatedAt) ||
      (relation.note !== undefined && !isString(relation.note))
    )
      return problem(`${id}: relation ${index + 1} is not a valid relation`);
  }
  const document = raw.document;
  if (document !== null && (!isObject(document) || !isObject(document.labels) || !isString(document.note) || !isTime(document.updatedAt)))
    return problem(`${id}: document labels are not valid`);
  if (isObject(document) && !Object.values(document.labels as object).every((values) => Array.isArray(values) && values.every(isString)))
    return problem(`${id}: document labels are not valid`);
  return { ok: true, doc: raw as unknown as AnnotationsDoc };
}
