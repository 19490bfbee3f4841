// Writes one document as one JSONL line in an export format. Every format uses Unicode
// code-point offsets, so that Python's `text[start:end]` equals each span's text.
import type { DocumentMeta, DocumentStatus, Span } from '../domain';
import { OffsetConverter } from '../offsets';

export type ExportFormat = 'spanwright' | 'doccano' | 'spacy';

export const EXPORT_FORMATS: ReadonlyArray<{ id: ExportFormat; name: string; extension: string }> = [
  { id: 'spanwright', name: 'Spanwright JSONL', extension: 'jsonl' },
  { id: 'doccano', name: 'doccano JSONL', extension: 'jsonl' },
  { id: 'spacy', name: 'spaCy JSONL', extension: 'jsonl' },
];

export interface ExportDocument {
  id: string;
  meta: DocumentMeta;
  /** The status of the layer being exported (yours, gold, or a teammate's). */
  status: DocumentStatus;
  /** Spanwright JSONL only: every exported annotator's status, by annotator id. */
  statuses?: Readonly<Record<string, DocumentStatus>>;
  /** Spanwright JSONL only: names of the annotators whose spans are exported. */
  annotators?: ReadonlyArray<{ id: string; name: string }>;
  text: string;
  spans: readonly Span[];
}

export const SPANWRIGHT_FORMAT_VERSION = 1;

/**
 * One JSON line (no trailing newline). Throws RangeError when a span lies outside the text or
 * splits a surrogate pair: that is corrupt data, and writing it would give Python wrong spans.
 */
export function serializeDocument(format: ExportFormat, doc: ExportDocument): string {
  switch (format) {
    case 'spanwright':
      return serializeSpanwright(doc);
    case 'doccano':
      return serializeDoccano(doc);
    case 'spacy':
      return serializeSpacy(doc);
  }
}

interface ExportedSpan {
  span: Span;
  start: number;
  end: number;
  text: string;
}

/** Spans in a stable order (start, end, layer, label), with code-point offsets. */
function exportedSpans(doc: ExportDocument): ExportedSpan[] {
  const converter = new OffsetConverter(doc.text);
  return [...doc.spans].sort(compareSpans).map((span) => {
    if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end > doc.text.length || span.start >= span.end) {
      throw new RangeError(`document ${doc.id}: span ${span.id} [${span.start}, ${span.end}) is outside the text (${doc.text.length} UTF-16 code units)`);
    }
    const start = converter.toCodePoint(span.start);
    const end = converter.toCodePoint(span.end);
    if (converter.toUtf16(start) !== span.start || converter.toUtf16(end) !== span.end) {
      throw new RangeError(`document ${doc.id}: span ${span.id} [${span.start}, ${span.end}) splits a surrogate pair`);
    }
    return { span, start, end, text: doc.text.slice(span.start, span.end) };
  });
}

function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end || compareText(a.layer, b.layer) || compareText(a.label, b.label) || compareText(a.annotator, b.annotator) || compareText(a.id, b.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const KNOWN_META = ['title', 'source', 'url', 'date', 'language'] as const;

/**
 * Metadata as flat key/values: the known fields, then `extra`. An extra key that would
 * overwrite a known field or one of the format's own keys is left out.
 */
function flatMeta(meta: DocumentMeta, reserved: readonly string[]): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const field of KNOWN_META) {
    const value = meta[field];
    if (value !== undefined) flat[field] = value;
  }
  for (const [key, value] of Object.entries(meta.extra ?? {})) {
    if (value === undefined || Object.hasOwn(flat, key) || reserved.includes(key)) continue;
    Object.defineProperty(flat, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return flat;
}

/** Lossless: everything Spanwright knows about the document and its spans. */
function serializeSpanwright(doc: ExportDocument): string {
  return JSON.stringify({
    format: 'spanwright',
    format_version: SPANWRIGHT_FORMAT_VERSION,
    offset_unit: 'codepoint',
    id: doc.id,
    text: doc.text,
    meta: flatMeta(doc.meta, []),
    status: doc.status,
    ...(doc.statuses && Object.keys(doc.statuses).length > 0 ? { statuses: sortedRecord(doc.statuses) } : {}),
    ...(doc.annotators && doc.annotators.length > 0
      ? { annotators: [...doc.annotators].sort((a, b) => compareText(a.id, b.id)).map(({ id, name }) => ({ id, name })) }
      : {}),
    spans: exportedSpans(doc).map(({ span, start, end, text }) => ({
      id: span.id,
      layer: span.layer,
      label: span.label,
      start,
      end,
      text,
      annotator: span.annotator,
      attributes: span.attributes,
      origin: span.origin,
    })),
  });
}

/** doccano sequence labelling: `label` holds [start, end, "LABEL"]; metadata as top-level keys. */
function serializeDoccano(doc: ExportDocument): string {
  return JSON.stringify({
    id: doc.id,
    text: doc.text,
    label: exportedSpans(doc).map(({ span, start, end }) => [start, end, span.label]),
    ...flatMeta(doc.meta, ['id', 'text', 'label']),
  });
}

/** spaCy / Prodigy: `spans` with character offsets and text; metadata under `meta`. */
function serializeSpacy(doc: ExportDocument): string {
  return JSON.stringify({
    text: doc.text,
    spans: exportedSpans(doc).map(({ span, start, end, text }) => ({ start, end, label: span.label, text })),
    meta: { id: doc.id, ...flatMeta(doc.meta, ['id']) },
  });
}

/** The same record with its keys in sorted order, so exports are byte-for-byte stable. */
function sortedRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}
