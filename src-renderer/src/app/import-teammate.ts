// Merging a teammate's exported work into this project: their spans become their own layer
// on the matching documents (by id, then by text hash), replacing what an earlier import of
// theirs put there. Your layer and the gold layer are never changed by an import.
import { GOLD_ANNOTATOR, type Annotator, type DocumentRecord, type DocumentStatus, type LabelSchema, type SourcedSpanDraft, type Span } from '../../../src-shared/domain';
import { addSpanCounts } from '../../../src-shared/document-rules';
import type { ImportIssue, ParsedDocument, UnknownLabel } from '../../../src-shared/formats/import-result';
import { labelsForImportedNames } from '../../../src-shared/schema-rules';
import { describeTextDifference } from '../../../src-shared/review/text-difference';
import type { SpanwrightDatabase } from '../storage/database';
import { addLabels } from '../storage/projects';
import { newId } from './ids';
import { commitImport, tallyUnknownLabels, type ImportPlan, type InputFile } from './import-documents';
import { defaultParser, groupImportFiles, type FileParser } from './parse-files';

export interface TeammateLayer {
  annotator: string;
  spans: SourcedSpanDraft[];
  status?: DocumentStatus;
}

export interface TeammateMatch {
  documentId: string;
  title: string;
  layers: TeammateLayer[];
}

export interface TeammatePlan {
  projectId: string;
  files: string[];
  matches: TeammateMatch[];
  /** Same id as a project document, different text: never merged. */
  mismatches: Array<{ file: string; line?: number; title: string; reason: string }>;
  /** Documents the project does not have (can be added as new documents). */
  unmatched: Array<ParsedDocument & { textHash: string }>;
  /** Spans of yours or of the gold layer found in the files: left alone. */
  protectedSpans: number;
  annotators: Array<{ id: string; name: string; spans: number; documents: number }>;
  issues: ImportIssue[];
  unknownLabels: UnknownLabel[];
}

const PROTECTED = (self: Annotator) => new Set([self.id, GOLD_ANNOTATOR.id]);

/** The annotator a span without one belongs to: named after the file it came from. */
function fileAnnotator(file: string): Annotator {
  const stem = file.replace(/\.[^.]+$/, '');
  return { id: `file:${stem}`, name: stem };
}

export async function planTeammateImport(
  db: SpanwrightDatabase,
  projectId: string,
  self: Annotator,
  files: readonly InputFile[],
  parser: FileParser = defaultParser(),
): Promise<TeammatePlan> {
  const project = await db.projects.get(projectId);
  if (!project) throw new Error('The project no longer exists.');
  const docs = await db.documents.where('projectId').equals(projectId).toArray();
  const bySourceId = new Map(docs.map((d) => [d.sourceId, d]));
  const byHash = new Map(docs.map((d) => [d.textHash, d]));
  const plan: TeammatePlan = {
    projectId, files: files.map((f) => f.name), matches: [], mismatches: [], unmatched: [],
    protectedSpans: 0, annotators: [], issues: [], unknownLabels: [],
  };
  const names = new Map<string, string>();
  const unknown = new Map<string, UnknownLabel>();
  const protectedIds = PROTECTED(self);
  const matched = new Map<string, TeammateMatch>();
  try {
    for (const request of groupImportFiles(files, project.schema.labels)) {
      const { result, hashes } = await parser.parse(request);
      plan.issues.push(...result.issues);
      tallyUnknownLabels(unknown, result.unknownLabels);
      for (const [at, doc] of result.documents.entries()) {
        const textHash = hashes[at] as string;
        for (const a of doc.draft.annotators ?? []) names.set(a.id, a.name);
        const byId = doc.draft.id !== undefined ? bySourceId.get(doc.draft.id) : undefined;
        let target: DocumentRecord | undefined;
        if (byId && byId.textHash !== textHash) {
          const ours = (await db.texts.get(byId.id))?.text ?? '';
          plan.mismatches.push({
            file: doc.file, line: doc.line, title: doc.draft.meta.title,
            reason: describeTextDifference(ours, doc.draft.text) ?? 'the text differs',
          });
          continue;
        } else target = byId ?? byHash.get(textHash);
        if (!target) {
          plan.unmatched.push({ ...doc, textHash });
          continue;
        }
        const layers = new Map<string, TeammateLayer>();
        for (const span of doc.draft.spans) {
          let annotator = span.annotator;
          if (annotator === undefined) {
            const fallback = fileAnnotator(doc.file);
            names.set(fallback.id, fallback.name);
            annotator = fallback.id;
          }
          if (protectedIds.has(annotator)) {
            plan.protectedSpans++;
            continue;
          }
          const layer = layers.get(annotator) ?? { annotator, spans: [] };
          layer.spans.push({ ...span, annotator });
          layers.set(annotator, layer);
        }
        // A teammate's status comes with their layer, even for a document they left empty.
        for (const [who, status] of Object.entries(doc.draft.statuses ?? {})) {
          if (protectedIds.has(who)) continue;
          const layer = layers.get(who) ?? { annotator: who, spans: [] };
          layer.status = status;
          layers.set(who, layer);
        }
        if (layers.size === 0) continue;
        const match = matched.get(target.id) ?? { documentId: target.id, title: target.meta.title, layers: [] };
        for (const layer of layers.values()) {
          const existing = match.layers.find((l) => l.annotator === layer.annotator);
          if (existing) existing.spans.push(...layer.spans);
          else match.layers.push(layer);
        }
        matched.set(target.id, match);
      }
    }
  } finally {
    parser.close();
  }
  plan.matches = [...matched.values()];
  plan.unknownLabels = [...unknown.values()];
  const perAnnotator = new Map<string, { spans: number; documents: number }>();
  for (const match of plan.matches) {
    for (const layer of match.layers) {
      const tally = perAnnotator.get(layer.annotator) ?? { spans: 0, documents: 0 };
      tally.spans += layer.spans.length;
      tally.documents += 1;
      perAnnotator.set(layer.annotator, tally);
    }
  }
  plan.annotators = [...perAnnotator].map(([id, tally]) => ({ id, name: names.get(id) ?? id, ...tally }));
  return plan;
}

