// Claim detection JSONL: one line per sentence, whether it holds a claim and the claims in it,
// offsets in code points relative to the sentence. Each claim carries its attributes, its note,
// and its sources: the spans its SOURCE relations point at (offsets in the document, as the
// sentence's own `start`/`end`). Read back, the sentences of one `doc_id` are one document.
import { OffsetConverter } from '../offsets';
import type { DocumentDraft, Relation, SourcedSpanDraft } from '../domain';
import { sortedRelations } from './export-relations';
import type { ExportDocument, ExportOptions, FormatModule, JsonReader, ObjectResult, ReadContext } from './format-module';
import { describe, isObject, quote, type Json } from './json-values';
import { readAttributes } from './spanwright-jsonl';
import { restoreSpan, SpanContext } from './restore-span';
import type { OutSpan } from './export-spans';
import type { LeftOutReport } from './left-out';
import { splitSentences, trimRange } from './sentences';

/**
 * Sentences are trimmed of white space at their edges. A claim over several sentences goes in
 * each, cut to it and marked `partial`, and is reported (a warning: nothing is dropped).
 */
function writeClaims(doc: ExportDocument, spans: readonly OutSpan[], options: ExportOptions, report: LeftOutReport): string {
  const locale = options.locale;
  const converter = new OffsetConverter(doc.text);
  const sources = claimSources(doc, spans, options.labelMap ?? {}, report);
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
      const claimSources = sources.get(out.span.id) ?? [];
      claims.push({
        start: converter.toCodePoint(from) - start,
        end: converter.toCodePoint(to) - start,
        text: doc.text.slice(from, to),
        label: out.label,
        ...(partial ? { partial: true } : {}),
        ...(Object.keys(out.span.attributes).length > 0 ? { attributes: out.span.attributes } : {}),
        ...(out.span.note !== undefined && out.span.note !== '' ? { note: out.span.note } : {}),
        ...(claimSources.length > 0 ? { sources: claimSources } : {}),
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

/** The type of relation whose target is the source of a claim (the default schema's). */
export const SOURCE_RELATION = 'SOURCE';

interface ClaimSource {
  text: string;
  label: string;
  /** Code points in the document. */
  doc_start: number;
  doc_end: number;
}

/**
 * Each written claim's sources (SOURCE relations from it, in relation order). Other relations,
 * and SOURCE relations from spans that are not written claims, are reported as not held.
 */
function claimSources(
  doc: ExportDocument,
  spans: readonly OutSpan[],
  labelMap: Readonly<Record<string, string | null>>,
  report: LeftOutReport,
): Map<string, ClaimSource[]> {
  const claims = new Set(spans.map((out) => out.span.id));
  const sources = new Map<string, ClaimSource[]>();
  const notHeld: Relation[] = [];
  const endLeftOut: Relation[] = [];
  for (const relation of sortedRelations(doc, report)) {
    const target = report.spansById.get(relation.to);
    if (relation.type !== SOURCE_RELATION || !claims.has(relation.from)) {
      notHeld.push(relation);
      continue;
    }
    // A source is an entity, so not written as a span of its own (layer): that is expected;
    // the label map still applies to it.
    const targetReason = report.dropReason(relation.to);
    const labelDropped = target !== undefined && Object.hasOwn(labelMap, target.span.label) && labelMap[target.span.label] === null;
    if (!target || labelDropped || !report.written(relation.from) || (targetReason !== undefined && targetReason !== 'layer')) {
      endLeftOut.push(relation);
      continue;
    }
    const list = sources.get(relation.from) ?? [];
    list.push({ text: target.text, label: target.label, doc_start: target.start, doc_end: target.end });
    sources.set(relation.from, list);
  }
  const end = (id: string) => report.spansById.get(id);
  for (const relation of endLeftOut) report.addRelation('relation-end-left-out', relation, end(relation.from), end(relation.to));
  for (const relation of notHeld) report.addRelation('relations-not-held', relation, end(relation.from), end(relation.to));
  return sources;
}

export const claims: FormatModule = {
  info: {
    id: 'claims',
    name: 'Claim detection JSONL',
    extension: 'jsonl',
    layers: ['claim'],
    layerMode: 'one',
    overlaps: true,
    shape: 'lines',
    importable: true,
    // Read back, the text between sentences is white space of Spanwright's choosing.
    keepsText: false,
    // Relations: SOURCE relations from claims only (the writer reports the others).
    holds: { relations: true, attributes: true, spanNotes: true, documentLabels: false, documentNotes: false, annotators: false },
  },
  reader: claimsReader(),
  createWriter: (options) => ({ write: (doc, spans, report) => ({ chunk: writeClaims(doc, spans, options, report) }) }),
};

/**
 * What fills the text between two sentences, which the file does not hold: white space of the
 * same length (so every offset stays as the file gives it) ending in a line break (so the
 * sentences are the same ones when the document is exported again).
 */
function gap(length: number): string {
  return length === 0 ? '' : ' '.repeat(length - 1) + '\n';
}

const FILE_NOTE =
  'claim detection JSONL: the sentences of one doc_id are one document; the text between them is not in the file and is read as white space (a line break before each sentence)';

function claimsReader(): JsonReader {
  return {
    format: 'claims',
    claims: (value) => 'doc_id' in value && 'sentence_id' in value && typeof value['text'] === 'string' && Array.isArray(value['claims']),
    read: readSentence,
  };
}

/** One sentence line: a draft of the document up to the sentence's end (its start as white space). */
function readSentence(value: Json, context: ReadContext): ObjectResult {
  const { doc_id: docId, text, start, end } = value;
  if (typeof docId !== 'string' && typeof docId !== 'number')
    return { reason: `"doc_id" must be a string or a number (found ${describe(docId)})` };
  if (typeof text !== 'string' || text.trim() === '') return { reason: `"text" must be a non-empty string (found ${describe(text)})` };
  const sentenceLength = new OffsetConverter(text).codePointLength;
  const at = start === undefined ? 0 : start;
  if (!Number.isInteger(at) || (at as number) < 0)
    return { reason: `"start" must be a whole number, 0 or more (found ${describe(start)})` };
  const offset = at as number;
  if (end !== undefined && end !== offset + sentenceLength)
    return { reason: `"end" ${JSON.stringify(end)} is not "start" plus the sentence's length in code points (${offset + sentenceLength})` };
  const full = gap(offset) + text;
  const spanContext = new SpanContext(full, 'codepoint', context.labels);
  const notes: string[] = [];
  const spans: SourcedSpanDraft[] = [];
  const relations: Array<{ type: string; from: number; to: number; origin: 'imported' }> = [];
  /** Claims cut at the sentence's start (`partial`): they may continue a claim of the sentence before. */
  const continuing = new Set<number>();
  const claims = value['claims'] as unknown[];
  for (const [index, item] of claims.entries()) {
    const name = `claim ${index + 1}`;
    if (!isObject(item)) return { reason: `${name} must be an object (found ${describe(item)})` };
    const shift = (n: unknown) => (Number.isInteger(n) ? (n as number) + offset : n);
    const span = restoreSpan(
      { label: item['label'], start: shift(item['start']), end: shift(item['end']), text: item['text'], layer: 'claim' },
      name,
      spanContext,
    );
    if (typeof span === 'string') return { reason: span };
    const attributes = item['attributes'];
    if (attributes !== undefined) {
      const read = readAttributes(attributes);
      if (!read) return { reason: `${name} "attributes" must be an object of string, number, yes/no or string-list values` };
      if (Object.keys(read).length > 0) span.attributes = read;
    }
    const note = item['note'];
    if (note !== undefined && note !== null) {
      if (typeof note !== 'string') return { reason: `${name} "note" must be a string (found ${describe(note)})` };
      if (note !== '') span.note = note;
    }
    const claimIndex = spans.length;
    spans.push(span);
    if (item['partial'] === true && item['start'] === 0) continuing.add(claimIndex);
    const sources = item['sources'] ?? [];
    if (!Array.isArray(sources)) return { reason: `${name} "sources" must be a list (found ${describe(sources)})` };
    for (const [sourceIndex, source] of sources.entries()) {
      const sourceName = `${name} source ${sourceIndex + 1}`;
      if (!isObject(source)) return { reason: `${sourceName} must be an object (found ${describe(source)})` };
      const from = source['doc_start'];
      const to = source['doc_end'];
      // A source outside this sentence's text: the sentences before it are other lines.
      if (Number.isInteger(from) && (from as number) < offset) {
        notes.push(
          `${sourceName} ${quote(source['text'])} at [${String(from)}, ${String(to)}) lies before its claim's sentence: not imported (sources are read within the sentence)`,
        );
        continue;
      }
      const entity = restoreSpan({ label: source['label'], start: from, end: to, text: source['text'] }, sourceName, spanContext);
      if (typeof entity === 'string') return { reason: entity };
      entity.layer = context.labels.layerOf(entity.label, 'entity');
      let target = spans.findIndex(
        (s) => s.layer === entity.layer && s.label === entity.label && s.start === entity.start && s.end === entity.end,
      );
      if (target === -1) {
        target = spans.length;
        spans.push(entity);
      }
      relations.push({ type: SOURCE_RELATION, from: claimIndex, to: target, origin: 'imported' });
    }
  }
  const id = String(docId);
  const draft: DocumentDraft = { id, text: full, meta: { title: id }, spans, ...(relations.length > 0 ? { relations } : {}) };
  return {
    draft,
    format: 'claims',
    fileNotes: [FILE_NOTE],
    ...(notes.length > 0 ? { notes } : {}),
    mergeKey: `claims\u0000${id}`,
    mergeInto: (first) => appendSentence(first, draft, offset, continuing),
  };
}

/**
 * Adds a later sentence of the document to the draft of its first: the text between them as
 * white space, the sentence's spans and relations moved after it. A claim the file cut at the
 * sentence's start (`partial`) that continues a claim of the same label ending where the text
 * read so far ends (the white space between them aside) is joined to it again.
 */
function appendSentence(first: DocumentDraft, part: DocumentDraft, offset: number, continuing: ReadonlySet<number>): string | undefined {
  const readSoFar = new OffsetConverter(first.text).codePointLength;
  if (offset < readSoFar)
    return `its sentence starts at ${offset}, before the end of the sentences read so far (${readSoFar}): sentences must come in order`;
  // `part.text` is white space up to `offset` (one UTF-16 unit each), then the sentence.
  const shift = first.text.length - readSoFar;
  const textEnd = first.text.trimEnd().length;
  first.text += part.text.slice(readSoFar);
  const moved: number[] = [];
  for (const [index, span] of part.spans.entries()) {
    const placed = { ...span, start: span.start + shift, end: span.end + shift };
    const joined = continuing.has(index)
      ? first.spans.findIndex((s) => s.layer === 'claim' && s.label === span.label && s.end === textEnd && sameExtras(s, span))
      : -1;
    if (joined !== -1) {
      first.spans[joined] = { ...first.spans[joined]!, end: placed.end };
      moved.push(joined);
      continue;
    }
    const same =
      span.layer !== 'claim'
        ? first.spans.findIndex(
            (s) => s.layer === placed.layer && s.label === placed.label && s.start === placed.start && s.end === placed.end,
          )
        : -1;
    if (same !== -1) {
      moved.push(same);
      continue;
    }
    moved.push(first.spans.length);
    first.spans.push(placed);
  }
  for (const relation of part.relations ?? []) {
    const from = moved[relation.from] ?? relation.from;
    const to = moved[relation.to] ?? relation.to;
    const relations = (first.relations ??= []);
    if (!relations.some((r) => r.type === relation.type && r.from === from && r.to === to)) relations.push({ ...relation, from, to });
  }
  return undefined;
}

const sameExtras = (a: SourcedSpanDraft, b: SourcedSpanDraft): boolean =>
  JSON.stringify(a.attributes ?? {}) === JSON.stringify(b.attributes ?? {}) && (a.note ?? '') === (b.note ?? '');
