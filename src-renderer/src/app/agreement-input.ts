// Reads what the agreement figures compare: the chosen documents' texts and each chosen
// annotator's spans on them, named for display (names made unique so reports stay readable).
import { agreementReport, type AgreementDocument, type AgreementOptions, type AgreementReport, type AnnotatorLayer } from '../../../src-shared/agreement';
import type { SpanwrightDatabase } from '../storage/database';

export interface AgreementInput {
  documents: AgreementDocument[];
  layers: AnnotatorLayer[];
  /** Document titles by id, for per-document tables. */
  titles: Map<string, string>;
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
  return db.transaction('r', db.documents, db.texts, db.spans, async () => {
    const docs = documentIds
      ? (await db.documents.bulkGet([...documentIds])).filter((d) => d !== undefined)
      : await db.documents.where('projectId').equals(projectId).toArray();
    const texts = await db.texts.bulkGet(docs.map((d) => d.id));
    const wanted = new Set(docs.map((d) => d.id));
    const spans = await db.spans.where('projectId').equals(projectId).toArray();
    const display = uniqueNames(annotators, names);
    const layers: AnnotatorLayer[] = annotators.map((id) => ({
      annotator: display.get(id) ?? id,
      spans: spans
        .filter((s) => s.annotator === id && wanted.has(s.documentId))
        .map((s) => ({ documentId: s.documentId, layer: s.layer, label: s.label, start: s.start, end: s.end })),
    }));
    return {
      documents: docs.map((d, i) => ({ id: d.id, text: texts[i]?.text ?? '' })),
      layers,
      titles: new Map(docs.map((d) => [d.id, d.meta.title])),
    };
  });
}

/**
 * The agreement report, computed in a web worker where there is one (the app), in-line
 * otherwise; a newer call does not wait for an older one (each has its own worker).
 */
export function computeAgreement(input: AgreementInput, options: AgreementOptions): { report: Promise<AgreementReport>; cancel: () => void } {
  if (typeof Worker === 'undefined') return { report: Promise.resolve(agreementReport(input.documents, input.layers, options)), cancel: () => undefined };
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
    worker.postMessage({ documents: input.documents, layers: input.layers, options });
  });
  return { report, cancel: () => worker.terminate() };
}
