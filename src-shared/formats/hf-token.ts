// Hugging Face token classification JSONL: `{"id", "tokens", "ner_tags"}` with IOB2 tag
// strings, one layer. The text is rebuilt on import as the tokens joined by single spaces.
// Document labels go in a text-classification JSONL beside it (`document-labels.jsonl`:
// `{"id", "text", "labels": {category: [values]}}`), written after the last document.
import { codePointLength } from '../offsets';
import { bioSpans, bioTags } from './bio-tags';
import { documentAnnotationsToWrite } from './export-relations';
import type { ExportDocument, FormatModule, JsonReader, ObjectResult, ReadContext } from './format-module';
import { readJsonDocument } from './json-document';
import { describe, quote, setOwn, type Json } from './json-values';
import { labelName } from './label-list';
import { exportTokens, reportChangedTokens, withSourceTokens } from './source-tokens';
import { compareText } from './stable-order';
import { spansFromTags } from './tag-scheme';

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

/**
 * The text is the tokens joined by single spaces; the tokens are kept (`meta.extra.tokens`) so
 * an export writes them back unchanged. Tags are names (IOB2, IOB1 or BIOES), or class numbers
 * named by the label list (`Dataset.to_json` writes `ClassLabel` numbers).
 */
function read(value: Json, context: ReadContext): ObjectResult {
  const tokens = value['tokens'] as unknown[];
  const given = value['ner_tags'];
  if (!Array.isArray(given)) return { reason: `"ner_tags" must be an array (found ${describe(given)})` };
  if (given.length !== tokens.length) return { reason: `"tokens" has ${tokens.length} items but "ner_tags" has ${given.length}` };
  const tags: string[] = [];
  for (const [index, tag] of given.entries()) {
    if (typeof tag === 'string') tags.push(tag);
    else if (typeof tag === 'number') {
      const name = labelName(context.labelList, tag);
      if (name === undefined) context.ask?.('labelList');
      if (name === undefined)
        return {
          reason: context.labelList
            ? `tag ${index + 1} is ${tag}, which the tag list does not name`
            : `tag ${index + 1} is the class number ${tag}: give the tag list (spanwright --labels labels.json, by default FILE.labels.json beside the file; or the import's label list)`,
        };
      tags.push(name);
    } else return { reason: `tag ${index + 1} must be a tag name or class number (found ${describe(tag)})` };
  }
  const starts: number[] = [];
  const ends: number[] = [];
  let text = '';
  let length = 0; // code points
  for (const [index, token] of tokens.entries()) {
    if (typeof token !== 'string' || token === '')
      return { reason: `token ${index + 1} must be a non-empty string (found ${describe(token)})` };
    if (text !== '') {
      text += ' ';
      length++;
    }
    starts.push(length);
    text += token;
    length += codePointLength(token);
    ends.push(length);
  }
  const tagged = spansFromTags(tags);
  if (!Array.isArray(tagged)) return { reason: `tag ${tagged.index + 1} ${quote(tags[tagged.index])} ${tagged.reason}` };
  const spans = tagged.map(({ first, last, label }) => ({ start: starts[first], end: ends[last], label }));
  const meta: Json = {};
  for (const [key, field] of Object.entries(value)) if (key !== 'id' && key !== 'tokens' && key !== 'ner_tags') setOwn(meta, key, field);
  const read = readJsonDocument({ ...('id' in value ? { id: value['id'] } : {}), text, meta, spans }, context);
  if ('reason' in read) return read;
  read.draft.meta = withSourceTokens(read.draft.meta, tokens);
  return { draft: read.draft, format: 'hf-token' };
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
        const { tokens, changed } = exportTokens(doc.text, doc.meta, options.locale);
        reportChangedTokens(doc.text, changed, report);
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
