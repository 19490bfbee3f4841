// Claim detection JSONL (export only): one line per sentence, whether it holds a claim and the
// claims in it, offsets in code points relative to the sentence. Each claim carries its
// attributes, its note, and its sources: the spans its SOURCE relations point at (offsets in
// the document, as the sentence's own `start`/`end`).
import { OffsetConverter } from '../offsets';
import type { Relation } from '../domain';
import { sortedRelations } from './export-relations';
import type { ExportDocument, ExportOptions, FormatModule } from './format-module';
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
    importable: false,
    keepsText: false,
    // Relations: SOURCE relations from claims only (the writer reports the others).
    holds: { relations: true, attributes: true, spanNotes: true, documentLabels: false, documentNotes: false, annotators: false },
  },
  createWriter: (options) => ({ write: (doc, spans, report) => ({ chunk: writeClaims(doc, spans, options, report) }) }),
};
