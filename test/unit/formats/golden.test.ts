// Each format's export of the golden project, compared byte for byte with files in test/golden
// that were written by hand from each format's documentation (not copied from the exporter).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS, type FormatId } from '../../../src-shared/formats/registry';
import { unzipFiles, zipFiles } from '../../../src-shared/formats/zip-archive';
import type { LeftOut } from '../../../src-shared/formats/left-out';
import { goldenDocuments } from './fixture';
import { runExport } from './helpers';

const GOLDEN = join(__dirname, '../../golden');
const golden = (name: string): string => readFileSync(join(GOLDEN, name), 'utf8');

const FILES: Record<Exclude<FormatId, 'brat'>, string> = {
  spanwright: 'spanwright.jsonl',
  doccano: 'doccano.jsonl',
  spacy: 'spacy.jsonl',
  'label-studio': 'label-studio.json',
  'hf-token': 'hf-token.jsonl',
  conll2003: 'conll2003.conll',
  claims: 'claims.jsonl',
};

function exportAll(format: FormatId) {
  return runExport(format, goldenDocuments());
}

describe('golden files', () => {
  for (const [format, file] of Object.entries(FILES) as Array<[FormatId, string]>) {
    it(`${format} matches test/golden/${file}`, () => {
      expect(exportAll(format).text).toBe(golden(file));
    });
  }

  it('brat matches test/golden/brat (file names, .txt, .ann, annotation.conf)', () => {
    const { files, text } = exportAll('brat');
    expect(text).toBe('');
    // Named after the documents' titles, not their ids.
    expect(files.map((f) => f.path)).toEqual(['Tram.txt', 'Tram.ann', '北京.txt', '北京.ann', 'Zero.txt', 'Zero.ann', 'annotation.conf']);
    for (const f of files) expect(f.content, f.path).toBe(golden(`brat/${f.path}`));
  });

  it('brat zip holds exactly those files, and the same export gives the same bytes', () => {
    const { files } = exportAll('brat');
    const zip = zipFiles(files);
    expect(zipFiles(exportAll('brat').files)).toEqual(zip);
    const unzipped = unzipFiles(zip);
    if ('reason' in unzipped) throw new Error(unzipped.reason);
    expect(unzipped.files.map((f) => [f.path, new TextDecoder().decode(f.bytes)])).toEqual(files.map((f) => [f.path, f.content]));
  });

  it('Hugging Face label list matches test/golden/hf-token.labels.json', () => {
    expect(JSON.stringify(exportAll('hf-token').labels) + '\n').toBe(golden('hf-token.labels.json'));
  });

  it('what each format leaves out matches test/golden/left-out.json', () => {
    const expected = JSON.parse(golden('left-out.json')) as Record<FormatId, LeftOut[]>;
    for (const format of FORMATS) expect(exportAll(format.id).leftOut, format.id).toEqual(expected[format.id]);
  });
});
