// CoNLL-2003 IOB2: `-DOCSTART- -X- -X- O` and a blank line before each document, one token
// per line (`token -X- _ TAG`), a blank line after each sentence. Read: CoNLL-2003 and other
// column files (WNUT-17, `token TAG`, any number of columns, the tag last; IOB1, IOB2, BIOES).
import { bioSpans, bioTags } from './bio-tags';
import type { ExportDocument, FormatModule, ReadContext } from './format-module';
import type { OutSpan } from './export-spans';
import { isSingleWordLabel } from './label-names';
import type { LeftOutReport } from './left-out';
import type { ImportParseResult } from './import-result';
import { readJsonDocument } from './json-document';
import { quote, type Json } from './json-values';
import { splitSentences } from './sentences';
import { codePointLength } from '../offsets';
import { spansFromTags } from './tag-scheme';
import { exportTokens, reportChangedTokens, withSourceTokens } from './source-tokens';

const DOCSTART = '-DOCSTART- -X- -X- O\n\n';

/** Sentences an entity runs across are written as one, so no entity is cut. */
function writeConll(doc: ExportDocument, spans: readonly OutSpan[], locale: string | undefined, report: LeftOutReport): string {
  const { tokens, changed } = exportTokens(doc.text, doc.meta, locale);
  reportChangedTokens(doc.text, changed, report);
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

/** The tag column of a column file: `O` or a prefixed label. */
const COLUMN_TAG = /^(O|[BIESLU]-\S+)$/u;

/**
 * Whether a text looks like a column file: it starts with `-DOCSTART-`, or every non-blank line
 * (two or more) is a token and a tag, separated by white space.
 */
export function looksLikeColumns(text: string): boolean {
  const lines = text.split(/\r?\n/u).filter((line) => line.trim() !== '');
  if (lines[0]?.startsWith('-DOCSTART-')) return true;
  return (
    lines.length >= 2 &&
    lines.every((line) => {
      const columns = line.trim().split(/\s+/u);
      return columns.length >= 2 && COLUMN_TAG.test(columns[columns.length - 1] ?? '');
    })
  );
}

/**
 * A column file's documents: a `-DOCSTART-` line starts one (a file without any: each
 * sentence is one, as Hugging Face's loaders make examples). The text is each sentence's
 * tokens joined by single spaces, sentences by a line break; the tokens are kept, so an export
 * writes them back unchanged. The tag is the last column; the others (POS, chunk) are not kept.
 */
export function readColumnFile(file: string, text: string, context: ReadContext, result: ImportParseResult): void {
  const stem = file.replace(/\.[^.]*$/u, '');
  type Sentence = { tokens: string[]; tags: string[]; lines: number[] };
  type Doc = { line: number; sentences: Sentence[] };
  const docs: Doc[] = [];
  let doc: Doc | undefined;
  let sentence: Sentence | undefined;
  let columns = 0;
  const hasDocstart = /^-DOCSTART-/mu.test(text);
  const endSentence = (): void => {
    if (sentence && sentence.tokens.length > 0) {
      if (!hasDocstart) docs.push({ line: sentence.lines[0] ?? 1, sentences: [sentence] });
      else doc?.sentences.push(sentence);
    }
    sentence = undefined;
  };
  const problems: Array<{ line: number; reason: string }> = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const number = index + 1;
    if (line.trim() === '') return endSentence();
    if (line.startsWith('-DOCSTART-')) {
      endSentence();
      doc = { line: number, sentences: [] };
      docs.push(doc);
      return;
    }
    const cells = line.trim().split(/\s+/u);
    if (cells.length < 2) return void problems.push({ line: number, reason: 'expected a token and its tag (and any columns between)' });
    // Placeholders (`-X- _`, as Spanwright and doccano-transformer write) hold nothing to lose.
    if (cells.slice(1, -1).some((cell) => cell !== '-X-' && cell !== '_')) columns = Math.max(columns, cells.length);
    if (hasDocstart && !doc) {
      doc = { line: number, sentences: [] };
      docs.push(doc);
    }
    sentence ??= { tokens: [], tags: [], lines: [] };
    sentence.tokens.push(cells[0] ?? '');
    sentence.tags.push(cells[cells.length - 1] ?? '');
    sentence.lines.push(number);
  });
  endSentence();
  for (const problem of problems) result.issues.push({ file, ...problem });
  if (problems.length > 0) return;
  docs.forEach((d, n) => {
    const tokens = d.sentences.flatMap((s) => s.tokens);
    if (tokens.length === 0) return;
    const lines = d.sentences.flatMap((s) => s.lines);
    // Spans never run over a sentence end: a tag sequence is read per sentence.
    const breaks = new Set<number>();
    let at = 0;
    for (const s of d.sentences) {
      at += s.tokens.length;
      breaks.add(at - 1);
    }
    const starts: number[] = [];
    const ends: number[] = [];
    let body = '';
    let length = 0;
    tokens.forEach((token, i) => {
      if (i > 0) {
        body += breaks.has(i - 1) ? '\n' : ' ';
        length++;
      }
      starts.push(length);
      body += token;
      length += codePointLength(token);
      ends.push(length);
    });
    const spans: Json[] = [];
    let offset = 0;
    for (const s of d.sentences) {
      const tagged = spansFromTags(s.tags);
      if (!Array.isArray(tagged)) {
        result.issues.push({ file, line: s.lines[tagged.index] ?? d.line, reason: `tag ${quote(s.tags[tagged.index])} ${tagged.reason}` });
        return;
      }
      for (const { first, last, label } of tagged) spans.push({ start: starts[offset + first], end: ends[offset + last], label });
      offset += s.tokens.length;
    }
    const title = `${stem} #${n + 1}`;
    const read = readJsonDocument({ text: body, spans }, { ...context, defaultTitle: title });
    if ('reason' in read) {
      result.issues.push({ file, line: d.line, reason: read.reason });
      return;
    }
    read.draft.meta = withSourceTokens(read.draft.meta, tokens);
    context.labels.count(read.draft.spans);
    result.documents.push({ file, line: lines[0] ?? d.line, format: 'conll2003', draft: read.draft });
  });
  if (columns > 2)
    result.issues.push({
      file,
      reason: `columns 2 to ${columns - 1} (such as part-of-speech and chunk tags) not imported: Spanwright keeps the tokens (first column) and the entity tags (last)`,
      severity: 'note',
    });
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
    importable: true,
    keepsText: false,
    holds: { relations: false, attributes: false, spanNotes: false, documentLabels: false, documentNotes: false, annotators: false },
  },
  createWriter: (options) => ({ write: (doc, spans, report) => ({ chunk: writeConll(doc, spans, options.locale, report) }) }),
};
