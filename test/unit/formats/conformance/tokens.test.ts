// Token formats conformance: fixtures written by hand from each format's documentation.
// - CoNLL-2003: https://www.clips.uantwerpen.be/conll2003/ner/ (one token per line, "word POS
//   chunk NE", -DOCSTART- lines, blank lines between sentences; the original tags are IOB1)
// - WNUT-17 / two-column files as Hugging Face's loaders read them
//   (huggingface/datasets, datasets/conll2003/conll2003.py: tokens and the last column as tags)
// - Hugging Face token classification: https://huggingface.co/docs/datasets/main/en/package_reference/main_classes#datasets.ClassLabel
//   (`ner_tags` as ClassLabel numbers in `Dataset.to_json`, names from `features["ner_tags"].feature.names`)
// - spaCy / Prodigy: https://prodi.gy/docs/api-interfaces#ner_manual (`tokens` with text, start,
//   end, id, ws; spans with token_start/token_end inclusive) and spaCy's Doc.char_span
import { describe, expect, it } from 'vitest';
import { draftToExportDocument } from '../../../../src-shared/formats/draft-document';
import type { ExportDocument } from '../../../../src-shared/formats/format-module';
import type { DocumentDraft } from '../../../../src-shared/domain';
import { readLabelList } from '../../../../src-shared/formats/label-list';
import { runExport } from '../helpers';
import { issuesOf, jsonl, readFixture, spansOf } from './read';

const asExport = (draft: DocumentDraft, id = 'd'): ExportDocument =>
  draftToExportDocument(draft, { id, spanId: (i) => `s${i}`, relationId: (i) => `r${i}`, annotator: 'ana', origin: 'imported' });

// CoNLL-2003 shape: 4 columns, IOB1 (an I-X after O starts a span), two documents.
const CONLL = [
  '-DOCSTART- -X- -O- O',
  '',
  'Oslo NNP I-NP I-LOC',
  'mayor NN I-NP O',
  'visits VBZ I-VP O',
  'Bergen NNP I-NP I-LOC',
  'and CC O O',
  'New NNP I-NP I-LOC',
  'York NNP I-NP I-LOC',
  '. . O O',
  '',
  'U.S. NNP I-NP I-LOC',
  'officials NNS I-NP O',
  'agree VBP I-VP O',
  '',
  '-DOCSTART- -X- -O- O',
  '',
  'Ana NNP I-NP I-PER',
  'spoke VBD I-VP O',
  '',
].join('\n');

describe('CoNLL-2003 and other column files', () => {
  it('reads -DOCSTART- documents, IOB1 tags, the tag in the last column; sentences are lines', () => {
    const result = readFixture('eng.train', CONLL.replace(/^/u, ''), {});
    // A file named .train is not a column file by name: CoNLL-2003's files are read as .txt or .conll.
    expect(result.documents).toEqual([]);
    const conll = readFixture('eng.conll', CONLL);
    expect(issuesOf(conll)).toEqual([
      '-: note: columns 2 to 3 (such as part-of-speech and chunk tags) not imported: Spanwright keeps the tokens (first column) and the entity tags (last)',
    ]);
    expect(conll.documents.map((d) => d.draft.text)).toEqual([
      'Oslo mayor visits Bergen and New York .\nU.S. officials agree',
      'Ana spoke',
    ]);
    expect(spansOf(conll.documents[0]!.draft)).toEqual(['LOC "Oslo"', 'LOC "Bergen"', 'LOC "New York"', 'LOC "U.S."']);
    expect(conll.documents[0]?.format).toBe('conll2003');
    expect(conll.documents[1]?.line).toBe(18);
  });

  it('reads CoNLL-2003’s own .txt files by their content', () => {
    expect(readFixture('train.txt', CONLL).documents).toHaveLength(2);
    expect(readFixture('notes.txt', 'Just a note.\nAnother line.').documents[0]?.format).toBe('text');
  });

  it('reads two-column files without -DOCSTART- (WNUT-17), one document per sentence, BIOES too', () => {
    const result = readFixture('wnut.conll', 'Ana\tB-person\nRuiz\tE-person\nsaid\tO\n\nin\tO\nLyon\tS-location\n');
    expect(issuesOf(result)).toEqual([]);
    expect(result.documents.map((d) => spansOf(d.draft))).toEqual([['person "Ana Ruiz"'], ['location "Lyon"']]);
  });

  it('CoNLL -> CoNLL -> read again: the same documents, tokens and spans (tags written as IOB2)', () => {
    const read = readFixture('eng.conll', CONLL);
    const out = runExport(
      'conll2003',
      read.documents.map((d, i) => asExport(d.draft, `d${i}`)),
    ).text;
    expect(out).toContain('Oslo -X- _ B-LOC\n');
    const back = readFixture('back.conll', out);
    expect(issuesOf(back)).toEqual([]);
    expect(back.documents.map((d) => [d.draft.text, spansOf(d.draft)])).toEqual(
      read.documents.map((d) => [d.draft.text, spansOf(d.draft)]),
    );
  });

  it('exports the tokens it read, unchanged (no re-tokenising "U.S." or ".")', () => {
    const [doc] = readFixture('eng.conll', CONLL).documents;
    const out = runExport('conll2003', [asExport(doc!.draft)]).text;
    const tokens = out
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('-DOCSTART-'))
      .map((l) => l.split(' ')[0]);
    expect(tokens).toEqual(['Oslo', 'mayor', 'visits', 'Bergen', 'and', 'New', 'York', '.', 'U.S.', 'officials', 'agree']);
  });
});

