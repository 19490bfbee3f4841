// How a project lives in a CouchDB database: which documents, with which ids, holding what.
// Chosen for few conflicts and cheap replication (docs/sync.md): one document per (document,
// annotator) for annotations, so an annotator's work is written by that annotator alone; a
// text written once and never again; small documents for what several people may edit.
import type { AssignmentPlan } from '../assignment';
import type { DocumentMeta, DocumentRecord, DocumentStatus, LabelSchema, Relation, Span, SpanOrigin } from '../domain';
import { DOCUMENT_STATUSES, SPAN_ORIGINS } from '../domain';
import type { SchemaItemKind } from '../annotations/change';
import type { AnnotationRecord } from '../annotations/kinds';
import { readAttributes } from '../formats/spanwright-jsonl';
import { restoreSchema } from '../schema-restore';

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
  /** Recent renames, oldest first: a replica renames its own annotations too (a rename is not a removal and an addition). */
  renames: SchemaRename[];
}

export interface SchemaRename {
  /** Unique: a replica applies each rename once. */
  id: string;
  what: SchemaItemKind;
  from: string;
  to: string;
}

/** How many renames the schema document remembers (a replica offline for longer sees the rest as removals and additions). */
export const RENAMES_KEPT = 200;

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

export function toSchemaDoc(schema: LabelSchema, writer: string, renames: readonly SchemaRename[] = []): SchemaDoc {
  return { _id: SCHEMA_DOC_ID, kind: 'schema', layout: SYNC_LAYOUT_VERSION, writer, schema, renames: renames.slice(-RENAMES_KEPT) };
}

/** Whether two server documents say the same thing (who wrote them and CouchDB's fields aside). */
export function sameContent(a: object, b: object): boolean {
  return canonicalJson(content(a)) === canonicalJson(content(b));
}

/** CouchDB's own fields, and who saved a revision and when (stamped on each write), are not content. */
const IGNORED = new Set(['_rev', '_revisions', '_conflicts', '_attachments', 'writer', 'savedBy', 'savedAt']);

/** The document without those fields: only at the top, since an attribute or a category may be called `writer`. */
function content(doc: object): Record<string, unknown> {
  const kept = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(doc)) if (!IGNORED.has(key)) kept[key] = value;
  return kept;
}

/** JSON text with every object's keys sorted: equal for equal values, whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      // No prototype, so that a `__proto__` key (JSON.parse makes it an own key) stays a key.
      const sorted = Object.create(null) as Record<string, unknown>;
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
/** A document id that cannot reach into another id (`:`) or up a path (`/`, `.`, `..`) where ids name files or URLs. */
export const isSafeDocumentId = (v: unknown): v is string => isString(v) && SAFE_ID.test(v) && v !== '.' && !v.includes('..');
const KINDS: ReadonlySet<string> = new Set<ServerDocument['kind']>(['project', 'schema', 'document', 'text', 'annotations']);

const isRecordId = (v: unknown): v is string => isString(v) && v !== '';
const isOrigin = (v: unknown): v is SpanOrigin => SPAN_ORIGINS.includes(v as SpanOrigin);

const SCHEMA_ITEM_KINDS: readonly string[] = ['label', 'relation-type', 'category'];

