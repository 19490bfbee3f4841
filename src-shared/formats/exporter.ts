// Writes documents in every export format, one document at a time, and says per document what
// the format could not hold (`leftOut`), so that nothing is lost without the user being told.
// Offsets in every format are Unicode code points (Python's `text[start:end]`).
//
// A file is `header() + document(d1).chunk + document(d2).chunk + ... + footer()`; brat, made
// of files, gives `document(d).files` instead (and `closingFiles()`), to be zipped (zip-archive.ts).
import type { DocumentMeta, LayerId, Span } from '../domain';
import { OffsetConverter } from '../offsets';
import { tokenize, type Token } from '../segmentation';
import type { ExportDocument } from './export';
import { defaultLayers, formatInfo, type FormatId, type FormatInfo } from './registry';
import { splitSentences, trimRange } from './sentences';

export const SPANWRIGHT_FORMAT_VERSION = 1;

export interface ExportOptions {
  /** The layers to write (default: all the format holds; one-layer formats: the first). */
  layers?: readonly LayerId[];
  /** Label renames (`{ LOC: 'GPE' }`), or null to leave a label out. Applies to every format. */
  labelMap?: Readonly<Record<string, string | null>>;
  /** Locale for tokens and sentences (default: the runtime's). */
  locale?: string;
  /** The project's label names in schema order, so `labels()` lists them in that order. */
  labels?: readonly string[];
  /** spaCy JSONL only: write `tokens` and span `token_start`/`token_end` (default true). */
  spacyTokens?: boolean;
}

export type LeftOutReason =
  /** The span's layer is not exported (not chosen, or the format cannot hold it). */
  | 'layer'
  /** The label map drops the span's label. */
  | 'label-dropped'
  /** The label cannot be written in this format (brat and CoNLL: white space or empty). */
  | 'label-unsupported'
  /** BIO tags cannot hold overlapping spans: the first (by start, longer first) is kept. */
  | 'overlap'
  /** An edge of the span falls inside a token, so tokens cannot express it. */
  | 'not-token-aligned'
  /** The span covers no token (only white space or zero-width characters). */
  | 'no-tokens'
  /** Claim detection: the claim runs over a sentence's edge; each sentence holds its part. */
  | 'crosses-sentence'
  /** Claim detection: the claim lies only in white space between sentences. */
  | 'outside-sentences'
  /** brat: the span holds nothing but line breaks, so no fragment of it can be written. */
  | 'only-line-breaks';

const REASON_ORDER: readonly LeftOutReason[] = ['layer', 'label-dropped', 'label-unsupported', 'not-token-aligned', 'no-tokens', 'overlap', 'crosses-sentence', 'outside-sentences', 'only-line-breaks'];

export interface LeftOutSpan {
  id: string;
  layer: LayerId;
  /** The project's label (before any renaming). */
  label: string;
  /** Code points, like the exported offsets. */
  start: number;
  end: number;
  text: string;
}

export interface LeftOut {
  documentId: string;
  reason: LeftOutReason;
  /**
   * true: the spans are not in the output. false: they are, but changed (a claim cut at
   * sentence edges, a spaCy span without token offsets): a warning.
   */
  dropped: boolean;
  spans: LeftOutSpan[];
}

export interface ExportFile {
  path: string;
  content: string;
}

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

/** One span as written: code-point offsets and its (possibly renamed) label. */
interface OutSpan {
  span: Span;
  label: string;
  start: number;
  end: number;
  text: string;
}

