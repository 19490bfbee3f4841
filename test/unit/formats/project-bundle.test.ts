import { describe, expect, it } from 'vitest';
import { defaultSchema } from '../../../src-shared/default-schema';
import { DEFAULT_LIMITS } from '../../../src-shared/limits';
import { BundleStream, bundleHeaderLine, isProjectBundle, parseProjectBundle } from '../../../src-shared/formats/project-bundle';

const encode = (text: string) => new TextEncoder().encode(text);
const header = bundleHeaderLine({ name: 'Tram desk', schema: defaultSchema(), guidelines: 'Mark every claim.', annotators: [{ id: 'b', name: 'Ben' }, { id: 'a', name: 'Ana' }] });
const doc = JSON.stringify({ format: 'spanwright', format_version: 1, offset_unit: 'codepoint', id: 'd1', text: 'Ana Ruiz 🚋 spoke.', meta: { title: 'T' }, status: 'done', spans: [{ layer: 'entity', label: 'PERSON', start: 0, end: 8, text: 'Ana Ruiz', annotator: 'a', attributes: {}, origin: 'manual' }] });

describe('project bundle', () => {
  it('is recognised by its first line', () => {
    expect(isProjectBundle(encode(`${header}\n${doc}\n`))).toBe(true);
    expect(isProjectBundle(encode(`${doc}\n`))).toBe(false);
  });

  it('reads the header and the documents, with the bundle’s line numbers', () => {
    const { header: read, result } = parseProjectBundle('desk.spanwright', encode(`${header}\n${doc}\n{"text": broken\n`));
    expect(read).toEqual({ name: 'Tram desk', schema: defaultSchema(), guidelines: 'Mark every claim.', annotators: [{ id: 'a', name: 'Ana' }, { id: 'b', name: 'Ben' }] });
    expect(result.documents.map((d) => [d.line, d.draft.id, d.draft.spans[0]?.sourceId === undefined])).toEqual([[2, 'd1', true]]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ file: 'desk.spanwright', line: 3 });
  });

  it('refuses a bad header on line 1, with the reason', () => {
    const broken = header.replace('"layer":"entity"', '"layer":"topic"');
    const { header: read, result } = parseProjectBundle('x.spanwright', encode(`${broken}\n${doc}\n`));
    expect(read).toBeNull();
    expect(result.issues).toEqual([{ file: 'x.spanwright', line: 1, reason: 'label 1 of the schema is malformed (needs a name and a layer, entity or claim)' }]);
    expect(header).toContain('"format_version":2');
    expect(parseProjectBundle('y.spanwright', encode(header.replace('"format_version":2', '"format_version":9'))).result.issues[0]?.reason).toMatch(/unsupported bundle format_version 9/);
    // Bundles written before relations (version 1) are still read.
    expect(parseProjectBundle('v1.spanwright', encode(`${header.replace('"format_version":2', '"format_version":1')}\n${doc}\n`)).result.documents).toHaveLength(1);
  });

  it('refuses a header whose schema or annotators hold names no one could type, naming each', () => {
    const schema = defaultSchema();
    const withMarkup = { ...schema, labels: schema.labels.map((l, i) => (i === 0 ? { ...l, name: '<img src=x onerror=alert(1)>' } : l)) };
    const markup = bundleHeaderLine({ name: 'Desk', schema: withMarkup, guidelines: '', annotators: [] });
    const { header: read, result } = parseProjectBundle('m.spanwright', encode(`${markup}\n${doc}\n`));
    expect(read).toBeNull();
    expect(result.documents).toEqual([]);
    expect(result.issues).toEqual([
      {
        file: 'm.spanwright',
        line: 1,
        reason: 'the label "<img src=x onerror=alert(1)>" is not a name Spanwright accepts (A label name needs 1 to 48 characters, without quotes, backslashes or < >.)',
      },
    ]);
    const lone = bundleHeaderLine({ name: 'Desk', schema, guidelines: '', annotators: [{ id: 'a', name: 'Ana\uD800' }] });
    expect(parseProjectBundle('s.spanwright', encode(`${lone}\n`)).result.issues[0]?.reason).toMatch(
      /^the annotator "Ana.*" is not a name Spanwright accepts \(.*broken character \(U\+D800/u,
    );
  });

  it('carries the reviewer’s rejected review items by document id', () => {
    const withReview = bundleHeaderLine({ name: 'R', schema: defaultSchema(), guidelines: '', annotators: [], reviewRejected: { d1: ['entity:ben/0-3/PERSON'] } });
    expect(parseProjectBundle('r.spanwright', encode(`${withReview}\n${doc}\n`)).header?.reviewRejected).toEqual({ d1: ['entity:ben/0-3/PERSON'] });
    const bad = withReview.replace('["entity:ben/0-3/PERSON"]', '[3]');
    expect(parseProjectBundle('r.spanwright', encode(bad)).result.issues[0]?.reason).toBe('"review_rejected" of document "d1" must be a list of keys');
  });

  it('a bundle with only its header is an empty project, not an error', () => {
    const { header: read, result } = parseProjectBundle('empty.spanwright', encode(`${header}\n`));
    expect(read?.name).toBe('Tram desk');
    expect(result.issues).toEqual([]);
    expect(result.documents).toEqual([]);
  });

  it('reads the same pushed in pieces of any size (the import worker streams it) as whole', () => {
    const files = [
      `\uFEFF${header}\r\n${doc}\r\n\n{"text": broken\n${doc}`,
      `${header}\n`,
      `${header}\n  \n`,
      header,
      `${header.replace('"format_version":2', '"format_version":9')}\n${doc}\n`,
      `${doc}\n${doc}\n`,
      '',
    ];
    for (const text of files) {
      const bytes = encode(text);
      const whole = parseProjectBundle('s.spanwright', bytes);
      for (const size of [1, 7, 64, bytes.length || 1]) {
        const stream = new BundleStream('s.spanwright');
        const items = [];
        for (let at = 0; at < bytes.length; at += size) items.push(...stream.push(bytes.slice(at, at + size)));
        items.push(...stream.end());
        expect(stream.header).toEqual(whole.header);
        expect(items.flatMap((i) => (i.kind === 'issue' ? [i.issue] : []))).toEqual(whole.result.issues);
        expect(items.flatMap((i) => (i.kind === 'document' ? [i.document] : []))).toEqual(whole.result.documents);
        // Each document says where its line is in the bundle (progress within the file).
        for (const item of items)
          if (item.kind === 'document') expect(bytes.subarray(item.at.offset, item.at.offset + item.at.length)).toEqual(encode(doc));
      }
    }
  });

  it('holds the file-size limit to the header line, and reads no further', () => {
    const limits = { limits: { ...DEFAULT_LIMITS, fileBytes: 100 } };
    const stream = new BundleStream('big.spanwright', limits);
    const issues = [...stream.push(encode(header.slice(0, 60))), ...stream.push(encode(header.slice(60))), ...stream.end()];
    expect(stream.header).toBeNull();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: 'issue', issue: { file: 'big.spanwright' } });
    expect(JSON.stringify(issues[0])).toMatch(/larger than the limit/);
  });
});
