// The command line's parts in-process: argument parsing, document matching, annotator names, dispatch.
import { describe, expect, it } from 'vitest';
import { annotatorNames, parseAgreeArguments } from '../../src-cli/agree';
import { matchDocuments } from '../../src-cli/document-matching';
import { main } from '../../src-cli/main';
import type { CliOutput } from '../../src-cli/output';
import type { ImportFormat, ParsedDocument } from '../../src-shared/formats/import-result';

function parsed(text: string, id?: string, line = 1, format: ImportFormat = 'doccano', annotators: string[] = []): ParsedDocument {
  const draft: ParsedDocument['draft'] = { text, meta: { title: `doc #${line}` }, spans: annotators.map((annotator) => ({ label: 'X', start: 0, end: 1, annotator })) };
  if (id !== undefined) draft.id = id;
  return { file: 'f.jsonl', line, format, draft };
}

function capture(): CliOutput & { out: string; err: string } {
  const sink = { out: '', err: '', stdout: (text: string) => void (sink.out += text), stderr: (text: string) => void (sink.err += text) };
  return sink;
}

describe('parseAgreeArguments', () => {
  it('reads files, format and layer in any order; -- ends the options', () => {
    expect(parseAgreeArguments(['a.jsonl', '--layer', 'claim', 'b.jsonl', '--csv'])).toEqual({ ok: true, value: { files: ['a.jsonl', 'b.jsonl'], format: 'csv', layer: 'claim', scope: 'done', listDocuments: false } });
    expect(parseAgreeArguments(['--json', '--', '--odd.jsonl', 'b.jsonl'])).toEqual({ ok: true, value: { files: ['--odd.jsonl', 'b.jsonl'], format: 'json', scope: 'done', listDocuments: false } });
    expect(parseAgreeArguments(['a', 'b', '-h'])).toEqual({ ok: false, help: true });
  });
});

describe('matchDocuments', () => {
  it('matches by id first, then by text, and keeps the first file order', () => {
    const match = matchDocuments([
      { path: 'a.jsonl', documents: [parsed('one', '1', 1), parsed('two', undefined, 2), parsed('three', '3', 3)] },
      { path: 'b.jsonl', documents: [parsed('three', '3', 1), parsed('two', '22', 2), parsed('one', '1', 3)] },
    ]);
    expect(match.errors).toEqual([]);
    expect(match.warnings).toEqual([]);
    expect(match.documents.map((document) => [document.id, document.text])).toEqual([
      ['1', 'one'],
      ['22', 'two'], // no id in the first file: the other file's id names it
      ['3', 'three'],
    ]);
  });

  it('names documents without any id by their text hash, uniquely', () => {
    const match = matchDocuments([
      { path: 'a.jsonl', documents: [parsed('same'), parsed('same', undefined, 2)] },
      { path: 'b.jsonl', documents: [parsed('same'), parsed('same', undefined, 2)] },
    ]);
    const ids = match.documents.map((document) => document.id);
    expect(ids[0]).toMatch(/^text:[0-9a-f]{12}$/);
    expect(ids[1]).toBe(`${ids[0]}#2`);
  });

  it('reports a shared id with different text as an error and repeated ids as a warning', () => {
    const match = matchDocuments([
      { path: 'a.jsonl', documents: [parsed('one', '1'), parsed('again', '1', 2)] },
      { path: 'b.jsonl', documents: [parsed('uno', '1')] },
    ]);
    expect(match.errors).toEqual(['document "1" has different text in a.jsonl and b.jsonl']);
    expect(match.warnings).toEqual(['a.jsonl:2: document "1" appears again in this file; only the first is used']);
    expect(match.documents).toEqual([]);
  });
});

describe('annotatorNames', () => {
  it('uses the one annotator of a Spanwright file, else the file name', () => {
    const names = annotatorNames([
      { path: 'x/alice.jsonl', documents: [parsed('t', '1', 1, 'spanwright', ['ann-42'])] },
      { path: 'x/two-people.jsonl', documents: [parsed('t', '1', 1, 'spanwright', ['p', 'q'])] },
      { path: 'bob.json', documents: [parsed('t', '1', 1, 'doccano')] },
    ]);
    expect(names).toEqual({ names: ['ann-42', 'two-people', 'bob'], notes: [] });
  });

  it("prefers the name the Spanwright file's annotators list gives the id", () => {
    const document = parsed('t', '1', 1, 'spanwright', ['b1d2']);
    document.draft.annotators = [{ id: 'b1d2', name: 'Ana' }];
    expect(annotatorNames([{ path: 'export.jsonl', documents: [document] }]).names).toEqual(['Ana']);
  });
});

describe('main', () => {
  it('dispatches, and answers --help and unknown commands', async () => {
    const help = capture();
    expect(await main(['--help'], help)).toBe(0);
    expect(help.out).toContain('agree');
    const unknown = capture();
    expect(await main(['nope'], unknown)).toBe(2);
    expect(unknown.err).toContain('unknown command "nope"');
    const agree = capture();
    expect(await main(['agree'], agree)).toBe(2);
    expect(agree.err).toContain('at least two files');
  });
});
