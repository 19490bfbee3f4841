// Proposals a file carries that nobody accepted (Prodigy tasks answered reject or ignore,
// Label Studio predictions) are read like spans, then moved here: they import as suggestions,
// never as annotations, so they never come out of an export as if someone had made them.
import type { DocumentDraft, SuggestionDraft } from '../domain';

/**
 * Moves a draft's spans into its suggestions with the given status (and the file's scores, by
 * span index). Their relations cannot be kept on a suggestion: the returned notes say so.
 * (Attributes and notes of proposed spans are not kept either.)
 */
export function spansAsSuggestions(
  draft: DocumentDraft,
  status: SuggestionDraft['status'],
  why: string,
  scores: ReadonlyArray<number | undefined> = [],
): string[] {
  const notes: string[] = [];
  draft.suggestions = [
    ...(draft.suggestions ?? []),
    ...draft.spans.map((span, index) => {
      const suggestion: SuggestionDraft = { label: span.label, start: span.start, end: span.end, status };
      if (span.annotator !== undefined) suggestion.annotator = span.annotator;
      const score = scores[index];
      if (score !== undefined) suggestion.score = score;
      return suggestion;
    }),
  ];
  const relations = draft.relations?.length ?? 0;
  if (relations > 0) notes.push(`${relations} relation${relations > 1 ? 's' : ''} not imported: ${why}, and a suggestion has no relations`);
  draft.spans = [];
  delete draft.relations;
  return notes;
}
