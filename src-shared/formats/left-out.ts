// What an export leaves out of a document, per reason, so the export dialog and the CLI can
// say so: nothing is dropped without the user being told.
import type { LayerId } from '../domain';
import { compareOut, type OutSpan } from './export-spans';

export type LeftOutReason =
  /** The span's layer is not exported (not chosen, or the format cannot hold it). */
  | 'layer'
  /** The label map drops the span's label. */
  | 'label-dropped'
  /** The label cannot be written in this format (brat and CoNLL: white space or empty). */
  | 'label-unsupported'
  /** BIO tags cannot hold overlapping spans: the first (by start, longer first) is kept. */
  | 'overlap'
  /** An edge of the span falls inside a token, so tokens cannot express it. */
  | 'not-token-aligned'
  /** The span covers no token (only white space or zero-width characters). */
  | 'no-tokens'
  /** Claim detection: the claim runs over a sentence's edge; each sentence holds its part. */
  | 'crosses-sentence'
  /** Claim detection: the claim lies only in white space between sentences. */
  | 'outside-sentences'
  /** brat: the span holds nothing but line breaks, so no fragment of it can be written. */
  | 'only-line-breaks';

const REASON_ORDER: readonly LeftOutReason[] = [
  'layer',
  'label-dropped',
  'label-unsupported',
  'not-token-aligned',
  'no-tokens',
  'overlap',
  'crosses-sentence',
  'outside-sentences',
  'only-line-breaks',
];

export interface LeftOutSpan {
  id: string;
  layer: LayerId;
  /** The project's label (before any renaming). */
  label: string;
  /** Code points, like the exported offsets. */
  start: number;
  end: number;
  text: string;
}

export interface LeftOut {
  documentId: string;
  reason: LeftOutReason;
  /**
   * true: the spans are not in the output. false: they are, but changed (a claim cut at
   * sentence edges, a spaCy span without token offsets): a warning.
   */
  dropped: boolean;
  spans: LeftOutSpan[];
}

/** Collects what a document's export leaves out, grouped by reason. */
export class LeftOutReport {
  private readonly groups = new Map<LeftOutReason, { dropped: boolean; spans: OutSpan[] }>();
  readonly droppedIds = new Set<string>();
  /** spaCy keeps spans that tokens cannot express (with character offsets only). */
  keepsUnaligned = false;

  constructor(private readonly documentId: string) {}

  add(reason: LeftOutReason, span: OutSpan): void {
    const unaligned = reason === 'not-token-aligned' || reason === 'no-tokens';
    const dropped = reason !== 'crosses-sentence' && !(unaligned && this.keepsUnaligned);
    if (dropped) this.droppedIds.add(span.span.id);
    let group = this.groups.get(reason);
    if (!group) {
      group = { dropped, spans: [] };
      this.groups.set(reason, group);
    }
    group.spans.push(span);
  }

  list(): LeftOut[] {
    const out: LeftOut[] = [];
    for (const reason of REASON_ORDER) {
      const group = this.groups.get(reason);
      if (!group) continue;
      out.push({
        documentId: this.documentId,
        reason,
        dropped: group.dropped,
        spans: [...group.spans]
          .sort(compareOut)
          .map(({ span, start, end, text }) => ({ id: span.id, layer: span.layer, label: span.label, start, end, text })),
      });
    }
    return out;
  }
}
