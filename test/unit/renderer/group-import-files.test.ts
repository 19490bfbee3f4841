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

  it('without a list, numeric tags are refused and the report is told to ask for one', () => {
    const { result } = parseRequest(groupImportFiles([{ name: 'ner.jsonl', bytes: bytes(HF) }], defaultSchema())[0]!);
    expect(result.documents).toEqual([]);
    expect(result.asks).toEqual(['labelList']);
  });
});
