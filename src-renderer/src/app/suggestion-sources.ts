// The suggestion use-cases that run beyond the open document: same-string proposals after a
// span is made, term lists and patterns files, and the tagger (read and trained in a worker). Each
// stores its suggestions through the one writer; none is an undo step (a suggestion is a
// proposal, not an edit). Accepting and rejecting are edits: annotation-session.ts.
import { combineChanges, type ChangeScope } from '../../../src-shared/annotations/change';
import { addSuggestions, removeSuggestions } from '../../../src-shared/annotations/suggestion-edits';
import type { LabelSchema, Span, Suggestion } from '../../../src-shared/domain';
import { ok } from '../../../src-shared/result';
import { toSuggestions, type Candidate, type CoveredText } from '../../../src-shared/suggestions/candidates';
import type { Evaluation } from '../../../src-shared/suggestions/evaluation';
import { commitBuilt } from '../storage/commit';
import { writesSignal } from '../storage/write-permits';
import type { SpanwrightDatabase } from '../storage/database';
import { newId } from './ids';
import type { SameStringSearch } from './same-string-search';
import type { PatternMatches, PatternRules, ToPatternWorker } from './pattern-protocol';
import { matchInProject } from './pattern-run';
import type { TaggerResult, ToTaggerWorker } from './tagger-protocol';
import { trainOnProject } from './tagger-run';
import { runWorkerOnce } from './worker-run';

function scopeOf(documentIds: Iterable<string>): ChangeScope {
  return {
    documents: new Set(documentIds),
    labels: new Set(),
    relationTypes: new Set(),
    categories: false,
    labelDocuments: false,
    newDocuments: new Set(),
  };
}

/**
 * Stores candidates as one annotator's pending suggestions (those under a same-label span or
 * proposed before are left out); `replacing` goes in the same step. Returns how many are new.
 */
export async function storeCandidates(
  db: SpanwrightDatabase,
  projectId: string,
  schema: LabelSchema,
  annotator: string,
  candidates: readonly Candidate[],
  coveredText: CoveredText,
  replacing: readonly Suggestion[] = [],
): Promise<number> {
  const layers = new Map(schema.labels.map((l) => [l.name, l.layer]));
  const suggestions = toSuggestions(candidates, coveredText, {
    projectId,
    annotator,
    layerOf: (label) => layers.get(label),
    newId,
    now: Date.now(),
  });
  const documents = new Set([...suggestions.map((s) => s.documentId), ...replacing.map((s) => s.documentId)]);
  if (documents.size === 0) return 0;
  let added = 0;
  await commitBuilt(
    db,
    projectId,
    scopeOf(documents),
    (state) => {
      const cleared = removeSuggestions(replacing);
      // Build the additions against the state without the replaced ones.
      const remaining = new Map(state.annotations.suggestion);
      for (const s of replacing) remaining.delete(s.id);
      const adding = addSuggestions({ ...state, annotations: { ...state.annotations, suggestion: remaining } }, suggestions);
      added = adding?.type === 'edit' ? adding.added.length : 0;
      return ok(combineChanges([cleared, adding]));
    },
    { annotator },
  );
  return added;
}

/**
 * After a span is made: its text proposed at every other occurrence in the project. `search`
 * (same-string-search.ts) finds them in a worker that keeps the project's texts; the window
 * only stores what it finds, every candidate covering exactly the span's text.
 */
export async function proposeSameString(
  db: SpanwrightDatabase,
  search: SameStringSearch,
  projectId: string,
  schema: LabelSchema,
  span: Span,
  locale?: string,
): Promise<number> {
  const candidates = await search.find(span, locale);
  return storeCandidates(db, projectId, schema, span.annotator, candidates, () => span.text);
}

/**
 * After spans are gone (undone, deleted, relabelled): the same-string proposals they made are
 * withdrawn once no span of the annotator with that label and text is left in the project
 * (pending ones only: a rejection stays). Returns how many were withdrawn.
 */