export function createExporter(formatId: FormatId, options: ExportOptions = {}): Exporter {
  const format = formatInfo(formatId);
  const layers = chooseLayers(format, options.layers);
  const labelMap = options.labelMap ?? {};
  for (const [from, to] of Object.entries(labelMap)) {
    if (to !== null && to.trim() === '') throw new RangeError(`label map: "${from}" is renamed to an empty label`);
  }
  const seenLabels = new Set<string>();
  const bratNames = new Set<string>();
  let documents = 0;

  const write = (doc: ExportDocument): DocumentOutput => {
    const report = new LeftOutReport(doc.id);
    const spans = selectSpans(doc, layers, labelMap, report);
    const first = documents === 0;
    documents++;
    let chunk = '';
    let files: ExportFile[] = [];
    switch (format.id) {
      case 'spanwright':
        chunk = writeSpanwright(doc, spans) + '\n';
        break;
      case 'doccano':
        chunk = writeDoccano(doc, spans) + '\n';
        break;
      case 'spacy':
        chunk = writeSpacy(doc, spans, options.spacyTokens !== false, options.locale, report) + '\n';
        break;
      case 'label-studio':
        chunk = (first ? '' : ',\n') + writeLabelStudio(doc, spans);
        break;
      case 'brat':
        files = writeBrat(doc, spans, bratNames, report);
        break;
      case 'hf-token':
        chunk = writeHuggingFace(doc, spans, options.locale, report) + '\n';
        break;
      case 'conll2003':
        chunk = writeConll(doc, spans, options.locale, report);
        break;
      case 'claims':
        chunk = writeClaims(doc, spans, options.locale, report);
        break;
    }
    for (const span of spans) if (!report.droppedIds.has(span.span.id)) seenLabels.add(span.label);
    return { chunk, files, leftOut: report.list() };
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
    closingFiles: () => (format.id === 'brat' ? [{ path: 'annotation.conf', content: bratConfig(labelNames()) }] : []),
    labels: () => (format.layerMode === 'one' && !format.overlaps ? ['O', ...labelNames().flatMap((name) => [`B-${name}`, `I-${name}`])] : labelNames()),
  };
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

/** Collects what a document's export leaves out, grouped by reason. */
class LeftOutReport {
  private readonly groups = new Map<LeftOutReason, { dropped: boolean; spans: OutSpan[] }>();
  readonly droppedIds = new Set<string>();

  constructor(private readonly documentId: string) {}

  add(reason: LeftOutReason, span: OutSpan): void {
    const dropped = reason !== 'crosses-sentence' && !(reason === 'not-token-aligned' && this.keepsUnaligned) && !(reason === 'no-tokens' && this.keepsUnaligned);
    if (dropped) this.droppedIds.add(span.span.id);
    let group = this.groups.get(reason);
    if (!group) {
      group = { dropped, spans: [] };
      this.groups.set(reason, group);
    }
    group.spans.push(span);
  }

  /** spaCy keeps spans that tokens cannot express (with character offsets only). */
  keepsUnaligned = false;

  list(): LeftOut[] {
    const out: LeftOut[] = [];
    for (const reason of REASON_ORDER) {
      const group = this.groups.get(reason);
      if (!group) continue;
      out.push({
        documentId: this.documentId,
        reason,
        dropped: group.dropped,
        spans: [...group.spans].sort(compareOut).map(({ span, start, end, text }) => ({ id: span.id, layer: span.layer, label: span.label, start, end, text })),
      });
    }
    return out;
  }
}

/**
 * The document's spans in a stable order (start, end, layer, label, annotator, id) with
 * code-point offsets, less those of other layers and dropped labels (reported).
 */
function selectSpans(doc: ExportDocument, layers: readonly LayerId[], labelMap: Readonly<Record<string, string | null>>, report: LeftOutReport): OutSpan[] {
  const converter = new OffsetConverter(doc.text);
  const selected: OutSpan[] = [];
  for (const span of [...doc.spans].sort(compareSpans)) {
    if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end > doc.text.length || span.start >= span.end) {
      throw new RangeError(`document ${doc.id}: span ${span.id} [${span.start}, ${span.end}) is outside the text (${doc.text.length} UTF-16 code units)`);
    }
    const start = converter.toCodePoint(span.start);
    const end = converter.toCodePoint(span.end);
    if (converter.toUtf16(start) !== span.start || converter.toUtf16(end) !== span.end) {
      throw new RangeError(`document ${doc.id}: span ${span.id} [${span.start}, ${span.end}) splits a surrogate pair`);
    }
    const mapped = Object.hasOwn(labelMap, span.label) ? labelMap[span.label] : span.label;
    const out: OutSpan = { span, label: mapped ?? span.label, start, end, text: doc.text.slice(span.start, span.end) };
    if (!layers.includes(span.layer)) report.add('layer', out);
    else if (mapped === null || mapped === undefined) report.add('label-dropped', out);
    else selected.push(out);
  }
  return selected;
}

export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end || compareText(a.layer, b.layer) || compareText(a.label, b.label) || compareText(a.annotator, b.annotator) || compareText(a.id, b.id);
}

