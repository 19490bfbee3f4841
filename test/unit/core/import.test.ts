import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Label } from '../../../src-shared/domain';
import { decodeTextFile } from '../../../src-shared/formats/decode';
import { createJsonLineReader, formatImportIssue, parseImportFile } from '../../../src-shared/formats/import';
import { isGraphemeBoundary } from '../../../src-shared/segmentation';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const jsonl = (...lines: unknown[]): Uint8Array => utf8(lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n'));
const LABELS: Label[] = [
  { name: 'PER', layer: 'entity', color: '#ff0000', hotkey: 'p' },
  { name: 'Claim', layer: 'claim', color: '#00ff00', hotkey: 'c' },
];

/** The single issue reason of a one-line file. */
function reasonOf(line: unknown, labels: readonly Label[] = LABELS): string {
  const result = parseImportFile('bad.jsonl', jsonl(line), labels);
  expect(result.documents).toEqual([]);
  expect(result.issues[0]?.line).toBe(1);
  return result.issues[0]?.reason ?? '';
}

describe('decodeTextFile', () => {
  it('strips one UTF-8 BOM and keeps everything else exactly', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a\r\n\ufeffb\t')]);
    expect(decodeTextFile(bytes)).toEqual({ ok: true, text: 'a\r\n\ufeffb\t' });
  });

  it('rejects empty, binary, UTF-16 and non-UTF-8 files with a reason', () => {
    expect(decodeTextFile(new Uint8Array())).toEqual({ ok: false, reason: 'file is empty' });
    expect(decodeTextFile(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({ ok: false, reason: 'file is empty' });
    expect(decodeTextFile(new Uint8Array([0x61, 0x0a, 0x00, 0x01]))).toEqual({
      ok: false,
      reason: 'looks like a binary file (it contains a NUL byte at byte 3)',
      line: 2,
    });
    const utf16 = decodeTextFile(new Uint8Array([0xff, 0xfe, 0x61, 0x00]));
    expect(utf16.ok).toBe(false);
    expect(!utf16.ok && utf16.reason).toMatch(/^file is UTF-16 text, not UTF-8: re-save the file as UTF-8/);
    const latin1 = decodeTextFile(new Uint8Array([...utf8('first\nsecond '), 0xe9, ...utf8('t\xe9\n')]));
    expect(latin1).toEqual({
      ok: false,
      reason:
        'not valid UTF-8: invalid byte 0xE9 at line 2, byte 14 of the file (the file may be in another encoding such as ' +
        'Windows-1252 or Latin-1); re-save the file as UTF-8 (in most editors: "Save as..." with encoding "UTF-8")',
      line: 2,
    });
  });

  it('finds overlong and surrogate encodings', () => {
    const overlong = decodeTextFile(new Uint8Array([0x61, 0xc0, 0xaf]));
    expect(!overlong.ok && overlong.reason).toMatch(/^not valid UTF-8: invalid byte 0xC0 at line 1, byte 2 /);
    const surrogate = decodeTextFile(new Uint8Array([0x0a, 0x0a, 0xed, 0xa0, 0x80]));
    expect(!surrogate.ok && surrogate.reason).toMatch(/^not valid UTF-8: invalid byte 0xED at line 3, byte 3 /);
    const truncated = decodeTextFile(new Uint8Array([0x61, 0xf0, 0x9f, 0x98]));
    expect(!truncated.ok && truncated.reason).toMatch(/^not valid UTF-8: invalid byte 0xF0 at line 1, byte 2 /);
  });
});

describe('parseImportFile: plain text', () => {
  it('imports a .txt file as one document, exactly as stored, titled by its name', () => {
    const text = 'Headline 😀\r\n\r\nBody with\ttab, e\u0301, 中文, שלום, \u200b.\n';
    const result = parseImportFile('C:\\news\\2024\\story.v2.TXT', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), LABELS);
    expect(result).toEqual({
      file: 'story.v2.TXT',
      documents: [{ file: 'story.v2.TXT', format: 'text', draft: { text, meta: { title: 'story.v2' }, spans: [] } }],
      issues: [],
      unknownLabels: [],
    });
  });

  it('reports decode problems and blank files without a line number (or with the bad line)', () => {
    expect(parseImportFile('a.txt', new Uint8Array(), []).issues).toEqual([{ file: 'a.txt', reason: 'file is empty' }]);
    expect(parseImportFile('a.txt', utf8(' \r\n\t'), []).issues).toEqual([{ file: 'a.txt', reason: 'file contains only white space' }]);
    expect(parseImportFile('a.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]), []).issues).toEqual([
      { file: 'a.txt', line: 1, reason: 'looks like a binary file (it contains a NUL byte at byte 5)' },
    ]);
    expect(parseImportFile('a.jsonl', new Uint8Array([0x7b, 0x0a, 0xff]), []).issues[0]?.line).toBe(2);
  });

  it('rejects unsupported file types', () => {
    expect(parseImportFile('data.csv', utf8('a,b'), []).issues).toEqual([
      { file: 'data.csv', reason: 'unsupported file type ".csv": import .txt, .jsonl, .json or CoNLL (.conll) files' },
    ]);
  });
});

describe('parseImportFile: JSONL and JSON', () => {
  it('reads one object per line, skipping blank lines, with CRLF and 1-based lines', () => {
    const bytes = utf8('{"text":"one"}\r\n\r\n  \r\n{"text":"two","id":7}\r\n');
    const result = parseImportFile('batch.jsonl', bytes, []);
    expect(result.issues).toEqual([]);
    expect(result.documents).toEqual([
      { file: 'batch.jsonl', line: 1, format: 'jsonl', draft: { text: 'one', meta: { title: 'batch #1' }, spans: [] } },
      { file: 'batch.jsonl', line: 4, format: 'jsonl', draft: { id: '7', text: 'two', meta: { title: 'batch #4' }, spans: [] } },
    ]);
  });

  it('reads a JSON array as items, a single object, or falls back to JSONL', () => {
    const array = parseImportFile('set.json', utf8('[{"text":"a"}, 5, {"text":"b"}]'), []);
    expect(array.documents.map((d) => [d.line, d.draft.meta.title])).toEqual([
      [1, 'set #1'],
      [3, 'set #3'],
    ]);
    expect(array.issues).toEqual([{ file: 'set.json', line: 2, lineKind: 'item', reason: 'not a JSON object (found a number)' }]);
    expect(formatImportIssue(array.issues[0] ?? { file: '', reason: '' })).toBe('set.json, item 2: not a JSON object (found a number)');

    const single = parseImportFile('one.json', utf8('{\n  "text": "solo",\n  "title": "Solo"\n}'), []);
    expect(single.documents).toEqual([{ file: 'one.json', format: 'jsonl', draft: { text: 'solo', meta: { title: 'Solo' }, spans: [] } }]);

    const lines = parseImportFile('lines.json', utf8('{"text":"a"}\n{"text":"b"}'), []);
    expect(lines.documents.map((d) => [d.line, d.draft.text])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('maps id, title, meta and unknown keys', () => {
    const result = parseImportFile(
      'm.jsonl',
      jsonl({
        id: 'doc-1',
        text: 'Body',
        title: 'Top title',
        meta: { source: 'Wire', url: 'https://example.org/a', date: '2024-05-01', language: 'id', desk: 'politics', title: 'Meta title' },
        section: 'world',
        stars: 4,
        source: 'ignored: meta wins',
      }),
      [],
    );
    expect(result.documents[0]?.draft).toEqual({
      id: 'doc-1',
      text: 'Body',
      meta: {
        title: 'Meta title',
        source: 'Wire',
        url: 'https://example.org/a',
        date: '2024-05-01',
        language: 'id',
        extra: { desk: 'politics', section: 'world', stars: 4 },
      },
      spans: [],
    });
  });

  it('keeps a __proto__ key as plain metadata', () => {
    const result = parseImportFile('p.jsonl', utf8('{"text":"x","__proto__":{"polluted":true}}'), []);
    const extra = result.documents[0]?.draft.meta.extra ?? {};
    expect(Object.keys(extra)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('parseImportFile: spans', () => {
  it('doccano: code-point offsets become UTF-16 after an emoji', () => {
    const text = '😀 Obama met 👩‍👩‍👧 Merkel.';
    // Python: text[2:7] == 'Obama', text[18:24] == 'Merkel'
    expect([...text].slice(2, 7).join('')).toBe('Obama');
    expect([...text].slice(18, 24).join('')).toBe('Merkel');
    const result = parseImportFile('d.jsonl', jsonl({ id: 3, text, label: [[2, 7, 'PER'], [18, 24, 'PER']] }), LABELS);
    expect(result.issues).toEqual([]);
    expect(result.documents[0]?.format).toBe('doccano');
    expect(result.documents[0]?.draft.spans).toEqual([
      { layer: 'entity', label: 'PER', start: 3, end: 8, origin: 'imported' },
      { layer: 'entity', label: 'PER', start: 22, end: 28, origin: 'imported' },
    ]);
    expect(text.slice(22, 28)).toBe('Merkel');
  });

  it('doccano: "labels" key and "entities" objects', () => {
    const text = 'é Jakarta and Bandung';
    const result = parseImportFile(
      'd.jsonl',
      jsonl({ text, labels: [[2, 9, 'LOC']] }, { text, entities: [{ id: 1, start_offset: 14, end_offset: 21, label: 'LOC' }] }),
      [],
    );
    expect(result.issues).toEqual([]);
    expect(result.documents.map((d) => d.draft.spans)).toEqual([
      [{ layer: 'entity', label: 'LOC', start: 2, end: 9, origin: 'imported' }],
      [{ layer: 'entity', label: 'LOC', start: 14, end: 21, origin: 'imported' }],
    ]);
    expect(result.unknownLabels).toEqual([{ name: 'LOC', layer: 'entity', count: 2 }]);
  });

  it('spaCy/Prodigy: spans after an emoji and CJK, extra keys kept in meta.extra', () => {
    const text = '🇫🇷 中文 Paris';
    const result = parseImportFile(
      's.jsonl',
      jsonl({ text, spans: [{ start: 6, end: 11, label: 'LOC', text: 'Paris', token_start: 2, token_end: 2 }], _input_hash: 12, answer: 'accept', meta: { id: 'p1' } }),
      LABELS,
    );
    expect(result.issues).toEqual([]);
    expect(result.documents[0]).toEqual({
      file: 's.jsonl',
      line: 1,
      format: 'spacy',
      draft: {
        id: 'p1',
        text,
        meta: { title: 's #1', extra: { _input_hash: 12, answer: 'accept' } },
        spans: [{ layer: 'entity', label: 'LOC', start: 8, end: 13, origin: 'imported' }],
      },
    });
  });

  it('a plain-string label or a list of strings is a doccano document class, read as document labels', () => {
    const result = parseImportFile('c.jsonl', jsonl({ text: 'Great game', label: 'POSITIVE' }, { text: 'Bad', label: ['NEG', 'SPORT'] }), []);
    expect(result.issues).toEqual([]);
    expect(result.documents.map((d) => [d.format, d.draft.meta.extra, d.draft.spans, d.draft.documentAnnotations])).toEqual([
      ['doccano', undefined, [], [{ labels: { class: ['POSITIVE'] }, note: '' }]],
      ['doccano', undefined, [], [{ labels: { class: ['NEG', 'SPORT'] }, note: '' }]],
    ]);
  });

  it('Spanwright native lines: utf16 or codepoint offsets, status, layers, annotators, attributes, origin', () => {
    const text = 'He said 😀 taxes rose.';
    const native = {
      format: 'spanwright',
      format_version: 1,
      offset_unit: 'utf16',
      id: 'n1',
      text,
      meta: { title: 'Native', source: 'Desk' },
      status: 'done',
      spans: [
        { id: 's1', layer: 'claim', label: 'CHECKWORTHY', start: 11, end: 21, text: 'taxes rose', annotator: 'ana', attributes: { confidence: 0.9, verified: false, note: 'x' }, origin: 'teammate' },
      ],
    };
    const result = parseImportFile('n.jsonl', jsonl(native, { ...native, offset_unit: 'codepoint', spans: [{ ...native.spans[0], start: 10, end: 20 }] }), []);
    expect(result.issues).toEqual([]);
    const expected = {
      id: 'n1',
      text,
      meta: { title: 'Native', source: 'Desk' },
      status: 'done',
      spans: [{ layer: 'claim', label: 'CHECKWORTHY', start: 11, end: 21, sourceId: 's1', annotator: 'ana', attributes: { confidence: 0.9, verified: false, note: 'x' }, origin: 'teammate' }],
    };
    expect(result.documents.map((d) => [d.format, d.draft])).toEqual([
      ['spanwright', expected],
      ['spanwright', expected],
    ]);
    expect(result.unknownLabels).toEqual([{ name: 'CHECKWORTHY', layer: 'claim', count: 2 }]);
  });

  it('chooses label layers: known labels, then a native layer, then CLAIM by name', () => {
    const text = 'Ana says prices fell';
    const result = parseImportFile(
      'l.jsonl',
      jsonl(
        { text, label: [[0, 3, 'PER'], [9, 20, 'claim'], [9, 20, 'Claim'], [0, 3, 'ORG']] },
        { format: 'spanwright', text, spans: [{ layer: 'claim', label: 'PER', start: 0, end: 3 }, { layer: 'bogus', label: 'X', start: 0, end: 3 }, { layer: 'claim', label: 'Y', start: 0, end: 3 }] },
      ),
      LABELS,
    );
    expect(result.issues).toEqual([]);
    expect(result.documents.map((d) => d.draft.spans.map((s) => `${s.label}:${s.layer}`))).toEqual([
      ['PER:entity', 'claim:claim', 'Claim:claim', 'ORG:entity'],
      ['PER:entity', 'X:entity', 'Y:claim'],
    ]);
    expect(result.unknownLabels).toEqual([
      { name: 'claim', layer: 'claim', count: 1 },
      { name: 'ORG', layer: 'entity', count: 1 },
      { name: 'X', layer: 'entity', count: 1 },
      { name: 'Y', layer: 'claim', count: 1 },
    ]);
  });
});

describe('parseImportFile: rejected lines', () => {
  it('names the line and the reason, and keeps the good lines', () => {
    const result = parseImportFile('mixed.jsonl', utf8('{"text":"good"}\n{"text": oops}\n\n{"text":"a b c d e f g h i j k l m n","label":[[0,1,"A"],[12,9,"B"]]}\n{"text":"fine"}'), []);
    expect(result.documents.map((d) => d.line)).toEqual([1, 5]);
    expect(result.issues.map((i) => i.line)).toEqual([2, 4]);
    expect(result.issues[0]?.reason).toMatch(/^invalid JSON: .+/);
    expect(result.issues[0]?.reason).toContain('JSON');
    expect(formatImportIssue(result.issues[1] ?? { file: '', reason: '' })).toBe('mixed.jsonl, line 4: span 2 [12, 9) has end before start');
    // Spans of rejected lines are not counted.
    expect(result.unknownLabels).toEqual([]);
  });

  it('each bad input has a precise reason', () => {
    expect(reasonOf('[1,2]')).toBe('not a JSON object (found an array)');
    expect(reasonOf('null')).toBe('not a JSON object (found null)');
    expect(reasonOf({ id: 1 })).toBe('missing "text" field');
    expect(reasonOf({ text: 42 })).toBe('"text" must be a string (found a number)');
    expect(reasonOf({ text: '' })).toBe('"text" is empty');
    expect(reasonOf({ text: ' \n' })).toBe('"text" contains only white space');
    expect(reasonOf('{"text":"ab\\ud800c"}')).toBe('"text" contains an unpaired surrogate (an invalid \\u escape) at code point 2');
    expect(reasonOf({ text: 'a', id: true })).toBe('"id" must be a string or a number (found a boolean)');
    expect(reasonOf({ text: 'a', id: '' })).toBe('"id" is empty');
    expect(reasonOf({ text: 'a', meta: 'x' })).toBe('"meta" must be an object (found a string)');
    expect(reasonOf({ text: 'a', spans: {} })).toBe('"spans" must be an array (found an object)');
    expect(reasonOf({ text: 'abc', label: [[0, 1]] })).toBe('span 1 is malformed: expected [start, end, "LABEL"]');
    expect(reasonOf({ text: 'abc', spans: [{ start: 0, end: 1 }] })).toBe('span 1 is malformed: expected an object with "start", "end" and "label"');
    expect(reasonOf({ text: 'abc', entities: [{ start_offset: 0 }] })).toBe(
      'span 1 is malformed: expected {"start_offset": ..., "end_offset": ..., "label": "LABEL"}',
    );
    expect(reasonOf({ text: 'abc', label: [[0, 1, '']] })).toBe('span 1 has no label (expected a non-empty string, found a string)');
    // A number is a label id (doccano 1.0), named by the label list the import is given.
    expect(reasonOf({ text: 'abc', label: [[0, 1, 5]] })).toBe(
      "span 1 label 5 is a label id: give the label list (spanwright --labels labels.json, or the import's label list)",
    );
    expect(reasonOf({ text: 'abc', label: [[0, 1.5, 'A']] })).toBe('span 1 offsets are not integers: [0, 1.5)');
    expect(reasonOf({ text: 'abc', label: [['0', 1, 'A']] })).toBe('span 1 offsets are not integers: ["0", 1)');
    // [1, 4) would fit as UTF-16 code units, and is read so now (conformance/offset-units.test.ts): out of range in both units.
    expect(reasonOf({ text: 'a😀c', label: [[1, 5, 'A']] })).toBe('span 1 [1, 5) is out of range: the text is 3 code points long');
    expect(reasonOf({ text: 'abc', label: [[-1, 2, 'A']] })).toBe('span 1 [-1, 2) is out of range: the text is 3 code points long');
    expect(reasonOf({ text: 'abc', label: [[2, 1, 'A']] })).toBe('span 1 [2, 1) has end before start');
    expect(reasonOf({ text: 'abc', label: [[1, 1, 'A']] })).toBe('span 1 [1, 1) is empty (end equals start)');
    expect(reasonOf({ text: 'cafe\u0301 ok', label: [[0, 4, 'A']] })).toBe(
      'span 1 [0, 4) splits a grapheme cluster at 4 (it cuts a combining mark, emoji sequence or similar off its base character)',
    );
    expect(reasonOf({ text: 'x 👩‍👩‍👧 y', spans: [{ start: 2, end: 3, label: 'A' }] })).toBe(
      'span 1 [2, 3) splits a grapheme cluster at 3 (it cuts a combining mark, emoji sequence or similar off its base character)',
    );
    expect(reasonOf({ format: 'spanwright', offset_unit: 'utf16', text: 'a😀', spans: [{ start: 1, end: 2, label: 'A' }] })).toBe(
      'span 1 [1, 2) splits a character (a UTF-16 surrogate pair) at 2',
    );
    expect(reasonOf({ format: 'spanwright', text: 'Hello world', spans: [{ start: 0, end: 5, label: 'A', text: 'Help' }] })).toBe(
      'span 1 [0, 5) text "Help" does not match the text at its offsets "Hello"',
    );
    expect(reasonOf({ text: 'Hello', spans: [{ start: 0, end: 5, label: 'A', text: 'hello' }] })).toBe(
      'span 1 [0, 5) text "hello" does not match the text at its offsets "Hello"',
    );
    expect(reasonOf({ format: 'spanwright', text: 'a', status: 'finished' })).toBe('unknown status "finished" (expected todo, in_progress, done, skipped)');
    expect(reasonOf({ format: 'spanwright', text: 'a', offset_unit: 'byte' })).toBe('unsupported offset_unit "byte" (expected "codepoint" or "utf16")');
    expect(reasonOf({ format: 'spanwright', text: 'a', format_version: 3 })).toBe('unsupported format_version 3 (this version of Spanwright reads 1 and 2)');
    expect(reasonOf({ format: 'spanwright', text: 'ab', spans: [{ start: 0, end: 1, label: 'A', origin: 'magic' }] })).toBe(
      'span 1 has an unknown origin "magic" (expected manual, imported, suggestion, teammate)',
    );
    expect(reasonOf({ format: 'spanwright', text: 'ab', spans: [{ start: 0, end: 1, label: 'A', attributes: { a: [1] } }] })).toBe(
      'span 1 "attributes" must be an object of string, number, boolean or string-list values',
    );
    expect(reasonOf({ format: 'spanwright', text: 'ab', spans: [{ start: 0, end: 1, label: 'A', id: false }] })).toBe(
      'span 1 "id" must be a non-empty string or a number (found a boolean)',
    );
    expect(reasonOf({ format: 'spanwright', text: 'ab', spans: [{ start: 0, end: 1, label: 'A', annotator: 3 }] })).toBe(
      'span 1 "annotator" must be a string (found a number)',
    );
  });

  it('reports the first problem and how many more, and rejects the whole line', () => {
    expect(reasonOf({ text: 'abc', label: [[0, 1, 'A'], [3, 2, 'B'], [0, 9, 'C'], [0, 1]] })).toBe('span 2 [3, 2) has end before start (and 2 more problems)');
  });

  it('names the span list when a line has more than one', () => {
    expect(reasonOf({ text: 'abc', label: [[0, 1, 'A']], spans: [{ start: 2, end: 1, label: 'B' }] })).toBe('"spans" span 1 [2, 1) has end before start');
  });

  it('reports files with no documents', () => {
    expect(parseImportFile('e.jsonl', utf8('\n \r\n'), []).issues).toEqual([{ file: 'e.jsonl', reason: 'no documents found: the file has no JSON objects' }]);
    expect(parseImportFile('e.json', utf8('[]'), []).issues).toEqual([{ file: 'e.json', reason: 'no documents found: the file has no JSON objects' }]);
    expect(parseImportFile('b.jsonl', utf8('{"text":""}\n{}'), []).issues).toEqual([
      { file: 'b.jsonl', line: 1, lineKind: 'line', reason: '"text" is empty' },
      { file: 'b.jsonl', line: 2, lineKind: 'line', reason: 'missing "text" field' },
      { file: 'b.jsonl', reason: 'no documents imported: every entry has a problem' },
    ]);
  });
});

describe('parseImportFile: never throws', () => {
  function checkResult(name: string, bytes: Uint8Array): void {
    const result = parseImportFile(name, bytes, LABELS);
    expect(result.file).toBe(name);
    for (const issue of result.issues) expect(issue.reason.length).toBeGreaterThan(0);
    for (const { draft } of result.documents) {
      expect(draft.text.length).toBeGreaterThan(0);
      for (const span of draft.spans) {
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeLessThanOrEqual(draft.text.length);
        expect(span.start).toBeLessThan(span.end);
        expect(isGraphemeBoundary(draft.text, span.start)).toBe(true);
        expect(isGraphemeBoundary(draft.text, span.end)).toBe(true);
      }
    }
  }

  it('for arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.constantFrom('f.txt', 'f.jsonl', 'f.json'), fc.uint8Array({ maxLength: 200 }), (name, bytes) => checkResult(name, bytes)),
      { numRuns: 500 },
    );
  });

  it('for arbitrary JSON-shaped lines', () => {
    const spanLike = fc.oneof(
      fc.tuple(fc.integer({ min: -2, max: 12 }), fc.integer({ min: -2, max: 12 }), fc.string({ maxLength: 3 })),
      fc.record({ start: fc.integer({ min: -2, max: 12 }), end: fc.integer({ min: -2, max: 12 }), label: fc.string({ maxLength: 3 }), text: fc.string({ maxLength: 3 }) }, { requiredKeys: [] }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const line = fc.record(
      {
        format: fc.constantFrom('spanwright', 'other'),
        offset_unit: fc.constantFrom('utf16', 'codepoint', 'x'),
        text: fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.jsonValue({ maxDepth: 1 })),
        id: fc.jsonValue({ maxDepth: 1 }),
        meta: fc.jsonValue({ maxDepth: 2 }),
        label: fc.oneof(fc.array(spanLike, { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })),
        spans: fc.oneof(fc.array(spanLike, { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })),
        entities: fc.array(fc.record({ start_offset: fc.integer({ min: -1, max: 12 }), end_offset: fc.integer({ min: -1, max: 12 }), label: fc.string() }), { maxLength: 2 }),
        status: fc.string({ maxLength: 8 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(line.map((value) => JSON.stringify(value)), fc.string({ maxLength: 20 })), { maxLength: 4 }), (lines) => {
        checkResult('f.jsonl', utf8(lines.join('\n')));
        checkResult('f.json', utf8(`[${lines.join(',')}]`));
      }),
      { numRuns: 500 },
    );
  });

  it('for deeply nested JSON', () => {
    checkResult('deep.json', utf8('['.repeat(100_000) + ']'.repeat(100_000)));
    checkResult('deep.jsonl', utf8('{"text":"a","x":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}'));
  });
});

describe('bidirectional control characters in names', () => {
  const RLO = '\u202e';
  const line = {
    format: 'spanwright',
    format_version: 2,
    title: `cod${RLO}exe.doc`,
    text: 'Ana met Bo.',
    annotators: [{ id: 'a1', name: `Ana${RLO}` }],
    spans: [{ start: 0, end: 3, label: `PER\u2067`, annotator: 'a1' }],
  };

  it('imports the document and notes where they are (title, label, annotator)', () => {
    const result = parseImportFile('names.jsonl', jsonl({ text: 'Plain.' }, line), LABELS);
    expect(result.documents.map((d) => d.draft.meta.title)).toEqual(['names #1', `cod${RLO}exe.doc`]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ file: 'names.jsonl', line: 2, severity: 'note' });
    const reason = result.issues[0]?.reason ?? '';
    expect(reason).toContain(`the title ${JSON.stringify(`cod${RLO}exe.doc`)}`);
    expect(reason).toContain(`the label ${JSON.stringify('PER\u2067')}`);
    expect(reason).toContain(`the annotator ${JSON.stringify(`Ana${RLO}`)}`);
    expect(reason).not.toContain('"a1"');
  });

  it('notes them when the file is read a line at a time, as the CLI does', () => {
    const reader = createJsonLineReader('names.jsonl', LABELS);
    const read = reader.readLine(utf8(JSON.stringify(line)), 1);
    expect(read.documents).toHaveLength(1);
    expect(read.issues).toMatchObject([{ line: 1, severity: 'note' }]);
  });

  it('says nothing of names without them', () => {
    expect(parseImportFile('plain.jsonl', jsonl({ ...line, title: 'cod.exe', annotators: [], spans: [] }), LABELS).issues).toEqual([]);
  });
});
