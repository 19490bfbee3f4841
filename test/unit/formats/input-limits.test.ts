// Every core reader holds a file to the input limits (src-shared/limits.ts) and refuses what
// passes one with the file, the entry or line, and the limit: zip bombs (made here), zip
// entries whose declared size lies, deep JSON, too many spans, files too large.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseBratFiles } from '../../../src-shared/formats/brat';
import { createJsonLineReader, parseImportFile } from '../../../src-shared/formats/import';
import { jsonTooDeepAt } from '../../../src-shared/formats/json-values';
import { parseProjectBundle } from '../../../src-shared/formats/project-bundle';
import { unzipFiles, zipFiles } from '../../../src-shared/formats/zip-archive';
import { DEFAULT_LIMITS, type InputLimits, type LimitPolicy } from '../../../src-shared/limits';

const utf8 = (text: string) => new TextEncoder().encode(text);
const policy = (limits: Partial<InputLimits>): LimitPolicy => ({ limits: { ...DEFAULT_LIMITS, ...limits }, shell: 'cli' });
const reasons = (result: { issues: Array<{ file: string; line?: number; reason: string }> }) =>
  result.issues.map((i) => `${i.file}${i.line === undefined ? '' : `:${i.line}`}: ${i.reason}`);

/** Sets the uncompressed size an entry declares, in its local header and in the central directory. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 4 <= out.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, size, true);
    else if (signature === 0x02014b50) view.setUint32(at + 24, size, true);
  }
  return out;
}

const ZEROS = new Uint8Array(50_000_000); // 50 MB that deflate to about 50 KB

describe('zip limits', { timeout: 60_000 }, () => {
  const bomb = zipFiles([
    { path: 'a.txt', content: 'Ana Ruiz visited Valdeluz.' },
    { path: 'a.ann', content: 'T1\tPER 0 8\tAna Ruiz\n' },
    { path: 'bomb.txt', content: ZEROS },
  ]);

  it('reads a zip within the limits as before', () => {
    const small = zipFiles([
      { path: 'x/a.txt', content: 'hello' },
      { path: 'x/', content: '' },
    ]);
    const read = unzipFiles(small, policy({}));
    expect(read).toEqual({ files: [{ path: 'x/a.txt', bytes: utf8('hello') }] });
  });

  it('stops an entry that unpacks past the entry limit, and names it', () => {
    expect(bomb.length).toBeLessThan(200_000);
    const read = unzipFiles(bomb, policy({ zipEntryBytes: 5_000_000, zipRatio: 100_000 }));
    expect(read).toEqual({
      entry: 'bomb.txt',
      reason: 'unpacks to more than 5 MB, the limit for one file inside a zip; to read it anyway, raise it with --max-zip-entry',
    });
  });

  it('stops a zip bomb by its compression ratio with the default limits', () => {
    const read = unzipFiles(bomb, policy({}));
    expect(read).toMatchObject({ entry: 'bomb.txt' });
    expect('reason' in read && read.reason).toContain('more than 100 times its packed size (a zip bomb?)');
  });

  it('stops a zip whose entries together unpack past the total limit', () => {
    const text = 'Ana Ruiz visited Valdeluz. '.repeat(40_000); // about 1 MB each (the ratio is not what is tested)
    const zip = zipFiles([1, 2, 3].map((n) => ({ path: `d${n}.txt`, content: text })));
    const read = unzipFiles(zip, policy({ zipTotalBytes: 2_500_000, zipRatio: 100_000 }));
    expect(read).toEqual({
      entry: 'd3.txt',
      reason: 'the zip unpacks to more than 2.5 MB in all, its limit; to read it anyway, raise it with --max-zip-total',
    });
    expect('files' in unzipFiles(zip, policy({ zipTotalBytes: 4_000_000, zipRatio: 100_000 }))).toBe(true);
  });

  it('does not trust an entry that declares less than it holds', () => {
    // zipSync writes the sizes into the local header (no data descriptor), where readers look first.
    const liar = declareSize(zipSync({ 'small.txt': ZEROS }), 10);
    const read = unzipFiles(liar, policy({ zipEntryBytes: 1_000_000, zipRatio: 100_000 }));
    expect(read).toMatchObject({ entry: 'small.txt' });
    expect('reason' in read && read.reason).toContain('unpacks to more than 1 MB');
  });

  it('refuses an entry that declares more than the limit before inflating it', () => {
    const boaster = declareSize(zipSync({ 'huge.txt': utf8('tiny') }), 0xfffffff0);
    expect(unzipFiles(boaster, policy({}))).toMatchObject({ entry: 'huge.txt', reason: expect.stringContaining('more than 100 MB') });
  });

  it('says a file that is no zip is not one', () => {
    expect(unzipFiles(utf8('just text, no zip'))).toEqual({ reason: 'not a readable zip archive (no zip entries found)' });
    const cut = zipFiles([{ path: 'a.txt', content: 'Ana Ruiz visited Valdeluz.'.repeat(100) }]).subarray(0, 60);
    expect(unzipFiles(cut)).toMatchObject({ reason: expect.stringContaining('not a readable zip archive') });
  });

  it('imports nothing of a brat zip bomb, and names the zip, the entry and the limit', () => {
    const result = parseBratFiles([{ name: 'corpus.zip', bytes: bomb }], [], { limits: { limits: DEFAULT_LIMITS, shell: 'app' } });
    expect(result.documents).toEqual([]);
    expect(result.issues[0]?.file).toBe('corpus.zip/bomb.txt');
    expect(result.issues[0]?.reason).toContain('raise “Largest zip compression ratio” in Settings › Import limits');
  });
});

describe('JSON nesting depth', () => {
  it('finds the line where nesting first passes the limit, ignoring brackets in strings', () => {
    expect(jsonTooDeepAt('{"a": [[1]]}', 3)).toBeUndefined();
    expect(jsonTooDeepAt('{"a": [[[1]]]}', 3)).toBe(1);
    expect(jsonTooDeepAt('{"a": "[[[[[[\\"[[[["}', 2)).toBeUndefined();
    expect(jsonTooDeepAt('[\n[\n[\n[1]]]]', 3)).toBe(4);
  });

  const deep = '['.repeat(100_000) + ']'.repeat(100_000);

  it('refuses a JSONL line nested deeper than the limit, and reads the other lines', () => {
    const text = `{"text": "fine"}\n{"text": "x", "meta": ${deep}}\n{"text": "also fine"}\n`;
    const result = parseImportFile('deep.jsonl', utf8(text), [], [], { limits: policy({}) });
    expect(result.documents.map((d) => d.draft.text)).toEqual(['fine', 'also fine']);
    expect(reasons(result)).toEqual([
      'deep.jsonl:2: JSON nesting deeper than 100 levels, the limit; to read it anyway, raise it with --max-json-depth',
    ]);
  });

  it('refuses a .json file nested deeper than the limit at the line it passes it', () => {
    const pretty = `[\n  {"text": "a",\n   "meta": {"x": ${'[\n'.repeat(10)}1${']'.repeat(10)}}}\n]`;
    const result = parseImportFile('deep.json', utf8(pretty), [], [], { limits: policy({ jsonDepth: 8 }) });
    expect(result.documents).toEqual([]);
    expect(reasons(result)).toEqual([expect.stringMatching(/^deep\.json:8: JSON nesting deeper than 8 levels/)]);
    // The same file is read with the limit raised.
    expect(parseImportFile('deep.json', utf8(pretty), [], [], { limits: policy({ jsonDepth: 20 }) }).documents).toHaveLength(1);
  });

  it('refuses a deep line read a line at a time (the CLI) with the same words', () => {
    const reader = createJsonLineReader('deep.jsonl', [], [], { limits: policy({}) });
    expect(reader.readLine(utf8(`{"text": "x", "meta": ${deep}}`), 7).issues).toEqual([
      { file: 'deep.jsonl', line: 7, reason: expect.stringContaining('JSON nesting deeper than 100 levels') },
    ]);
  });

  it('refuses a project bundle whose header is nested too deep', () => {
    const { header, result } = parseProjectBundle('p.spanwright', utf8(`{"format": "spanwright-project", "x": ${deep}}\n`));
    expect(header).toBeNull();
    expect(reasons(result)).toEqual([expect.stringContaining('p.spanwright:1: JSON nesting deeper than 100 levels')]);
  });
});

describe('spans per document', () => {
  const withSpans = (n: number) => JSON.stringify({ text: 'ab', label: Array.from({ length: n }, () => [0, 1, 'PER']) });

  it('refuses a document with more spans than the limit, naming its line and count', () => {
    const text = `${withSpans(3)}\n${withSpans(5)}\n`;
    const result = parseImportFile('many.jsonl', utf8(text), [], [], { limits: policy({ spansPerDocument: 4 }) });
    expect(result.documents.map((d) => d.line)).toEqual([1]);
    expect(reasons(result)).toEqual([
      'many.jsonl:2: “many #2”: the document has 5 spans, more than the limit of 4 per document; to read it anyway, raise it with --max-spans',
    ]);
  });

  it('holds a JSON array, a stream and brat to it too', () => {
    const array = parseImportFile('many.json', utf8(`[${withSpans(5)}, ${withSpans(1)}]`), [], [], {
      limits: policy({ spansPerDocument: 4 }),
    });
    expect(array.issues).toEqual([expect.objectContaining({ line: 1, lineKind: 'item' })]);
    const reader = createJsonLineReader('many.jsonl', [], [], { limits: policy({ spansPerDocument: 4 }) });
    const read = reader.readLine(utf8(withSpans(5)), 3);
    expect(read.documents).toEqual([]);
    expect(read.issues[0]?.reason).toContain('5 spans');
    const ann = Array.from({ length: 5 }, (_, i) => `T${i + 1}\tPER 0 1\ta`).join('\n');
    const brat = parseBratFiles(
      [
        { name: 'a.txt', bytes: utf8('ab') },
        { name: 'a.ann', bytes: utf8(ann) },
      ],
      [],
      {
        limits: policy({ spansPerDocument: 4 }),
      },
    );
    expect(brat.documents).toEqual([]);
    expect(reasons(brat)[0]).toContain('5 spans, more than the limit of 4');
  });
});

describe('file size', () => {
  it('refuses a file larger than the limit before reading it', () => {
    const result = parseImportFile('big.jsonl', utf8('{"text": "a"}\n'.repeat(100)), [], [], { limits: policy({ fileBytes: 1_000 }) });
    expect(result.documents).toEqual([]);
    expect(reasons(result)).toEqual([
      'big.jsonl: the file is 1.4 KB, larger than the limit of 1 KB per file; to read it anyway, raise it with --max-file-size',
    ]);
    const brat = parseBratFiles([{ name: 'big.zip', bytes: new Uint8Array(2_000) }], [], { limits: policy({ fileBytes: 1_000 }) });
    expect(reasons(brat)[0]).toContain('big.zip: the file is 2 KB, larger than the limit of 1 KB');
    const bundle = parseProjectBundle('big.spanwright', new Uint8Array(2_000), policy({ fileBytes: 1_000 }));
    expect(reasons(bundle.result)[0]).toContain('big.spanwright: the file is 2 KB');
  });
});
