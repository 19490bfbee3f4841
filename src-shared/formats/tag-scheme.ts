// Token tags as spans, for the formats that tag tokens (Hugging Face, CoNLL and other column
// files): IOB2 (`B-X`, `I-X`), IOB1 (an `I-X` after another label or `O` starts a span, as
// conlleval reads it), and BIOES/BILOU (`S-X`/`U-X` a one-token span, `E-X`/`L-X` its last).

/** A span over tokens `first`..`last` (inclusive). */
export interface TaggedSpan {
  first: number;
  last: number;
  label: string;
}

const TAG = /^([BIESLU])-(.+)$/u;

/** The spans of a tag sequence, or the index and reason of the first tag that is not one. */
export function spansFromTags(tags: readonly string[]): TaggedSpan[] | { index: number; reason: string } {
  const spans: TaggedSpan[] = [];
  let open: TaggedSpan | undefined;
  const close = (): void => {
    if (open) spans.push(open);
    open = undefined;
  };
  for (const [index, tag] of tags.entries()) {
    if (tag === 'O') {
      close();
      continue;
    }
    const match = TAG.exec(tag);
    if (!match) return { index, reason: `is not a BIO tag (expected "O", "B-LABEL", "I-LABEL", or BIOES "E-"/"S-")` };
    const [, prefix = '', label = ''] = match;
    const continues = (prefix === 'I' || prefix === 'E' || prefix === 'L') && open !== undefined && open.label === label;
    if (continues && open) open.last = index;
    else {
      close();
      open = { first: index, last: index, label };
    }
    if (prefix === 'E' || prefix === 'L' || prefix === 'S' || prefix === 'U') close();
  }
  close();
  return spans;
}
