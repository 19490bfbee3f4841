// The suggestion flow of the open document: which suggestion is selected, the keys and clicks
// that accept or reject it, accepting all of them (or a label's), and the sources that run in
// the background: same string after a span is made, patterns files and term lists, and the
// tagger retrained when a document is marked Done.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabelSchema, Span, Suggestion } from '../../../src-shared/domain';
import type { Evaluation } from '../../../src-shared/suggestions/evaluation';
import { parsePatterns } from '../../../src-shared/suggestions/patterns';
import { errorMessage } from '../../../src-shared/result';
import type { AnnotationSession } from '../app/annotation-session';
import { proposeFromPatterns, proposeSameString, retrainTagger, withdrawSameString } from '../app/suggestion-sources';
import { openSameStringSearch, type SameStringSearch } from '../app/same-string-search';
import type { SpanwrightDatabase } from '../storage/database';
import { readLimitPolicy } from '../storage/input-limits';
import type { UnreadFile } from '../app/chosen-files';
import type { PatternRules } from '../app/pattern-protocol';
import { readSideFile } from '../app/side-file';
import { countSpans, pairKey, updateCounts, type SpanCounts } from './span-counts';

export interface SuggestionFlow {
  suggestions: readonly Suggestion[];
  selected: Suggestion | undefined;
  select(id: string | null): void;
  step(direction: 1 | -1): Suggestion | undefined;
  acceptSelected(): void;
  rejectSelected(): void;
  /** Accepts the document's pending suggestions, or only those of one label. */
  acceptAll(label?: string): void;
  /** A click on marks (innermost first): accepts the suggestion when it is the innermost; true when it did. */
  click(ids: readonly string[]): boolean;
  /** After a span is made: its text is proposed at its other occurrences. */
  spanMade(span: Span): void;
  /** Reads a patterns file or a term list (for `termLabel`) within the file-size limit and proposes its matches. */
  importRules(file: UnreadFile, termLabel?: string): Promise<void>;
  retrain(): void;
  training: boolean;
  evaluation: Evaluation | null;
}