function compareOut(a: OutSpan, b: OutSpan): number {
  return compareSpans(a.span, b.span);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const KNOWN_META = ['title', 'source', 'url', 'date', 'language'] as const;

/**
 * Metadata as flat key/values: the known fields, then `extra`. An extra key that would
 * overwrite a known field or one of the format's own keys is left out.
 */
export function flatMeta(meta: DocumentMeta, reserved: readonly string[]): Record<string, unknown> {
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

/** The same record with its keys in sorted order, so exports are byte-for-byte stable. */
function sortedRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}

// --- JSONL formats that hold every span -------------------------------------------------------

/** Lossless: everything Spanwright knows about the document and its spans. */
function writeSpanwright(doc: ExportDocument, spans: readonly OutSpan[]): string {
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
    spans: spans.map(({ span, label, start, end, text }) => ({
      id: span.id,
      layer: span.layer,
      label,
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
function writeDoccano(doc: ExportDocument, spans: readonly OutSpan[]): string {
  return JSON.stringify({
    id: doc.id,
    text: doc.text,
    label: spans.map(({ label, start, end }) => [start, end, label]),
    ...flatMeta(doc.meta, ['id', 'text', 'label']),
  });
}

/**
 * spaCy / Prodigy: `tokens` ({text, start, end, id, ws}) and `spans` with character offsets,
 * text and, when the span lines up with tokens, `token_start`/`token_end` (inclusive, as in
 * Prodigy). A span that does not line up keeps its character offsets and is reported.
 */
function writeSpacy(doc: ExportDocument, spans: readonly OutSpan[], withTokens: boolean, locale: string | undefined, report: LeftOutReport): string {
  if (!withTokens) {
    return JSON.stringify({
      text: doc.text,
      spans: spans.map(({ label, start, end, text }) => ({ start, end, label, text })),
      meta: { id: doc.id, ...flatMeta(doc.meta, ['id']) },
    });
  }
  const converter = new OffsetConverter(doc.text);
  const tokens = tokenize(doc.text, locale);
  report.keepsUnaligned = true;
  return JSON.stringify({
    text: doc.text,
    tokens: tokens.map((token, id) => ({
      text: token.text,
      start: converter.toCodePoint(token.start),
      end: converter.toCodePoint(token.end),
      id,
      ws: /\s/u.test(doc.text.charAt(token.end)),
    })),
    spans: spans.map((out) => {
      const range = tokenRange(tokens, out.span.start, out.span.end);
      if (typeof range === 'string') {
        report.add(range, out);
        return { start: out.start, end: out.end, label: out.label, text: out.text };
      }
      return { start: out.start, end: out.end, token_start: range.first, token_end: range.last, label: out.label, text: out.text };
    }),
    meta: { id: doc.id, ...flatMeta(doc.meta, ['id']) },
  });
}

/**
 * Label Studio task (what its JSON export gives and its import reads): the text and metadata
 * under `data`, spans as `labels` results of one annotation, offsets in code points.
 */
function writeLabelStudio(doc: ExportDocument, spans: readonly OutSpan[]): string {
  const result = spans.map(({ span, label, start, end, text }) => ({
    id: span.id,
    from_name: 'label',
    to_name: 'text',
    type: 'labels',
    value: { start, end, text, labels: [label] },
  }));
  // A document nobody has started is a task without annotations, not one annotated as empty.
  const annotations = doc.status === 'todo' && result.length === 0 ? [] : [{ ...(doc.status === 'skipped' ? { was_cancelled: true } : {}), result }];
  return JSON.stringify({ id: doc.id, data: { text: doc.text, ...flatMeta(doc.meta, ['text']) }, annotations });
}

// --- brat standoff -----------------------------------------------------------------------------

/** Characters Python's str.splitlines() breaks at: an .ann text field must hold none of them. */
// eslint-disable-next-line no-control-regex -- the file/group/record separators are line breaks to Python
const LINE_BREAKS = /[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/u;
const BRAT_LABEL = /^[^\s]+$/u;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/iu;

/** A file name from a document id: letters, digits, `.`, `_`, `-`; unique ignoring case. */
export function bratDocumentName(id: string, used: Set<string>): string {
  let base = Array.from(id.replace(/[^\p{L}\p{N}._-]+/gu, '_')).slice(0, 100).join('').replace(/^[._]+|[._]+$/gu, '');
  if (base === '') base = 'document';
  if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
  used.add(name.toLowerCase());
  return name;
}

/**
 * `<name>.txt` (the text exactly) and `<name>.ann` with one `T` line per span. A span that
 * runs over a line break is written in brat's discontinuous form, split at the breaks, its
 * fragments' texts joined with a space (the offsets still cover it exactly).
 */
function writeBrat(doc: ExportDocument, spans: readonly OutSpan[], used: Set<string>, report: LeftOutReport): ExportFile[] {
  const name = bratDocumentName(doc.id, used);
  const converter = new OffsetConverter(doc.text);
  const lines: string[] = [];
  for (const out of spans) {
    if (!BRAT_LABEL.test(out.label)) {
      report.add('label-unsupported', out);
      continue;
    }
    const fragments: Array<{ start: number; end: number }> = [];
    let from = out.span.start;
    for (let at = out.span.start; at <= out.span.end; at++) {
      if (at === out.span.end || LINE_BREAKS.test(doc.text.charAt(at))) {
        if (at > from) fragments.push({ start: from, end: at });
        from = at + 1;
      }
    }
    if (fragments.length === 0) {
      report.add('only-line-breaks', out);
      continue;
    }
    const offsets = fragments.map((f) => `${converter.toCodePoint(f.start)} ${converter.toCodePoint(f.end)}`).join(';');
    const text = fragments.map((f) => doc.text.slice(f.start, f.end)).join(' ');
    lines.push(`T${lines.length + 1}\t${out.label} ${offsets}\t${text}\n`);
  }
  return [
    { path: `${name}.txt`, content: doc.text },
    { path: `${name}.ann`, content: lines.join('') },
  ];
}

/** brat's annotation.conf: the labels as entity types; `<OVERLAP>` lets spans overlap in any way. */
function bratConfig(labels: readonly string[]): string {
  const entities = labels.filter((label) => BRAT_LABEL.test(label));
  return ['[entities]', ...entities, '', '[relations]', '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>', '', '[events]', '', '[attributes]', ''].join('\n');
}

// --- token formats (BIO tags) -------------------------------------------------------------------

interface TokenSpan {
  out: OutSpan;
  /** Token indices, inclusive. */
  first: number;
  last: number;
}

/** The tokens [first, last] a UTF-16 range covers, or why tokens cannot express it. */
export function tokenRange(tokens: readonly Token[], start: number, end: number): { first: number; last: number } | 'not-token-aligned' | 'no-tokens' {
  // First token ending after `start`, and first token starting at or after `end`.
  const first = lowerBound(tokens, (token) => token.end > start);
  const after = lowerBound(tokens, (token) => token.start >= end);
  const firstToken = tokens[first];
  const lastToken = tokens[after - 1];
  if (firstToken && firstToken.start < start && start < firstToken.end) return 'not-token-aligned';
  if (lastToken && after - 1 >= first && lastToken.start < end && end < lastToken.end) return 'not-token-aligned';
  if (after - 1 < first) return 'no-tokens';
  return { first, last: after - 1 };
}

/** Index of the first token for which `past` is true (tokens are sorted; `past` is monotone). */
function lowerBound(tokens: readonly Token[], past: (token: Token) => boolean): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const token = tokens[mid];
    if (token && past(token)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * The spans BIO tags can hold: lined up with tokens, and not overlapping. Of overlapping spans
 * the first by start (longer first) is kept; the rest are reported.
 */
function bioSpans(spans: readonly OutSpan[], tokens: readonly Token[], report: LeftOutReport, labelOk: (label: string) => boolean): TokenSpan[] {
  const candidates: TokenSpan[] = [];
  for (const out of spans) {
    if (!labelOk(out.label)) {
      report.add('label-unsupported', out);
      continue;
    }
    const range = tokenRange(tokens, out.span.start, out.span.end);
    if (typeof range === 'string') report.add(range, out);
    else candidates.push({ out, ...range });
  }
  candidates.sort((a, b) => a.first - b.first || b.last - a.last || a.out.start - b.out.start || b.out.end - a.out.end || compareOut(a.out, b.out));
  const kept: TokenSpan[] = [];
  let reach = -1;
  for (const candidate of candidates) {
    if (candidate.first <= reach) {
      report.add('overlap', candidate.out);
      continue;
    }
    kept.push(candidate);
    reach = candidate.last;
  }
  return kept;
}

function bioTags(tokenCount: number, kept: readonly TokenSpan[]): string[] {
  const tags = new Array<string>(tokenCount).fill('O');
  for (const { out, first, last } of kept) {
    tags[first] = `B-${out.label}`;
    for (let i = first + 1; i <= last; i++) tags[i] = `I-${out.label}`;
  }
  return tags;
}

/** Hugging Face token classification: `{"id", "tokens", "ner_tags"}` with BIO tag strings. */
function writeHuggingFace(doc: ExportDocument, spans: readonly OutSpan[], locale: string | undefined, report: LeftOutReport): string {
  const tokens = tokenize(doc.text, locale);
  const kept = bioSpans(spans, tokens, report, (label) => label !== '');
  return JSON.stringify({ id: doc.id, tokens: tokens.map((token) => token.text), ner_tags: bioTags(tokens.length, kept) });
}

const CONLL_DOCSTART = '-DOCSTART- -X- -X- O\n\n';

/**
 * CoNLL-2003 columns `token -X- _ TAG`, a blank line after each sentence, `-DOCSTART-` before
 * each document. Sentences an entity runs across are written as one, so no entity is cut.
 */
function writeConll(doc: ExportDocument, spans: readonly OutSpan[], locale: string | undefined, report: LeftOutReport): string {
  const tokens = tokenize(doc.text, locale);
  const kept = bioSpans(spans, tokens, report, (label) => BRAT_LABEL.test(label));
  const tags = bioTags(tokens.length, kept);
  const sentences = splitSentences(doc.text, locale);
  const sentenceOf: number[] = [];
  let s = 0;
  for (const token of tokens) {
    while (s < sentences.length - 1 && (sentences[s]?.end ?? 0) <= token.start) s++;
    sentenceOf.push(s);
  }
  const joined = new Set<number>();
  for (const { first, last } of kept) for (let i = first; i < last; i++) joined.add(i);
  let chunk = CONLL_DOCSTART;
  tokens.forEach((token, i) => {
    // A token is never white space; a combining mark after a space makes one start with it.
    chunk += `${token.text.replace(/\s+/gu, '')} -X- _ ${tags[i] ?? 'O'}\n`;
    const next = sentenceOf[i + 1];
    if (next === undefined || (next !== sentenceOf[i] && !joined.has(i))) chunk += '\n';
  });
  return chunk;
}

// --- claim detection ----------------------------------------------------------------------------

/**
 * One line per sentence (white space trimmed from its edges): whether it holds a claim and the
 * claims in it, with offsets relative to the sentence. A claim over several sentences goes
 * in each, cut to it and marked `partial`, and is reported (a warning: nothing is dropped).
 */
function writeClaims(doc: ExportDocument, spans: readonly OutSpan[], locale: string | undefined, report: LeftOutReport): string {
  const converter = new OffsetConverter(doc.text);
  const sentences = splitSentences(doc.text, locale)
    .map((sentence) => trimRange(doc.text, sentence))
    .filter((sentence) => sentence.end > sentence.start);
  const placed = new Map<OutSpan, number>();
  let chunk = '';
  sentences.forEach((sentence, sentenceId) => {
    const start = converter.toCodePoint(sentence.start);
    const claims = [];
    for (const out of spans) {
      const from = Math.max(out.span.start, sentence.start);
      const to = Math.min(out.span.end, sentence.end);
      if (from >= to) continue;
      placed.set(out, (placed.get(out) ?? 0) + 1);
      const partial = from !== out.span.start || to !== out.span.end;
      claims.push({
        start: converter.toCodePoint(from) - start,
        end: converter.toCodePoint(to) - start,
        text: doc.text.slice(from, to),
        label: out.label,
        ...(partial ? { partial: true } : {}),
      });
    }
    chunk +=
      JSON.stringify({
        doc_id: doc.id,
        sentence_id: sentenceId,
        text: doc.text.slice(sentence.start, sentence.end),
        start,
        end: converter.toCodePoint(sentence.end),
        has_claim: claims.length > 0,
        claims,
      }) + '\n';
  });
  for (const out of spans) {
    const count = placed.get(out) ?? 0;
    if (count === 0) report.add('outside-sentences', out);
    else {
      const whole = sentences.some((sentence) => sentence.start <= out.span.start && out.span.end <= sentence.end);
      if (!whole) report.add('crosses-sentence', out);
    }
  }
  return chunk;
}
