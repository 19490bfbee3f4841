// Writes documents in every export format, one document at a time, and says per document what
// the format could not hold (`leftOut`), so that nothing is lost without the user being told.
// Offsets in every format are Unicode code points (Python's `text[start:end]`).
//
// A file is `header() + document(d1).chunk + document(d2).chunk + ... + footer()`; brat, made
// of files, gives `document(d).files` instead (and `closingFiles()`), to be zipped (zip-archive.ts).
// What is common to every format is here (layers, label map, order, the report); what a format
// writes is in its module, found through the registry.
import type { LayerId } from '../domain';
import { OffsetConverter } from '../offsets';
import { documentAnnotationsToWrite, hasLabels, sortedRelations } from './export-relations';
import { compareSpans, type OutSpan } from './export-spans';
import type { ExportDocument, ExportFile, ExportOptions, FormatId, FormatInfo } from './format-module';
import { LeftOutReport, type LeftOut } from './left-out';
import { defaultLayers, formatModule } from './registry';
import { compareText } from './stable-order';

export interface DocumentOutput {
  /** Text to append to the file ('' for brat). */
  chunk: string;
  /** brat: the document's `.txt` and `.ann` files (empty for other formats). */
  files: ExportFile[];
  leftOut: LeftOut[];
}

export interface Exporter {
  readonly format: FormatInfo;
  /** The layers being written. */
  readonly layers: readonly LayerId[];
  header(): string;
  /** Throws RangeError on corrupt data (a span outside the text or inside a surrogate pair). */
  document(doc: ExportDocument): DocumentOutput;
  footer(): string;
  /** brat: `annotation.conf` listing the labels written; call after the last document. */
  closingFiles(): ExportFile[];
  /**
   * The label list in a stable order: BIO formats (HF, CoNLL) give `O`, then `B-X`, `I-X` for
   * each label (schema order from `options.labels`, then others sorted); others the label names.
   */
  labels(): string[];
}

export function createExporter(formatId: FormatId, options: ExportOptions = {}): Exporter {
  const module = formatModule(formatId);
  const format = module.info;
  const layers = chooseLayers(format, options.layers);
  const labelMap = options.labelMap ?? {};
  for (const [from, to] of Object.entries(labelMap)) {
    if (to !== null && to.trim() === '') throw new RangeError(`label map: "${from}" is renamed to an empty label`);
  }
  const writer = module.createWriter(options);
  const seenLabels = new Set<string>();
  let documents = 0;

  const write = (doc: ExportDocument): DocumentOutput => {
    const report = new LeftOutReport(doc.id);
    const spans = selectSpans(doc, layers, labelMap, report);
    const written = writer.write(doc, spans, report);
    reportWhatTheFormatCannotHold(format, doc, spans, report);
    // A JSON array's items are joined by ',\n' (the header opens the array, the footer closes it).
    const separator = format.shape === 'json-array' && documents > 0 ? ',\n' : '';
    documents++;
    for (const span of spans) if (!report.droppedIds.has(span.span.id)) seenLabels.add(span.label);
    return { chunk: written.chunk === undefined ? '' : separator + written.chunk, files: written.files ?? [], leftOut: report.list() };
  };

  const labelNames = (): string[] => {
    const ordered: string[] = [];
    for (const name of options.labels ?? []) {
      const mapped = Object.hasOwn(labelMap, name) ? labelMap[name] : name;
      if (mapped !== null && mapped !== undefined && !ordered.includes(mapped)) ordered.push(mapped);
    }
    const others = [...seenLabels].filter((name) => !ordered.includes(name)).sort(compareText);
    return [...ordered, ...others];
  };

  return {
    format,
    layers,
    header: () => (format.shape === 'json-array' ? '[\n' : ''),
    document: write,
    footer: () => (format.shape === 'json-array' ? '\n]\n' : ''),
    closingFiles: () => writer.closingFiles?.(labelNames()) ?? [],
    labels: () =>
      format.layerMode === 'one' && !format.overlaps ? ['O', ...labelNames().flatMap((name) => [`B-${name}`, `I-${name}`])] : labelNames(),
  };
}

