// The export use-case: run the core exporter over the chosen documents (in list order, reading
// the database a batch at a time), in two passes: the first only summarises (counts, what each
// format left out), so the dialog can show it before saving without holding the file; the
// second writes the output as a stream of chunks. export-worker.ts runs both off the main thread.
import type { SaveStream } from '../../../src-shared/bridge';
import { statusOf } from '../../../src-shared/document-rules';
import type {
  AttributeType,
  DocumentAnnotation,
  DocumentCategory,
  DocumentRecord,
  DocumentStatus,
  LayerId,
  Relation,
  Span,
} from '../../../src-shared/domain';
import { GOLD_ANNOTATOR } from '../../../src-shared/domain';
import { createExporter, type Exporter } from '../../../src-shared/formats/exporter';
import { exportFileName as fileNameFor } from '../../../src-shared/formats/file-names';
import type { ExportDocument, ExportOptions } from '../../../src-shared/formats/format-module';
import type { LeftOut } from '../../../src-shared/formats/left-out';
import { formatInfo, type FormatId } from '../../../src-shared/formats/registry';
import { createZipWriter } from '../../../src-shared/formats/zip-archive';
import { splitDocuments, type SplitName, type SplitRatios } from '../../../src-shared/split';
import type { SpanwrightDatabase } from '../storage/database';
import { setOwn } from '../../../src-shared/own-keys';
import { nextTask } from '../platform/next-task';

/** Documents read and written at a time: their texts are the bulk of what is held. */
const BATCH = 100;

/** Whose annotations an export holds. */
export interface LayerSelection {
  /** The annotators whose spans and statuses are exported, or every one. */
  annotators: readonly string[] | 'all';
  /** The annotator whose status is the document's `status` (yours, or gold). */
  primary: string;
  /** Display names, by annotator id. */
  names: ReadonlyMap<string, string>;
}

export interface ExportRequest {
  format: FormatId;
  layers: readonly LayerId[];
  /** Renames (`LOC` -> `GPE`) or null to leave a label out. */
  labelMap: Readonly<Record<string, string | null>>;
  selection: LayerSelection;
  split: { ratios: SplitRatios; seed: number; stratify: boolean } | null;
  /** The project's label names in schema order (label lists follow it). */
  schemaLabels: readonly string[];
  /** The schema's document categories and attribute types, for the formats that write them. */
  documentCategories?: readonly DocumentCategory[];
  attributeTypes?: Readonly<Record<string, AttributeType>>;
}

export interface LeftOutReport extends LeftOut {
  title: string;
}

export interface ExportSummary {
  documents: number;
  spans: number;
  /** Spans written per (exported) label name, in schema order then others. */
  spansPerLabel: Array<{ label: string; count: number }>;
  /** Per document: spans a format could not hold (dropped) or had to change (warnings). */
  leftOut: LeftOutReport[];
  /** Titles of documents with no span in the export. */
  emptyDocuments: string[];
  splitCounts: Record<SplitName, number> | null;
  /** BIO formats: the tag list written to labels.json. */
  tagList: string[] | null;
}

/** A whole file in memory (project bundles, tests). */
export interface PreparedExport {
  fileName: string;
  parts: Array<string | Uint8Array>;
  summary: ExportSummary;
}

/** An export whose summary is known, ready to be written into a save stream. */
export interface SavableExport {
  fileName: string;
  summary: ExportSummary;
  /** Writes and commits the file; aborts the stream (no partial file) on failure or `discard`. */
  writeTo(stream: SaveStream, onProgress?: (done: number, total: number) => void): Promise<void>;
  /** Stops the work behind it (its worker); a write under way fails and aborts its stream. */
  discard(): void;
}

/** What a summary pass decides for the save pass: the split and the order of its parts. */
export interface ExportPlan {
  request: ExportRequest;
  documentIds: readonly string[];
  assignment: ReadonlyMap<string, SplitName> | null;
  /** Split parts ('' without a split) in the order their first document comes. */
  groups: readonly string[];
  /** With a split: each document's source id in list order, for split.json. */
  sourceIds: readonly string[];
}

/** Receives the output a chunk at a time; the writer waits for it (backpressure). */
export type ExportSink = (chunk: string | Uint8Array) => void | Promise<void>;

