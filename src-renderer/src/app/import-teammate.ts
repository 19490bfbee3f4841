// Merging a teammate's exported work into this project: their annotations become their own annotation set
// on the matching documents (by id, then by text hash, then by near-identical text), replacing
// what an earlier import of theirs put there. Your set and the gold set are never changed by an
// import. On a near-identical text their spans are carried onto ours through a word-level
// comparison; a span in text that differs is left out and listed (docs/teamwork.md).
import { combineChanges, type Change } from '../../../src-shared/annotations/change';
import { schemaChange, statusChange } from '../../../src-shared/annotations/edits';
import { annotationsFromDraft } from '../../../src-shared/annotations/from-draft';
import type { AnnotationRecord } from '../../../src-shared/annotations/kinds';
import { createState, statusIn } from '../../../src-shared/annotations/state';
import {
  GOLD_ANNOTATOR,
  type Annotator,
  type DocumentDraft,
  type DocumentRecord,
  type DocumentStatus,
  type LabelSchema,
  type RelationDraft,
  type SourcedSpanDraft,
} from '../../../src-shared/domain';
import type { ReadOptions } from '../../../src-shared/formats/format-module';
import type { ImportIssue, ParsedDocument, ReadQuestion, UnknownLabel } from '../../../src-shared/formats/import-result';
import { addImportedSchemaItems, labelsForImportedNames } from '../../../src-shared/schema-rules';
import { draftOntoText, relabelDraft } from '../../../src-shared/formats/draft-spans';
import {
  compareTexts,
  condenseParts,
  describeTextDifference,
  NEAR_IDENTICAL,
  similarityBound,
  wordCounts,
  type DiffPart,
  type TextComparison,
} from '../../../src-shared/review/text-difference';
import { commitInOpenTransaction, writeScope } from '../storage/commit';
import { readLimitPolicy } from '../storage/input-limits';
import type { SpanwrightDatabase } from '../storage/database';
import { readDocumentAnnotations, usedAnnotationIds } from '../storage/spans';
import { assertMayWrite } from '../storage/write-permits';
import { buildImportChange, idAllocator, tallyUnknownLabels } from './import-change';
import { requestsOf, type ImportFile } from './import-job';
import { readImportItems, requestBytes } from './import-reading';
import { pushAll } from '../../../src-shared/push-all';

export interface TeammateAnnotations {
  annotator: string;
  spans: SourcedSpanDraft[];
  status?: DocumentStatus;
}

export interface TeammateMatch {
  documentId: string;
  title: string;
  /** Each teammate's annotations for it. */
  annotationSets: TeammateAnnotations[];
  /** The file's documents for it, with every annotation given its teammate and yours and gold's left out. */
  drafts: DocumentDraft[];
}

export interface TeammatePlan {
  projectId: string;
  files: string[];
  matches: TeammateMatch[];
  /** Same id as a project document, a text less than near-identical: never merged. */
  mismatches: Array<{ file: string; line?: number; title: string; reason: string }>;
  /**
   * Same document, a different text (at least NEAR_IDENTICAL alike, word by word): merged, with
   * the spans carried onto our text; those in text that differs are left out, listed here.
   */
  nearMatches: NearMatch[];
  /** Every label their spans use (in the matched and the new documents), for the label map. */
  theirLabels: Array<{ name: string; count: number }>;
  /** The project's label names when the plan was made (what their labels can be mapped to). */
  ourLabels: string[];
  /** Documents the project does not have (can be added as new documents). */
  unmatched: Array<ParsedDocument & { textHash: string }>;
  /** Spans of yours or of the gold set found in the files: left alone. */
  protectedSpans: number;
  annotators: Array<{ id: string; name: string; spans: number; documents: number }>;
  issues: ImportIssue[];
  unknownLabels: UnknownLabel[];
  /** What the user said about the files (a label list, an offset unit): the plan was read with it. */
  options: ReadOptions;
  /** What the user could say that would change how the files are read (the dialog offers it). */
  asks: ReadQuestion[];
}

