// CoNLL-2003 IOB2 (export only): `-DOCSTART- -X- -X- O` and a blank line before each document,
// one token per line (`token -X- _ TAG`), a blank line after each sentence.
import { tokenize } from '../segmentation';
import { bioSpans, bioTags } from './bio-tags';
import type { ExportDocument, FormatModule } from './format-module';
import type { OutSpan } from './export-spans';
import { isSingleWordLabel } from './label-names';
import type { LeftOutReport } from './left-out';
import { splitSentences } from './sentences';

const DOCSTART = '-DOCSTART- -X- -X- O\n\n';

/** Sentences an entity runs across are written as one, so no entity is cut. */
function writeConll(doc: ExportDocument, spans: readonly OutSpan[], locale: string | undefined, report: LeftOutReport): string {
  const tokens = tokenize(doc.text, locale);
  const kept = bioSpans(spans, tokens, report, isSingleWordLabel);
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
  let chunk = DOCSTART;
  tokens.forEach((token, i) => {
    // A token is never white space; a combining mark after a space makes one start with it.
    chunk += `${token.text.replace(/\s+/gu, '')} -X- _ ${tags[i] ?? 'O'}\n`;
    const next = sentenceOf[i + 1];
    if (next === undefined || (next !== sentenceOf[i] && !joined.has(i))) chunk += '\n';
  });
  return chunk;
}

export const conll2003: FormatModule = {
  info: {
    id: 'conll2003',
    name: 'CoNLL-2003 IOB2',
    extension: 'conll',
    layers: ['entity'],
    layerMode: 'one',
    overlaps: false,
    shape: 'lines',
    importable: false,
    keepsText: false,
    holds: { relations: false, attributes: false, spanNotes: false, documentLabels: false, documentNotes: false, annotators: false },
  },
  createWriter: (options) => ({ write: (doc, spans, report) => ({ chunk: writeConll(doc, spans, options.locale, report) }) }),
};