/** Whether the output is one file as it is, or a zip (brat, a split, or a label list to carry). */
function needsZip(request: ExportRequest): boolean {
  const info = formatInfo(request.format);
  return info.shape === 'files' || request.split !== null || info.id === 'hf-token';
}

/** Whose annotations an export holds, as its file name says it: a name (never the UI's "(you)"), `Gold` or `all-annotators`. */
function annotatorPart(selection: LayerSelection): string {
  if (selection.annotators === 'all') return 'all-annotators';
  if (selection.primary === GOLD_ANNOTATOR.id) return GOLD_ANNOTATOR.name;
  return selection.names.get(selection.primary)?.trim() || selection.primary.slice(0, 8);
}

/** `<project>_<annotator>_<date>.<format>.<extension>`, so exports of several people and days can be told apart. */
export function exportFileName(
  projectName: string,
  request: Pick<ExportRequest, 'format' | 'split' | 'selection'>,
  date: Date = new Date(),
): string {
  const info = formatInfo(request.format);
  const zipped = needsZip({ ...request, layers: [], labelMap: {}, schemaLabels: [] });
  return fileNameFor({
    project: projectName,
    annotator: annotatorPart(request.selection),
    date,
    format: info.id,
    extension: zipped ? 'zip' : info.extension,
  });
}


interface ExportItem {
  doc: DocumentRecord;
  text: string;
  spans: Span[];
  relations: Relation[];
  documentAnnotations: DocumentAnnotation[];
}

function chosenBy(request: ExportRequest): (who: string) => boolean {
  const { annotators } = request.selection;
  return (who) => annotators === 'all' || annotators.includes(who);
}

/** Rows of the given documents by document, the chosen annotators' only. */
function byDocument<T extends { documentId: string; annotator: string }>(
  rows: readonly T[],
  chosen: (who: string) => boolean,
): Map<string, T[]> {
  const into = new Map<string, T[]>();
  for (const row of rows) {
    if (!chosen(row.annotator)) continue;
    const list = into.get(row.documentId);
    if (list) list.push(row);
    else into.set(row.documentId, [row]);
  }
  return into;
}

/** Document records in the order asked; a document removed since the list was read is an error, not a silent gap. */
async function readRecords(db: SpanwrightDatabase, ids: readonly string[]): Promise<DocumentRecord[]> {
  const records = await db.documents.bulkGet([...ids]);
  return records.map((record, i) => {
    if (!record) throw new Error(`Document ${ids[i] ?? ''} was removed while exporting: export again.`);
    return record;
  });
}

/**
 * One batch of documents with their texts and annotations, read by index (the spans of these
 * documents, not the project's), so what is held does not grow with the project.
 */
async function readBatch(db: SpanwrightDatabase, ids: readonly string[], chosen: (who: string) => boolean): Promise<ExportItem[]> {
  const [records, texts, spans, relations, annotations] = await Promise.all([
    readRecords(db, ids),
    db.texts.bulkGet([...ids]),
    db.spans.where('documentId').anyOf(ids).toArray(),
    db.relations.where('documentId').anyOf(ids).toArray(),
    db.documentAnnotations.where('documentId').anyOf(ids).toArray(),
  ]);
  const spansOf = byDocument(spans, chosen);
  const relationsOf = byDocument(relations, chosen);
  const annotationsOf = byDocument(annotations, chosen);
  return records.map((doc, i) => {
    const text = texts[i]?.text;
    if (text === undefined) throw new Error(`The text of "${doc.meta.title}" is missing from the database.`);
    return {
      doc,
      text,
      spans: spansOf.get(doc.id) ?? [],
      relations: relationsOf.get(doc.id) ?? [],
      documentAnnotations: annotationsOf.get(doc.id) ?? [],
    };
  });
}

/** Goes over `ids` a batch at a time; false when cancelled. */
async function eachBatch(
  ids: readonly string[],
  read: (batch: readonly string[]) => Promise<void>,
  isCancelled: () => boolean,
  onBatch?: (size: number) => void,
): Promise<boolean> {
  for (let at = 0; at < ids.length; at += BATCH) {
    if (isCancelled()) return false;
    const batch = ids.slice(at, at + BATCH);
    await read(batch);
    onBatch?.(batch.length);
    await nextTask();
  }
  return !isCancelled();
}

