// Invariants over random documents and spans, for every format: Python's slice of each written
// offset pair is the span's text, BIO tags are valid, and every span is written or reported.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LayerId, Span } from '../../../src-shared/domain';
import type { ExportDocument } from '../../../src-shared/formats/format-module';
import { FORMATS, type FormatId } from '../../../src-shared/formats/registry';
import { splitSentences } from '../../../src-shared/formats/sentences';
import { snapToGraphemes } from '../../../src-shared/segmentation';
import { runExport, type ExportRun } from './helpers';

const PIECES = ['a', 'Zo', ' ', '.', ' Ab.', 'é', 'e\u0301', '😀', '👩‍👩‍👧', '🇫🇷', '中文', 'שלום', 'قال', '\t', '\r\n', '\n', '\u200b', '"', '\u2028', ' \u0301'];
const LABELS = ['PER', 'LOC', 'X Y', 'CLAIM'];

const documentArb = fc
  .record({
    parts: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 30 }),
    seeds: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), layer: fc.constantFrom<LayerId>('entity', 'claim'), label: fc.constantFrom(...LABELS) }), { maxLength: 8 }),
  })
  .map(({ parts, seeds }): ExportDocument => {
    const text = parts.join('');
    const spans: Span[] = [];
    seeds.forEach((seed, index) => {
      const range = snapToGraphemes(text, seed.a % (text.length + 1), seed.b % (text.length + 1));
      if (range.start === range.end) return;
      spans.push({ id: `s${index}`, projectId: 'p', documentId: 'd', annotator: 'ana', layer: seed.layer, label: seed.label, start: range.start, end: range.end, text: text.slice(range.start, range.end), attributes: {}, origin: 'manual', createdAt: 0, updatedAt: 0 });
    });
    return { id: 'doc', meta: { title: 't' }, status: 'done', text, spans };
  });

const cp = (text: string): string[] => Array.from(text);
const slice = (text: string, start: number, end: number): string => cp(text).slice(start, end).join('');
const jsonLines = (text: string): Array<Record<string, unknown>> => text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown>);

interface Written {
  count: number;
}

/** Checks the offsets a format wrote against the text and returns how many spans it wrote. */
function checkOutput(format: FormatId, doc: ExportDocument, run: ExportRun): Written {
  switch (format) {
    case 'spanwright':
    case 'spacy': {
      const [line] = jsonLines(run.text);
      const spans = line?.['spans'] as Array<{ start: number; end: number; text: string; token_start?: number; token_end?: number }>;
      for (const s of spans) expect(slice(doc.text, s.start, s.end)).toBe(s.text);
      if (format === 'spacy') {
        const tokens = line?.['tokens'] as Array<{ text: string; start: number; end: number }>;
        for (const t of tokens) expect(slice(doc.text, t.start, t.end)).toBe(t.text);
        for (const s of spans) {
          if (s.token_start === undefined || s.token_end === undefined) continue;
          expect(tokens[s.token_start]?.start).toBeGreaterThanOrEqual(s.start);
          expect(tokens[s.token_end]?.end).toBeLessThanOrEqual(s.end);
        }
      }
      return { count: spans.length };
    }
    case 'doccano': {
      const [line] = jsonLines(run.text);
      return { count: (line?.['label'] as unknown[]).length };
    }
    case 'label-studio': {
      const [task] = JSON.parse(run.text) as Array<{ annotations: Array<{ result: Array<{ value: { start: number; end: number; text: string } }> }> }>;
      const result = task?.annotations[0]?.result ?? [];
      for (const r of result) expect(slice(doc.text, r.value.start, r.value.end)).toBe(r.value.text);
      return { count: result.length };
    }
    case 'brat': {
      const txt = run.files.find((f) => f.path.endsWith('.txt'));
      const ann = run.files.find((f) => f.path.endsWith('.ann'));
      expect(txt?.content).toBe(doc.text);
      const lines = (ann?.content ?? '').split('\n').filter((l) => l !== '');
      for (const line of lines) {
        // brat splits at the first two tabs only: the text may hold tabs.
        const [, typeAndOffsets = ''] = line.split('\t');
        const text = line.split('\t').slice(2).join('\t');
        const fragments = typeAndOffsets.split(' ').slice(1).join(' ').split(';').map((f) => f.split(' ').map(Number));
        // brat reads the .txt with universal newlines (Python's open): CRLF and CR become "\n".
        const asBratReads = doc.text.replace(/\r\n?/g, '\n');
        expect(fragments.map(([s, e]) => slice(asBratReads, s ?? 0, e ?? 0)).join(' ')).toBe(text);
        expect(line.split('\n')).toHaveLength(1);
      }
      return { count: lines.length };
    }
    case 'hf-token': {
      const [line] = jsonLines(run.text);
      const tags = line?.['ner_tags'] as string[];
      expect(tags).toHaveLength((line?.['tokens'] as string[]).length);
      expectValidBio([tags]);
      return { count: tags.filter((t) => t.startsWith('B-')).length };
    }
    case 'conll2003': {
      const blocks = run.text.split('\n\n').filter((b) => b !== '');
      expect(blocks[0]).toBe('-DOCSTART- -X- -X- O');
      const sentences = blocks.slice(1).map((block) =>
        block.split('\n').filter((l) => l !== '').map((line) => {
          const columns = line.split(' ');
          expect(columns).toHaveLength(4);
          expect(columns.slice(1, 3)).toEqual(['-X-', '_']);
          return columns[3] ?? '';
        }),
      );
      expectValidBio(sentences);
      return { count: sentences.flat().filter((t) => t.startsWith('B-')).length };
    }
    case 'claims': {
      let whole = 0;
      for (const line of jsonLines(run.text)) {
        const text = line['text'] as string;
        expect(slice(doc.text, line['start'] as number, line['end'] as number)).toBe(text);
        const claims = line['claims'] as Array<{ start: number; end: number; text: string; partial?: boolean }>;
        expect(line['has_claim']).toBe(claims.length > 0);
        for (const c of claims) {
          expect(slice(text, c.start, c.end)).toBe(c.text);
          if (!c.partial) whole++;
        }
      }
      const partial = run.leftOut.filter((l) => l.reason === 'crosses-sentence').flatMap((l) => l.spans).length;
      return { count: whole + partial };
    }
  }
}

