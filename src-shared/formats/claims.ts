// Claim detection JSONL (export only): one line per sentence, whether it holds a claim and the
// claims in it, offsets in code points relative to the sentence.
import { OffsetConverter } from '../offsets';
import type { ExportDocument, FormatModule } from './format-module';
import type { OutSpan } from './export-spans';
import type { LeftOutReport } from './left-out';
import { splitSentences, trimRange } from './sentences';

/**
 * Sentences are trimmed of white space at their edges. A claim over several sentences goes in
 * each, cut to it and marked `partial`, and is reported (a warning: nothing is dropped).
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
    holds: { relations: false, attributes: false, spanNotes: false, documentLabels: false, documentNotes: false, annotators: false },
  },
  createWriter: (options) => ({ write: (doc, spans, report) => ({ chunk: writeClaims(doc, spans, options.locale, report) }) }),
};
