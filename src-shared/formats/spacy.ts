// spaCy / Prodigy JSONL: `text`, `spans` ({start, end, label}, code points; a span's `text`
// must match), `tokens` ({text, start, end, id, ws}) and span `token_start`/`token_end`
// (inclusive, Prodigy's convention). Relations as Prodigy's `rel.manual` writes them:
// `head`/`child` are the token index of the last token of each end (`token_end`), with
// `head_span`/`child_span` and the relation's `label`. Document labels as spaCy's `cats`
// (scores; 0.5 or more is chosen) and Prodigy's `accept` (the chosen options of a choice
// task). Tokens are not kept on import: an export writes them again. A task answered `reject`
// or `ignore` brings its spans as suggestions (rejected, pending), never as spans.
import type { RelationDraft } from '../domain';
import { OffsetConverter } from '../offsets';
import { importedDocumentLabels } from './document-labels';
import { flatDocumentLabels, relationsToWrite } from './export-relations';
import type { OutSpan } from './export-spans';
import type { ExportDocument, ExportOptions, FormatModule, JsonReader, ObjectResult, ReadContext } from './format-module';
import { readJsonDocument, type ReadSpan } from './json-document';
import { isObject, setOwn, type Json } from './json-values';
import type { LeftOutReport } from './left-out';
import { flatMeta } from './metadata';
import { exportTokens, isWhiteSpaceAt, reportChangedTokens, TOKENS_KEY, withSourceTokens } from './source-tokens';
import { spansAsSuggestions } from './suggestion-drafts';
import { tokenRange } from './token-range';
import { pushAll } from '../push-all';

/** spaCy's `cats`: a score for each class. */
const hasCats = (value: Json): boolean => isObject(value['cats']);
/** Prodigy's choice interface: the ids of the chosen options. */
const hasAccept = (value: Json): boolean => Array.isArray(value['accept']);

function read(value: Json, context: ReadContext): ObjectResult {
  const ownKeys = [
    ...(Array.isArray(value['relations']) ? ['relations'] : []),
    ...(hasCats(value) ? ['cats'] : []),
    ...(hasAccept(value) ? ['accept'] : []),
  ];
  const read = readJsonDocument(value, context, ownKeys, { offsetUnits: 'file' });
  if ('reason' in read) return read;
  const notes: string[] = [...read.notes];
  const values: string[] = [];
  if (hasCats(value)) {
    for (const [name, score] of Object.entries(value['cats'] as Json)) {
      if (typeof score !== 'number') notes.push(`cats ${JSON.stringify(name)} not imported: its score is not a number`);
      else if (score >= 0.5 && !values.includes(name)) values.push(name);
    }
  }
  if (hasAccept(value)) {
    for (const choice of value['accept'] as unknown[]) {
      const name = typeof choice === 'number' ? String(choice) : choice;
      if (typeof name !== 'string' || name === '')
        notes.push(`accept ${JSON.stringify(choice)} not imported: an option id is a string or a number`);
      else if (!values.includes(name)) values.push(name);
    }
  }
  const annotations = importedDocumentLabels(values, context.categories);
  if (annotations.length > 0) read.draft.documentAnnotations = annotations;
  if (Array.isArray(value['relations'])) {
    const relations = readRelations(value['relations'], read.spans, notes);
    if (relations.length > 0) read.draft.relations = relations;
  }
  // Prodigy: a rejected task's spans are wrong; an ignored task's were never judged.
  const answer = value['answer'];
  if (answer === 'reject') pushAll(notes, spansAsSuggestions(read.draft, 'rejected', 'the task was answered "reject"'));
  else if (answer === 'ignore') pushAll(notes, spansAsSuggestions(read.draft, 'pending', 'the task was answered "ignore"'));
  // The file's tokens are kept as given, so a spaCy or token export writes them back unchanged.
  if (Array.isArray(value['tokens'])) read.draft.meta = withSourceTokens(read.draft.meta, value['tokens']);
  return { draft: read.draft, format: 'spacy', notes };
}

/**
 * Each end is the span `head_span`/`child_span` names (by its offsets, and label when given),
 * else the span whose `token_end` is `head`/`child`. A relation with an end that is no span of
 * the line is reported and left out.
 */