function expectValidBio(sequences: string[][]): void {
  for (const tags of sequences) {
    tags.forEach((tag, i) => {
      expect(tag).toMatch(/^(O|[BI]-.+)$/u);
      if (tag.startsWith('I-')) expect([`B-${tag.slice(2)}`, tag]).toContain(tags[i - 1]);
    });
  }
}

describe('every format, random documents', () => {
  for (const format of FORMATS) {
    it(`${format.id}: Python slices match, tags are valid, and written + left out = input`, () => {
      fc.assert(
        fc.property(documentArb, fc.constantFrom(...format.layers), fc.boolean(), (doc, layer, dropLoc) => {
          const options = { layers: format.layerMode === 'one' ? [layer] : format.layers, labelMap: dropLoc ? { LOC: null, PER: 'PERSON' } : ({} as Record<string, string | null>) };
          const run = runExport(format.id, [doc], options);
          const { count } = checkOutput(format.id, doc, run);
          const dropped = run.leftOut.filter((l) => l.dropped).flatMap((l) => l.spans);
          expect(count + dropped.length).toBe(doc.spans.length);
          // No span is reported twice as dropped.
          expect(new Set(dropped.map((s) => s.id)).size).toBe(dropped.length);
          for (const s of run.leftOut.flatMap((l) => l.spans)) expect(slice(doc.text, s.start, s.end)).toBe(s.text);
        }),
        { numRuns: 150 },
      );
    });
  }
});

describe('splitSentences', () => {
  it('covers the text without gaps, also when it is cut into windows', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Hello there. ', 'Dr. Who said "Go!" ', 'x', '\n', '中文。', '😀', ' '), { maxLength: 2000 }), (parts) => {
        const text = parts.join('');
        const sentences = splitSentences(text);
        let at = 0;
        for (const s of sentences) {
          expect(s.start).toBe(at);
          expect(s.end).toBeGreaterThan(s.start);
          at = s.end;
        }
        expect(at).toBe(text.length);
      }),
      { numRuns: 30 },
    );
  });

  it('gives the same sentences as one segmenter pass over a long text', () => {
    const text = Array.from({ length: 800 }, (_, i) => (i % 37 === 0 ? 'Line ends here\n' : `Sentence ${i} is "short." `)).join('');
    const whole = [...new Intl.Segmenter(undefined, { granularity: 'sentence' }).segment(text)].map((s) => s.index);
    expect(splitSentences(text).map((s) => s.start)).toEqual(whole);
  });
});
