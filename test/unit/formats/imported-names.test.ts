import { describe, expect, it } from 'vitest';
import { annotatorNameProblem } from '../../../src-shared/annotator-names';
import type { DocumentDraft } from '../../../src-shared/domain';
import { importedNamesProblem, withAcceptableNames } from '../../../src-shared/formats/imported-names';
import type { ParsedDocument } from '../../../src-shared/formats/import-result';
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
          '“News 1”: refused, it names what Spanwright does not accept as a name: the label "<img src=x onerror=alert(1)>": A label name needs 1 to 48 characters, without quotes, backslashes or < >.',
      },
    ]);
  });

  it('refuses lone surrogates and markup in relation types, categories, values and annotators', () => {
    expect(importedNamesProblem(draft({ relations: [{ type: `cites${LONE}`, from: 0, to: 0 }] }))).toMatch(
      /the relation type ".*": A relation type name is refused/u,
    );
    expect(importedNamesProblem(draft({ documentAnnotations: [{ labels: { 'topic<': ['economy'] }, note: '' }] }))).toMatch(
      /the document category "topic<"/u,
    );
    expect(importedNamesProblem(draft({ documentAnnotations: [{ labels: { topic: ['eco"nomy'] }, note: '' }] }))).toMatch(
      /the value of topic "eco\\"nomy"/u,
    );
    expect(importedNamesProblem(draft({ annotators: [{ id: 'a1', name: '<b>Rita</b>' }] }))).toMatch(
      /the annotator "<b>Rita<\/b>": An annotator’s name cannot hold < or >/u,
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
