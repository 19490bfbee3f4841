// `agree` in-process: drafts with relations, attributes and document labels become the core's input; schema files; the tables.
import { describe, expect, it } from 'vitest';
import { annotationSetOf, readSchemaFile, schemaOptions } from '../../src-cli/agreement-input';
import { formatReportTable } from '../../src-cli/agreement-table';
import type { MatchedDocument } from '../../src-cli/document-matching';
import { agreementReport } from '../../src-shared/agreement';
import { defaultSchema } from '../../src-shared/default-schema';
import type { DocumentDraft } from '../../src-shared/domain';
import { bundleHeaderLine } from '../../src-shared/formats/project-bundle';

const TEXT = 'Paris is big, said Ana.';
// CLAIM "Paris is big" [0, 12), PER "Ana" [19, 22); "said Ana" is [14, 22).
function draft(source: [number, number], checkworthy: string, topic: string[]): DocumentDraft {
  return {
    id: 'd1',
    text: TEXT,
    meta: { title: 'd1' },
    spans: [
      { layer: 'claim', label: 'CLAIM', start: 0, end: 12, attributes: { checkworthy } },
      { layer: 'entity', label: 'PER', start: source[0], end: source[1] },
    ],
    relations: [{ type: 'SOURCE', from: 0, to: 1 }],
    documentAnnotations: [{ labels: { topic }, note: '' }],
  };
}

const DOCUMENTS: MatchedDocument[] = [
  { id: 'd1', text: TEXT, drafts: [draft([19, 22], 'yes', ['politics']), draft([14, 22], 'no', ['politics'])] },
];

describe('annotationSetOf', () => {
  it('names spans by place so relations can point at them, and keeps attributes and document labels', () => {
    const layer = annotationSetOf('ann', DOCUMENTS, 0);
    expect(layer).toEqual({
      annotator: 'ann',
      spans: [
        { id: 's0', documentId: 'd1', layer: 'claim', label: 'CLAIM', start: 0, end: 12, attributes: { checkworthy: 'yes' } },
        { id: 's1', documentId: 'd1', layer: 'entity', label: 'PER', start: 19, end: 22 },
      ],
      relations: [{ documentId: 'd1', type: 'SOURCE', from: 's0', to: 's1' }],
      documentLabels: [{ documentId: 'd1', labels: { topic: ['politics'] } }],
    });
  });

  it('feeds the report and its tables', () => {
    const report = agreementReport([{ id: 'd1', text: TEXT }], [annotationSetOf('ann', DOCUMENTS, 0), annotationSetOf('bob', DOCUMENTS, 1)]);
    // SOURCE: Ana vs "said Ana": exact no match (tp 0, fp 1, fn 1), overlap a match.
    expect(report.relations[0]?.exact.overall).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(report.relations[0]?.overlap.overall).toMatchObject({ tp: 1, f1: 1 });
    const text = formatReportTable(report);
    expect(text).toContain('ann (reference) vs bob: relations (type and both ends must match)');
    expect(text).toMatch(/^\s+SOURCE\s+1\s+1\s+0\.000\s+0\.000\s+0\.000\s+1\.000\s+1\.000\s+1\.000$/m);
    // One CLAIM pair, yes vs no: po 0, pe 0 -> kappa 0.
    expect(text).toMatch(/^\s+claim\s+CLAIM\s+checkworthy\s+1\s+1\s+0\.000$/m);
    // topic: politics for both on the one document: pe = 1 -> kappa 1.
    expect(text).toContain("Document labels over 1 document, Cohen's kappa per pair:");
    expect(text).toMatch(/^\s+topic\s+1\s+1\.000$/m);
    expect(text).toMatch(/^\s+annotator\s+spans\s+relations$/m);
  });
});

describe('readSchemaFile', () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it('reads the schema of a project bundle', () => {
    const schema = defaultSchema();
    schema.relationTypes.push({ name: 'SAME_AS', color: '#123456', hotkey: '', directed: false, sources: [], targets: [] });
    const bundle = bundleHeaderLine({ name: 'P', schema, guidelines: '', annotators: [] }) + '\n';
    const read = readSchemaFile('p.spanwright', encode(bundle));
    expect(read.ok && schemaOptions(read.value).relationTypes).toEqual(
      schema.relationTypes.map(({ name, directed }) => ({ name, directed })),
    );
    expect(read.ok && schemaOptions(read.value).relationTypes?.find((type) => type.name === 'SAME_AS')?.directed).toBe(false);
  });

  it('reads a JSON schema, bare or inside a project', () => {
    const schema = {
      labels: [],
      relationTypes: [{ name: 'SAME', color: '#000000', hotkey: '', directed: false, sources: [], targets: [] }],
    };
    for (const text of [JSON.stringify(schema), JSON.stringify({ project: { schema } })]) {
      const read = readSchemaFile('s.json', encode(text));
      expect(read.ok && schemaOptions(read.value)).toEqual({ relationTypes: [{ name: 'SAME', directed: false }], documentCategories: [] });
    }
  });

  it('says why a file is no schema', () => {
    expect(readSchemaFile('x.json', encode('{nope'))).toMatchObject({
      ok: false,
      error: expect.stringContaining('not a project bundle or a JSON schema'),
    });
    expect(readSchemaFile('x.json', encode('{"labels": 3}'))).toEqual({ ok: false, error: 'the project has no label schema' });
  });
});
