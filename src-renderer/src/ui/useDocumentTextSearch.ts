// The document list's text search: which documents' texts hold the filter's words, searched
// in storage a moment after the last keystroke, so typing never waits on it.
import { useEffect, useState } from 'react';
import type { MatchInContext } from '../../../src-shared/find';
import type { SpanwrightDatabase } from '../storage/database';
import { searchDocumentTexts } from '../storage/documents';

const TYPING_PAUSE_MS = 200;

export interface DocumentTextSearch {
  /** Documents whose text matched, with the match in context; empty with no query. */
  matches: ReadonlyMap<string, MatchInContext>;
  /** True while the texts are being searched for the current query. */
  searching: boolean;
}

const NONE: ReadonlyMap<string, MatchInContext> = new Map();

/** `documentIds`: the project's documents (an array that stays the same while they do). */
export function useDocumentTextSearch(
  db: SpanwrightDatabase,
  documentIds: readonly string[] | undefined,
  query: string,
): DocumentTextSearch {
  const [result, setResult] = useState<{ query: string; matches: ReadonlyMap<string, MatchInContext> }>({ query: '', matches: NONE });
  const wanted = query.trim();

  useEffect(() => {
    // Texts never change: a search runs again only when which documents there are does.
    if (wanted === '' || documentIds === undefined) return;
    let stale = false;
    const timer = setTimeout(() => {
      void searchDocumentTexts(db, documentIds, wanted, () => stale).then((matches) => {
        if (matches && !stale) setResult({ query: wanted, matches });
      });
    }, TYPING_PAUSE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [db, documentIds, wanted]);

  if (wanted === '') return { matches: NONE, searching: false };
  // While a new query is searched, the last results stay (typing usually narrows them).
  return { matches: result.matches, searching: result.query !== wanted };
}