export function useSuggestionFlow(options: {
  db: SpanwrightDatabase;
  projectId: string;
  schema: LabelSchema;
  annotator: string;
  /** The open document (spans gone from it may withdraw their same-string proposals). */
  documentId: string | null;
  language: string | undefined;
  session: AnnotationSession;
  notify: (message: string, kind: 'info' | 'error') => void;
}): SuggestionFlow {
  const { db, projectId, schema, annotator, documentId, language, session, notify } = options;
  const suggestions = session.suggestions;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [training, setTraining] = useState(false);
  const [evaluation, setEvaluation] = useState<Evaluation | null>(null);
  const selected = suggestions.find((s) => s.id === selectedId);
  const latest = useRef({ session, schema });
  latest.current = { session, schema };

  useEffect(() => setEvaluation(null), [projectId, annotator]);

  // A span undone, deleted or relabelled takes back the same-string proposals it made (once no
  // span of that label and text is left): noted here, withdrawn once the change is stored.
  const seen = useRef<{ documentId: string | null; annotator: string; pairs: SpanCounts } | null>(null);
  const gone = useRef(new Set<string>());
  useEffect(() => {
    if (!session.loaded) return;
    const before = seen.current;
    if (!before || before.documentId !== documentId || before.annotator !== annotator) {
      seen.current = { documentId, annotator, pairs: countSpans(session.spansById, pairKey) };
      return;
    }
    for (const pair of updateCounts(before.pairs, session.spansById)) gone.current.add(pair);
  }, [annotator, documentId, session.loaded, session.spansById]);
  useEffect(() => {
    if (session.pendingWrites > 0 || gone.current.size === 0) return;
    const pairs = [...gone.current].map((key) => {
      const [label = '', text = ''] = key.split('\u0000');
      return { label, text };
    });
    gone.current.clear();
    void withdrawSameString(db, projectId, annotator, pairs)
      .then((withdrawn) => {
        if (withdrawn > 0) latest.current.session.reload();
      })
      .catch((error: unknown) => notify(`Could not withdraw suggestions: ${errorMessage(error)}`, 'error'));
  }, [annotator, db, notify, projectId, session.pendingWrites, session.spans]);

  const step = useCallback(
    (direction: 1 | -1, from?: Suggestion): Suggestion | undefined => {
      if (suggestions.length === 0) return undefined;
      const anchor = from ?? selected;
      const at = anchor ? suggestions.findIndex((s) => s.id === anchor.id) : -1;
      const next =
        at === -1
          ? direction === 1
            ? suggestions[0]
            : suggestions[suggestions.length - 1]
          : suggestions[(at + direction + suggestions.length) % suggestions.length];
      setSelectedId(next?.id ?? null);
      return next;
    },
    [selected, suggestions],
  );

  /** After answering one, the next in the text is selected, so Enter, Enter... goes through them. */
  const answer = useCallback(
    (what: 'accept' | 'reject', suggestion: Suggestion) => {
      const rest = suggestions.filter((s) => s.id !== suggestion.id);
      const next = rest.find((s) => s.start >= suggestion.start) ?? rest[0];
      setSelectedId(next?.id ?? null);
      if (what === 'accept') session.acceptSuggestions([suggestion]);
      else session.rejectSuggestions([suggestion]);
    },
    [session, suggestions],
  );

  const acceptSelected = useCallback(() => {
    if (selected) answer('accept', selected);
  }, [answer, selected]);
  const rejectSelected = useCallback(() => {
    if (selected) answer('reject', selected);
  }, [answer, selected]);

  const acceptAll = useCallback(
    (label?: string) => {
      const chosen = suggestions.filter((s) => label === undefined || s.label === label);
      if (chosen.length === 0) return;
      setSelectedId(null);
      session.acceptSuggestions(chosen);
    },
    [session, suggestions],
  );

  const click = useCallback(
    (ids: readonly string[]) => {
      // Only the innermost mark counts: a click on a span inside (or over) a suggestion selects the span.
      const hit = suggestions.find((s) => s.id === ids[0]);
      if (!hit) return false;
      answer('accept', hit);
      return true;
    },
    [answer, suggestions],
  );

  // The project's same-string search (a worker holding its texts): started by the first span
  // made, ended when the project closes.
  const sameString = useRef<{ db: SpanwrightDatabase; projectId: string; search: SameStringSearch } | null>(null);
  useEffect(
    () => () => {
      sameString.current?.search.close();
      sameString.current = null;
    },
    [db, projectId],
  );

  const spanMade = useCallback(
    (span: Span) => {
      let held = sameString.current;
      if (held?.db !== db || held.projectId !== projectId) {
        held?.search.close();
        held = sameString.current = { db, projectId, search: openSameStringSearch(db, projectId) };
      }
      void proposeSameString(db, held.search, projectId, latest.current.schema, span, language)
        .then((added) => {
          if (added > 0) latest.current.session.reload();
        })
        .catch((error: unknown) => notify(`Could not propose suggestions: ${errorMessage(error)}`, 'error'));
    },
    [db, language, notify, projectId],
  );

  const importRules = useCallback(
    async (chosen: UnreadFile, termLabel?: string) => {
      try {
        const read = await readSideFile(chosen, await readLimitPolicy(db));
        if (!read.ok) {
          notify(`Nothing was read: ${read.error}`, 'error');
          return;
        }
        const known = new Set(latest.current.schema.labels.map((l) => l.name));
        let rules: PatternRules;
        if (termLabel !== undefined) rules = { kind: 'terms', label: termLabel, content: read.value };
        else {
          // Read here for its problems and labels; the worker that matches it reads it again.
          const parsed = parsePatterns(chosen.name, read.value, language);
          for (const issue of parsed.issues.slice(0, 3)) notify(`${issue.file}, line ${issue.line ?? '?'}: ${issue.reason}`, 'error');
          const unknown = parsed.labels.filter((l) => !known.has(l));
          if (unknown.length > 0) notify(`Labels not in this project, left out: ${unknown.join(', ')}`, 'info');
          rules = { kind: 'patterns', file: chosen.name, content: read.value };
        }
        const added = await proposeFromPatterns(db, projectId, latest.current.schema, annotator, rules, language);
        notify(`${added} new suggestion${added === 1 ? '' : 's'} from ${chosen.name}.`, 'info');
        if (added > 0) latest.current.session.reload();
      } catch (error) {
        notify(`Could not propose suggestions from ${chosen.name}: ${errorMessage(error)}`, 'error');
      }
    },
    [annotator, db, language, notify, projectId],
  );

  const retrain = useCallback(() => {
    setTraining(true);
    retrainTagger(db, projectId, latest.current.schema, annotator, language)
      .then(({ evaluation: scores, added }) => {
        setEvaluation(scores);
        if (added > 0) latest.current.session.reload();
      })
      .catch((error: unknown) => notify(`The tagger could not be trained: ${errorMessage(error)}`, 'error'))
      .finally(() => setTraining(false));
  }, [annotator, db, language, notify, projectId]);

  // Retrained as you work: whenever the open document becomes Done.
  const status = session.status;
  const wasDone = useRef(status === 'done');
  useEffect(() => {
    if (status === 'done' && !wasDone.current) retrain();
    wasDone.current = status === 'done';
  }, [retrain, status]);

  return {
    suggestions,
    selected,
    select: setSelectedId,
    step: (direction) => step(direction),
    acceptSelected,
    rejectSelected,
    acceptAll,
    click,
    spanMade,
    importRules,
    retrain,
    training,
    evaluation,
  };
}
