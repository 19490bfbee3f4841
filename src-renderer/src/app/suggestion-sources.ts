// The suggestion use-cases that run beyond the open document: same-string proposals after a
// span is made, term lists and patterns files, and the tagger (read and trained in a worker). Each
// stores its suggestions through the one writer; none is an undo step (a suggestion is a
// proposal, not an edit). Accepting and rejecting are edits: annotation-session.ts.
import { combineChanges, type ChangeScope } from '../../../src-shared/annotations/change';
import { addSuggestions, removeSuggestions } from '../../../src-shared/annotations/suggestion-edits';
import type { LabelSchema, Span, Suggestion } from '../../../src-shared/domain';
import { ok } from '../../../src-shared/result';
import { coveredIn, toSuggestions, tokenizedDocument, type Candidate, type CoveredText } from '../../../src-shared/suggestions/candidates';
import type { Evaluation } from '../../../src-shared/suggestions/evaluation';
import { patternCandidates, type MatchPattern } from '../../../src-shared/suggestions/patterns';
import { commitBuilt } from '../storage/commit';
import { writesSignal } from '../storage/write-permits';
import type { SpanwrightDatabase } from '../storage/database';
import { newId } from './ids';
import type { SameStringSearch } from './same-string-search';
import type { FromTaggerWorker, TaggerResult, ToTaggerWorker } from './tagger-protocol';
import { trainOnProject } from './tagger-run';

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

/** Texts already read, per database and project: a stored text never changes, so only new documents are read. */
const textCache = new WeakMap<SpanwrightDatabase, Map<string, Map<string, string>>>();

/** Every document of the project with its text. */
async function projectTexts(db: SpanwrightDatabase, projectId: string): Promise<Map<string, string>> {
  let projects = textCache.get(db);
  if (!projects) textCache.set(db, (projects = new Map()));
  const cached = projects.get(projectId) ?? new Map<string, string>();
  const ids = await db.documents.where('projectId').equals(projectId).primaryKeys();
  const missing = ids.filter((id) => !cached.has(id));
  for (const t of await db.texts.bulkGet(missing)) if (t) cached.set(t.documentId, t.text);
  const current = new Set(ids);
  for (const id of [...cached.keys()]) if (!current.has(id)) cached.delete(id);
  projects.set(projectId, cached);
  return new Map(cached);
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

/** A term list or patterns file run over every document of the project. */
export async function proposeFromPatterns(
  db: SpanwrightDatabase,
  projectId: string,
  schema: LabelSchema,
  annotator: string,
  patterns: readonly MatchPattern[],
  source: 'dictionary' | 'pattern',
  locale?: string,
): Promise<number> {
  const texts = await projectTexts(db, projectId);
  const candidates = [...texts].flatMap(([id, text]) => patternCandidates(tokenizedDocument(id, text, locale), patterns, source));
  return storeCandidates(db, projectId, schema, annotator, candidates, coveredIn(texts));
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
  const worker = new Worker(new URL('./tagger-worker.ts', import.meta.url), { type: 'module' });
  let stop!: () => void;
  const result = new Promise<TaggerResult>((resolve, reject) => {
    stop = () => {
      worker.terminate();
      reject(new Error('The tagger was stopped.'));
    };
    worker.onmessage = (event: MessageEvent<FromTaggerWorker>) => {
      worker.terminate();
      const answer = event.data;
      if (answer.ok) resolve({ evaluation: answer.evaluation, candidates: answer.candidates, covered: answer.covered });
      else reject(new Error(answer.reason));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    const message: ToTaggerWorker = { databaseName: db.name, projectId, annotator, labels: [...labels] };
    if (locale) message.locale = locale;
    worker.postMessage(message);
  });
  return { result, cancel: () => stop() };
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