export interface TeammateOutcome {
  documents: number;
  spans: number;
  newDocuments: number;
  droppedSpans: number;
}

/** Replaces each teammate's layer on the matched documents, in one transaction. */
export async function commitTeammateImport(
  db: SpanwrightDatabase,
  plan: TeammatePlan,
  schema: LabelSchema,
  self: Annotator,
  options: { addNewDocuments: boolean; addUnknownLabels: boolean },
): Promise<TeammateOutcome> {
  const now = Date.now();
  let spans = 0;
  let droppedSpans = 0;
  let newDocuments = 0;
  await db.transaction('rw', [db.projects, db.documents, db.texts, db.spans, db.annotators], async () => {
    const fresh = options.addUnknownLabels ? labelsForImportedNames(schema, plan.unknownLabels) : [];
    if (fresh.length > 0) await addLabels(db, plan.projectId, fresh);
    const grown: LabelSchema = { ...schema, labels: [...schema.labels, ...fresh] };
    const labels = new Map(grown.labels.map((l) => [l.name, l]));
    const known = await db.annotators.bulkGet(plan.annotators.map((a) => a.id));
    await db.annotators.bulkPut(plan.annotators.filter((_, i) => !known[i]).map(({ id, name }) => ({ id, name })));

    for (const match of plan.matches) {
      const doc = await db.documents.get(match.documentId);
      const text = (await db.texts.get(match.documentId))?.text;
      if (!doc || text === undefined) throw new Error(`“${match.title}” is no longer in the project.`);
      const existing = await db.spans.where('documentId').equals(match.documentId).toArray();
      const statuses = { ...doc.statuses };
      const delta = new Map<string, number>();
      for (const layer of match.layers) {
        const old = existing.filter((s) => s.annotator === layer.annotator);
        await db.spans.bulkDelete(old.map((s): [string, string] => [plan.projectId, s.id]));
        const taken = new Set(
          (await db.spans.bulkGet(layer.spans.flatMap((s) => (s.sourceId ? [[plan.projectId, s.sourceId] as [string, string]] : [])))).flatMap((s) =>
            s ? [s.id] : [],
          ),
        );
        const fresh: Span[] = [];
        for (const draft of layer.spans) {
          const label = labels.get(draft.label);
          if (!label) {
            droppedSpans++;
            continue;
          }
          const id = draft.sourceId && !taken.has(draft.sourceId) ? draft.sourceId : newId();
          taken.add(id);
          fresh.push({
            id, projectId: plan.projectId, documentId: match.documentId, annotator: layer.annotator,
            layer: label.layer, label: label.name, start: draft.start, end: draft.end, text: text.slice(draft.start, draft.end),
            attributes: draft.attributes ?? {}, origin: 'teammate', createdAt: now, updatedAt: now,
          });
        }
        await db.spans.bulkAdd(fresh);
        spans += fresh.length;
        delta.set(layer.annotator, fresh.length - old.length);
        statuses[layer.annotator] = layer.status ?? (fresh.length > 0 ? 'in_progress' : (statuses[layer.annotator] ?? 'todo'));
      }
      await db.documents.update(match.documentId, { spanCounts: addSpanCounts(doc.spanCounts, delta), statuses, updatedAt: now });
    }

    if (options.addNewDocuments && plan.unmatched.length > 0) {
      const subPlan: ImportPlan = {
        projectId: plan.projectId, files: plan.files, documents: plan.unmatched, issues: [], duplicates: [], unknownLabels: [],
      };
      const outcome = await commitImport(db, subPlan, grown, self.id, false);
      newDocuments = outcome.documents;
      spans += outcome.spans;
      droppedSpans += outcome.droppedSpans;
    }
  });
  return { documents: plan.matches.length, spans, newDocuments, droppedSpans };
}
