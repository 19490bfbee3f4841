// The token exports (Hugging Face, CoNLL-2003, spaCy) cut texts with the app's tokenizer, so a
// possessive or elided entity (Haiti in Haiti’s, Haïti in d’Haïti) lines up with tokens and is
// written, not left out as "not token-aligned".
import { describe, expect, it } from 'vitest';
import type { Span } from '../../../src-shared/domain';
import type { ExportDocument } from '../../../src-shared/formats/format-module';
import { runExport } from './helpers';

const TEXT = "Haiti’s capital Port-au-Prince’s mayor met l’Assemblée d’Haïti. Obama's aide didn't.";

function entity(id: string, label: string, part: string): Span {
  const start = TEXT.indexOf(part);
  if (start < 0) throw new Error(`"${part}" not in text`);
  return {
    id,
    projectId: 'p',
    documentId: 'd',
    annotator: 'ana',
    layer: 'entity',
    label,
    start,
    end: start + part.length,
    text: part,
    attributes: {},
    origin: 'manual',
    createdAt: 1,
    updatedAt: 1,
  };
}

const doc: ExportDocument = {
  id: 'd',
  meta: { title: 'Haiti' },
  status: 'done',
  text: TEXT,
  spans: [
    entity('haiti', 'LOC', 'Haiti'),
    entity('port', 'LOC', 'Port-au-Prince'),
    entity('assemblee', 'ORG', 'Assemblée'),
    entity('haiti2', 'LOC', 'Haïti'),
    entity('obama', 'PER', 'Obama'),
  ],
};

const TOKENS = [
  'Haiti',
  '’s',
  'capital',
  'Port-au-Prince',
  '’s',
  'mayor',
  'met',
  'l’',
  'Assemblée',
  'd’',
  'Haïti',
  '.',
  'Obama',
  "'s",
  'aide',
  'did',
  "n't",
  '.',
];
const TAGS = ['B-LOC', 'O', 'O', 'B-LOC', 'O', 'O', 'O', 'O', 'B-ORG', 'O', 'B-LOC', 'O', 'B-PER', 'O', 'O', 'O', 'O', 'O'];

describe('token exports: possessive and elided entities', () => {
  it('Hugging Face writes them as tokens of their own', () => {
    const run = runExport('hf-token', [doc]);
    expect(run.leftOut).toEqual([]);
    const row = JSON.parse(run.text.trim()) as { tokens: string[]; ner_tags: string[] };
    expect(row.tokens).toEqual(TOKENS);
    expect(row.ner_tags).toEqual(TAGS);
  });

  it('CoNLL-2003 tags every token', () => {
    const run = runExport('conll2003', [doc]);
    expect(run.leftOut).toEqual([]);
    const lines = run.text.split('\n').filter((line) => line !== '' && !line.startsWith('-DOCSTART-'));
    expect(lines.map((line) => line.split(' ')[0])).toEqual(TOKENS);
    expect(lines.map((line) => line.split(' ').pop())).toEqual(TAGS);
  });

  it('spaCy lines the entities up with its tokens', () => {
    const run = runExport('spacy', [doc]);
    expect(run.leftOut).toEqual([]);
    const row = JSON.parse(run.text.trim()) as {
      tokens: Array<{ text: string }>;
      spans: Array<{ label: string; token_start: number; token_end: number }>;
    };
    expect(row.tokens.map((t) => t.text)).toEqual(TOKENS);
    expect(row.spans.map((s) => [s.label, s.token_start, s.token_end])).toEqual([
      ['LOC', 0, 0],
      ['LOC', 3, 3],
      ['ORG', 8, 8],
      ['LOC', 10, 10],
      ['PER', 12, 12],
    ]);
  });
});