function exportOptions(request: ExportRequest): ExportOptions {
  return {
    layers: request.layers,
    labelMap: request.labelMap,
    labels: request.schemaLabels,
    documentCategories: request.documentCategories ?? [],
    attributeTypes: request.attributeTypes ?? {},
  };
}

/** The exporter's view of one stored document. */
function exportDocument(item: ExportItem, request: ExportRequest, chosen: (who: string) => boolean): ExportDocument {
  const { doc } = item;
  const statuses: Record<string, DocumentStatus> = {};
  for (const [who, status] of Object.entries(doc.statuses)) if (chosen(who)) setOwn(statuses, who, status);
  const present = new Set([...item.spans.map((s) => s.annotator), ...Object.keys(statuses)]);
  return {
    id: doc.sourceId,
    meta: doc.meta,
    status: statusOf(doc, request.selection.primary),
    statuses,
    annotators: [...present].map((id) => ({ id, name: request.selection.names.get(id) ?? id })),
    text: item.text,
    spans: item.spans,
    relations: item.relations,
    documentAnnotations: item.documentAnnotations,
  };
}

/**
 * Decides the split (it needs every document's labels first: a read of the spans by index, a
 * batch at a time) and the order of its parts. Null when cancelled.
 */
export async function planExport(
  db: SpanwrightDatabase,
  documentIds: readonly string[],
  request: ExportRequest,
  isCancelled: () => boolean = () => false,
): Promise<ExportPlan | null> {
  if (!request.split) return { request, documentIds, assignment: null, groups: documentIds.length > 0 ? [''] : [], sourceIds: [] };
  const chosen = chosenBy(request);
  const inputs: Array<{ id: string; labels: string[] }> = [];
  const sourceIds: string[] = [];
  const finished = await eachBatch(
    documentIds,
    async (batch) => {
      const [records, spans] = await Promise.all([readRecords(db, batch), db.spans.where('documentId').anyOf(batch).toArray()]);
      const labels = new Map<string, Set<string>>();
      for (const span of spans) {
        if (!chosen(span.annotator) || !request.layers.includes(span.layer)) continue;
        const set = labels.get(span.documentId);
        if (set) set.add(span.label);
        else labels.set(span.documentId, new Set([span.label]));
      }
      for (const record of records) {
        inputs.push({ id: record.id, labels: [...(labels.get(record.id) ?? [])] });
        sourceIds.push(record.sourceId);
      }
    },
    isCancelled,
  );
  if (!finished) return null;
  const assignment = splitDocuments(inputs, request.split.ratios, request.split.seed, request.split.stratify);
  const groups = [...new Set(documentIds.map((id) => assignment.get(id) ?? ''))];
  return { request, documentIds, assignment, groups, sourceIds };
}

/**
 * The first pass: runs the exporter over every document, keeping only what the summary says
 * (the output is dropped). Throws on corrupt data (the core refuses to write offsets Python
 * would read wrongly), so a save never starts on an export that would fail. Null when cancelled.
 */
export async function summarizeExport(
  db: SpanwrightDatabase,
  plan: ExportPlan,
  onProgress?: (done: number, total: number) => void,
  isCancelled: () => boolean = () => false,
): Promise<ExportSummary | null> {
  const { request, assignment } = plan;
  const info = formatInfo(request.format);
  const chosen = chosenBy(request);
  const options = exportOptions(request);
  const exporters = new Map<string, Exporter>(plan.groups.map((group) => [group, createExporter(request.format, options)]));
  const written = new Map<string, number>();
  const leftOut: LeftOutReport[] = [];
  const emptyDocuments: string[] = [];
  const splitCounts: Record<SplitName, number> = { train: 0, dev: 0, test: 0 };
  let done = 0;

  const finished = await eachBatch(
    plan.documentIds,
    async (batch) => {
      for (const item of await readBatch(db, batch, chosen)) {
        const { doc } = item;
        const exporter = exporters.get(assignment?.get(doc.id) ?? '') as Exporter;
        const output = exporter.document(exportDocument(item, request, chosen));
        const dropped = new Set(output.leftOut.filter((l) => l.dropped).flatMap((l) => l.spans.map((s) => s.id)));
        let count = 0;
        for (const span of item.spans) {
          if (dropped.has(span.id) || !request.layers.includes(span.layer)) continue;
          const name = Object.hasOwn(request.labelMap, span.label) ? request.labelMap[span.label] : span.label;
          if (name === null || name === undefined) continue;
          written.set(name, (written.get(name) ?? 0) + 1);
          count++;
        }
        if (count === 0) emptyDocuments.push(doc.meta.title);
        for (const entry of output.leftOut) leftOut.push({ ...entry, title: doc.meta.title });
        if (assignment) splitCounts[assignment.get(doc.id) ?? 'train']++;
      }
    },
    isCancelled,
    (size) => onProgress?.((done += size), plan.documentIds.length),
  );
  if (!finished) return null;

  const first = plan.groups[0];
  const tagList =
    info.id === 'hf-token' || info.id === 'conll2003' ? ((first === undefined ? undefined : exporters.get(first))?.labels() ?? []) : null;
  const order = [...request.schemaLabels.map((l) => (Object.hasOwn(request.labelMap, l) ? request.labelMap[l] : l))];
  const spansPerLabel = [...written.entries()]
    .sort(([a], [b]) => {
      const ia = order.indexOf(a);
      const ib = order.indexOf(b);
      return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib) || (a < b ? -1 : a > b ? 1 : 0);
    })
    .map(([label, count]) => ({ label, count }));
  return {
    documents: plan.documentIds.length,
    spans: spansPerLabel.reduce((n, l) => n + l.count, 0),
    spansPerLabel,
    leftOut,
    emptyDocuments,
    splitCounts: assignment ? splitCounts : null,
    tagList,
  };
}