export interface NearMatch {
  file: string;
  line?: number;
  documentId: string;
  /** Our document's title. */
  title: string;
  similarity: number;
  /** What differs, with long unchanged text cut short (ours, then theirs, where they differ). */
  parts: DiffPart[];
  /** Their spans that fall into text that differs: not merged. */
  leftOut: Array<{ annotator: string; label: string; text: string }>;
  leftOutRelations: number;
}

const PROTECTED = (self: Annotator) => new Set([self.id, GOLD_ANNOTATOR.id]);

/** The annotator a span without one belongs to: named after the file it came from. */
function fileAnnotator(file: string): Annotator {
  const stem = file.replace(/\.[^.]+$/, '');
  return { id: `file:${stem}`, name: stem };
}

/**
 * Reads the files (a JSONL file a slice at a time, from a browser File in a worker) and matches
 * their documents with the project's; writes nothing. Runs in the import worker
 * (teammate-job.ts), so the window never holds the files nor the plan's documents.
 */
export async function planTeammateImport(
  db: SpanwrightDatabase,
  projectId: string,
  self: Annotator,
  files: readonly ImportFile[],
  /** What the user said about the files (the dialog's label list and offset unit). */
  options: ReadOptions = {},
  onProgress?: (done: number, total: number) => void,
): Promise<TeammatePlan> {
  const project = await db.projects.get(projectId);
  if (!project) throw new Error('The project no longer exists.');
  const docs = await db.documents.where('projectId').equals(projectId).toArray();
  const bySourceId = new Map(docs.map((d) => [d.sourceId, d]));
  const byHash = new Map(docs.map((d) => [d.textHash, d]));
  const plan: TeammatePlan = {
    projectId,
    files: files.map((f) => f.name),
    matches: [],
    mismatches: [],
    nearMatches: [],
    theirLabels: [],
    ourLabels: project.schema.labels.map((l) => l.name),
    unmatched: [],
    protectedSpans: 0,
    annotators: [],
    issues: [],
    unknownLabels: [],
    options,
    asks: [],
  };
  const asks = new Set<ReadQuestion>();
  const names = new Map<string, string>();
  const unknown = new Map<string, UnknownLabel>();
  const protectedIds = PROTECTED(self);
  const matched = new Map<string, TeammateMatch>();
  // Our texts, read only when a document matches neither by id nor by hash.
  const texts = new Map<string, { text: string; counts?: Map<string, number> }>();
  const ourText = async (doc: DocumentRecord) => {
    let entry = texts.get(doc.id);
    if (!entry) {
      entry = { text: (await db.texts.get(doc.id))?.text ?? '' };
      texts.set(doc.id, entry);
    }
    return entry;
  };
  /** The project document most like `text`, at least NEAR_IDENTICAL alike. */
  const nearest = async (text: string): Promise<{ target: DocumentRecord; comparison: TextComparison } | null> => {
    let best: { target: DocumentRecord; comparison: TextComparison } | null = null;
    let counts: Map<string, number> | undefined;
    for (const doc of docs) {
      // Texts 95 % alike in words are within a few percent in length: most are never read.
      if (Math.abs(doc.textLength - text.length) > 0.15 * Math.max(doc.textLength, text.length)) continue;
      const ours = await ourText(doc);
      ours.counts ??= wordCounts(ours.text);
      counts ??= wordCounts(text);
      const needed = Math.max(NEAR_IDENTICAL, best?.comparison.similarity ?? 0);
      if (similarityBound(counts, ours.counts, needed) < needed) continue;
      const comparison = compareTexts(ours.text, text, NEAR_IDENTICAL);
      if (comparison && comparison.similarity > (best?.comparison.similarity ?? 0)) best = { target: doc, comparison };
    }
    return best;
  };
  const leftOutNames: Array<NearMatch['leftOut'][number]> = [];
  const requests = requestsOf({ files: [...files], schema: project.schema, options: { ...options, limits: await readLimitPolicy(db) } });
  const total = requests.reduce((sum, r) => sum + requestBytes(r), 0);
  onProgress?.(0, total);
  for (const item of readImportItems(requests, (read) => onProgress?.(read, total))) {
    if (item.kind === 'issue') plan.issues.push(item.issue);
    else if (item.kind === 'file-end') {
      for (const question of item.asks) asks.add(question);
      tallyUnknownLabels(unknown, item.unknownLabels);
    } else {
      const { document: doc, textHash } = item;
      for (const a of doc.draft.annotators ?? []) names.set(a.id, a.name);
      const byId = doc.draft.id !== undefined ? bySourceId.get(doc.draft.id) : undefined;
      let target: DocumentRecord | undefined = byId ?? byHash.get(textHash);
      let near: { target: DocumentRecord; comparison: TextComparison } | null = null;
      if (byId && byId.textHash !== textHash) {
        const ours = (await ourText(byId)).text;
        const comparison = compareTexts(ours, doc.draft.text, NEAR_IDENTICAL);
        if (!comparison) {
          plan.mismatches.push({
            file: doc.file,
            line: doc.line,
            title: doc.draft.meta.title,
            reason: describeTextDifference(ours, doc.draft.text) ?? 'the text differs',
          });
          continue;
        }
        near = { target: byId, comparison };
      } else if (!target) {
        near = await nearest(doc.draft.text);
        if (!near) {
          plan.unmatched.push({ ...doc, textHash });
          continue;
        }
      }
      if (near) target = near.target;
      if (!target) continue;
      const sets = new Map<string, TeammateAnnotations>();
      const owned = ownedDraft(
        doc.draft,
        () => {
          const fallback = fileAnnotator(doc.file);
          names.set(fallback.id, fallback.name);
          return fallback.id;
        },
        protectedIds,
      );
      plan.protectedSpans += owned.protectedSpans;
      let nearMatch: NearMatch | undefined;
      if (near) {
        const moved = draftOntoText(owned.draft, (await ourText(near.target)).text, near.comparison.parts);
        const leftOut = moved.leftOut.map((span) => ({
          annotator: span.annotator as string,
          label: span.label,
          text: doc.draft.text.slice(span.start, span.end),
        }));
        pushAll(leftOutNames, leftOut);
        nearMatch = {
          file: doc.file,
          line: doc.line,
          documentId: near.target.id,
          title: near.target.meta.title,
          similarity: near.comparison.similarity,
          parts: condenseParts(near.comparison.parts),
          leftOut,
          leftOutRelations: moved.leftOutRelations,
        };
        owned.draft = moved.draft;
      }
      for (const span of owned.draft.spans) {
        const annotator = span.annotator as string;
        const set = sets.get(annotator) ?? { annotator, spans: [] };
        set.spans.push(span);
        sets.set(annotator, set);
      }
      for (const annotation of owned.draft.documentAnnotations ?? []) {
        const annotator = annotation.annotator as string;
        if (!sets.has(annotator)) sets.set(annotator, { annotator, spans: [] });
      }
      // A teammate's status comes with their set, even for a document they left empty.
      for (const [who, status] of Object.entries(doc.draft.statuses ?? {})) {
        if (protectedIds.has(who)) continue;
        const set = sets.get(who) ?? { annotator: who, spans: [] };
        set.status = status;
        sets.set(who, set);
      }
      if (sets.size === 0) continue;
      // Shown only when something of theirs is merged into it.
      if (nearMatch) plan.nearMatches.push(nearMatch);
      const match = matched.get(target.id) ?? { documentId: target.id, title: target.meta.title, annotationSets: [], drafts: [] };
      match.drafts.push(owned.draft);
      for (const set of sets.values()) {
        const existing = match.annotationSets.find((l) => l.annotator === set.annotator);
        if (existing) pushAll(existing.spans, set.spans);
        else match.annotationSets.push(set);
      }
      matched.set(target.id, match);
    }
  }
  plan.matches = [...matched.values()];
  plan.unknownLabels = [...unknown.values()];
  plan.asks = [...asks].sort();
  const perAnnotator = new Map<string, { spans: number; documents: number }>();
  for (const match of plan.matches) {
    for (const set of match.annotationSets) {
      const tally = perAnnotator.get(set.annotator) ?? { spans: 0, documents: 0 };
      tally.spans += set.spans.length;
      tally.documents += 1;
      perAnnotator.set(set.annotator, tally);
    }
  }
  plan.annotators = [...perAnnotator].map(([id, tally]) => ({ id, name: names.get(id) ?? id, ...tally }));
  for (const entry of leftOutNames) entry.annotator = names.get(entry.annotator) ?? entry.annotator;
  const labelCounts = new Map<string, number>();
  for (const draft of [...plan.matches.flatMap((m) => m.drafts), ...plan.unmatched.map((d) => d.draft)]) {
    for (const span of draft.spans) labelCounts.set(span.label, (labelCounts.get(span.label) ?? 0) + 1);
  }
  plan.theirLabels = [...labelCounts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return plan;
}

/**
 * The draft with every span, relation and document annotation given an annotator (the file's
 * name stands in where none is given), and those of yours and gold's left out (counted).
 */
function ownedDraft(
  draft: DocumentDraft,
  fallback: () => string,
  protectedIds: ReadonlySet<string>,
): { draft: DocumentDraft; protectedSpans: number } {
  let fallbackId: string | undefined;
  const owner = (annotator: string | undefined) => annotator ?? (fallbackId ??= fallback());
  let protectedSpans = 0;
  const newIndex: Array<number | undefined> = [];
  const spans: SourcedSpanDraft[] = [];
  for (const span of draft.spans) {
    const annotator = owner(span.annotator);
    if (protectedIds.has(annotator)) {
      protectedSpans++;
      newIndex.push(undefined);
      continue;
    }
    newIndex.push(spans.length);
    spans.push({ ...span, annotator });
  }
  const relations: RelationDraft[] = [];
  for (const relation of draft.relations ?? []) {
    const from = newIndex[relation.from];
    const to = newIndex[relation.to];
    if (from !== undefined && to !== undefined) relations.push({ ...relation, from, to, annotator: spans[from]?.annotator });
  }
  const documentAnnotations = (draft.documentAnnotations ?? [])
    .map((a) => ({ ...a, annotator: owner(a.annotator) }))
    .filter((a) => !protectedIds.has(a.annotator));
  return { draft: { ...draft, spans, relations, documentAnnotations }, protectedSpans };
}

export interface TeammateOutcome {
  documents: number;
  spans: number;
  newDocuments: number;
  droppedSpans: number;
  /** Spans whose label the label map leaves out. */
  leftOutByLabelMap: number;
}

export interface TeammateMergeOptions {
  addNewDocuments: boolean;
  addUnknownLabels: boolean;
  /** Their label -> yours (`LOC` -> `GPE`), or null to leave its spans out; labels not named stay as they are. */
  labelMap?: Readonly<Record<string, string | null>>;
}

/**
 * Replaces each teammate's annotations on the matched documents (and adds new documents), as one
 * change, written in one transaction that `assertWriter` opens (this window's permit, or the one
 * it lent the import worker).
 */
export async function commitTeammateImport(
  db: SpanwrightDatabase,
  plan: TeammatePlan,
  schema: LabelSchema,
  self: Annotator,
  options: TeammateMergeOptions,
  assertWriter: (db: SpanwrightDatabase) => Promise<void> = (open) => assertMayWrite(open, plan.projectId),
): Promise<TeammateOutcome> {
  const now = Date.now();
  // The schema as stored now: the plan may have been made before a label was edited.
  schema = (await db.projects.get(plan.projectId))?.schema ?? schema;
  const outcome: TeammateOutcome = { documents: plan.matches.length, spans: 0, newDocuments: 0, droppedSpans: 0, leftOutByLabelMap: 0 };
  const labelMap = options.labelMap ?? {};
  const relabel = (draft: DocumentDraft) => {
    const revised = relabelDraft(draft, labelMap);
    outcome.leftOutByLabelMap += revised.leftOut.length;
    return revised.draft;
  };
  const matches = plan.matches.map((m) => ({ ...m, drafts: m.drafts.map(relabel) }));
  const unmatched = options.addNewDocuments ? plan.unmatched.map((d) => ({ ...d, draft: relabel(d.draft) })) : [];
  // A label mapped to one of yours (or left out) is not one the project lacks.
  const unknownLabels = plan.unknownLabels.filter((u) => !Object.hasOwn(labelMap, u.name));
  const fresh = options.addUnknownLabels ? labelsForImportedNames(schema, unknownLabels) : [];
  const allDrafts = [...matches.flatMap((m) => m.drafts), ...unmatched.map((d) => d.draft)];
  const grown = addImportedSchemaItems({ ...schema, labels: [...schema.labels, ...fresh] }, allDrafts);
  const labels = new Map(grown.labels.map((l) => [l.name, l]));
  const relationTypes = new Set(grown.relationTypes.map((t) => t.name));
  const categories = new Set(grown.documentCategories.map((c) => c.name));

  const removed: AnnotationRecord[] = [];
  const added: AnnotationRecord[] = [];
  const statusChanges: Change[] = [];
  const named = allDrafts.flatMap((d) => [
    ...d.spans.flatMap((s) => (s.sourceId ? [s.sourceId] : [])),
    ...(d.relations ?? []).flatMap((r) => (r.sourceId ? [r.sourceId] : [])),
  ]);
  const taken = await usedAnnotationIds(db, plan.projectId, named);
  const idFor = idAllocator(taken);
  for (const match of matches) {
    const doc = await db.documents.get(match.documentId);
    if (!doc) throw new Error(`“${match.title}” is no longer in the project.`);
    const replaced = new Set(match.annotationSets.map((l) => l.annotator));
    const existing = (await readDocumentAnnotations(db, match.documentId)).filter((r) => replaced.has(r.value.annotator));
    pushAll(removed, existing);
    // Their old ids are free again: a re-import keeps them.
    for (const record of existing) if (record.kind !== 'document') taken.delete(record.value.id);
    for (const draft of match.drafts) {
      const made = annotationsFromDraft(draft, {
        projectId: plan.projectId,
        documentId: match.documentId,
        annotator: self.id,
        labels,
        relationTypes,
        categories,
        idFor,
        now,
        origin: 'teammate',
      });
      pushAll(added, made.records);
      outcome.spans += made.spans.length;
      outcome.droppedSpans += made.droppedSpans;
    }
    const state = createState(
      grown,
      [],
      Object.entries(doc.statuses).map(([annotator, status]) => ({ documentId: doc.id, annotator, status })),
    );
    for (const set of match.annotationSets) {
      const spansNow = added.some((r) => r.kind === 'span' && r.value.documentId === doc.id && r.value.annotator === set.annotator);
      const to = set.status ?? (spansNow ? 'in_progress' : statusIn(state, doc.id, set.annotator));
      const change = statusChange(state, doc.id, set.annotator, to);
      if (change) statusChanges.push(change);
    }
  }
  let documents: Change | null = null;
  const annotators = plan.annotators.map(({ id, name }) => ({ id, name }));
  if (unmatched.length > 0) {
    const built = await buildImportChange(
      db,
      { projectId: plan.projectId, documents: unmatched, unknownLabels: [] },
      grown,
      self.id,
      false,
      'teammate',
      taken,
    );
    documents = built.change;
    pushAll(annotators, built.annotators);
    outcome.newDocuments = built.outcome.documents;
    outcome.spans += built.outcome.spans;
    outcome.droppedSpans += built.outcome.droppedSpans;
  }
  const change = combineChanges([
    schemaChange(schema, grown),
    removed.length + added.length > 0 ? { type: 'edit', removed, added } : null,
    ...statusChanges,
    documents,
  ]);
  if (change)
    await db.transaction('rw', writeScope(db), async () => {
      await assertWriter(db);
      await commitInOpenTransaction(db, plan.projectId, change, { annotator: self.id }, { annotators });
    });
  return outcome;
}
