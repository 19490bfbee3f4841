// Names to show for annotators: you, teammates and gold, and who has spans in the project.
import { useMemo } from 'react';
import { GOLD_ANNOTATOR, type Annotator } from '../../../src-shared/domain';

/** A name to show for an annotator who may not have chosen one yet. */
export function displayName(annotator: Annotator): string {
  return annotator.name.trim() || `Annotator ${annotator.id.slice(0, 4)}`;
}

/** How the UI marks you among annotators ("Ana (you)"). Files and reports name you without it. */
export const YOU_MARK = ' (you)';

/** A name as files and reports give it: without the UI's "(you)". */
export function withoutYouMark(name: string): string {
  return name.endsWith(YOU_MARK) ? name.slice(0, -YOU_MARK.length) : name;
}

export function useAnnotatorNames(
  annotators: readonly Annotator[] | undefined,
  you: Annotator,
  /** Annotators with spans in the project (app/document-index.ts `annotatorsWithSpans`). */
  spanAnnotators: readonly string[] | undefined,
) {
  const names = useMemo(() => {
    const map = new Map((annotators ?? []).map((a) => [a.id, displayName(a)]));
    map.set(you.id, `${displayName(you)}${YOU_MARK}`);
    map.set(GOLD_ANNOTATOR.id, GOLD_ANNOTATOR.name);
    return map;
  }, [annotators, you]);
  // Annotators with spans in this project (for the agreement view): you first, gold last.
  const projectAnnotators = useMemo(() => {
    const ids = new Set(spanAnnotators ?? []);
    const rank = (id: string) => (id === you.id ? 0 : id === GOLD_ANNOTATOR.id ? 2 : 1);
    return [...ids].sort((a, b) => rank(a) - rank(b) || (names.get(a) ?? a).localeCompare(names.get(b) ?? b));
  }, [spanAnnotators, you.id, names]);
  return { names, projectAnnotators };
}