/** Attributes, notes, relations and document labels of formats that have no place for them. */
function reportWhatTheFormatCannotHold(format: FormatInfo, doc: ExportDocument, spans: readonly OutSpan[], report: LeftOutReport): void {
  const { holds } = format;
  const written = spans.filter((out) => report.written(out.span.id));
  if (!holds.attributes) for (const out of written) if (Object.keys(out.span.attributes).length > 0) report.add('attributes-not-held', out);
  if (!holds.spanNotes)
    for (const out of written) if (out.span.note !== undefined && out.span.note !== '') report.add('span-notes-not-held', out);
  if (!holds.relations) {
    for (const relation of sortedRelations(doc, report)) {
      report.addRelation('relations-not-held', relation, report.spansById.get(relation.from), report.spansById.get(relation.to));
    }
  }
  for (const annotation of documentAnnotationsToWrite(doc)) {
    if (!holds.documentLabels && hasLabels(annotation)) report.addDocumentAnnotation('document-labels-not-held', annotation);
    if (!holds.documentNotes && annotation.note !== '') report.addDocumentAnnotation('document-notes-not-held', annotation);
  }
}

function chooseLayers(format: FormatInfo, chosen: readonly LayerId[] | undefined): LayerId[] {
  if (chosen === undefined) return defaultLayers(format.id);
  const layers = [...new Set(chosen)];
  for (const layer of layers) {
    if (!format.layers.includes(layer)) throw new RangeError(`${format.name} cannot hold the ${layer} layer`);
  }
  if (format.layerMode === 'one' && layers.length !== 1) throw new RangeError(`${format.name} holds exactly one layer per export`);
  return layers;
}

/**
 * The document's spans in a stable order (start, end, layer, label, annotator, id) with
 * code-point offsets, less those of other layers and dropped labels (reported).
 */
function selectSpans(
  doc: ExportDocument,
  layers: readonly LayerId[],
  labelMap: Readonly<Record<string, string | null>>,
  report: LeftOutReport,
): OutSpan[] {
  const converter = new OffsetConverter(doc.text);
  const selected: OutSpan[] = [];
  for (const span of [...doc.spans].sort(compareSpans)) {
    if (
      !Number.isInteger(span.start) ||
      !Number.isInteger(span.end) ||
      span.start < 0 ||
      span.end > doc.text.length ||
      span.start >= span.end
    ) {
      throw new RangeError(
        `document ${doc.id}: span ${span.id} [${span.start}, ${span.end}) is outside the text (${doc.text.length} UTF-16 code units)`,
      );
    }
    const start = converter.toCodePoint(span.start);
    const end = converter.toCodePoint(span.end);
    if (converter.toUtf16(start) !== span.start || converter.toUtf16(end) !== span.end) {
      throw new RangeError(`document ${doc.id}: span ${span.id} [${span.start}, ${span.end}) splits a surrogate pair`);
    }
    const mapped = Object.hasOwn(labelMap, span.label) ? labelMap[span.label] : span.label;
    const out: OutSpan = { span, label: mapped ?? span.label, start, end, text: doc.text.slice(span.start, span.end) };
    report.spansById.set(span.id, out);
    if (!layers.includes(span.layer)) report.add('layer', out);
    else if (mapped === null || mapped === undefined) report.add('label-dropped', out);
    else selected.push(out);
  }
  return selected;
}

/** The formats `serializeDocument` writes (the app's first three exports). */
export type ExportFormat = 'spanwright' | 'doccano' | 'spacy';

export const EXPORT_FORMATS: ReadonlyArray<{ id: ExportFormat; name: string; extension: string }> = [
  { id: 'spanwright', name: 'Spanwright JSONL', extension: 'jsonl' },
  { id: 'doccano', name: 'doccano JSONL', extension: 'jsonl' },
  { id: 'spacy', name: 'spaCy JSONL', extension: 'jsonl' },
];

/**
 * One JSON line (no trailing newline): every span, every layer, and spaCy without tokens (this
 * function's output is fixed; the exporter's spaCy adds tokens). Throws RangeError when a span
 * lies outside the text or splits a surrogate pair: writing it would give Python wrong spans.
 */
export function serializeDocument(format: ExportFormat, doc: ExportDocument): string {
  return createExporter(format, { spacyTokens: false }).document(doc).chunk.slice(0, -1);
}
