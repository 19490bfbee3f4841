// BIO (IOB2) tags over tokens, shared by the Hugging Face and CoNLL-2003 formats: which spans
// tags can hold (lined up with tokens, not overlapping), and the tag of every token.
import type { Token } from '../segmentation';
import { compareOut, type OutSpan } from './export-spans';
import type { LeftOutReport } from './left-out';
import { tokenRange } from './token-range';

export interface TokenSpan {
  out: OutSpan;
  /** Token indices, inclusive. */
  first: number;
  last: number;
}

/**
 * The spans BIO tags can hold: lined up with tokens, and not overlapping. Of overlapping spans
 * the first by start (longer first) is kept; the rest are reported.
 */
export function bioSpans(
  spans: readonly OutSpan[],
  tokens: readonly Token[],
  report: LeftOutReport,
  labelOk: (label: string) => boolean,
): TokenSpan[] {
  const candidates: TokenSpan[] = [];
  for (const out of spans) {
    if (!labelOk(out.label)) {
      report.add('label-unsupported', out);
      continue;
    }
    const range = tokenRange(tokens, out.span.start, out.span.end);
    if (typeof range === 'string') report.add(range, out);
    else candidates.push({ out, ...range });
  }
  candidates.sort(
    (a, b) => a.first - b.first || b.last - a.last || a.out.start - b.out.start || b.out.end - a.out.end || compareOut(a.out, b.out),
  );
  const kept: TokenSpan[] = [];
  let reach = -1;
  for (const candidate of candidates) {
    if (candidate.first <= reach) {
      report.add('overlap', candidate.out);
      continue;
    }
    kept.push(candidate);
    reach = candidate.last;
  }
  return kept;
}

export function bioTags(tokenCount: number, kept: readonly TokenSpan[]): string[] {
  const tags = new Array<string>(tokenCount).fill('O');
  for (const { out, first, last } of kept) {
    tags[first] = `B-${out.label}`;
    for (let i = first + 1; i <= last; i++) tags[i] = `I-${out.label}`;
  }
  return tags;
}
