// Building a whole project's bundle (its text, a line per document) from the database: in the
// window for an export, and in the snapshot worker for a backup (snapshot-worker.ts).
import { groupByDocument } from '../../../src-shared/group-by-document';
import { statusOf } from '../../../src-shared/document-rules';
import type { Annotator, Project } from '../../../src-shared/domain';
import { serializeDocument } from '../../../src-shared/formats/exporter';
import { fileDate, fileNamePart } from '../../../src-shared/formats/file-names';
import { BUNDLE_EXTENSION, bundleHeaderLine } from '../../../src-shared/formats/project-bundle';
import type { SpanwrightDatabase } from '../storage/database';
import { isStringList, SETTING } from '../storage/settings';
import type { PreparedExport } from './export-documents';
import { setOwn } from '../../../src-shared/own-keys';
import { nextTask } from '../platform/next-task';

export interface BundleOptions {
  /** Only these documents (a work package); all when absent. */
  documentIds?: ReadonlySet<string>;
  /** Leave every annotation out: the documents only, as handed out for work. */
  withoutAnnotations?: boolean;
  /** The name the bundle's project gets where it is opened. */
  name?: string;
}

/** Everything the project holds: schema, guidelines, every document with every annotator's work (or the chosen part of it). */
export async function prepareProjectBundle(
  db: SpanwrightDatabase,
  project: Project,
  self: Annotator,
  options: BundleOptions = {},
): Promise<PreparedExport> {
  const [allDocuments, allSpans, allRelations, allDocumentAnnotations, annotators] = await db.transaction(
    'r',
    [db.documents, db.spans, db.relations, db.documentAnnotations, db.annotators],
    () =>
      Promise.all([
        db.documents.where('[projectId+order]').between([project.id, -Infinity], [project.id, Infinity]).toArray(),
        options.withoutAnnotations ? [] : db.spans.where('projectId').equals(project.id).toArray(),
        options.withoutAnnotations ? [] : db.relations.where('projectId').equals(project.id).toArray(),
        options.withoutAnnotations ? [] : db.documentAnnotations.where('projectId').equals(project.id).toArray(),
        db.annotators.toArray(),
      ]),
  );
  const chosen = options.documentIds;
  const inBundle = <T extends { documentId: string }>(rows: T[]) => (chosen ? rows.filter((r) => chosen.has(r.documentId)) : rows);
  const documents = allDocuments
    .filter((d) => !chosen || chosen.has(d.id))
    .map((d) => (options.withoutAnnotations ? { ...d, statuses: {}, spanCounts: {} } : d));
  const spans = inBundle(allSpans);
  const relations = inBundle(allRelations);
  const documentAnnotations = inBundle(allDocumentAnnotations);
  const reviewRejected: Record<string, string[]> = {};
  // 2,000 keys a read, not a read (and a transaction) per document.
  const withRejections = options.withoutAnnotations ? [] : documents;
  for (let at = 0; at < withRejections.length; at += 2000) {
    const batch = withRejections.slice(at, at + 2000);
    const rows = await db.settings.bulkGet(batch.map((d) => SETTING.reviewRejected(d.id)));
    for (const [i, doc] of batch.entries()) {
      const rejected = rows[i]?.value;
      if (isStringList(rejected) && rejected.length > 0) setOwn(reviewRejected, doc.sourceId, rejected);
    }
  }
  const byDocument = groupByDocument(spans);
  const relationsByDocument = groupByDocument(relations);
  const annotationsByDocument = groupByDocument(documentAnnotations);
  const names = new Map(annotators.map((a) => [a.id, a.name]));
  const used = new Set([
    ...spans.map((s) => s.annotator),
    ...documentAnnotations.map((a) => a.annotator),
    ...documents.flatMap((d) => Object.keys(d.statuses)),
  ]);
  const parts: string[] = [
    bundleHeaderLine({
      name: options.name ?? project.name,
      schema: project.schema,
      guidelines: project.guidelines,
      annotators: [...used].map((id) => ({ id, name: names.get(id) ?? id })),
      reviewRejected,
    }) + '\n',
  ];
  for (let at = 0; at < documents.length; at += 200) {
    const batch = documents.slice(at, at + 200);
    const texts = await db.texts.bulkGet(batch.map((d) => d.id));
    for (const [i, doc] of batch.entries()) {
      const text = texts[i]?.text;
      if (text === undefined) throw new Error(`The text of "${doc.meta.title}" is missing from the database.`);
      const docSpans = byDocument.get(doc.id) ?? [];
      const docAnnotations = annotationsByDocument.get(doc.id) ?? [];
      const present = new Set([
        ...docSpans.map((s) => s.annotator),
        ...docAnnotations.map((a) => a.annotator),
        ...Object.keys(doc.statuses),
      ]);
      parts.push(
        serializeDocument('spanwright', {
          id: doc.sourceId,
          meta: doc.meta,
          status: statusOf(doc, self.id),
          statuses: doc.statuses,
          annotators: [...present].map((id) => ({ id, name: names.get(id) ?? id })),
          text,
          spans: docSpans,
          relations: relationsByDocument.get(doc.id) ?? [],
          documentAnnotations: docAnnotations,
        }) + '\n',
      );
    }
    await nextTask();
  }
  // Whose work and when, like every export's name: a whole project is everyone's; a work package is its project's only.
  const fileName = options.withoutAnnotations
    ? `${fileNamePart(options.name ?? project.name, 'project')}.${BUNDLE_EXTENSION}`
    : `${fileNamePart(project.name, 'project')}_all-annotators_${fileDate(new Date())}.${BUNDLE_EXTENSION}`;
  return {
    fileName,
    parts,
    summary: {
      documents: documents.length,
      spans: spans.length,
      spansPerLabel: [],
      leftOut: [],
      emptyDocuments: [],
      splitCounts: null,
      tagList: null,
    },
  };
}
