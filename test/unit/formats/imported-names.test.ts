import { describe, expect, it } from 'vitest';
import { annotatorNameProblem } from '../../../src-shared/annotator-names';
import type { DocumentDraft } from '../../../src-shared/domain';
import { parseBratFiles } from '../../../src-shared/formats/brat';
import { createJsonLineReader, formatImportIssue, parseImportFile } from '../../../src-shared/formats/import';
import { importedNamesProblem, withAcceptableNames } from '../../../src-shared/formats/imported-names';
import { refuses, type ParsedDocument } from '../../../src-shared/formats/import-result';
import { nameProblem } from '../../../src-shared/schema-rules';

const draft = (extra: Partial<DocumentDraft> = {}): DocumentDraft => ({
  text: 'Ana Ruiz spoke.',
  meta: { title: 'News 1' },
  spans: [{ label: 'PERSON', start: 0, end: 8 }],
  ...extra,
});
const parsed = (d: DocumentDraft, line: number): ParsedDocument => ({ file: 'news.jsonl', line, format: 'spanwright', draft: d });
const LONE = '\uD800';

describe('typed names refuse control and broken characters', () => {
  it('a label, relation type or value cannot hold a lone surrogate or a control character', () => {
    expect(nameProblem(`PER${LONE}`, 'label')).toBe(
      'A label name is refused: a name cannot hold a broken character (U+D800, half of a surrogate pair).',
    );
    expect(nameProblem('PER\u0007', 'relation type')).toBe(
      'A relation type name is refused: a name cannot hold control characters (U+0007).',
    );
    expect(nameProblem('Café 🚋', 'label')).toBeNull();
  });

  it('an annotator name is 1 to 80 characters, without markup or broken characters', () => {
    expect(annotatorNameProblem('  Ana Ruiz ')).toBeNull();
    expect(annotatorNameProblem('فاطمة')).toBeNull();
    expect(annotatorNameProblem(' ')).toBe('An annotator needs a name.');
    expect(annotatorNameProblem('x'.repeat(81))).toBe('An annotator’s name can be at most 80 characters.');
    expect(annotatorNameProblem('<img src=x onerror=alert(1)>')).toBe('An annotator’s name cannot hold < or >.');
    expect(annotatorNameProblem(`Ana${LONE}`)).toMatch(/broken character \(U\+D800/u);
  });
});

describe('imported names pass the typed rules', () => {
  it('refuses a document whose label is markup, naming the file, line, document and reason', () => {
    const bad = draft({ spans: [{ label: '<img src=x onerror=alert(1)>', start: 0, end: 8 }] });
    const { documents, issues } = withAcceptableNames([parsed(draft(), 1), parsed(bad, 2)]);
    expect(documents.map((d) => d.line)).toEqual([1]);
    expect(issues).toEqual([
      {
        file: 'news.jsonl',
        line: 2,
        lineKind: 'line',
        reason:
          '“News 1”: the label "<img src=x onerror=alert(1)>" is not a name Spanwright accepts (A label name needs 1 to 48 characters, without quotes, backslashes or < >.)',
      },
    ]);
  });

  it('refuses lone surrogates and markup in relation types, categories, values and annotators', () => {
    expect(importedNamesProblem(draft({ relations: [{ type: `cites${LONE}`, from: 0, to: 0 }] }))).toMatch(
      /the relation type ".*" is not a name Spanwright accepts \(A relation type name is refused/u,
    );
    expect(importedNamesProblem(draft({ documentAnnotations: [{ labels: { 'topic<': ['economy'] }, note: '' }] }))).toMatch(
      /the document category "topic<"/u,
    );
    expect(importedNamesProblem(draft({ documentAnnotations: [{ labels: { topic: ['eco"nomy'] }, note: '' }] }))).toMatch(
      /the value of topic "eco\\"nomy"/u,
    );
    expect(importedNamesProblem(draft({ annotators: [{ id: 'a1', name: '<b>Rita</b>' }] }))).toMatch(
      /the annotator "<b>Rita<\/b>" is not a name Spanwright accepts \(An annotator’s name cannot hold < or >/u,
    );
    expect(importedNamesProblem(draft({ spans: [{ label: 'PERSON', start: 0, end: 8, annotator: `r${LONE}` }] }))).toMatch(
      /the annotator id/u,
    );
    expect(importedNamesProblem(draft({ statuses: { '<svg onload=x>': 'done' } }))).toMatch(/the annotator id "<svg onload=x>"/u);
  });

  it('names each bad name once, however often it is used', () => {
    const spans = [0, 1, 2].map(() => ({ label: 'a"b', start: 0, end: 3 }));
    expect(importedNamesProblem(draft({ spans }))?.match(/a\\"b/gu)).toHaveLength(1);
  });

  it('accepts names of every script, prototype-key names, no annotator name, and names the project has already', () => {
    expect(
      importedNamesProblem(
        draft({
          spans: [
            { label: '人物', start: 0, end: 3 },
            { label: 'constructor', start: 0, end: 3 },
          ],
        }),
      ),
    ).toBeNull();
    expect(importedNamesProblem(draft({ annotators: [{ id: 'a1', name: '' }] }))).toBeNull();
    const old = draft({
      spans: [{ label: "Author's claim", start: 0, end: 3 }],
      documentAnnotations: [{ labels: { 'Q"A': ['ok"'] }, note: '' }],
    });
    expect(importedNamesProblem(old)).not.toBeNull();
    expect(importedNamesProblem(old, { labels: ["Author's claim"], categories: [{ name: 'Q"A', values: [{ name: 'ok"' }] }] })).toBeNull();
  });
});

describe('every import path applies the name rules', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  const line = (label: string) => JSON.stringify({ text: 'Ana Ruiz spoke.', spans: [{ start: 0, end: 8, label }] });

  it('a JSONL line with a markup label is refused at its line; the others import, and the label is not offered', () => {
    const result = parseImportFile(
      'news.jsonl',
      encode([line('PERSON'), line('<img src=x onerror=alert(1)>'), line('PLACE')].join('\n')),
      [],
    );
    expect(result.documents.map((d) => d.line)).toEqual([1, 3]);
    expect(result.issues.filter(refuses).map((issue) => formatImportIssue(issue))).toEqual([
      'news.jsonl, line 2: the label "<img src=x onerror=alert(1)>" is not a name Spanwright accepts (A label name needs 1 to 48 characters, without quotes, backslashes or < >.)',
    ]);
    expect(result.unknownLabels.map((l) => l.name).sort()).toEqual(['PERSON', 'PLACE']);
  });

  it('the streamed reader (the CLI) refuses the same line', () => {
    const reader = createJsonLineReader('news.jsonl', []);
    expect(reader.readLine(encode(line('PERSON')), 1).documents).toHaveLength(1);
    const bad = reader.readLine(encode(line(`PER${LONE}`)), 2);
    expect(bad.documents).toHaveLength(0);
    expect(bad.issues.map((issue) => formatImportIssue(issue))).toEqual([
      expect.stringMatching(
        /^news\.jsonl, line 2: the label ".*" is not a name Spanwright accepts \(A label name is refused: a name cannot hold a broken character \(U\+D800/u,
      ),
    ]);
  });

  it('a label the project has already is accepted, whatever rule made it', () => {
    const result = parseImportFile('old.jsonl', encode(line("Author's claim")), [
      { name: "Author's claim", layer: 'claim', color: '#aabbcc', hotkey: '' },
    ]);
    expect(result.documents).toHaveLength(1);
    expect(result.issues.filter(refuses)).toEqual([]);
  });

  it('a CoNLL sentence with a markup tag is refused at its line, and the tag not offered', () => {
    const conll = ['Ana B-PER', 'spoke O', '', 'Bob B-<b>', 'left O', ''].join('\n');
    const result = parseImportFile('tags.conll', encode(conll), []);
    expect(result.documents).toHaveLength(1);
    expect(result.issues.filter(refuses).map((issue) => formatImportIssue(issue))).toEqual([
      expect.stringMatching(/^tags\.conll, line \d+: .*the label "<b>" is not a name Spanwright accepts/u),
    ]);
    expect(result.unknownLabels.map((l) => l.name)).toEqual(['PER']);
  });

  it('a brat document with a markup type is refused, naming the file', () => {
    const result = parseBratFiles(
      [
        { name: 'a.txt', bytes: encode('Ana Ruiz spoke.') },
        { name: 'a.ann', bytes: encode('T1\t<svg/onload=x> 0 8\tAna Ruiz\n') },
      ],
      [],
    );
    expect(result.documents).toHaveLength(0);
    expect(result.issues.filter(refuses).map((issue) => issue.reason)).toContainEqual(
      expect.stringMatching(/the label "<svg\/onload=x>" is not a name Spanwright accepts/u),
    );
    expect(result.unknownLabels).toEqual([]);
  });
});
