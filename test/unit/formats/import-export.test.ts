// Options of the exporter and the readers of Label Studio, Hugging Face and brat files.
import { describe, expect, it } from 'vitest';
import { bratDocumentName, parseBratFiles } from '../../../src-shared/formats/brat';
import { createExporter } from '../../../src-shared/formats/exporter';
import { parseImportFile } from '../../../src-shared/formats/import';
import { goldenDocuments } from './fixture';
import { runExport } from './helpers';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('createExporter options', () => {
  it('renames and drops labels in every format, and reports the dropped ones', () => {
    const run = runExport('doccano', goldenDocuments().slice(0, 1), { labelMap: { LOC: 'GPE', ORG: null } });
    expect(run.text).toContain('[19,24,"GPE"]');
    expect(run.text).not.toContain('ORG');
    expect(run.leftOut).toEqual([
      { documentId: 'news-1', reason: 'label-dropped', dropped: true, spans: [{ id: 's1d', layer: 'entity', label: 'ORG', start: 0, end: 5, text: 'Ana 😀' }] },
      // doccano has no place for attributes: the span is written without them (a warning).
      { documentId: 'news-1', reason: 'attributes-not-held', dropped: false, spans: [{ id: 's1b', layer: 'entity', label: 'PER', start: 10, end: 15, text: 'Jose\u0301' }] },
    ]);
    expect(run.labels).toEqual(['CLAIM', 'GPE', 'PER']);
  });

  it('lists BIO labels in schema order first, after renaming', () => {
    const run = runExport('hf-token', goldenDocuments(), { labels: ['PER', 'LOC', 'ORG', 'MISC'], labelMap: { LOC: 'GPE' } });
    expect(run.labels).toEqual(['O', 'B-PER', 'I-PER', 'B-GPE', 'I-GPE', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC']);
  });

  it('exports the chosen layer only, and refuses layers a format cannot hold', () => {
    const run = runExport('hf-token', goldenDocuments().slice(0, 1), { layers: ['claim'] });
    expect(run.text).toContain('"ner_tags":["O","O","B-CLAIM","I-CLAIM","I-CLAIM","I-CLAIM","I-CLAIM","I-CLAIM","I-CLAIM","O","O","O","O"]');
    expect(run.leftOut.map((l) => [l.reason, l.spans.map((s) => s.id)])).toEqual([
      ['layer', ['s1a', 's1d', 's1b', 's1c']],
      ['overlap', ['s1e']],
    ]);
    expect(() => createExporter('conll2003', { layers: ['claim'] })).toThrow(/cannot hold the claim layer/);
    expect(() => createExporter('hf-token', { layers: ['entity', 'claim'] })).toThrow(/exactly one layer/);
    expect(() => createExporter('doccano', { labelMap: { LOC: ' ' } })).toThrow(/empty label/);
  });

  it('Label Studio: a document nobody started has no annotation; a skipped one is cancelled', () => {
    const [doc] = goldenDocuments();
    if (!doc) throw new Error('no fixture');
    expect(runExport('label-studio', [{ ...doc, status: 'todo', spans: [] }]).text).toContain('"annotations":[]');
    expect(runExport('label-studio', [{ ...doc, status: 'skipped', spans: [] }]).text).toContain('"annotations":[{"was_cancelled":true,"result":[]}]');
  });

  it('brat and CoNLL leave out labels with white space', () => {
    const [doc] = goldenDocuments();
    if (!doc) throw new Error('no fixture');
    for (const format of ['brat', 'conll2003'] as const) {
      const run = runExport(format, [doc], { labelMap: { LOC: 'PLACE NAME' } });
      expect(run.leftOut.find((l) => l.reason === 'label-unsupported')?.spans.map((s) => s.id)).toEqual(['s1c']);
    }
  });

  it('brat document names are file-system safe and unique ignoring case', () => {
    const used = new Set<string>();
    expect(['a/b', 'A_B', 'con', '../x', '', 'Ünïcödé 1'].map((id) => bratDocumentName(id, used))).toEqual(['a_b', 'A_B-2', '_con', 'x', 'document', 'Ünïcödé_1']);
  });

  it('serializeDocument spaCy output keeps its shape (no tokens)', () => {
    const run = runExport('spacy', goldenDocuments().slice(0, 1), { spacyTokens: false });
    expect(run.text).not.toContain('tokens');
  });
});

describe('Label Studio import', () => {
  const task = (extra: Record<string, unknown>) => ({ id: 7, data: { text: 'Ana 😀 Paris', title: 'T', desk: 'x' }, ...extra });
  const labels = (start: number, end: number, text: string, label: string, id = 'r1') => ({ id, from_name: 'label', to_name: 'text', type: 'labels', value: { start, end, text, labels: [label] } });

  it('reads annotations with code-point offsets, predictions as pending suggestions, and metadata from data', () => {
    const file = JSON.stringify([task({ annotations: [{ result: [labels(6, 11, 'Paris', 'LOC')] }] }), task({ annotations: [], predictions: [{ result: [labels(0, 3, 'Ana', 'PER')] }] })]);
    const result = parseImportFile('tasks.json', utf8(file), []);
    expect(result.issues).toEqual([]);
    expect(result.documents[0]?.format).toBe('label-studio');
    expect(result.documents[0]?.draft).toEqual({ id: '7', text: 'Ana 😀 Paris', meta: { title: 'T', extra: { desk: 'x' } }, spans: [{ layer: 'entity', label: 'LOC', start: 7, end: 12, origin: 'imported', sourceId: 'r1' }] });
    expect(result.documents[1]?.draft.spans).toEqual([]);
    expect(result.documents[1]?.draft.suggestions).toEqual([{ label: 'PER', start: 0, end: 3, status: 'pending' }]);
  });

  it('rejects a task whose span text does not match, and reports a relation to no region', () => {
    const bad = parseImportFile('t.json', utf8(JSON.stringify([task({ annotations: [{ result: [labels(5, 10, 'Paris', 'LOC')] }] })])), []);
    expect(bad.documents).toEqual([]);
    expect(bad.issues[0]).toMatchObject({ line: 1, lineKind: 'item', reason: expect.stringMatching(/does not match/) });
    const relation = { type: 'relation', from_id: 'r1', to_id: 'r2', direction: 'right' };
    const withRelation = parseImportFile('t.json', utf8(JSON.stringify([task({ annotations: [{ result: [labels(6, 11, 'Paris', 'LOC'), relation] }] })])), []);
    expect(withRelation.documents).toHaveLength(1);
    expect(withRelation.issues).toEqual([
      { file: 't.json', line: 1, lineKind: 'item', reason: 'annotations[0].result[1]: relation not imported: to_id "r2" is no labelled region', severity: 'note' },
    ]);
  });
});

describe('Hugging Face token JSONL import', () => {
  it('joins tokens with spaces and reads BIO tags (a stray I- starts a span)', () => {
    const line = { id: 'x', tokens: ['Ana', '😀', 'in', 'New', 'York'], ner_tags: ['I-PER', 'O', 'O', 'B-LOC', 'I-LOC'], split: 'train' };
    const result = parseImportFile('hf.jsonl', utf8(JSON.stringify(line)), []);
    expect(result.issues).toEqual([]);
    expect(result.documents[0]?.draft).toEqual({
      id: 'x',
      text: 'Ana 😀 in New York',
      // The tokens are kept, so an export writes them back unchanged (issue 8).
      meta: { title: 'hf #1', extra: { split: 'train', tokens: ['Ana', '😀', 'in', 'New', 'York'] } },
      spans: [
        { layer: 'entity', label: 'PER', start: 0, end: 3, origin: 'imported' },
        { layer: 'entity', label: 'LOC', start: 10, end: 18, origin: 'imported' },
      ],
    });
  });

  // Class numbers are read with a tag list now (test/unit/formats/conformance/hf-conll.test.ts),
  // and BIOES tags (E-X) are read too.
  it('refuses class numbers without a tag list, and tags that are not BIO', () => {
    expect(parseImportFile('hf.jsonl', utf8(JSON.stringify({ tokens: ['a'], ner_tags: [3] })), []).issues[0]?.reason).toMatch(/is the class number 3: give the tag list/);
    expect(parseImportFile('hf.jsonl', utf8(JSON.stringify({ tokens: ['a'], ner_tags: ['X-Y'] })), []).issues[0]?.reason).toMatch(/not a BIO tag/);
    expect(parseImportFile('hf.jsonl', utf8(JSON.stringify({ tokens: ['a', 'b'], ner_tags: ['O'] })), []).issues[0]?.reason).toMatch(/2 items but "ner_tags" has 1/);
  });
});

describe('brat import', () => {
  const txt = { name: 'n.txt', bytes: utf8('Ana 😀 met\r\nBob.') };

  it('reports each bad .ann line with its number and leaves that document out', () => {
    const ann = 'T1\tPER 0 3\tAna\nT2\tPER 0 3\tAnna\nT3\tPER 5 99\tx\nT4 bad\n\nR1\tRel Arg1:T1 Arg2:T2\nX1\tfoo\n';
    const result = parseBratFiles([txt, { name: 'n.ann', bytes: utf8(ann) }], []);
    expect(result.documents).toEqual([]);
    expect(result.issues.filter((i) => i.file === 'n.ann').map((i) => [i.line, i.reason])).toEqual([
      [2, 'T2 text "Anna" does not match the text at its offsets "Ana"'],
      [3, 'T3 [5, 99) is out of range: the text is 14 characters long (as brat counts them)'],
      [4, 'malformed text-bound annotation: expected "T1<tab>LABEL start end<tab>text"'],
      [7, 'unknown annotation kind "X"'],
    ]);
  });

  // Offsets as brat counts them (a CRLF is one character): behaviour changed on purpose, see
  // test/unit/formats/conformance/brat.test.ts.
  it('reads discontinuous spans split at line breaks, reads other gaps as linked parts, reads relations and reports events', () => {
    const ok = parseBratFiles([txt, { name: 'n.ann', bytes: utf8('T1\tPER 6 9;10 13\tmet Bob\nR1\tRel Arg1:T1 Arg2:T1\nE1\tMeet:T1\n') }], []);
    expect(ok.documents[0]?.draft.spans).toEqual([{ layer: 'entity', label: 'PER', start: 7, end: 15, origin: 'imported' }]);
    expect(ok.documents[0]?.draft.relations).toEqual([{ type: 'Rel', from: 0, to: 0, origin: 'imported' }]);
    expect(ok.issues).toEqual([{ file: 'n.ann', reason: '1 event line not imported: Spanwright has no events', severity: 'note' }]);
    const gap = parseBratFiles([txt, { name: 'n.ann', bytes: utf8('T1\tPER 0 3;6 9\tAna met\n') }], []);
    expect(gap.documents[0]?.draft.spans.map((s) => [s.label, s.start, s.end])).toEqual([
      ['PER', 0, 3],
      ['PER', 7, 10],
    ]);
    expect(gap.documents[0]?.draft.relations).toEqual([{ type: 'FRAGMENT', from: 0, to: 1, origin: 'imported' }]);
    expect(gap.issues[0]).toMatchObject({ line: 1, severity: 'note', reason: expect.stringMatching(/^T1 is discontinuous, with text between its fragments/) });
  });

  it('reports an .ann without its .txt and files that are not brat', () => {
    const result = parseBratFiles([{ name: 'x.ann', bytes: utf8('') }, { name: 'x.csv', bytes: utf8('a') }, { name: 'y.zip', bytes: utf8('no zip') }], []);
    expect(result.issues.map((i) => i.file)).toEqual(['x.csv', 'y.zip', 'x.ann', '3 brat files']);
  });
});
