import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentMeta, DocumentStatus, LayerId, SourcedSpanDraft, Span, SpanOrigin } from '../../../src-shared/domain';
import { EXPORT_FORMATS, serializeDocument, type ExportFormat } from '../../../src-shared/formats/exporter';
import type { ExportDocument } from '../../../src-shared/formats/format-module';
import { parseImportFile } from '../../../src-shared/formats/import';
import { snapToGraphemes } from '../../../src-shared/segmentation';
import { annotatorNameProblem } from '../../../src-shared/annotator-names';
import { nameProblem } from '../../../src-shared/schema-rules';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

let spanCounter = 0;
function span(text: string, part: string, label: string, extra: Partial<Span> = {}): Span {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`"${part}" not in text`);
  spanCounter++;
  return {
    id: `span-${spanCounter}`,
    projectId: 'p1',
    documentId: 'd1',
    annotator: 'ana',
    layer: 'entity',
    label,
    start,
    end: start + part.length,
    text: part,
    attributes: {},
    origin: 'manual',
    createdAt: 1,
    updatedAt: 2,
    ...extra,
  };
}

const TRICKY_TEXT =
  'Emoji 😀 then 👩‍👩‍👧 and 🇫🇷.\r\nCombining: cafe\u0301 and de\u0301ja\u0300.\tTab.\n' +
  '中文新闻：北京。 Arabic: قال الرئيس. Hebrew: אמר ראש הממשלה.\r\nZero\u200bwidth and join\u200der.';

function trickyDocument(): ExportDocument {
  const text = TRICKY_TEXT;
  return {
    id: 'doc-7',
    meta: { title: 'Tricky', source: 'Wire', url: 'https://example.org/x', date: '2024-01-02', language: 'mul', extra: { desk: 'world', rank: 3, tags: ['a', 'b'] } },
    status: 'in_progress',
    text,
    spans: [
      span(text, 'cafe\u0301', 'FOOD', { attributes: { confidence: 0.5, checked: true, note: 'é' } }),
      span(text, '👩‍👩‍👧', 'FAMILY', { origin: 'teammate', annotator: 'bo' }),
      span(text, '北京', 'LOC'),
      span(text, 'الرئيس', 'PER'),
      span(text, 'הממשלה', 'ORG'),
      span(text, 'Zero\u200bwidth', 'MISC'),
      span(text, 'Tab.\n中文', 'CLAIM', { layer: 'claim', origin: 'suggestion' }),
      span(text, 'Emoji 😀', 'CLAIM', { layer: 'claim' }),
      span(text, '🇫🇷', 'LOC'),
      span(text, 'join\u200der', 'MISC'),
      span(text, 'de\u0301ja\u0300.\tTab.\n中文新闻：北京。 Arabic', 'CLAIM', { layer: 'claim', origin: 'imported' }),
    ],
  };
}

/** Python's view of an exported line: text[start:end] for each span, with code points. */
function pythonSlices(format: ExportFormat, line: string): Array<{ sliced: string; expected?: string }> {
  const value = JSON.parse(line) as Record<string, unknown>;
  const codePoints = Array.from(value['text'] as string);
  if (format === 'doccano') {
    return (value['label'] as Array<[number, number, string]>).map(([start, end]) => ({ sliced: codePoints.slice(start, end).join('') }));
  }
  return (value['spans'] as Array<{ start: number; end: number; text: string }>).map((s) => ({ sliced: codePoints.slice(s.start, s.end).join(''), expected: s.text }));
}

describe('EXPORT_FORMATS', () => {
  it('names the formats', () => {
    expect(EXPORT_FORMATS).toEqual([
      { id: 'spanwright', name: 'Spanwright JSONL', extension: 'jsonl' },
      { id: 'doccano', name: 'doccano JSONL', extension: 'jsonl' },
      { id: 'spacy', name: 'spaCy JSONL', extension: 'jsonl' },
    ]);
  });
});

