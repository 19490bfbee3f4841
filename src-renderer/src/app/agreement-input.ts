// Reads what the agreement figures compare: the chosen documents' texts and each chosen
// annotator's spans (with attribute values), relations, document labels and statuses on them,
// named for reports (names made unique so reports stay readable), and what the schema says of
// relation types and document categories.
import {
  agreementReport,
  type AgreementDocument,
  type AgreementOptions,
  type AgreementReport,
  type AgreementSpan,
  type AnnotationSet,
} from '../../../src-shared/agreement';
import type { DocumentStatus } from '../../../src-shared/domain';
import type { SpanwrightDatabase } from '../storage/database';

export interface AgreementInput {
  documents: AgreementDocument[];
  annotationSets: AnnotationSet[];
  /** Document titles by id, for per-document tables. */
  titles: Map<string, string>;
  /** The project schema's relation types and document categories (undirected types, multiple-choice categories). */
  schema: Pick<AgreementOptions, 'relationTypes' | 'documentCategories'>;
}

/** Display names for annotator ids, unique: a repeated name gets the id's start appended. */
export function uniqueNames(ids: readonly string[], names: ReadonlyMap<string, string>): Map<string, string> {
  const result = new Map<string, string>();
  const seen = new Set<string>();
  for (const id of ids) {
    let name = names.get(id) ?? id;
    if (seen.has(name)) name = `${name} (${id.slice(0, 6)})`;
    seen.add(name);
    result.set(id, name);
  }
  return result;
}

export async function loadAgreementInput(
  db: SpanwrightDatabase,
  projectId: string,
  documentIds: readonly string[] | null,
  annotators: readonly string[],
  names: ReadonlyMap<string, string>,
): Promise<AgreementInput> {
  return db.transaction('r', [db.projects, db.documents, db.texts, db.spans, db.relations, db.documentAnnotations], async () => {
    const project = await db.projects.get(projectId);
    const docs = documentIds
      ? (await db.documents.bulkGet([...documentIds])).filter((d) => d !== undefined)
      : await db.documents.where('projectId').equals(projectId).toArray();
    const texts = await db.texts.bulkGet(docs.map((d) => d.id));
    const wanted = new Set(docs.map((d) => d.id));
    const spans = await db.spans.where('projectId').equals(projectId).toArray();
    const relations = (
      await db.relations
        .where('documentId')
        .anyOf([...wanted])
        .toArray()
    ).filter((r) => r.projectId === projectId);
    const labels = (await db.documentAnnotations.where('projectId').equals(projectId).toArray()).filter((a) => wanted.has(a.documentId));
    const display = uniqueNames(annotators, names);
    const annotationSets: AnnotationSet[] = annotators.map((id) => ({
      annotator: display.get(id) ?? id,
      // The document scope reads them: a status not recorded is to do.
      statuses: Object.fromEntries(docs.flatMap((d) => (Object.hasOwn(d.statuses, id) ? [[d.id, d.statuses[id] as DocumentStatus]] : []))),
      spans: spans.filter((s) => s.annotator === id && wanted.has(s.documentId)).map(agreementSpan),
      relations: relations
        .filter((r) => r.annotator === id)
        .map((r) => ({ documentId: r.documentId, type: r.type, from: r.from, to: r.to })),
      // Rows written before document labels existed, or restored from older bundles, may lack `labels`.
      documentLabels: labels
        .filter((a) => a.annotator === id && typeof a.labels === 'object' && a.labels !== null)
        .map((a) => ({ documentId: a.documentId, labels: a.labels })),
    }));
    return {
      documents: docs.map((d, i) => ({ id: d.id, text: texts[i]?.text ?? '' })),
      annotationSets,
      titles: new Map(docs.map((d) => [d.id, d.meta.title])),
      schema: {
        relationTypes: (project?.schema.relationTypes ?? []).map(({ name, directed }) => ({ name, directed })),
        documentCategories: (project?.schema.documentCategories ?? []).map(({ name, multiple }) => ({ name, multiple })),
      },
    };
  });
}

function agreementSpan(span: {
  id: string;
  documentId: string;
  layer: AgreementSpan['layer'];
  label: string;
  start: number;
  end: number;
  attributes?: AgreementSpan['attributes'];
}): AgreementSpan {
  const item: AgreementSpan = {
    id: span.id,
    documentId: span.documentId,
    layer: span.layer,
    label: span.label,
    start: span.start,
    end: span.end,
  };
  // Spans stored before attributes existed have none.
  if (span.attributes && Object.keys(span.attributes).length > 0) item.attributes = span.attributes;
  return item;
}

/**
 * The agreement report, computed in a web worker where there is one (the app), in-line
 * otherwise; a newer call does not wait for an older one (each has its own worker).
 */
export function computeAgreement(
  input: AgreementInput,
  choices: Pick<AgreementOptions, 'layer' | 'labels' | 'scope'>,
): { report: Promise<AgreementReport>; cancel: () => void } {
  const options: AgreementOptions = { ...choices, ...input.schema };
  if (typeof Worker === 'undefined')
    return { report: Promise.resolve(agreementReport(input.documents, input.annotationSets, options)), cancel: () => undefined };
  const worker = new Worker(new URL('./agreement-worker.ts', import.meta.url), { type: 'module' });
  const report = new Promise<AgreementReport>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ ok: true; report: AgreementReport } | { ok: false; reason: string }>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.report);
      else reject(new Error(event.data.reason));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage({ documents: input.documents, annotationSets: input.annotationSets, options });
  });
  return { report, cancel: () => worker.terminate() };
}
