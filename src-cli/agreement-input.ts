// What `agree` compares: each file's spans, relations, attribute values and document labels on
// the matched documents, and what a schema file says of relation types and document categories.
import type { AgreementDocumentLabels, AgreementOptions, AgreementRelation, AgreementSpan, AnnotationSet } from '../src-shared/agreement';
import type { DocumentDraft, DocumentStatus, LabelSchema } from '../src-shared/domain';
import { isProjectBundle, parseProjectBundle } from '../src-shared/formats/project-bundle';
import { errorMessage, fail, ok, type Result } from '../src-shared/result';
import { restoreSchema } from '../src-shared/schema-restore';
import type { MatchedDocument } from './document-matching';
import { ownValue, setOwn } from '../src-shared/own-keys';

/**
 * Annotator `file`'s work on the matched documents. Spans are named by their place in the
 * document (`s0`, `s1`...) so relations, whose ends are places, can point at them. A file is
 * one annotator's: every span, relation and document label in it counts, whoever it names.
 * `statuses` are the annotator's statuses by document id (see `fileStatuses`).
 */
export function annotationSetOf(
  annotator: string,
  documents: readonly MatchedDocument[],
  file: number,
  statuses?: Record<string, DocumentStatus>,
): AnnotationSet {
  const spans: AgreementSpan[] = [];
  const relations: AgreementRelation[] = [];
  const documentLabels: AgreementDocumentLabels[] = [];
  for (const document of documents) {
    const draft: DocumentDraft | undefined = document.drafts[file];
    if (!draft) continue;
    draft.spans.forEach((span, index) => {
      const item: AgreementSpan = {
        id: `s${index}`,
        documentId: document.id,
        layer: span.layer ?? 'entity',
        label: span.label,
        start: span.start,
        end: span.end,
      };
      if (span.attributes && Object.keys(span.attributes).length > 0) item.attributes = span.attributes;
      spans.push(item);
    });
    for (const relation of draft.relations ?? []) {
      relations.push({ documentId: document.id, type: relation.type, from: `s${relation.from}`, to: `s${relation.to}` });
    }
    for (const entry of draft.documentAnnotations ?? []) {
      if (Object.keys(entry.labels).length > 0) documentLabels.push({ documentId: document.id, labels: entry.labels });
    }
  }
  const set: AnnotationSet = { annotator, spans, relations, documentLabels };
  if (statuses) set.statuses = statuses;
  return set;
}

/**
 * The statuses file `file` gives its annotator, by matched document id: the status the file
 * records for `annotatorId` (Spanwright JSONL `statuses`), else the status of its exporter
 * (`status`); a document the file lacks, or gives no status, is to do. Null when the file
 * records no status at all (doccano, spaCy...): the caller then counts its documents as Done.
 */
export function fileStatuses(
  documents: readonly MatchedDocument[],
  file: number,
  annotatorId: string | undefined,
): Record<string, DocumentStatus> | null {
  const drafts = documents.map((document) => document.drafts[file]);
  if (!drafts.some((draft) => draft?.status !== undefined || (draft?.statuses && Object.keys(draft.statuses).length > 0))) return null;
  const statuses: Record<string, DocumentStatus> = {};
  documents.forEach((document, d) => {
    const draft = drafts[d];
    const own = annotatorId !== undefined && draft?.statuses ? ownValue(draft.statuses, annotatorId) : undefined;
    const status = own ?? draft?.status;
    if (status !== undefined) setOwn(statuses, document.id, status);
  });
  return statuses;
}

/** Every document of the file counted as Done: for a file that records no statuses. */
export function allDone(documents: readonly MatchedDocument[], file: number): Record<string, DocumentStatus> {
  const statuses: Record<string, DocumentStatus> = {};
  for (const document of documents) {
    if (document.drafts[file]) setOwn(statuses, document.id, 'done');
  }
  return statuses;
}

/** The options a schema brings: which relation types are undirected, which categories are multiple choice. */
export function schemaOptions(schema: LabelSchema): Pick<AgreementOptions, 'relationTypes' | 'documentCategories'> {
  return {
    relationTypes: schema.relationTypes.map(({ name, directed }) => ({ name, directed })),
    documentCategories: schema.documentCategories.map(({ name, multiple }) => ({ name, multiple })),
  };
}

/** A schema from a project bundle (`.spanwright`) or a JSON file holding a schema (or a project with one). */
export function readSchemaFile(path: string, bytes: Uint8Array): Result<LabelSchema> {
  if (isProjectBundle(bytes)) {
    const { header, result } = parseProjectBundle(path, bytes);
    if (header) return ok(header.schema);
    const issue = result.issues[0];
    return fail(issue?.reason ?? 'not a project bundle');
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(`not a project bundle or a JSON schema (${errorMessage(error)})`);
  }
  const holder = value as { schema?: unknown; project?: { schema?: unknown } } | null;
  const raw = holder?.project?.schema ?? holder?.schema ?? value;
  return restoreSchema(raw);
}
