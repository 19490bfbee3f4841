// The export use-case: run the core exporter over the chosen documents (in list order, a
// batch at a time so the window stays responsive), collect what each format left out, and
// hand back the finished output with a summary; saving then streams it through the bridge.
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
import type { ExportOptions } from '../../../src-shared/formats/format-module';
import type { LeftOut } from '../../../src-shared/formats/left-out';
import { formatInfo, type FormatId } from '../../../src-shared/formats/registry';
import { createZipWriter } from '../../../src-shared/formats/zip-archive';
import { splitDocuments, type SplitName, type SplitRatios } from '../../../src-shared/split';
import type { SpanwrightDatabase } from '../storage/database';
import { setOwn } from '../../../src-shared/own-keys';

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

export interface PreparedExport {
  fileName: string;
  parts: Array<string | Uint8Array>;
  summary: ExportSummary;
}

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

function nextTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Builds the whole export in memory. Throws on corrupt data (the core refuses to write offsets
 * Python would read wrongly). `isCancelled` is checked between batches.
 */
export async function prepareExport(
  db: SpanwrightDatabase,
  documents: readonly DocumentRecord[],
  request: ExportRequest,
  projectName: string,
  onProgress?: (done: number, total: number) => void,
  isCancelled: () => boolean = () => false,
): Promise<PreparedExport | null> {
  const info = formatInfo(request.format);
  const chosen = (who: string) => request.selection.annotators === 'all' || request.selection.annotators.includes(who);
  const options: ExportOptions = {
    layers: request.layers,
    labelMap: request.labelMap,
    labels: request.schemaLabels,
    documentCategories: request.documentCategories ?? [],
    attributeTypes: request.attributeTypes ?? {},
  };

  const exporters = new Map<string, Exporter>();
  const bodies = new Map<string, string[]>();
  const exporterFor = (group: string): Exporter => {
    let exporter = exporters.get(group);
    if (!exporter) {
      exporter = createExporter(request.format, options);
      exporters.set(group, exporter);
      bodies.set(group, [exporter.header()]);
    }
    return exporter;
  };
  const zipParts: Uint8Array[] = [];
  const zip = needsZip(request) ? createZipWriter((chunk) => zipParts.push(chunk)) : null;

  const written = new Map<string, number>();
  const leftOut: LeftOutReport[] = [];
  const emptyDocuments: string[] = [];
  const splitCounts: Record<SplitName, number> = { train: 0, dev: 0, test: 0 };

  // One read of every span of the project (an index range scan) is far faster than a
  // multi-key query per batch; texts, the bulk of the data, are read a batch at a time.
  const spansByDocument = new Map<string, Span[]>();
  const relationsByDocument = new Map<string, Relation[]>();
  const documentAnnotationsByDocument = new Map<string, DocumentAnnotation[]>();
  const wanted = new Set(documents.map((d) => d.id));
  const collect = <T extends { documentId: string; annotator: string }>(into: Map<string, T[]>, rows: readonly T[]) => {
    for (const row of rows) {
      if (!wanted.has(row.documentId) || !chosen(row.annotator)) continue;
      const list = into.get(row.documentId);
      if (list) list.push(row);
      else into.set(row.documentId, [row]);
    }
  };
  for (const projectId of new Set(documents.map((d) => d.projectId))) {
    const [spans, relations, annotations] = await Promise.all([
      db.spans.where('projectId').equals(projectId).toArray(),
      db.relations.where('projectId').equals(projectId).toArray(),
      db.documentAnnotations.where('projectId').equals(projectId).toArray(),
    ]);
    collect(spansByDocument, spans);
    collect(relationsByDocument, relations);
    collect(documentAnnotationsByDocument, annotations);
  }

  // Documents grouped by split (one group, '', without a split), each group its own exporter.
  let assignment: Map<string, SplitName> | null = null;
  if (request.split) {
    const labelsOf = (id: string) => [
      ...new Set((spansByDocument.get(id) ?? []).filter((s) => request.layers.includes(s.layer)).map((s) => s.label)),
    ];
    assignment = splitDocuments(
      documents.map((d) => ({ id: d.id, labels: labelsOf(d.id) })),
      request.split.ratios,
      request.split.seed,
      request.split.stratify,
    );
  }
  const groupOf = (doc: DocumentRecord): string => assignment?.get(doc.id) ?? '';

  for (let at = 0; at < documents.length; at += BATCH) {
    if (isCancelled()) return null;
    const batch = documents.slice(at, at + BATCH);
    const texts = await db.texts.bulkGet(batch.map((d) => d.id));
    for (const [i, doc] of batch.entries()) {
      const text = texts[i]?.text;
      if (text === undefined) throw new Error(`The text of "${doc.meta.title}" is missing from the database.`);
      const docSpans = spansByDocument.get(doc.id) ?? [];
      const statuses: Record<string, DocumentStatus> = {};
      for (const [who, status] of Object.entries(doc.statuses)) if (chosen(who)) setOwn(statuses, who, status);
      const present = new Set([...docSpans.map((s) => s.annotator), ...Object.keys(statuses)]);
      const group = groupOf(doc);
      const output = exporterFor(group).document({
        id: doc.sourceId,
        meta: doc.meta,
        status: statusOf(doc, request.selection.primary),
        statuses,
        annotators: [...present].map((id) => ({ id, name: request.selection.names.get(id) ?? id })),
        text,
        spans: docSpans,
        relations: relationsByDocument.get(doc.id) ?? [],
        documentAnnotations: documentAnnotationsByDocument.get(doc.id) ?? [],
      });
      if (output.chunk) bodies.get(group)?.push(output.chunk);
      for (const file of output.files) zip?.add({ path: group ? `${group}/${file.path}` : file.path, content: file.content });
      const dropped = new Set(output.leftOut.filter((l) => l.dropped).flatMap((l) => l.spans.map((s) => s.id)));
      let count = 0;
      for (const span of docSpans) {
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
    onProgress?.(Math.min(at + BATCH, documents.length), documents.length);
    await nextTick();
  }

  const groups = [...exporters.keys()];
  const tagList = info.id === 'hf-token' || info.id === 'conll2003' ? (exporters.get(groups[0] ?? '')?.labels() ?? []) : null;
  const parts: Array<string | Uint8Array> = [];
  if (zip) {
    for (const group of groups) {
      const exporter = exporters.get(group) as Exporter;
      if (info.shape !== 'files') {
        const body = [...(bodies.get(group) ?? []), exporter.footer()].join('');
        zip.add({ path: `${group || 'data'}.${info.extension}`, content: body });
      }
      for (const file of exporter.closingFiles()) zip.add({ path: group ? `${group}/${file.path}` : file.path, content: file.content });
    }
    if (tagList) zip.add({ path: 'labels.json', content: JSON.stringify(tagList, null, 2) + '\n' });
    if (assignment && request.split) {
      const record = {
        seed: request.split.seed,
        ratios: request.split.ratios,
        stratified: request.split.stratify,
        documents: Object.fromEntries(documents.map((d) => [d.sourceId, assignment?.get(d.id)])),
      };
      zip.add({ path: 'split.json', content: JSON.stringify(record, null, 2) + '\n' });
    }
    zip.end();
    parts.push(...zipParts);
  } else {
    const exporter = exporters.get('') ?? exporterFor('');
    parts.push(...(bodies.get('') ?? []), exporter.footer());
  }

  const order = [...request.schemaLabels.map((l) => (Object.hasOwn(request.labelMap, l) ? request.labelMap[l] : l))];
  const spansPerLabel = [...written.entries()]
    .sort(([a], [b]) => {
      const ia = order.indexOf(a);
      const ib = order.indexOf(b);
      return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib) || (a < b ? -1 : a > b ? 1 : 0);
    })
    .map(([label, count]) => ({ label, count }));
  return {
    fileName: exportFileName(projectName, request),
    parts,
    summary: {
      documents: documents.length,
      spans: spansPerLabel.reduce((n, l) => n + l.count, 0),
      spansPerLabel,
      leftOut,
      emptyDocuments,
      splitCounts: assignment ? splitCounts : null,
      tagList,
    },
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
