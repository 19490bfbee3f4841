// What an export leaves out of a document, per reason, so the export dialog and the CLI can
// say so: nothing is dropped without the user being told.
import type { DocumentAnnotation, LayerId, Relation } from '../domain';
import { compareOut, type OutSpan } from './export-spans';
import { compareText } from './stable-order';
import { pushAll } from '../push-all';

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
  /** A token of the text held white space (a combining mark after a space): written without it. */
  | 'token-white-space'
  /** Claim detection: the claim runs over a sentence's edge; each sentence holds its part. */
  | 'crosses-sentence'
  /** Claim detection: the claim lies only in white space between sentences. */
  | 'outside-sentences'
  /** brat: the span holds nothing but line breaks, so no fragment of it can be written. */
  | 'only-line-breaks'
  /** The format cannot hold span attributes: the spans are written without them. */
  | 'attributes-not-held'
  /** brat: an attribute's name or value holds white space (free text): the span is written without it. */
  | 'attribute-unsupported'
  /** The format cannot hold notes on spans: the spans are written without them. */
  | 'span-notes-not-held'
  /** The format cannot hold relations (listed in `relations`). */
  | 'relations-not-held'
  /** An end of the relation is not written (another reason leaves it out), so neither is the relation. */
  | 'relation-end-left-out'
  /** The relation type cannot be written in this format (brat: white space or empty). */
  | 'relation-type-unsupported'
  /** spaCy/Prodigy: an end of the relation lines up with no token, so `head`/`child` are missing. */
  | 'relation-not-token-aligned'
  /** The format cannot hold document labels (listed in `documentAnnotations`). */
  | 'document-labels-not-held'
  /** The format cannot hold notes on documents (listed in `documentAnnotations`). */
  | 'document-notes-not-held';

const REASON_ORDER: readonly LeftOutReason[] = [
  'layer',
  'label-dropped',
  'label-unsupported',
  'not-token-aligned',
  'no-tokens',
  'token-white-space',
  'overlap',
  'crosses-sentence',
  'outside-sentences',
  'only-line-breaks',
  'attributes-not-held',
  'attribute-unsupported',
  'span-notes-not-held',
  'relations-not-held',
  'relation-end-left-out',
  'relation-type-unsupported',
  'relation-not-token-aligned',
  'document-labels-not-held',
  'document-notes-not-held',
];

/** Reasons that leave the listed things in the output, changed (a warning). */
const KEPT_CHANGED: ReadonlySet<LeftOutReason> = new Set([
  'token-white-space',
  'crosses-sentence',
  'attributes-not-held',
  'attribute-unsupported',
  'span-notes-not-held',
  'relation-not-token-aligned',
]);

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

/** A relation an export leaves out; its ends as the report lists spans (null: not in the document). */
export interface LeftOutRelation {
  id: string;
  type: string;
  annotator: string;
  from: LeftOutSpan | null;
  to: LeftOutSpan | null;
}

/** One annotator's document labels or note that an export leaves out. */
export interface LeftOutDocumentAnnotation {
  annotator: string;
  labels: Record<string, string[]>;
  note: string;
}

export interface LeftOut {
  documentId: string;
  reason: LeftOutReason;
  /**
   * true: the spans are not in the output. false: they are, but changed (a claim cut at
   * sentence edges, a spaCy span without token offsets, a span without its attributes): a warning.
   */
  dropped: boolean;
  /** The spans concerned (empty for reasons about relations or document annotations). */
  spans: LeftOutSpan[];
  /** Relation reasons: the relations concerned. */
  relations?: LeftOutRelation[];
  /** Document label and note reasons: the annotations concerned. */
  documentAnnotations?: LeftOutDocumentAnnotation[];
  /** Token reasons: the tokens concerned, as the text has them (code points). */
  tokens?: LeftOutToken[];
}

/** A token of the text an export had to change. */
export interface LeftOutToken {
  start: number;
  end: number;
  text: string;
}

/** Collects what a document's export leaves out, grouped by reason. */
interface Group {
  dropped: boolean;
  spans: OutSpan[];
  relations: LeftOutRelation[];
  documentAnnotations: LeftOutDocumentAnnotation[];
  tokens: LeftOutToken[];
}

export class LeftOutReport {
  private readonly groups = new Map<LeftOutReason, Group>();
  readonly droppedIds = new Set<string>();
  /** Every span of the document as exporters write it, by id (relation ends are looked up here). */
  readonly spansById = new Map<string, OutSpan>();
  /** spaCy keeps spans that tokens cannot express (with character offsets only). */
  keepsUnaligned = false;

  constructor(private readonly documentId: string) {}

  add(reason: LeftOutReason, span: OutSpan): void {
    const group = this.group(reason);
    if (group.dropped) {
      this.droppedIds.add(span.span.id);
      if (!this.dropReasons.has(span.span.id)) this.dropReasons.set(span.span.id, reason);
    }
    group.spans.push(span);
  }

  private readonly dropReasons = new Map<string, LeftOutReason>();

  /** Why a span is not in the output (the first reason), if it is not. */
  dropReason(spanId: string): LeftOutReason | undefined {
    return this.dropReasons.get(spanId);
  }

  /** Whether a span of the document is in the output (known, and no reason so far dropped it). */
  written(spanId: string): boolean {
    return this.spansById.has(spanId) && !this.droppedIds.has(spanId);
  }

  /** A relation left out (or written changed); `from`/`to` are its ends, when in the document. */
  addRelation(reason: LeftOutReason, relation: Relation, from: OutSpan | undefined, to: OutSpan | undefined): void {
    const end = (out: OutSpan | undefined): LeftOutSpan | null => (out ? leftOutSpan(out) : null);
    this.group(reason).relations.push({
      id: relation.id,
      type: relation.type,
      annotator: relation.annotator,
      from: end(from),
      to: end(to),
    });
  }

  addTokens(reason: LeftOutReason, tokens: readonly LeftOutToken[]): void {
    if (tokens.length > 0) pushAll(this.group(reason).tokens, tokens);
  }

  addDocumentAnnotation(reason: LeftOutReason, annotation: DocumentAnnotation): void {
    this.group(reason).documentAnnotations.push({ annotator: annotation.annotator, labels: annotation.labels, note: annotation.note });
  }

  private group(reason: LeftOutReason): Group {
    let group = this.groups.get(reason);
    if (!group) {
      const unaligned = reason === 'not-token-aligned' || reason === 'no-tokens';
      group = {
        dropped: !KEPT_CHANGED.has(reason) && !(unaligned && this.keepsUnaligned),
        spans: [],
        relations: [],
        documentAnnotations: [],
        tokens: [],
      };
      this.groups.set(reason, group);
    }
    return group;
  }

  list(): LeftOut[] {
    const out: LeftOut[] = [];
    for (const reason of REASON_ORDER) {
      const group = this.groups.get(reason);
      if (!group) continue;
      const entry: LeftOut = {
        documentId: this.documentId,
        reason,
        dropped: group.dropped,
        spans: [...group.spans].sort(compareOut).map(leftOutSpan),
      };
      if (group.relations.length > 0) entry.relations = group.relations;
      if (group.tokens.length > 0) entry.tokens = group.tokens;
      if (group.documentAnnotations.length > 0) {
        entry.documentAnnotations = [...group.documentAnnotations].sort((a, b) => compareText(a.annotator, b.annotator));
      }
      out.push(entry);
    }
    return out;
  }
}

function leftOutSpan({ span, start, end, text }: OutSpan): LeftOutSpan {
  return { id: span.id, layer: span.layer, label: span.label, start, end, text };
}
