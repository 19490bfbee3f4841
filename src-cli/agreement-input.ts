// What `agree` compares: each file's spans, relations, attribute values and document labels on
// the matched documents, and what a schema file says of relation types and document categories.
import type {
  AgreementDocumentLabels,
  AgreementOptions,
  AgreementRelation,
  AgreementSpan,
  AnnotationSet,
  DocumentWork,
} from '../src-shared/agreement';
import type { DocumentDraft, DocumentStatus, LabelSchema } from '../src-shared/domain';
import type { ParsedDocument } from '../src-shared/formats/import-result';
import { isProjectBundle, parseProjectBundle } from '../src-shared/formats/project-bundle';
import { errorMessage, fail, ok, type Result } from '../src-shared/result';
import { restoreSchema } from '../src-shared/schema-restore';
import type { MatchedDocument } from './document-matching';
import { ownValue } from '../src-shared/own-keys';
import { pushAll } from '../src-shared/push-all';

/**
 * Annotator `file`'s work on the matched documents (see `documentWorkOf`). `statuses` are the
 * annotator's statuses by document id.
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
    const work = documentWorkOf(document.id, draft);
    pushAll(spans, work.spans);
    pushAll(relations, work.relations ?? []);
    for (const labels of work.documentLabels ?? []) documentLabels.push({ documentId: document.id, labels });
  }
  const set: AnnotationSet = { annotator, spans, relations, documentLabels };
  if (statuses) set.statuses = statuses;
  return set;
}

/**
 * One annotator's work on one document, as the report takes it. Spans are named by their place
 * in the document (`s0`, `s1`...) so relations, whose ends are places, can point at them. A file
 * is one annotator's: every span, relation and document label in it counts, whoever it names.
 */
export function documentWorkOf(
  documentId: string,
  draft: DocumentDraft,
  status?: DocumentStatus,
): DocumentWork & { spans: AgreementSpan[] } {
  const spans = draft.spans.map((span, index) => {
    const item: AgreementSpan = {
      id: `s${index}`,
      documentId,
      layer: span.layer ?? 'entity',
      label: span.label,
      start: span.start,
      end: span.end,
    };
    if (span.attributes && Object.keys(span.attributes).length > 0) item.attributes = span.attributes;
    return item;
  });
  const relations: AgreementRelation[] = (draft.relations ?? []).map((relation) => ({
    documentId,
    type: relation.type,
    from: `s${relation.from}`,
    to: `s${relation.to}`,
  }));
  const documentLabels = (draft.documentAnnotations ?? [])
    .filter((entry) => Object.keys(entry.labels).length > 0)
    .map((entry) => entry.labels);
  const work: DocumentWork & { spans: AgreementSpan[] } = { spans, relations, documentLabels };
  if (status !== undefined) work.status = status;
  return work;
}

/** What `agree` learns of an annotator's whole file in its first pass, a document at a time: its one annotator, if the spans name one. */
export class AnnotatorFileFacts {
  private documents = 0;
  private allSpanwright = true;
  /** The spans' annotator ids (no more than two are needed: two are "not one"). */
  private readonly ids = new Set<string>();
  /** Each id's name, from the first document whose `annotators` list names it. */
  private readonly names = new Map<string, string>();

  add(parsed: ParsedDocument): void {
    const draft = parsed.draft;
    this.documents++;
    if (parsed.format !== 'spanwright') this.allSpanwright = false;
    for (const span of draft.spans) if (span.annotator && this.ids.size < 2) this.ids.add(span.annotator);
    const listed = new Set<string>();
    for (const annotator of draft.annotators ?? []) {
      // The first entry of an id is the one looked at, as `find` would.
      if (listed.has(annotator.id)) continue;
      listed.add(annotator.id);
      if (annotator.name && !this.names.has(annotator.id)) this.names.set(annotator.id, annotator.name);
    }
  }

  /** The one annotator a Spanwright JSONL file's spans name: their id, and their name from the file's `annotators` list (else the id). */
  ownAnnotator(): { id: string; name: string } | undefined {
    if (this.documents === 0 || !this.allSpanwright || this.ids.size !== 1) return undefined;
    const [only] = this.ids;
    if (only === undefined) return undefined;
    return { id: only, name: this.names.get(only) ?? only };
  }
}

/**
 * The annotator's status on a document of its file: the one the file records for `annotatorId`
 * (Spanwright JSONL `statuses`), else its exporter's (`status`), else to do (undefined); Done
 * for every document of a file that records no status (`recordsStatuses` false: doccano, spaCy...).
 */
export function statusOf(draft: DocumentDraft, recordsStatuses: boolean, annotatorId: string | undefined): DocumentStatus | undefined {
  if (!recordsStatuses) return 'done';
  const own = annotatorId !== undefined && draft.statuses ? ownValue(draft.statuses, annotatorId) : undefined;
  return own ?? draft.status;
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
