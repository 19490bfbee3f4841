// Hugging Face token classification JSONL: `{"id", "tokens", "ner_tags"}` with IOB2 tag
// strings, one layer. The text is rebuilt on import as the tokens joined by single spaces.
// Document labels go in a text-classification JSONL beside it (`document-labels.jsonl`:
// `{"id", "text", "labels": {category: [values]}}`), written after the last document.
import { codePointLength } from '../offsets';
import { tokenize } from '../segmentation';
import { bioSpans, bioTags } from './bio-tags';
import { documentAnnotationsToWrite } from './export-relations';
import type { ExportDocument, FormatModule, JsonReader, ObjectResult, ReadContext } from './format-module';
import { readJsonDocument } from './json-document';
import { describe, quote, setOwn, type Json } from './json-values';
import { compareText } from './stable-order';

/** The side file of document labels, in the export's zip. */
export const DOCUMENT_LABELS_FILE = 'document-labels.jsonl';

/** A document's labels, all annotators' values together by category (categories in name order), or none. */
function documentLabelsLine(doc: ExportDocument): string | undefined {
  const labels = new Map<string, string[]>();
  for (const annotation of documentAnnotationsToWrite(doc)) {
    for (const [category, values] of Object.entries(annotation.labels)) {
      const chosen = labels.get(category) ?? [];
      labels.set(category, [...chosen, ...values.filter((v) => !chosen.includes(v))]);
    }
  }
  const entries = [...labels.entries()].filter(([, values]) => values.length > 0).sort(([a], [b]) => compareText(a, b));
  if (entries.length === 0) return undefined;
  const record: Record<string, string[]> = {};
  for (const [category, values] of entries) setOwn(record, category, values);
  return JSON.stringify({ id: doc.id, text: doc.text, labels: record });
}

/** An `I-X` that does not continue an `X` starts a new span, as conlleval reads it. */
function read(value: Json, context: ReadContext): ObjectResult {
  const tokens = value['tokens'] as unknown[];
  const tags = value['ner_tags'];
  if (!Array.isArray(tags)) return { reason: `"ner_tags" must be an array (found ${describe(tags)})` };
  if (tags.length !== tokens.length) return { reason: `"tokens" has ${tokens.length} items but "ner_tags" has ${tags.length}` };
  let text = '';
  let length = 0; // code points
  const spans: Array<{ start: number; end: number; label: string }> = [];
  let open: { start: number; end: number; label: string } | undefined;
  for (const [index, token] of tokens.entries()) {
    const tag = tags[index];
    if (typeof token !== 'string' || token === '')
      return { reason: `token ${index + 1} must be a non-empty string (found ${describe(token)})` };
    if (typeof tag !== 'string') {
      return {
        reason: `tag ${index + 1} is ${describe(tag)}: "ner_tags" must be tag names ("B-PER"), not class numbers (map them with the dataset's label list first)`,
      };
    }
    const match = /^([BI])-(.+)$/u.exec(tag);
    if (tag !== 'O' && !match) return { reason: `tag ${index + 1} ${quote(tag)} is not a BIO tag (expected "O", "B-LABEL" or "I-LABEL")` };
    if (text !== '') {
      text += ' ';
      length++;
    }
    const start = length;
    text += token;
    length += codePointLength(token);
    const end = length;
    if (match && match[1] === 'I' && open && open.label === match[2]) {
      open.end = end;
      continue;
    }
    if (open) spans.push(open);
    open = match ? { start, end, label: match[2] ?? '' } : undefined;
  }
  if (open) spans.push(open);
  const meta: Json = {};
  for (const [key, field] of Object.entries(value)) if (key !== 'id' && key !== 'tokens' && key !== 'ner_tags') setOwn(meta, key, field);
  const read = readJsonDocument({ ...('id' in value ? { id: value['id'] } : {}), text, meta, spans }, context);
  return 'reason' in read ? read : { draft: read.draft, format: 'hf-token' };
}

const reader: JsonReader = {
  format: 'hf-token',
  claims: (value) => !('text' in value) && Array.isArray(value['tokens']) && 'ner_tags' in value,
  read,
};

export const hfToken: FormatModule = {
  info: {
    id: 'hf-token',
    name: 'Hugging Face token classification JSONL',
    extension: 'jsonl',
    layers: ['entity', 'claim'],
    layerMode: 'one',
    overlaps: false,
    shape: 'lines',
    importable: true,
    keepsText: false,
    holds: { relations: false, attributes: false, spanNotes: false, documentLabels: true, documentNotes: false, annotators: false },
  },
  reader,
  createWriter: (options) => {
    const documentLabels: string[] = [];
    return {
      write: (doc, spans, report) => {
        const tokens = tokenize(doc.text, options.locale);
        const kept = bioSpans(spans, tokens, report, (label) => label !== '');
        const labels = documentLabelsLine(doc);
        if (labels !== undefined) documentLabels.push(labels + '\n');
        return {
          chunk: JSON.stringify({ id: doc.id, tokens: tokens.map((token) => token.text), ner_tags: bioTags(tokens.length, kept) }) + '\n',
        };
      },
      closingFiles: () => (documentLabels.length > 0 ? [{ path: DOCUMENT_LABELS_FILE, content: documentLabels.join('') }] : []),
    };
  },
};
