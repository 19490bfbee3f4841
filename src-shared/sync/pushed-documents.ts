// The server documents a file becomes (`spanwright push`): the documents read from a Spanwright
// JSONL file or a project bundle turned into app-shaped records the way the app's import does
// (`annotationsFromDraft`), then into the server layout by the same builders sync uses. Ids are
// derived from the file, never random, so pushing the same file again changes nothing.
import { annotationsFromDraft } from '../annotations/from-draft';
import type { AnnotationRecord } from '../annotations/kinds';
import type { DocumentRecord, DocumentStatus, Label, LabelSchema } from '../domain';
import { GOLD_ANNOTATOR } from '../domain';
import type { ParsedDocument } from '../formats/import-result';
import { hashText } from '../text-hash';
import { ownerNameProblem } from './server-setup';
import {
  GOLD_OWNER,
  isSafeDocumentId,
  sameContent,
  toAnnotationsDoc,
  toDocumentDoc,
  toTextDoc,
  type ServerDocument,
} from './server-documents';

/** Stands for annotations a file names no annotator for: they are the pushing user's, as an import makes them the importer's. */
const UNNAMED = '\u0000unnamed';

export interface PushInput {
  documents: readonly ParsedDocument[];
  /** The schema the project gets on the server (spans of labels it lacks are left out and counted). */
  schema: LabelSchema;
  /** Annotator names by id, from a bundle's header; a document's own `annotators` come first. */
  annotatorNames: ReadonlyMap<string, string>;
  /** The user pushing: owner of what the file names no annotator for; null when unknown. */
  pusher: string | null;
  writer: string;
  now: number;
}

export interface PushProblem {
  file: string;
  line?: number;
  reason: string;
}

export interface PushPlan {
  docs: ServerDocument[];
  documents: number;
  /** Annotations documents: one per (document, owner) with any work. */
  annotations: number;
  /** Documents or annotators' work not pushed, with why. */
  problems: PushProblem[];
  /** What was left out of documents that are pushed (relations between two annotators' spans...). */
  notes: PushProblem[];
}

/** The server's document id for a file's document: its own id when the server takes it, else one derived from it (or its text). */
export function serverDocumentId(draftId: string | undefined, text: string): string {
  if (isSafeDocumentId(draftId)) return draftId;
  return `d-${hashText(draftId ?? text).slice(0, 24)}`;
}

/** Why an annotator of the file cannot own work on the server, or null. Gold is gold whatever its display name. */
export function ownerProblem(annotatorId: string, name: string): string | null {
  if (annotatorId === GOLD_ANNOTATOR.id) return null;
  return ownerNameProblem(name);
}

