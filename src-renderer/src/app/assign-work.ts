// Handing out work packages: one project bundle per annotator (the schema, the guidelines and
// only their documents, with no one's annotations), saved together in one zip with the plan.
// Built in the export worker (export-job.ts, prepareSavableAssignment), which reads the project.
import { documentsOf, type AssignmentPlan } from '../../../src-shared/assignment';
import type { Annotator, Project } from '../../../src-shared/domain';
import { fileDate, fileNamePart } from '../../../src-shared/formats/file-names';
import { BUNDLE_EXTENSION } from '../../../src-shared/formats/project-bundle';
import { zipFiles } from '../../../src-shared/formats/zip-archive';
import type { SpanwrightDatabase } from '../storage/database';
import type { PreparedExport } from './export-documents';
import { prepareProjectBundle } from './project-bundle';

function joined(parts: ReadonlyArray<string | Uint8Array>): string {
  return parts.map((part) => (typeof part === 'string' ? part : new TextDecoder().decode(part))).join('');
}

export async function prepareAssignmentBundles(
  db: SpanwrightDatabase,
  project: Project,
  plan: AssignmentPlan,
  self: Annotator,
): Promise<PreparedExport> {
  const planned = Object.keys(plan.documents);
  const records = await db.documents.bulkGet(planned);
  const titles = new Map(records.flatMap((d) => (d ? [[d.id, d.meta.title] as const] : [])));
  const files = [];
  let total = 0;
  for (const annotator of plan.annotators) {
    const mine = documentsOf(plan, annotator);
    total += mine.length;
    const bundle = await prepareProjectBundle(db, project, self, {
      documentIds: new Set(mine),
      withoutAnnotations: true,
      name: `${project.name} — ${annotator}`,
    });
    files.push({ path: `${fileNamePart(project.name, 'project')}_${fileNamePart(annotator, 'annotator')}.${BUNDLE_EXTENSION}`, content: joined(bundle.parts) });
  }
  const readable = {
    project: project.name,
    created: new Date(plan.createdAt).toISOString(),
    overlap: plan.overlap,
    seed: plan.seed,
    annotators: Object.fromEntries(plan.annotators.map((a) => [a, documentsOf(plan, a).map((id) => titles.get(id) ?? id)])),
  };
  files.push({ path: 'assignment.json', content: JSON.stringify(readable, null, 2) + '\n' });
  return {
    fileName: `${fileNamePart(project.name, 'project')}_assignments_${fileDate(new Date(plan.createdAt))}.zip`,
    parts: [zipFiles(files)],
    summary: { documents: total, spans: 0, spansPerLabel: [], leftOut: [], emptyDocuments: [], splitCounts: null, tagList: null },
  };
}
