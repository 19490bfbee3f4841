// Builds the changes that add, accept and reject suggestions. Accepting is one change: the
// suggestion goes and a span (origin 'suggestion') comes, so one undo brings the suggestion
// back; rejecting keeps the suggestion, rejected, so the same proposal is not made again.
import type { Span, Suggestion } from '../domain';
import { combineChanges, type Change } from './change';
import { firstWorkStatus } from './edits';
import { spanRecord, suggestionRecord, type AnnotationRecord } from './kinds';
import type { AnnotationState } from './state';

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

type Placed = Pick<Span, 'documentId' | 'annotator' | 'label' | 'start' | 'end'>;

const ownerKey = (s: Placed) => `${s.documentId}\u0000${s.annotator}\u0000${s.label}`;

/** Spans grouped by document, annotator and label, to ask "does a same-label span overlap this?". */
export class SameLabelSpans {
  private readonly groups = new Map<string, Placed[]>();

  constructor(spans: Iterable<Placed> = []) {
    for (const span of spans) this.add(span);
  }

  add(span: Placed): void {
    const key = ownerKey(span);
    const group = this.groups.get(key);
    if (group) group.push(span);
    else this.groups.set(key, [span]);
  }

  overlaps(item: Placed): boolean {
    return this.groups.get(ownerKey(item))?.some((span) => overlaps(span, item)) ?? false;
  }
}

/** Whether `item` overlaps a span of the same annotator, document and label. */
export function overlapsSameLabel(item: Placed, spans: Iterable<Placed>): boolean {
  return new SameLabelSpans(spans).overlaps(item);
}

/**
 * Stores new suggestions, leaving out any that overlaps a same-label span of its annotator or
 * repeats a suggestion already there (pending or rejected: a rejection is remembered).
 */
export function addSuggestions(state: AnnotationState, suggestions: readonly Suggestion[]): Change | null {
  const spans = new SameLabelSpans(state.annotations.span.values());
  const known = new Set([...state.annotations.suggestion.values()].map(extentKey));
  const added: AnnotationRecord[] = [];
  for (const suggestion of suggestions) {
    const key = extentKey(suggestion);
    if (known.has(key) || state.annotations.suggestion.has(suggestion.id) || spans.overlaps(suggestion)) continue;
    known.add(key);
    added.push(suggestionRecord(suggestion));
  }
  return added.length === 0 ? null : { type: 'edit', removed: [], added };
}

/** One suggestion per annotator, document, label and extent. */
export function extentKey(s: Pick<Suggestion, 'documentId' | 'annotator' | 'label' | 'start' | 'end'>): string {
  return `${s.documentId}\u0000${s.annotator}\u0000${s.label}\u0000${s.start}\u0000${s.end}`;
}

/**
 * Accepts pending suggestions as spans of their annotator (origin 'suggestion'), in one change.
 * Pending suggestions of the same label that the new spans overlap go too (they are answered);
 * a suggestion a same-label span already covers is removed without making a second span.
 */
export function acceptSuggestions(
  state: AnnotationState,
  suggestions: readonly Suggestion[],
  newSpanId: () => string,
  now: number,
): Change | null {
  const spans = new SameLabelSpans(state.annotations.span.values());
  const made: Span[] = [];
  const removed = new Map<string, Suggestion>();
  // Longest first, so of two overlapping suggestions of one label the longer becomes the span.
  const order = [...suggestions]
    .filter((s) => s.status === 'pending')
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const suggestion of order) {
    if (removed.has(suggestion.id)) continue;
    removed.set(suggestion.id, suggestion);
    if (spans.overlaps(suggestion)) continue;
    const span: Span = {
      id: newSpanId(),
      projectId: suggestion.projectId,
      documentId: suggestion.documentId,
      annotator: suggestion.annotator,
      layer: suggestion.layer,
      label: suggestion.label,
      start: suggestion.start,
      end: suggestion.end,
      text: suggestion.text,
      attributes: {},
      origin: 'suggestion',
      createdAt: now,
      updatedAt: now,
    };
    made.push(span);
    spans.add(span);
  }
  if (removed.size === 0) return null;
  const madeIndex = new SameLabelSpans(made);
  for (const other of state.annotations.suggestion.values()) {
    if (other.status === 'pending' && !removed.has(other.id) && madeIndex.overlaps(other)) removed.set(other.id, other);
  }
  const owners = new Map(made.map((s) => [`${s.documentId}\u0000${s.annotator}`, s]));
  return combineChanges([
    { type: 'edit', removed: [...removed.values()].map(suggestionRecord), added: made.map(spanRecord) },
    ...[...owners.values()].map((s) => firstWorkStatus(state, s.documentId, s.annotator)),
  ]);
}

/** Marks pending suggestions rejected (kept, so they are not proposed again). */
export function rejectSuggestions(suggestions: readonly Suggestion[], now: number): Change | null {
  const pending = suggestions.filter((s) => s.status === 'pending');
  if (pending.length === 0) return null;
  return {
    type: 'edit',
    removed: pending.map(suggestionRecord),
    added: pending.map((s) => suggestionRecord({ ...s, status: 'rejected', updatedAt: now })),
  };
}

/** Removes suggestions outright (the tagger's stale ones when it is retrained). */
export function removeSuggestions(suggestions: readonly Suggestion[]): Change | null {
  return suggestions.length === 0 ? null : { type: 'edit', removed: suggestions.map(suggestionRecord), added: [] };
}

/**
 * The suggestions to show an annotator: pending, and not under a same-label span of theirs. Runs
 * after every change of the open document: only spans of the pending suggestions' labels are
 * indexed, and none when there is no pending suggestion (20,000 spans cost 20 ms a label).
 */
export function visibleSuggestions(suggestions: Iterable<Suggestion>, spans: Iterable<Span>): Suggestion[] {
  const pending = [...suggestions].filter((s) => s.status === 'pending');
  if (pending.length === 0) return [];
  const labels = new Set(pending.map((s) => s.label));
  const index = new SameLabelSpans();
  for (const span of spans) if (labels.has(span.label)) index.add(span);
  return pending.filter((s) => !index.overlaps(s)).sort((a, b) => a.start - b.start || b.end - a.end);
}
