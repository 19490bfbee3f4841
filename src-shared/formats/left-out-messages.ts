// What each left-out reason means, in words for people (the export summary, the CLI).
import type { LeftOut, LeftOutReason, LeftOutSpan } from './left-out';

export const LEFT_OUT_REASON_TEXT: Readonly<Record<LeftOutReason, string>> = {
  layer: 'layer not exported or not held by this format',
  'label-dropped': 'label left out',
  'label-unsupported': 'label name not allowed in this format',
  overlap: 'overlaps another span (this format cannot hold overlaps)',
  'not-token-aligned': 'edge inside a token',
  'no-tokens': 'covers no token',
  'token-white-space': 'token held white space (a mark after a space): written without it',
  'crosses-sentence': 'runs over a sentence edge (split between sentences)',
  'outside-sentences': 'lies between sentences',
  'only-line-breaks': 'holds only line breaks',
  'attributes-not-held': 'written without its attributes (this format cannot hold them)',
  'attribute-unsupported': 'written without an attribute whose name or value holds white space (not allowed in this format)',
  'span-notes-not-held': 'written without its note (this format cannot hold notes)',
  'relations-not-held': 'relation not written (this format cannot hold relations)',
  'relation-end-left-out': 'relation not written: one of its ends is left out',
  'relation-type-unsupported': 'relation type name not allowed in this format',
  'relation-not-token-aligned': 'relation end lines up with no token',
  'document-labels-not-held': 'document labels not written (this format cannot hold them)',
  'document-notes-not-held': 'document note not written (this format cannot hold notes)',
};

const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text).replace(/\s+/g, ' ');

/** Each span, relation or document annotation an entry concerns, in words. */
export function leftOutItemTexts(entry: LeftOut): string[] {
  const span = (s: LeftOutSpan | null) => (s ? `${s.label} “${clip(s.text)}”` : 'a span left out');
  return [
    ...entry.spans.map(span),
    ...(entry.relations ?? []).map((r) => `${r.type}: ${span(r.from)} → ${span(r.to)}`),
    ...(entry.tokens ?? []).map((t) => `token “${clip(t.text)}” at ${t.start}–${t.end}`),
    ...(entry.documentAnnotations ?? []).map((a) => {
      const labels = Object.entries(a.labels).map(([category, values]) => `${category}: ${values.join(', ')}`);
      return [...labels, ...(a.note !== '' ? [`note “${clip(a.note)}”`] : [])].join('; ');
    }),
  ];
}

/** How many spans, relations and document annotations the entries concern. */
export function countLeftOut(entries: readonly LeftOut[]): LeftOutCount {
  return {
    spans: entries.reduce((n, e) => n + e.spans.length, 0),
    relations: entries.reduce((n, e) => n + (e.relations?.length ?? 0), 0),
    documentAnnotations: entries.reduce((n, e) => n + (e.documentAnnotations?.length ?? 0), 0),
    tokens: entries.reduce((n, e) => n + (e.tokens?.length ?? 0), 0),
  };
}

export interface LeftOutCount {
  spans: number;
  relations: number;
  documentAnnotations: number;
  tokens?: number;
}

/** "3 spans, 1 relation" (nothing counted: "nothing"). */
export function describeLeftOutCount(count: LeftOutCount): string {
  const parts = [
    count.spans > 0 ? `${count.spans} ${count.spans === 1 ? 'span' : 'spans'}` : '',
    count.relations > 0 ? `${count.relations} ${count.relations === 1 ? 'relation' : 'relations'}` : '',
    count.documentAnnotations > 0
      ? `${count.documentAnnotations} document ${count.documentAnnotations === 1 ? 'annotation' : 'annotations'}`
      : '',
    (count.tokens ?? 0) > 0 ? `${count.tokens} ${count.tokens === 1 ? 'token' : 'tokens'}` : '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? 'nothing' : parts.join(', ');
}
