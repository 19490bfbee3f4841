// Which reader gets which chosen files, and with what the user said about them.
import { describe, expect, it } from 'vitest';
import { defaultSchema } from '../../../src-shared/default-schema';
import { groupImportFiles, parseRequest } from '../../../src-renderer/src/app/parse-files';

const bytes = (text: string) => new TextEncoder().encode(text);
// Hugging Face token classification with ClassLabel numbers, and the tag list Spanwright writes beside it.
const HF = JSON.stringify({ id: 'd1', tokens: ['New', 'York', 'voted'], ner_tags: [1, 2, 0] });
const TAGS = JSON.stringify(['O', 'B-LOC', 'I-LOC']);

describe('groupImportFiles', () => {
  it('a tag list chosen beside its file (X.labels.json) names that file’s tags and is not imported', () => {
    const requests = groupImportFiles(
      [
        { name: 'ner.jsonl', bytes: bytes(HF) },
        { name: 'ner.jsonl.labels.json', bytes: bytes(TAGS) },
      ],
      defaultSchema(),
    );
    expect(requests).toHaveLength(1);
    const { result } = parseRequest(requests[0]!);
    expect(result.issues).toEqual([]);
    expect(result.documents[0]?.draft.spans.map((s) => s.label)).toEqual(['LOC']);
  });

  it('the list the user chose wins; a labels file naming no chosen file is imported as any file', () => {
    const requests = groupImportFiles(
      [
        { name: 'ner.jsonl', bytes: bytes(HF) },
        { name: 'ner.jsonl.labels.json', bytes: bytes(TAGS) },
        { name: 'other.labels.json', bytes: bytes(TAGS) },
      ],
      defaultSchema(),
      {
        labelList: new Map([
          ['0', 'O'],
          ['1', 'B-GPE'],
          ['2', 'I-GPE'],
        ]),
      },
    );
    expect(requests.map((r) => (r.kind === 'file' ? r.name : 'brat'))).toEqual(['ner.jsonl', 'other.labels.json']);
    const { result } = parseRequest(requests[0]!);
    expect(result.documents[0]?.draft.spans.map((s) => s.label)).toEqual(['GPE']);
  });

  it('a file named as the label list of a chosen file but not one is refused with the file and the reason, not read as documents', () => {
    const requests = groupImportFiles(
      [
        { name: 'ner.jsonl', bytes: bytes(HF) },
        // A project's label definitions, not a list naming the tags' numbers.
        { name: 'ner.jsonl.labels.json', bytes: bytes(JSON.stringify([{ name: 'LOC', layer: 'entity', color: '#a3c4f4' }])) },
      ],
      defaultSchema(),
    );
    const results = requests.map((request) => parseRequest(request).result);
    expect(results.map((r) => [r.file, r.documents.length, r.issues.map((i) => i.reason)])).toEqual([
      [
        'ner.jsonl',
        0,
        [expect.stringMatching(/tag 1 is the class number 1: give the tag list/), 'no documents imported: every entry has a problem'],
      ],
      ['ner.jsonl.labels.json', 0, ['not a label list for ner.jsonl: label 1 must be a name or {"id", "text"} (found an object)']],
    ]);
  });

  it('without a list, numeric tags are refused and the report is told to ask for one', () => {
    const { result } = parseRequest(groupImportFiles([{ name: 'ner.jsonl', bytes: bytes(HF) }], defaultSchema())[0]!);
    expect(result.documents).toEqual([]);
    expect(result.asks).toEqual(['labelList']);
  });
});