/**
 * The second pass: writes the file into `sink` as it goes, waiting for it after each batch, so
 * only a batch of documents is held. A zip streams each part's data file as one entry, part by
 * part (a part's documents are read again for it), which keeps the entries in today's order.
 * Returns false when cancelled (the sink then holds a partial file: abort it).
 */
export async function writeExport(
  db: SpanwrightDatabase,
  plan: ExportPlan,
  sink: ExportSink,
  onProgress?: (done: number, total: number) => void,
  isCancelled: () => boolean = () => false,
): Promise<boolean> {
  const { request, assignment } = plan;
  const info = formatInfo(request.format);
  const chosen = chosenBy(request);
  const options = exportOptions(request);
  const total = plan.documentIds.length;
  let done = 0;
  const progress = (size: number) => onProgress?.((done += size), total);

  if (!needsZip(request)) {
    const exporter = createExporter(request.format, options);
    await sink(exporter.header());
    const finished = await eachBatch(
      plan.documentIds,
      async (batch) => {
        const chunks: string[] = [];
        for (const item of await readBatch(db, batch, chosen)) chunks.push(exporter.document(exportDocument(item, request, chosen)).chunk);
        await sink(chunks.join(''));
      },
      isCancelled,
      progress,
    );
    if (!finished) return false;
    await sink(exporter.footer());
    return true;
  }

  // The zip's compressed bytes arrive synchronously while entries are written; they go to the sink after each batch.
  let pending: Uint8Array[] = [];
  const zip = createZipWriter((chunk) => pending.push(chunk));
  const flush = async (): Promise<void> => {
    const chunks = pending;
    pending = [];
    for (const chunk of chunks) await sink(chunk);
  };
  const exporters = new Map<string, Exporter>(plan.groups.map((group) => [group, createExporter(request.format, options)]));
  const groupOf = (id: string): string => assignment?.get(id) ?? '';

  if (info.shape === 'files') {
    // brat: each document's files, in list order across the parts, as today.
    const finished = await eachBatch(
      plan.documentIds,
      async (batch) => {
        for (const item of await readBatch(db, batch, chosen)) {
          const group = groupOf(item.doc.id);
          const output = (exporters.get(group) as Exporter).document(exportDocument(item, request, chosen));
          for (const file of output.files) zip.add({ path: group ? `${group}/${file.path}` : file.path, content: file.content });
        }
        await flush();
      },
      isCancelled,
      progress,
    );
    if (!finished) return false;
    for (const group of plan.groups) {
      for (const file of (exporters.get(group) as Exporter).closingFiles())
        zip.add({ path: group ? `${group}/${file.path}` : file.path, content: file.content });
    }
  } else {
    for (const group of plan.groups) {
      const exporter = exporters.get(group) as Exporter;
      const entry = zip.open(`${group || 'data'}.${info.extension}`);
      entry.write(exporter.header());
      const ids = assignment ? plan.documentIds.filter((id) => groupOf(id) === group) : plan.documentIds;
      const finished = await eachBatch(
        ids,
        async (batch) => {
          for (const item of await readBatch(db, batch, chosen))
            entry.write(exporter.document(exportDocument(item, request, chosen)).chunk);
          await flush();
        },
        isCancelled,
        progress,
      );
      if (!finished) return false;
      entry.write(exporter.footer());
      entry.close();
      for (const file of exporter.closingFiles()) zip.add({ path: group ? `${group}/${file.path}` : file.path, content: file.content });
    }
  }
  const first = plan.groups[0];
  const tagList =
    info.id === 'hf-token' || info.id === 'conll2003' ? ((first === undefined ? undefined : exporters.get(first))?.labels() ?? []) : null;
  if (tagList) zip.add({ path: 'labels.json', content: JSON.stringify(tagList, null, 2) + '\n' });
  if (assignment && request.split) {
    const documents: Record<string, SplitName | undefined> = {};
    plan.documentIds.forEach((id, i) => setOwn(documents, plan.sourceIds[i] ?? '', assignment.get(id)));
    const record = { seed: request.split.seed, ratios: request.split.ratios, stratified: request.split.stratify, documents };
    zip.add({ path: 'split.json', content: JSON.stringify(record, null, 2) + '\n' });
  }
  zip.end();
  await flush();
  return true;
}

