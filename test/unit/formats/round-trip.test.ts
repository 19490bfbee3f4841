// Export -> import -> export gives the same file, for every format Spanwright can read back.
import { describe, expect, it } from 'vitest';
import type { Label } from '../../../src-shared/domain';
import { parseBratFiles } from '../../../src-shared/formats/brat';
import { parseImportFile } from '../../../src-shared/formats/import';
import { FORMATS, type FormatId } from '../../../src-shared/formats/registry';
import { zipFiles } from '../../../src-shared/formats/zip-archive';
import { goldenDocuments } from './fixture';
import { fromDraft, runExport } from './helpers';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const LABELS: Label[] = [
  ...['PER', 'ORG', 'LOC', 'MISC', 'ZW'].map((name) => ({ name, layer: 'entity' as const, color: '#000000', hotkey: '' })),
  { name: 'CLAIM', layer: 'claim', color: '#000000', hotkey: '' },
];

describe('round trip', () => {
  const importable = FORMATS.filter((format) => format.importable).map((format) => format.id);

  it('covers every importable format', () => {
    // CoNLL-2003 is read since column files are (test/unit/formats/conformance/tokens.test.ts),
    // claim detection JSONL since its sentences are joined by doc_id (conformance/claims.test.ts).
    expect(importable).toEqual(['spanwright', 'doccano', 'spacy', 'label-studio', 'brat', 'hf-token', 'conll2003', 'claims']);
  });

  for (const format of importable.filter((id): id is Exclude<FormatId, 'brat'> => id !== 'brat')) {
    it(`${format}: export -> import -> export is identical`, () => {
      const first = runExport(format, goldenDocuments());
      const extension = format === 'label-studio' ? 'json' : format === 'conll2003' ? 'conll' : 'jsonl';
      const imported = parseImportFile(`export.${extension}`, utf8(first.text), LABELS);
      // Claim detection JSONL says once that the text between sentences is not in the file.
      expect(imported.issues.map((i) => i.severity)).toEqual(format === 'claims' ? ['note'] : []);
      expect(imported.unknownLabels).toEqual([]);
      expect(imported.documents.map((d) => d.format)).toEqual(Array(3).fill(format === 'doccano' ? 'doccano' : format));
      const again = runExport(
        format,
        imported.documents.map((d, i) => fromDraft(d.draft, `doc${i}`)),
      );
      expect(again.text).toBe(first.text);
    });
  }

  it('brat: zip -> import -> export gives the same files', () => {
    const first = runExport('brat', goldenDocuments());
    const imported = parseBratFiles([{ name: 'corpus.zip', bytes: zipFiles(first.files) }], LABELS);
    expect(imported.issues).toEqual([]);
    const byName = new Map(imported.documents.map((d) => [d.draft.id, d.draft]));
    // brat files are named after the titles: the names come back as ids.
    const docs = ['Tram', '北京', 'Zero'].map((id) => {
      const draft = byName.get(id);
      if (!draft) throw new Error(`${id} not imported`);
      return fromDraft(draft, id);
    });
    expect(runExport('brat', docs).files).toEqual(first.files);
  });

  it('brat: loose .txt and .ann files import like a zip', () => {
    const first = runExport('brat', goldenDocuments());
    const loose = parseBratFiles(
      first.files.map((f) => ({ name: `folder/${f.path}`, bytes: utf8(f.content) })),
      LABELS,
    );
    expect(loose.issues).toEqual([]);
    expect(loose.documents.map((d) => [d.draft.id, d.draft.spans.length])).toEqual([
      ['Tram', 6],
      ['Zero', 3],
      ['北京', 5],
    ]);
    const news = loose.documents[0]?.draft;
    // The discontinuous claim over the CRLF comes back as one span.
    expect(news?.spans.find((s) => s.label === 'CLAIM' && news.text.slice(s.start, s.end).includes('\r\n'))).toBeDefined();
  });
});