describe('serializeDocument: exact output', () => {
  const text = '😀 Ana said: taxes fell.';
  const doc: ExportDocument = {
    id: 'd1',
    meta: { title: 'T', source: 'S', extra: { desk: 'x', text: 'collides', id: 'collides too' } },
    status: 'done',
    text,
    spans: [span(text, 'taxes fell', 'CLAIM', { id: 'b', layer: 'claim', annotator: 'ana', attributes: { sure: true } }), span(text, 'Ana', 'PER', { id: 'a' })],
  };

  it('Spanwright JSONL', () => {
    expect(serializeDocument('spanwright', doc)).toBe(
      '{"format":"spanwright","format_version":2,"offset_unit":"codepoint","id":"d1","text":"😀 Ana said: taxes fell.",' +
        '"meta":{"title":"T","source":"S","desk":"x","text":"collides","id":"collides too"},"status":"done","spans":[' +
        '{"id":"a","layer":"entity","label":"PER","start":2,"end":5,"text":"Ana","annotator":"ana","attributes":{},"origin":"manual"},' +
        '{"id":"b","layer":"claim","label":"CLAIM","start":12,"end":22,"text":"taxes fell","annotator":"ana","attributes":{"sure":true},"origin":"manual"}]}',
    );
  });

  it('doccano JSONL (metadata as top-level keys, never over the format keys)', () => {
    expect(serializeDocument('doccano', doc)).toBe(
      '{"id":"d1","text":"😀 Ana said: taxes fell.","label":[[2,5,"PER"],[12,22,"CLAIM"]],"title":"T","source":"S","desk":"x"}',
    );
  });

  it('spaCy JSONL', () => {
    expect(serializeDocument('spacy', doc)).toBe(
      '{"text":"😀 Ana said: taxes fell.","spans":[{"start":2,"end":5,"label":"PER","text":"Ana"},{"start":12,"end":22,"label":"CLAIM","text":"taxes fell"}],' +
        '"meta":{"id":"d1","title":"T","source":"S","desk":"x","text":"collides"}}',
    );
  });

  it('writes one line, even for texts with line breaks and U+2028', () => {
    const multi: ExportDocument = { ...doc, text: 'a\r\nb\u2028c\n', spans: [] };
    for (const format of ['spanwright', 'doccano', 'spacy'] as const) expect(serializeDocument(format, multi)).not.toMatch(/[\r\n]/);
  });

  it('refuses spans outside the text or inside a surrogate pair', () => {
    expect(() => serializeDocument('doccano', { ...doc, spans: [span(text, 'Ana', 'PER', { end: 99 })] })).toThrow(RangeError);
    expect(() => serializeDocument('doccano', { ...doc, spans: [span(text, 'Ana', 'PER', { start: 1 })] })).toThrow(/splits a surrogate pair/);
  });
});

describe('serializeDocument: Python sees the same span text', () => {
  for (const format of ['spanwright', 'doccano', 'spacy'] as const) {
    it(`${format}: text[start:end] equals each span, with emoji, marks, CJK, RTL, tabs, CRLF, zero-width`, () => {
      const doc = trickyDocument();
      const slices = pythonSlices(format, serializeDocument(format, doc));
      const expected = [...doc.spans].sort((a, b) => a.start - b.start || a.end - b.end || (a.layer < b.layer ? -1 : a.layer > b.layer ? 1 : 0)).map((s) => s.text);
      expect(slices.map((s) => s.sliced)).toEqual(expected);
      for (const slice of slices) if (slice.expected !== undefined) expect(slice.sliced).toBe(slice.expected);
    });
  }
});