/**
 * The whole export in memory, both passes on this thread: for tests and small callers; the
 * app exports through export-worker.ts. Null when cancelled.
 */
export async function prepareExport(
  db: SpanwrightDatabase,
  documents: readonly DocumentRecord[],
  request: ExportRequest,
  projectName: string,
  onProgress?: (done: number, total: number) => void,
  isCancelled: () => boolean = () => false,
): Promise<PreparedExport | null> {
  const plan = await planExport(
    db,
    documents.map((d) => d.id),
    request,
    isCancelled,
  );
  const summary = plan && (await summarizeExport(db, plan, onProgress, isCancelled));
  if (!plan || !summary) return null;
  const parts: Array<string | Uint8Array> = [];
  if (!(await writeExport(db, plan, (chunk) => void parts.push(chunk), undefined, isCancelled))) return null;
  return { fileName: exportFileName(projectName, request), parts, summary };
}

/** A save stopped by `discard` (the dialog's Cancel); its stream was aborted, so no file is left. */
export class ExportCancelledError extends Error {
  override name = 'ExportCancelledError';
  constructor() {
    super('The export was cancelled.');
  }
}

/**
 * Both passes on this thread, where no worker can run them (Node, unit tests): the summary
 * now, the file streamed into the save stream later, a batch of documents at a time.
 */
export async function prepareExportInWindow(
  db: SpanwrightDatabase,
  documentIds: readonly string[],
  request: ExportRequest,
  projectName: string,
  onProgress?: (done: number, total: number) => void,
  isCancelled: () => boolean = () => false,
): Promise<SavableExport | null> {
  const plan = await planExport(db, documentIds, request, isCancelled);
  const summary = plan && (await summarizeExport(db, plan, onProgress, isCancelled));
  if (!plan || !summary) return null;
  let discarded = false;
  return {
    fileName: exportFileName(projectName, request),
    summary,
    async writeTo(stream, onSaveProgress) {
      try {
        const finished = await writeExport(
          db,
          plan,
          (chunk) => (chunk.length > 0 ? stream.write(chunk) : undefined),
          onSaveProgress,
          () => discarded,
        );
        if (!finished) throw new ExportCancelledError();
        await stream.commit();
      } catch (error) {
        await stream.abort();
        throw error;
      }
    },
    discard: () => void (discarded = true),
  };
}

/** A whole file in memory as an export to save (project bundles). */
export function savableFromParts(prepared: PreparedExport): SavableExport {
  return {
    fileName: prepared.fileName,
    summary: prepared.summary,
    writeTo: (stream) => saveExport(prepared, stream),
    discard: () => undefined,
  };
}

/** Streams a prepared export into a save stream and commits it; aborts on failure. */
export async function saveExport(prepared: PreparedExport, stream: SaveStream): Promise<void> {
  try {
    for (const part of prepared.parts) if (part.length > 0) await stream.write(part);
    await stream.commit();
  } catch (error) {
    await stream.abort();
    throw error;
  }
}