export function planPush(input: PushInput): PushPlan {
  const plan: PushPlan = { docs: [], documents: 0, annotations: 0, problems: [], notes: [] };
  const labels = new Map<string, Label>(input.schema.labels.map((label) => [label.name, label]));
  const relationTypes = new Set(input.schema.relationTypes.map((type) => type.name));
  const categories = new Set(input.schema.documentCategories.map((category) => category.name));
  const firstLineOf = new Map<string, number | undefined>();
  // Span and relation ids are unique in a project (the app's key); ids the file repeats are made unique, the same way every push.
  const taken = new Set<string>();
  const refusedOwners = new Set<string>();
  const ownerOfId = new Map<string, string>();

  for (const [order, parsed] of input.documents.entries()) {
    const { draft } = parsed;
    const at = { file: parsed.file, ...(parsed.line !== undefined ? { line: parsed.line } : {}) };
    const documentId = serverDocumentId(draft.id, draft.text);
    if (firstLineOf.has(documentId)) {
      const first = firstLineOf.get(documentId);
      plan.problems.push({
        ...at,
        reason: `document id "${documentId}" is used again${first !== undefined ? ` (first on line ${first})` : ''}; not pushed`,
      });
      continue;
    }
    firstLineOf.set(documentId, parsed.line);

    let fresh = 0;
    const idFor = (sourceId: string | undefined): string => {
      let id = sourceId !== undefined && !taken.has(sourceId) ? sourceId : `${documentId}.${++fresh}`;
      while (taken.has(id)) id = `${documentId}.${++fresh}`;
      taken.add(id);
      return id;
    };
    const made = annotationsFromDraft(draft, {
      projectId: '',
      documentId,
      annotator: UNNAMED,
      labels,
      relationTypes,
      categories,
      idFor,
      now: input.now,
      origin: 'imported',
    });
    const leftOut = [
      made.droppedSpans > 0 ? `${made.droppedSpans} spans (label not in the schema)` : '',
      made.droppedRelations > 0 ? `${made.droppedRelations} relations (unknown type, a missing end, or ends of two annotators)` : '',
      made.droppedDocumentLabels > 0 ? `${made.droppedDocumentLabels} document labels (category not in the schema)` : '',
    ].filter((part) => part !== '');
    if (leftOut.length > 0) plan.notes.push({ ...at, reason: `left out: ${leftOut.join(', ')}` });

    // Statuses as the app's import gives them: a plain `status` is the importer's, a span makes a document in progress.
    const statuses = new Map<string, DocumentStatus>(Object.entries(draft.statuses ?? {}));
    if (draft.status && !draft.statuses) statuses.set(UNNAMED, draft.status);
    const byAnnotator = new Map<string, AnnotationRecord[]>();
    for (const record of made.records) {
      if (record.kind === 'suggestion') continue; // suggestions are never synced
      const list = byAnnotator.get(record.value.annotator) ?? [];
      list.push(record);
      byAnnotator.set(record.value.annotator, list);
      if (record.kind === 'span' && !statuses.has(record.value.annotator)) statuses.set(record.value.annotator, 'in_progress');
    }
    const names = new Map(input.annotatorNames);
    for (const annotator of draft.annotators ?? []) names.set(annotator.id, annotator.name);

    const record: DocumentRecord = {
      id: documentId,
      projectId: '',
      sourceId: draft.id ?? documentId,
      order,
      meta: draft.meta,
      textHash: hashText(draft.text),
      textLength: draft.text.length,
      statuses: {},
      spanCounts: {},
      createdAt: input.now,
      updatedAt: input.now,
    };
    plan.docs.push(toDocumentDoc(record, input.writer), toTextDoc(documentId, draft.text, input.writer));
    plan.documents++;

    const annotators = [...new Set([...byAnnotator.keys(), ...statuses.keys()])].sort();
    for (const annotator of annotators) {
      const records = byAnnotator.get(annotator) ?? [];
      const status = statuses.get(annotator) ?? 'todo';
      if (records.length === 0 && status === 'todo') continue; // nothing done: no document, as sync writes none
      const owner = ownerFor(annotator, names, input.pusher);
      if (typeof owner !== 'string') {
        if (!refusedOwners.has(owner.key)) plan.problems.push({ file: parsed.file, reason: owner.reason });
        refusedOwners.add(owner.key);
        continue;
      }
      const claimedBy = ownerOfId.get(owner);
      if (claimedBy !== undefined && claimedBy !== annotator) {
        const key = `${annotator}\u0000${owner}`;
        if (!refusedOwners.has(key))
          plan.problems.push({
            file: parsed.file,
            reason: `annotators "${claimedBy}" and "${annotator}" are both named "${owner}": the work of "${annotator}" is not pushed`,
          });
        refusedOwners.add(key);
        continue;
      }
      ownerOfId.set(owner, annotator);
      const displayName = annotator === GOLD_ANNOTATOR.id ? (names.get(annotator) ?? GOLD_ANNOTATOR.name) : owner;
      plan.docs.push(toAnnotationsDoc(documentId, owner, displayName, { status, records }, input.writer));
      plan.annotations++;
    }
  }
  return plan;
}

/** The server owner of a file's annotator: its name (gold: `gold`), or why it cannot be one. */
function ownerFor(annotator: string, names: ReadonlyMap<string, string>, pusher: string | null): string | { key: string; reason: string } {
  if (annotator === UNNAMED) {
    if (pusher !== null) return pusher;
    return { key: UNNAMED, reason: "annotations that name no annotator are the pushing user's: give --user; they are not pushed" };
  }
  if (annotator === GOLD_ANNOTATOR.id) return GOLD_OWNER;
  const name = names.get(annotator) ?? annotator;
  const problem = ownerProblem(annotator, name);
  if (problem === null) return name;
  return {
    key: annotator,
    reason: `annotator "${name}" (id "${annotator}") cannot own work on the server: ${problem} Their work is not pushed`,
  };
}

type Timed = { id: string; createdAt: number; updatedAt: number };

/**
 * `wanted` with the server's times wherever it says what the server's copy says: a push stamps
 * records with its own time, which alone must not count as a change (an unchanged file pushed
 * again leaves every document as it is).
 */
export function withServerTimes(wanted: ServerDocument, existing: ServerDocument): ServerDocument {
  if (wanted.kind === 'document' && existing.kind === 'document') return { ...wanted, createdAt: existing.createdAt };
  if (wanted.kind !== 'annotations' || existing.kind !== 'annotations') return wanted;
  const keepTimes = <T extends Timed>(items: readonly T[], before: readonly T[]): T[] => {
    const old = new Map(before.map((item) => [item.id, item]));
    return items.map((item) => {
      const previous = old.get(item.id);
      if (!previous) return item;
      const same = sameContent({ ...item, createdAt: 0, updatedAt: 0 }, { ...previous, createdAt: 0, updatedAt: 0 });
      return { ...item, createdAt: previous.createdAt, updatedAt: same ? previous.updatedAt : item.updatedAt };
    });
  };
  const document =
    wanted.document && existing.document && sameContent({ ...wanted.document, updatedAt: 0 }, { ...existing.document, updatedAt: 0 })
      ? { ...wanted.document, updatedAt: existing.document.updatedAt }
      : wanted.document;
  return {
    ...wanted,
    spans: keepTimes(wanted.spans, existing.spans),
    relations: keepTimes(wanted.relations, existing.relations),
    document,
  };
}
