// Project and label-schema writes. Label renames and deletes touch the schema and every
// affected span in one transaction, so a crash never leaves spans pointing at nothing.
import { addSpanCounts } from '../../../src-shared/document-rules';
import type { Label, LabelSchema, Project } from '../../../src-shared/domain';
import type { SpanwrightDatabase } from './database';

export async function createProject(db: SpanwrightDatabase, id: string, name: string, schema: LabelSchema): Promise<Project> {
  const now = Date.now();
  const project: Project = { id, name, schema, guidelines: '', createdAt: now, updatedAt: now };
  await db.projects.add(project);
  return project;
}

export async function renameProject(db: SpanwrightDatabase, projectId: string, name: string): Promise<void> {
  await db.projects.update(projectId, { name, updatedAt: Date.now() });
}

async function mustGetProject(db: SpanwrightDatabase, projectId: string): Promise<Project> {
  const project = await db.projects.get(projectId);
  if (!project) throw new Error(`Project ${projectId} no longer exists.`);
  return project;
}

export async function addLabels(db: SpanwrightDatabase, projectId: string, labels: readonly Label[]): Promise<void> {
  await db.transaction('rw', db.projects, async () => {
    const project = await mustGetProject(db, projectId);
    const names = new Set(project.schema.labels.map((l) => l.name));
    const fresh = labels.filter((l) => !names.has(l.name));
    await db.projects.update(projectId, { schema: { ...project.schema, labels: [...project.schema.labels, ...fresh] }, updatedAt: Date.now() });
  });
}

/** Replaces one label's definition; when the name changes, every span using it follows. */
export async function updateLabel(db: SpanwrightDatabase, projectId: string, oldName: string, label: Label): Promise<void> {
  await db.transaction('rw', db.projects, db.spans, async () => {
    const project = await mustGetProject(db, projectId);
    const labels = project.schema.labels.map((l) => (l.name === oldName ? label : l));
    await db.projects.update(projectId, { schema: { ...project.schema, labels }, updatedAt: Date.now() });
    if (label.name !== oldName) {
      await db.spans
        .where('[projectId+label]')
        .equals([projectId, oldName])
        .modify({ label: label.name, updatedAt: Date.now() });
    }
  });
}

export async function countSpansWithLabel(db: SpanwrightDatabase, projectId: string, name: string): Promise<number> {
  return db.spans.where('[projectId+label]').equals([projectId, name]).count();
}

/** Deletes a label and every span that uses it, keeping document span counts right. */
export async function deleteLabel(db: SpanwrightDatabase, projectId: string, name: string): Promise<number> {
  return db.transaction('rw', db.projects, db.spans, db.documents, async () => {
    const project = await mustGetProject(db, projectId);
    const doomed = await db.spans.where('[projectId+label]').equals([projectId, name]).toArray();
    const perDocument = new Map<string, Map<string, number>>();
    for (const span of doomed) {
      const delta = perDocument.get(span.documentId) ?? new Map<string, number>();
      delta.set(span.annotator, (delta.get(span.annotator) ?? 0) - 1);
      perDocument.set(span.documentId, delta);
    }
    await db.spans.bulkDelete(doomed.map((s): [string, string] => [projectId, s.id]));
    for (const [documentId, delta] of perDocument) {
      const doc = await db.documents.get(documentId);
      if (doc) await db.documents.update(documentId, { spanCounts: addSpanCounts(doc.spanCounts, delta) });
    }
    await db.projects.update(projectId, {
      schema: { ...project.schema, labels: project.schema.labels.filter((l) => l.name !== name) },
      updatedAt: Date.now(),
    });
    return doomed.length;
  });
}

export async function setGuidelines(db: SpanwrightDatabase, projectId: string, guidelines: string): Promise<void> {
  await db.projects.update(projectId, { guidelines });
}
