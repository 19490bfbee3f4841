// Which tokens a span covers, for the formats that count in tokens (spaCy, BIO tags).
import type { Token } from '../segmentation';

/** The tokens [first, last] a UTF-16 range covers, or why tokens cannot express it. */
export function tokenRange(
  tokens: readonly Token[],
  start: number,
  end: number,
  options: { exact?: boolean } = {},
): { first: number; last: number } | 'not-token-aligned' | 'no-tokens' {
  // First token ending after `start`, and first token starting at or after `end`.
  const first = lowerBound(tokens, (token) => token.end > start);
  const after = lowerBound(tokens, (token) => token.start >= end);
  const firstToken = tokens[first];
  const lastToken = tokens[after - 1];
  if (firstToken && firstToken.start < start && start < firstToken.end) return 'not-token-aligned';
  if (lastToken && after - 1 >= first && lastToken.start < end && end < lastToken.end) return 'not-token-aligned';
  if (after - 1 < first) return 'no-tokens';
  // `exact` (spaCy): the span must start and end where tokens do, not in white space beside them.
  if (options.exact && (firstToken?.start !== start || lastToken?.end !== end)) return 'not-token-aligned';
  return { first, last: after - 1 };
}

/** Index of the first token for which `past` is true (tokens are sorted; `past` is monotone). */
function lowerBound(tokens: readonly Token[], past: (token: Token) => boolean): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const token = tokens[mid];
    if (token && past(token)) high = mid;
    else low = mid + 1;
  }
  return low;
}
