// Changing a document draft's spans before they are kept: moving them onto another version of
// the text (a teammate's near-identical copy) or renaming and leaving out labels (a teammate's
// label map). Relations follow their spans; what cannot be kept is handed back, never dropped
// without a word.
import type { DocumentDraft, SourcedSpanDraft, SuggestionDraft } from '../domain';
import { rangeMapper, type DiffPart } from '../review/text-difference';

export interface RevisedDraft {
  draft: DocumentDraft;
  /** Spans left out, as they were. */
  leftOut: SourcedSpanDraft[];
  /** Relations left out because an end was left out. */
  leftOutRelations: number;
  /** Suggestions left out. */
  leftOutSuggestions: number;
}

/**
 * The draft with each span (and suggestion) revised: `revise` gives the span to keep, or null
 * to leave it out (with the relations at it).
 */
export function reviseSpans(
  draft: DocumentDraft,
  revise: <T extends SourcedSpanDraft | SuggestionDraft>(span: T) => T | null,
  text: string = draft.text,
): RevisedDraft {
  const spans: SourcedSpanDraft[] = [];
  const leftOut: SourcedSpanDraft[] = [];
  const newIndex: Array<number | undefined> = [];
  for (const span of draft.spans) {
    const revised = revise(span);
    if (revised) {
      newIndex.push(spans.length);
      spans.push(revised);
    } else {
      newIndex.push(undefined);
      leftOut.push(span);
    }
  }
  const relations = [];
  let leftOutRelations = 0;
  for (const relation of draft.relations ?? []) {
    const from = newIndex[relation.from];
    const to = newIndex[relation.to];
    if (from === undefined || to === undefined) leftOutRelations++;
    else relations.push({ ...relation, from, to });
  }
  const suggestions: SuggestionDraft[] = [];
  let leftOutSuggestions = 0;
  for (const suggestion of draft.suggestions ?? []) {
    const revised = revise(suggestion);
    if (revised) suggestions.push(revised);
    else leftOutSuggestions++;
  }
  const revised: DocumentDraft = { ...draft, text, spans };
  if (draft.relations) revised.relations = relations;
  if (draft.suggestions) revised.suggestions = suggestions;
  return { draft: revised, leftOut, leftOutRelations, leftOutSuggestions };
}

/**
 * The draft moved onto our version of its text (`parts`: a comparison of our text with the
 * draft's): each span keeps its characters where they are unchanged text in both; a span that
 * touches text that differs is left out (never shifted onto other words).
 */
export function draftOntoText(draft: DocumentDraft, ourText: string, parts: readonly DiffPart[]): RevisedDraft {
  const map = rangeMapper(parts);
  return reviseSpans(
    draft,
    (span) => {
      const mapped = map(span.start, span.end);
      return mapped ? { ...span, start: mapped.start, end: mapped.end } : null;
    },
    ourText,
  );
}

/** The draft with labels renamed (`LOC` -> `GPE`) or left out (null); labels the map does not name stay. */
export function relabelDraft(draft: DocumentDraft, labelMap: Readonly<Record<string, string | null>>): RevisedDraft {
  return reviseSpans(draft, (span) => {
    if (!Object.hasOwn(labelMap, span.label)) return span;
    const to = labelMap[span.label];
    return to === null || to === undefined ? null : { ...span, label: to };
  });
}