describe('Spanwright JSONL round trip', () => {
  it('export -> import -> export gives identical output and the same data', () => {
    const doc = trickyDocument();
    const line = serializeDocument('spanwright', doc);
    const result = parseImportFile('export.jsonl', utf8(line + '\n'), []);
    expect(result.issues).toEqual([]);
    const draft = result.documents[0]?.draft;
    expect(draft?.id).toBe(doc.id);
    expect(draft?.text).toBe(doc.text);
    expect(draft?.meta).toEqual(doc.meta);
    expect(draft?.status).toBe(doc.status);
    const sorted = [...doc.spans].sort((a, b) => a.start - b.start || a.end - b.end || (a.layer < b.layer ? -1 : a.layer > b.layer ? 1 : 0));
    expect(draft?.spans).toEqual(
      sorted.map((s) => ({ layer: s.layer, label: s.label, start: s.start, end: s.end, sourceId: s.id, annotator: s.annotator, attributes: s.attributes, origin: s.origin })),
    );
    expect(serializeDocument('spanwright', fromDraft(doc.id, draft))).toBe(line);
  });

  it('doccano and spaCy exports import back to the same offsets and labels', () => {
    const doc = trickyDocument();
    for (const format of ['doccano', 'spacy'] as const) {
      const result = parseImportFile(`x.jsonl`, utf8(serializeDocument(format, doc)), []);
      expect(result.issues).toEqual([]);
      const draft = result.documents[0]?.draft;
      expect(draft?.id).toBe('doc-7');
      expect(draft?.meta).toEqual(doc.meta);
      expect(draft?.spans.map((s) => [s.start, s.end, s.label])).toEqual(
        [...doc.spans].sort((a, b) => a.start - b.start || a.end - b.end || (a.layer < b.layer ? -1 : 1)).map((s) => [s.start, s.end, s.label]),
      );
    }
  });

  it('holds for random documents and valid spans', () => {
    const pieces = ['a', 'Z', ' ', '.', 'é', 'e\u0301', '😀', '👩‍👩‍👧', '🇫🇷', '中', 'ש', 'ع', '\t', '\r\n', '\n', '\u200b', '"', '\\', '\u2028'];
    const text = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 25 }).map((parts) => parts.join(''))
      .filter((t) => t.trim() !== ''); // the importer rejects blank documents
    const attributeValue = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean());
    const spanSeed = fc.record({
      a: fc.nat(),
      b: fc.nat(),
      layer: fc.constantFrom<LayerId>('entity', 'claim'),
      // Labels and annotators follow the name rules at import, as typed ones do (no markup, quotes...).
      label: fc.string({ minLength: 1, maxLength: 6 }).filter((label) => nameProblem(label, 'label') === null),
      annotator: fc.string({ maxLength: 5 }).filter((annotator) => annotator === '' || annotatorNameProblem(annotator) === null),
      attributes: fc.dictionary(fc.string({ maxLength: 4 }), attributeValue, { maxKeys: 3 }),
      origin: fc.constantFrom<SpanOrigin>('manual', 'imported', 'suggestion', 'teammate'),
    });
    const meta = fc.record(
      {
        title: fc.string({ maxLength: 8 }),
        source: fc.string({ maxLength: 5 }),
        url: fc.string({ maxLength: 5 }),
        date: fc.string({ maxLength: 5 }),
        language: fc.string({ maxLength: 3 }),
        extra: fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }).filter((key) => !['title', 'source', 'url', 'date', 'language', 'id'].includes(key)), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 3 }),
      },
      { requiredKeys: ['title'] },
    );
    fc.assert(
      fc.property(
        text,
        fc.string({ minLength: 1, maxLength: 8 }),
        meta,
        fc.constantFrom<DocumentStatus>('todo', 'in_progress', 'done', 'skipped'),
        fc.array(spanSeed, { maxLength: 6 }),
        (docText, id, docMeta, status, seeds) => {
          const spans: Span[] = [];
          seeds.forEach((seed, index) => {
            const range = snapToGraphemes(docText, seed.a % (docText.length + 1), seed.b % (docText.length + 1));
            if (range.start === range.end) return;
            spans.push({ id: `s${index}`, projectId: 'p', documentId: 'd', annotator: seed.annotator, layer: seed.layer, label: seed.label, start: range.start, end: range.end, text: docText.slice(range.start, range.end), attributes: seed.attributes, origin: seed.origin, createdAt: 0, updatedAt: 0 });
          });
          // JSON turns -0 into 0: the only attribute value that cannot survive any JSON format.
          for (const s of spans) for (const [k, v] of Object.entries(s.attributes)) if (Object.is(v, -0)) s.attributes[k] = 0;
          const doc: ExportDocument = { id, meta: docMeta as DocumentMeta, status, text: docText, spans };
          const line = serializeDocument('spanwright', doc);
          for (const slice of pythonSlices('spanwright', line)) expect(slice.sliced).toBe(slice.expected);
          const result = parseImportFile('r.jsonl', utf8(line), []);
          expect(result.issues).toEqual([]);
          const draft = result.documents[0]?.draft;
          // JSON has no -0, so compare with the metadata as JSON carries it.
          expect(draft?.meta).toEqual(JSON.parse(JSON.stringify(doc.meta)));
          expect(serializeDocument('spanwright', fromDraft(id, draft))).toBe(line);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Rebuilds an export document from an imported draft (the app would store it first). */
function fromDraft(fallbackId: string, draft: ReturnType<typeof parseImportFile>['documents'][number]['draft'] | undefined): ExportDocument {
  if (!draft) throw new Error('no draft');
  return {
    id: draft.id ?? fallbackId,
    meta: draft.meta,
    status: draft.status ?? 'todo',
    text: draft.text,
    spans: draft.spans.map((s: SourcedSpanDraft, index) => ({
      id: s.sourceId ?? `s${index}`,
      projectId: 'p',
      documentId: 'd',
      annotator: s.annotator ?? '',
      layer: s.layer ?? 'entity',
      label: s.label,
      start: s.start,
      end: s.end,
      text: draft.text.slice(s.start, s.end),
      attributes: s.attributes ?? {},
      origin: s.origin ?? 'imported',
      createdAt: 0,
      updatedAt: 0,
    })),
  };
}