export async function withdrawSameString(
  db: SpanwrightDatabase,
  projectId: string,
  annotator: string,
  gone: ReadonlyArray<{ label: string; text: string }>,
): Promise<number> {
  const orphaned: Array<{ label: string; text: string }> = [];
  for (const pair of gone) {
    const left = await db.spans
      .where('[projectId+label]')
      .equals([projectId, pair.label])
      .filter((s) => s.annotator === annotator && s.text === pair.text)
      .count();
    if (left === 0) orphaned.push(pair);
  }
  if (orphaned.length === 0) return 0;
  const isOrphan = (s: Suggestion) =>
    s.annotator === annotator &&
    s.source === 'same-string' &&
    s.status === 'pending' &&
    orphaned.some((o) => o.label === s.label && o.text === s.text);
  const candidates = await db.suggestions
    .where('[projectId+label]')
    .anyOf(orphaned.map((o) => [projectId, o.label]))
    .filter(isOrphan)
    .toArray();
  if (candidates.length === 0) return 0;
  let withdrawn = 0;
  await commitBuilt(
    db,
    projectId,
    scopeOf(candidates.map((s) => s.documentId)),
    (state) => {
      const stale = [...state.annotations.suggestion.values()].filter(isOrphan);
      withdrawn = stale.length;
      return ok(removeSuggestions(stale));
    },
    { annotator },
  );
  return withdrawn;
}

/**
 * A term list or patterns file run over every document of the project, in a worker that reads
 * the texts itself (pattern-worker.ts), so the window never reads them; in-line without workers.
 */
export async function proposeFromPatterns(
  db: SpanwrightDatabase,
  projectId: string,
  schema: LabelSchema,
  annotator: string,
  rules: PatternRules,
  locale?: string,
): Promise<number> {
  let matches: PatternMatches;
  if (typeof Worker === 'undefined') matches = await matchInProject(db, projectId, rules, locale);
  else {
    const request: ToPatternWorker = { databaseName: db.name, projectId, rules };
    if (locale) request.locale = locale;
    matches = await runWorkerOnce<PatternMatches>(new Worker(new URL('./pattern-worker.ts', import.meta.url), { type: 'module' }), request, 'pattern search').result;
  }
  const coveredByCandidate = new Map(matches.candidates.map((c, i) => [c, matches.covered[i]]));
  return storeCandidates(db, projectId, schema, annotator, matches.candidates, (c) => coveredByCandidate.get(c));
}

/**
 * Runs the tagger in a web worker, which reads the project itself (tagger-input.ts), so the
 * window never reads every row and text of the project; in-line where there are no workers.
 */
export function runTagger(
  db: SpanwrightDatabase,
  projectId: string,
  annotator: string,
  labels: ReadonlySet<string>,
  locale?: string,
): { result: Promise<TaggerResult>; cancel: () => void } {
  if (typeof Worker === 'undefined') return { result: trainOnProject(db, projectId, annotator, labels, locale), cancel: () => undefined };
  const request: ToTaggerWorker = { databaseName: db.name, projectId, annotator, labels: [...labels] };
  if (locale) request.locale = locale;
  return runWorkerOnce<TaggerResult>(new Worker(new URL('./tagger-worker.ts', import.meta.url), { type: 'module' }), request, 'tagger');
}

/**
 * Retrains the tagger on the annotator's Done documents and replaces their pending model
 * suggestions with the new ones (rejected ones stay, so they are not proposed again).
 */
export async function retrainTagger(
  db: SpanwrightDatabase,
  projectId: string,
  schema: LabelSchema,
  annotator: string,
  locale?: string,
): Promise<{ evaluation: Evaluation; added: number }> {
  const labels = new Set(schema.labels.filter((l) => l.layer === 'entity').map((l) => l.name));
  // Another window taking the project stops the training here (its result could not be stored anyway).
  const lost = writesSignal(db, projectId);
  const tagger = runTagger(db, projectId, annotator, labels, locale);
  lost?.addEventListener('abort', tagger.cancel, { once: true });
  if (lost?.aborted) tagger.cancel();
  const { evaluation, candidates, covered } = await tagger.result.finally(() => lost?.removeEventListener('abort', tagger.cancel));
  const stale = (await db.suggestions.where('projectId').equals(projectId).toArray()).filter(
    (s) => s.annotator === annotator && s.source === 'model' && s.status === 'pending',
  );
  const coveredByCandidate = new Map(candidates.map((c, i) => [c, covered[i]]));
  const added = await storeCandidates(db, projectId, schema, annotator, candidates, (c) => coveredByCandidate.get(c), stale);
  return { evaluation, added };
}
