// JsonLineStream: a JSONL file pushed in pieces of any size reads as parseImportFile reads it
// whole (documents, their lines, issues), in the same order, so the import worker may stream.
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../src-shared/formats/import';
import { ByteLineSplitter, JsonLineStream, type JsonLineItem } from '../../../src-shared/formats/jsonl-stream';
import type { Label } from '../../../src-shared/domain';

const labels: Label[] = [{ name: 'PER', layer: 'entity', color: '#336699', hotkey: 'p' }];

const FILE = [
  '\uFEFF' + JSON.stringify({ text: 'Señora Núñez 😀 llegó', label: [[0, 12, 'PER']] }),
  '',
  '   ',
  '{not json',
  JSON.stringify({ text: '中文 and “quotes”', label: [[0, 2, 'ORG']] }) + '\r',
  JSON.stringify(['spaCy pair', { entities: [[0, 5, 'PER']] }]),
  JSON.stringify({ text: 'last line, no newline at the end', label: [] }),
].join('\n');

function pushInPieces(bytes: Uint8Array, size: number): JsonLineItem[] {
  const stream = new JsonLineStream('news.jsonl', labels, []);
  const items: JsonLineItem[] = [];
  for (let at = 0; at < bytes.length; at += size) items.push(...stream.push(bytes.slice(at, at + size)));
  items.push(...stream.end());
  return items;
}

describe('JsonLineStream', () => {
  const bytes = new TextEncoder().encode(FILE);
  const whole = parseImportFile('news.jsonl', bytes, labels);

  it('reads a file pushed in pieces of any size as the whole-file reader does', () => {
    expect(whole.documents).toHaveLength(4);
    for (const size of [1, 2, 3, 7, 64, bytes.length]) {
      const items = pushInPieces(bytes, size);
      const documents = items.flatMap((i) => (i.kind === 'document' ? [i.document] : []));
      const issues = items.flatMap((i) => (i.kind === 'issue' ? [i.issue] : []));
      expect(documents, `pieces of ${size}`).toEqual(whole.documents);
      expect(issues, `pieces of ${size}`).toEqual(whole.issues);
    }
  });

  it('says which labels the file names that the project lacks, once read to its end', () => {
    const stream = new JsonLineStream('news.jsonl', labels, []);
    stream.push(bytes);
    expect(() => stream.result).toThrow(/not been read to its end/);
    stream.end();
    expect(stream.result.unknownLabels).toEqual(whole.unknownLabels);
  });

  it('stops at a binary file with one message', () => {
    const stream = new JsonLineStream('data.jsonl', labels, []);
    const items = [...stream.push(new Uint8Array([0x7b, 0x00, 0x7d, 0x0a, 0x7b, 0x00, 0x0a])), ...stream.end()];
    expect(items).toHaveLength(1);
    expect(items[0]?.kind === 'issue' && items[0].issue.reason).toMatch(/binary file/);
    expect(stream.stopped).toBe(true);
  });
});

describe('ByteLineSplitter', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('keeps the start of a line when the caller reuses its buffer for the next read', () => {
    const splitter = new ByteLineSplitter(10);
    const buffer = bytes('abcdefgh');
    const lines = [...splitter.push(buffer.subarray(0, 3))];
    buffer.set(bytes('xyz\nok\n'), 0);
    lines.push(...splitter.push(buffer.subarray(0, 7)), ...splitter.end());
    expect(lines).toEqual([
      { bytes: bytes('abcxyz'), offset: 0 },
      { bytes: bytes('ok'), offset: 7 },
    ]);
  });

  it('does not gather a line past its limit: its length comes instead', () => {
    const splitter = new ByteLineSplitter(4);
    const lines = [...splitter.push(bytes('abc')), ...splitter.push(bytes('xyz\nok')), ...splitter.end()];
    expect(lines).toEqual([
      { bytes: new Uint8Array(0), offset: 0, tooLong: 6 },
      { bytes: bytes('ok'), offset: 7 },
    ]);
  });
});
