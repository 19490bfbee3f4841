// spaCy / Prodigy JSONL: `text`, `spans` ({start, end, label}, code points; a span's `text`
// must match), `tokens` ({text, start, end, id, ws}) and span `token_start`/`token_end`
// (inclusive, Prodigy's convention). Tokens are not kept on import: an export writes them again.
import { OffsetConverter } from '../offsets';
import { tokenize } from '../segmentation';
import type { ExportDocument, FormatModule, JsonReader } from './format-module';
import type { OutSpan } from './export-spans';
import { readJsonDocument } from './json-document';
import type { LeftOutReport } from './left-out';
import { flatMeta } from './metadata';
import { tokenRange } from './token-range';

const reader: JsonReader = {
  format: 'spacy',
  claims: (value) => 'spans' in value && value['spans'] !== null,
  read: (value, context) => {
    const read = readJsonDocument(value, context);
    return 'reason' in read ? read : { draft: read.draft, format: 'spacy' };
  },
};

/**
 * With `tokens`, spans have `token_start`/`token_end` when they line up with tokens; a span that
 * does not keeps its character offsets and is reported. Without (`spacyTokens: false`, the
 * older shape `serializeDocument` writes): spans with character offsets only.
 */
function writeSpacy(
  doc: ExportDocument,
  spans: readonly OutSpan[],
  withTokens: boolean,
  locale: string | undefined,
  report: LeftOutReport,
): string {
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

export const spacy: FormatModule = {
  info: {
    id: 'spacy',
    name: 'spaCy JSONL',
    extension: 'jsonl',
    layers: ['entity', 'claim'],
    layerMode: 'many',
    overlaps: true,
    shape: 'lines',
    importable: true,
    keepsText: true,
    holds: { relations: false, attributes: false, spanNotes: false, documentLabels: false, documentNotes: false, annotators: false },
  },
  reader,
  createWriter: (options) => ({
    write: (doc, spans, report) => ({ chunk: writeSpacy(doc, spans, options.spacyTokens !== false, options.locale, report) + '\n' }),
  }),
};