function readRelations(items: readonly unknown[], spans: readonly ReadSpan[], notes: string[]): RelationDraft[] {
  const field = (span: ReadSpan, key: string): unknown => (isObject(span.item) ? span.item[key] : undefined);
  const find = (described: unknown, token: unknown): number => {
    if (isObject(described)) {
      const label = described['label'];
      return spans.findIndex(
        (span) =>
          field(span, 'start') === described['start'] &&
          field(span, 'end') === described['end'] &&
          (label === undefined || label === span.draft.label),
      );
    }
    return Number.isInteger(token) ? spans.findIndex((span) => field(span, 'token_end') === token) : -1;
  };
  const relations: RelationDraft[] = [];
  items.forEach((item, index) => {
    const name = `relation ${index + 1}`;
    if (!isObject(item)) return notes.push(`${name} not imported: expected {"head", "child", "label"}`);
    const label = item['label'];
    if (typeof label !== 'string' || label.trim() === '') return notes.push(`${name} not imported: it has no "label"`);
    const from = find(item['head_span'], item['head']);
    const to = find(item['child_span'], item['child']);
    if (from < 0 || to < 0) return notes.push(`${name} not imported: its ${from < 0 ? 'head' : 'child'} is no span of this line`);
    relations.push({ type: label, from, to, origin: 'imported' });
    return undefined;
  });
  return relations;
}

const reader: JsonReader = {
  format: 'spacy',
  claims: (value) => ('spans' in value && value['spans'] !== null) || hasCats(value) || hasAccept(value),
  read,
};

type TokenFields = { token_start: number; token_end: number } | Record<string, never>;

/**
 * With `tokens`, spans have `token_start`/`token_end` when they line up with tokens; a span that
 * does not keeps its character offsets and is reported. Without (`spacyTokens: false`, the
 * older shape `serializeDocument` writes): spans with character offsets only.
 */
function writeSpacy(doc: ExportDocument, spans: readonly OutSpan[], options: ExportOptions, report: LeftOutReport): string {
  const withTokens = options.spacyTokens !== false;
  const converter = new OffsetConverter(doc.text);
  const { tokens, own, changed } = withTokens ? exportTokens(doc.text, doc.meta, options.locale) : { tokens: [], own: false, changed: [] };
  reportChangedTokens(doc.text, changed, report);
  const tokenFields = new Map<string, TokenFields>();
  if (withTokens) {
    report.keepsUnaligned = true;
    for (const out of spans) {
      // Exact: spaCy's Doc.char_span is None for a span whose edge is not a token's edge (white space).
      const range = tokenRange(tokens, out.span.start, out.span.end, { exact: true });
      if (typeof range === 'string') report.add(range, out);
      tokenFields.set(out.span.id, typeof range === 'string' ? {} : { token_start: range.first, token_end: range.last });
    }
  }
  const fields = (out: OutSpan): TokenFields => tokenFields.get(out.span.id) ?? {};
  const relations = relationsToWrite(doc, report).map(({ relation, from, to }) => {
    const head = fields(from);
    const child = fields(to);
    const ends = 'token_end' in head && 'token_end' in child ? { head: head.token_end, child: child.token_end } : undefined;
    if (!ends) report.addRelation('relation-not-token-aligned', relation, from, to);
    return {
      ...ends,
      head_span: { start: from.start, end: from.end, ...head, label: from.label },
      child_span: { start: to.start, end: to.end, ...child, label: to.label },
      label: relation.type,
    };
  });
  const chosen = flatDocumentLabels(doc);
  return JSON.stringify({
    text: doc.text,
    ...(withTokens
      ? {
          // The file's own spaCy tokens go back as they came; others are written anew.
          tokens:
            own && isObject((doc.meta.extra?.[TOKENS_KEY] as unknown[] | undefined)?.[0])
              ? doc.meta.extra?.[TOKENS_KEY]
              : tokens.map((token, id) => ({
                  text: token.text,
                  start: converter.toCodePoint(token.start),
                  end: converter.toCodePoint(token.end),
                  id,
                  ws: token.end < doc.text.length && isWhiteSpaceAt(doc.text, token.end),
                })),
        }
      : {}),
    spans: spans.map((out) => ({ start: out.start, end: out.end, ...fields(out), label: out.label, text: out.text })),
    ...(relations.length > 0 ? { relations } : {}),
    ...(chosen.length > 0 ? { cats: cats(chosen, options), accept: chosen } : {}),
    meta: { id: doc.id, ...flatMeta(doc.meta, withTokens ? ['id', TOKENS_KEY] : ['id']) },
  });
}

/** spaCy `cats`: 1.0 for each chosen value; 0.0 for the other values of the project's categories. */
function cats(chosen: readonly string[], options: ExportOptions): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const category of options.documentCategories ?? []) {
    for (const value of category.values) setOwn(scores, value.name, chosen.includes(value.name) ? 1 : 0);
  }
  for (const value of chosen) setOwn(scores, value, 1);
  return scores;
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
    holds: { relations: true, attributes: false, spanNotes: false, documentLabels: true, documentNotes: false, annotators: false },
  },
  reader,
  createWriter: (options) => ({ write: (doc, spans, report) => ({ chunk: writeSpacy(doc, spans, options, report) + '\n' }) }),
};
