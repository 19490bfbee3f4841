// Reading corpora in pieces (corpus-stream.ts, corpus-index.ts) and the commands built on it
// (merge, agree): a character cut between two reads, a line longer than a read, a document read
// again from its place in the file, and the same output as reading the file whole.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexedReader, indexCorpus, type IndexedDocument } from '../../src-cli/corpus-index';
import { byteLinesAt, readCorpusItems, readLinesAt } from '../../src-cli/corpus-stream';
import { main } from '../../src-cli/main';
import type { CliOutput } from '../../src-cli/output';
import { parseImportFile } from '../../src-shared/formats/import';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'spanwright-streaming-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): CliOutput & { out: string; err: string } {
  const sink = { out: '', err: '', stdout: (text: string) => void (sink.out += text), stderr: (text: string) => void (sink.err += text) };
  return sink;
}

/** Feeds `bytes` in pieces of `size` bytes. */
async function* pieces(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

function line(id: string, text: string, annotator = 'ana'): string {
  const start = [...text].length > 4 ? 1 : 0;
  return JSON.stringify({
    format: 'spanwright',
    format_version: 2,
    offset_unit: 'codepoint',
    id,
    text,
    status: 'done',
    spans: [{ id: 's1', layer: 'entity', label: 'X', start, end: start + 2, text: [...text].slice(start, start + 2).join(''), annotator }],
  });
}

describe('byteLinesAt', () => {
  it('puts a character cut between two reads back together, with each line at its byte offset', async () => {
    const text = 'é😀中\n\r\nx€\nlast';
    const bytes = Buffer.from(text);
    for (const size of [1, 2, 3, 5, 64]) {
      const lines: Array<{ text: string; offset: number }> = [];
      for await (const { bytes: got, offset } of byteLinesAt(pieces(bytes, size))) lines.push({ text: got.toString('utf8'), offset });
      expect(lines, `pieces of ${size}`).toEqual([
        { text: 'é😀中', offset: 0 },
        { text: '\r', offset: 10 },
        { text: 'x€', offset: 12 },
        { text: 'last', offset: 17 },
      ]);
    }
  });
});

describe('reading a JSONL file in pieces', () => {
  it('reads a line longer than a read (64 KiB) with a character cut at the read edge, as reading it whole does', async () => {
    // The emoji's 4 bytes straddle byte 65,536, where createReadStream's first read ends (after
    // the byte order mark and the JSON before the text).
    const before = 65_534 - 3 - (line('long', 'x').indexOf('"x"') + 1);
    const text = `${'a'.repeat(before)}😀${'b €'.repeat(40_000)}`;
    const path = join(dir, 'long.jsonl');
    const content = `${line('long', text)}\n${line('short', 'Ana 😀 met José.')}\n`;
    writeFileSync(path, '\ufeff' + content);
    const streamed = [];
    for await (const item of readCorpusItems(path)) streamed.push(item);
    const whole = parseImportFile(path, new Uint8Array(readFileSync(path)), []);
    expect(streamed.filter((item) => item.kind === 'issue')).toEqual([]);
    expect(streamed.map((item) => item.kind === 'document' && item.document.draft)).toEqual(whole.documents.map((d) => d.draft));

    // Each document's place is its line's bytes, without the byte order mark.
    const bytes = readFileSync(path);
    for await (const item of readLinesAt(path)) {
      if (item.kind !== 'document') continue;
      const at = bytes.subarray(item.at.offset, item.at.offset + item.at.length).toString('utf8');
      expect(JSON.parse(at).id).toBe(item.document.draft.id);
    }
  });

  it('reads each indexed document again from its place, and refuses a file changed meanwhile', async () => {
    const path = join(dir, 'indexed.jsonl');
    writeFileSync(path, [line('a', 'Ana 😀 met José.'), '', line('b', '北京是中国的首都。')].join('\r\n') + '\r\n');
    const indexed: IndexedDocument[] = [];
    for await (const item of indexCorpus(path, 0)) if (item.kind === 'document') indexed.push(item.document);
    expect(indexed.map((d) => [d.id, d.line, d.held === undefined])).toEqual([
      ['a', 1, true],
      ['b', 3, true],
    ]);
    const reader = new IndexedReader([path]);
    try {
      expect((await reader.read(indexed[1] as IndexedDocument)).draft.text).toBe('北京是中国的首都。');
      expect((await reader.read(indexed[0] as IndexedDocument)).draft.text).toBe('Ana 😀 met José.');
    } finally {
      await reader.close();
    }
    writeFileSync(path, [line('a', 'Ana 😀 met Josи.'), '', line('b', '北京是中国的首都。')].join('\r\n'));
    const stale = new IndexedReader([path]);
    try {
      await expect(stale.read(indexed[0] as IndexedDocument)).rejects.toThrow(/changed while it was being read/);
    } finally {
      await stale.close();
    }
  });
});

describe('merge and agree on files read in pieces', () => {
  it('merge gives each document once, in first-seen order, with every annotator, across long lines', async () => {
    const long = `${'word '.repeat(30_000)}é😀`;
    writeFileSync(join(dir, 'ana.jsonl'), [line('d1', long), line('d2', 'Zweiter Text.'), line('d3', 'only Ana')].join('\n') + '\n');
    writeFileSync(
      join(dir, 'ben.jsonl'),
      [line('d2', 'Zweiter Text.', 'ben'), line('d4', 'only Ben', 'ben'), line('d1', long, 'ben')].join('\n'),
    );
    const output = capture();
    const status = await main(['merge', join(dir, 'ana.jsonl'), join(dir, 'ben.jsonl'), '-o', join(dir, 'merged.jsonl')], output);
    expect(output.err).toBe(`4 documents merged into ${join(dir, 'merged.jsonl')}\n`);
    expect(status).toBe(0);
    const merged = readFileSync(join(dir, 'merged.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(merged.map((d) => d.id)).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(merged[0].text).toBe(long);
    expect(merged[0].spans.map((s: { annotator: string }) => s.annotator)).toEqual(['ana', 'ben']);
  });

  it('merge refuses a document whose text differs, naming both places, and writes nothing', async () => {
    writeFileSync(join(dir, 'one.jsonl'), line('d1', 'The first text.') + '\n');
    writeFileSync(join(dir, 'two.jsonl'), line('d1', 'The other text.', 'ben') + '\n');
    const output = capture();
    const out = join(dir, 'never.jsonl');
    expect(await main(['merge', join(dir, 'one.jsonl'), join(dir, 'two.jsonl'), '-o', out], output)).toBe(1);
    expect(output.err).toContain(`${join(dir, 'two.jsonl')}:1: document "d1" differs from ${join(dir, 'one.jsonl')}:1`);
    expect(() => readFileSync(out)).toThrow();
  });

  it('agree reads JSONL line by line and compares the same documents as before', async () => {
    const output = capture();
    expect(await main(['agree', join(dir, 'ana.jsonl'), join(dir, 'ben.jsonl'), '--json', '--scope', 'all'], output)).toBe(0);
    const report = JSON.parse(output.out) as { documents: number; annotators: string[] };
    expect(report.annotators).toEqual(['ana', 'ben']);
    expect(report.documents).toBe(4);
  });
});