function isRename(value: unknown): value is SchemaRename {
  return (
    isObject(value) &&
    isString(value.id) &&
    value.id !== '' &&
    isString(value.what) &&
    SCHEMA_ITEM_KINDS.includes(value.what) &&
    isString(value.from) &&
    isString(value.to)
  );
}

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
  const newer = typeof raw.layout === 'number' && raw.layout > SYNC_LAYOUT_VERSION;
  // `kind` is a common field name: a kind Spanwright does not know is someone else's document,
  // unless it carries Spanwright's fields with a newer layout (a kind added since).
  if (!isString(raw.kind) || (!KINDS.has(raw.kind) && !(newer && isString(raw.writer)))) return { ok: false, skip: true };
  if (newer) return problem(`${raw._id}: written by a newer Spanwright (layout ${String(raw.layout)}); update the app`);
  if (raw.layout !== SYNC_LAYOUT_VERSION) return problem(`${raw._id}: unknown layout ${JSON.stringify(raw.layout) ?? 'none'}`);
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
    case 'schema': {
      if (
        id !== SCHEMA_DOC_ID ||
        !isObject(raw.schema) ||
        !Array.isArray(raw.schema.relationTypes) ||
        !Array.isArray(raw.schema.documentCategories)
      )
        return problem(`${id}: not a valid label schema`);
      // Item by item, as a project bundle's: the sync applies these items to the local schema.
      const schema = restoreSchema(raw.schema);
      if (!schema.ok) return problem(`${id}: not a valid label schema: ${schema.error}`);
      const renames = raw.renames ?? [];
      if (!Array.isArray(renames) || renames.length > RENAMES_KEPT || !renames.every(isRename))
        return problem(`${id}: not a valid list of renames`);
      return { ok: true, doc: { ...(raw as unknown as SchemaDoc), schema: schema.value, renames: renames as SchemaRename[] } };
    }
    case 'document':
      if (!isSafeDocumentId(raw.documentId) || id !== documentDocId(raw.documentId)) return problem(`${id}: bad document id`);
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
      if (!isSafeDocumentId(raw.documentId) || id !== textDocId(raw.documentId) || !isString(raw.text))
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
    !isSafeDocumentId(raw.documentId) ||
    !isString(raw.owner) ||
    raw.owner === '' ||
    // The server's validate function takes the owner after the id's last colon.
    raw.owner.includes(':') ||
    id !== annotationsDocId(raw.documentId, raw.owner)
  )
    return problem(`${id}: bad annotations id`);
  if (!isString(raw.annotatorName) || !DOCUMENT_STATUSES.includes(raw.status as DocumentStatus))
    return problem(`${id}: bad annotator or status`);
  if (!Array.isArray(raw.spans) || !Array.isArray(raw.relations)) return problem(`${id}: spans and relations must be lists`);
  const spanIds = new Set<string>();
  for (const [index, span] of raw.spans.entries()) {
    if (
      !isObject(span) ||
      !isRecordId(span.id) ||
      (span.layer !== 'entity' && span.layer !== 'claim') ||
      !isString(span.label) ||
      !isCount(span.start) ||
      !isCount(span.end) ||
      span.end < span.start ||
      !isString(span.text) ||
      readAttributes(span.attributes) === undefined ||
      !isOrigin(span.origin) ||
      !isTime(span.createdAt) ||
      !isTime(span.updatedAt) ||
      (span.note !== undefined && !isString(span.note))
    )
      return problem(`${id}: span ${index + 1} is not a valid span`);
    if (spanIds.has(span.id)) return problem(`${id}: span ${span.id} appears twice`);
    spanIds.add(span.id);
  }
  const relationIds = new Set<string>();
  for (const [index, relation] of raw.relations.entries()) {
    if (
      !isObject(relation) ||
      !isRecordId(relation.id) ||
      !isString(relation.type) ||
      !isString(relation.from) ||
      !isString(relation.to) ||
      !isOrigin(relation.origin) ||
      !isTime(relation.createdAt) ||
      !isTime(relation.updatedAt) ||
      (relation.note !== undefined && !isString(relation.note))
    )
      return problem(`${id}: relation ${index + 1} is not a valid relation`);
    if (relationIds.has(relation.id)) return problem(`${id}: relation ${relation.id} appears twice`);
    relationIds.add(relation.id);
    if (!spanIds.has(relation.from) || !spanIds.has(relation.to))
      return problem(`${id}: relation ${index + 1} points at no span of this document`);
  }
  const document = raw.document;
  if (document !== null && (!isObject(document) || !isObject(document.labels) || !isString(document.note) || !isTime(document.updatedAt)))
    return problem(`${id}: document labels are not valid`);
  if (isObject(document) && !Object.values(document.labels as object).every((values) => Array.isArray(values) && values.every(isString)))
    return problem(`${id}: document labels are not valid`);
  return { ok: true, doc: raw as unknown as AnnotationsDoc };
}