describe('Hugging Face numeric tags and kept tokens', () => {
  const names = readLabelList({ names: ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG'] });
  if (!names.ok) throw new Error(names.error);
  const LINE = { id: '0', tokens: ['EU', 'rejects', 'Ana', 'Ruiz', "'s", 'call', '.'], ner_tags: [3, 0, 1, 2, 0, 0, 0] };

  it('reads ClassLabel numbers with the tag list', () => {
    const result = readFixture('hf.jsonl', jsonl(LINE), { labelList: names.value });
    expect(issuesOf(result)).toEqual([]);
    expect(spansOf(result.documents[0]!.draft)).toEqual(['ORG "EU"', 'PER "Ana Ruiz"']);
  });

  it('refuses numbers without a tag list, saying how to give one', () => {
    expect(issuesOf(readFixture('hf.jsonl', jsonl(LINE)))).toEqual([
      "1: tag 1 is the class number 3: give the tag list (spanwright --labels labels.json, by default FILE.labels.json beside the file; or the import's label list)",
    ]);
  });

  it('HF -> HF writes the same tokens and tags back', () => {
    const [doc] = readFixture('hf.jsonl', jsonl(LINE), { labelList: names.value }).documents;
    const out = JSON.parse(runExport('hf-token', [asExport(doc!.draft, '0')]).text) as { tokens: string[]; ner_tags: string[] };
    expect(out.tokens).toEqual(LINE.tokens);
    expect(out.ner_tags).toEqual(['B-ORG', 'O', 'B-PER', 'I-PER', 'O', 'O', 'O']);
  });
});

describe('spaCy / Prodigy tokens and alignment', () => {
  const TEXT = 'Ana Ruiz\u2019s tram, late.';
  // Tokens as spaCy's English tokenizer gives them ("’s" split off); offsets in code points.
  const TOKENS = [
    { text: 'Ana', start: 0, end: 3, id: 0, ws: true },
    { text: 'Ruiz', start: 4, end: 8, id: 1, ws: false },
    { text: '\u2019s', start: 8, end: 10, id: 2, ws: true },
    { text: 'tram', start: 11, end: 15, id: 3, ws: false },
    { text: ',', start: 15, end: 16, id: 4, ws: true },
    { text: 'late', start: 17, end: 21, id: 5, ws: false },
    { text: '.', start: 21, end: 22, id: 6, ws: false },
  ];
  const LINE = {
    text: TEXT,
    tokens: TOKENS,
    spans: [{ start: 0, end: 8, token_start: 0, token_end: 1, label: 'PER' }],
    meta: { id: 'p1' },
  };

  it('spaCy -> spaCy writes the file’s tokens back unchanged, with token indices on them', () => {
    const [doc] = readFixture('p.jsonl', jsonl(LINE)).documents;
    const out = JSON.parse(runExport('spacy', [asExport(doc!.draft, 'p1')]).text) as { tokens: unknown; spans: unknown[]; meta: unknown };
    expect(out.tokens).toEqual(TOKENS);
    expect(out.spans).toEqual([{ start: 0, end: 8, token_start: 0, token_end: 1, label: 'PER', text: 'Ana Ruiz' }]);
    expect(out.meta).toEqual({ id: 'p1', title: 'p #1' });
    // And read again: the same spans.
    const back = readFixture('back.jsonl', JSON.stringify(out) + '\n');
    expect(issuesOf(back)).toEqual([]);
    expect(spansOf(back.documents[0]!.draft)).toEqual(['PER "Ana Ruiz"']);
  });

  it('a span with white space at an edge gets no token indices (Doc.char_span would be None), reported', () => {
    const line = { text: 'Ana met Bob.', spans: [{ start: 3, end: 7, label: 'X' }] };
    const [doc] = readFixture('p.jsonl', jsonl(line)).documents;
    const run = runExport('spacy', [asExport(doc!.draft)]);
    const out = JSON.parse(run.text) as { spans: unknown[]; tokens: Array<{ text: string }> };
    expect(out.spans).toEqual([{ start: 3, end: 7, label: 'X', text: ' met' }]);
    expect(run.leftOut.map((l) => [l.reason, l.dropped])).toEqual([['not-token-aligned', false]]);
  });

  it('no written token holds white space, and a token written without it is reported', () => {
    const line = { text: 'Ok \uFE0F then', spans: [] };
    const [doc] = readFixture('p.jsonl', jsonl(line)).documents;
    for (const format of ['spacy', 'hf-token', 'conll2003'] as const) {
      const run = runExport(format, [asExport(doc!.draft)]);
      if (format !== 'conll2003') {
        const out = JSON.parse(run.text) as { tokens: Array<string | { text: string }> };
        for (const token of out.tokens) expect(typeof token === 'string' ? token : token.text).not.toMatch(/\s/u);
      }
      // The space and the variation selector after it are one token of the text: it is written
      // as the selector alone, and the report says so (code points, as exports count).
      expect(run.leftOut.map((l) => [l.reason, l.dropped, l.tokens])).toEqual([
        ['token-white-space', false, [{ start: 2, end: 4, text: ' \uFE0F' }]],
      ]);
    }
  });
});
