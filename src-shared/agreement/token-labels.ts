// Token-level labels: each token of a text gets the label of the span covering it on one layer, else 'O'.
import type { LayerId } from '../domain';
import type { Token } from '../segmentation';
import { compareText } from './span-matching';
import { OUTSIDE, type AgreementSpan } from './types';

/**
 * The label of every token on `layer`. A span covers a token when they share at least one unit
 * (a token covered in part counts as covered). Where several spans of the layer cover a token
 * the shortest wins (in the unit given: the report gives code points, so an emoji is one
 * character), then the label first in code-unit order, so nesting (a PERSON inside an
 * ORG) labels the inner tokens with the inner span. Tokens no span covers are 'O'.
 * `spans` are one annotator's spans of the tokens' document; spans of other layers are skipped.
 */
export function tokenLabels(tokens: readonly Token[], spans: readonly AgreementSpan[], layer: LayerId): string[] {
  const labels: string[] = tokens.map(() => OUTSIDE);
  const winnerLength: number[] = tokens.map(() => Infinity);
  for (const span of spans) {
    if (span.layer !== layer || span.end <= span.start) continue;
    const length = span.end - span.start;
    // Tokens are in text order and do not overlap: find the first that ends after the span starts.
    for (let i = firstEndingAfter(tokens, span.start); i < tokens.length; i++) {
      const token = tokens[i] as Token;
      if (token.start >= span.end) break;
      const current = winnerLength[i] as number;
      if (length < current || (length === current && compareText(span.label, labels[i] as string) < 0)) {
        labels[i] = span.label;
        winnerLength[i] = length;
      }
    }
  }
  return labels;
}

function firstEndingAfter(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((tokens[middle] as Token).end > offset) high = middle;
    else low = middle + 1;
  }
  return low;
}
