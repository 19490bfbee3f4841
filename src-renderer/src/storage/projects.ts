// Projects: creating one (with the documents it starts with, in one transaction), its name and
// guidelines, and reading what a schema edit would touch. Label schema edits are changes
// (commit.ts), so they are logged and undoable.
import type { Change, SchemaItemKind } from '../../../src-shared/annotations/change';
import type { AssignmentPlan } from '../../../src-shared/assignment';
import type { Annotator, LabelSchema, Project } from '../../../src-shared/domain';
import { commitChange, tablesOf } from './commit';
import type { SpanwrightDatabase } from './database';
import { withNewProject } from './write-permits';

/**
 * Creates a project and commits the change that fills it (its documents), all or nothing.
 * The author is who imports or creates it.
 */
export async function createProject(
  db: SpanwrightDatabase,
  project: { id: string; name: string; schema: LabelSchema; guidelines?: string },
  author: string,
  contents?: { change: Change | null; annotators?: readonly Annotator[] },
): Promise<Project> {
  // No window can hold a project that does not exist yet: this one writes it while creating it.
  return withNewProject(db, project.id, () =>
    db.transaction('rw', [...tablesOf(db), db.settings], async () => {
      const created = await addProject(db, project);
      if (contents?.change) await commitChange(db, project.id, contents.change, { annotator: author }, { annotators: contents.annotators ?? [] });
      return created;
    }),
  );
}

/**
 * Adds an empty project, inside a write transaction the caller holds: a restored bundle's
 * documents follow in the same transaction, a chunk at a time (app/bundle-job.ts).
 */
export async function addProject(
  db: SpanwrightDatabase,
  project: { id: string; name: string; schema: LabelSchema; guidelines?: string },
): Promise<Project> {
  const now = Date.now();
  const created: Project = {
    id: project.id,
    name: project.name,
    schema: project.schema,
    guidelines: project.guidelines ?? '',
    createdAt: now,
    updatedAt: now,
  };
  await db.projects.add(created);
  return created;
}

/** A name no project has yet: the one asked for, else "name (2)", "name (3)"... */
export async function freeProjectName(db: SpanwrightDatabase, name: string): Promise<string> {
  const taken = new Set((await db.projects.toArray()).map((p) => p.name));
  let free = name;
  for (let n = 2; taken.has(free); n++) free = `${name} (${n})`;
  return free;
}

export async function renameProject(db: SpanwrightDatabase, projectId: string, name: string): Promise<void> {
  if (name.trim() === '') throw new Error('A project needs a name.');
  await db.projects.update(projectId, { name: name.trim(), updatedAt: Date.now() });
}

/** Keeps the lead's plan of who annotates which documents (project settings, not annotations). */
export async function setAssignment(db: SpanwrightDatabase, projectId: string, plan: AssignmentPlan): Promise<void> {
  await db.projects.update(projectId, { assignment: plan, updatedAt: Date.now() });
}

/**
 * Deletes a project and everything in it (documents, texts, every annotator's annotations,
 * suggestions, its change log, trash and settings), all or nothing. Not undoable: the app
 * offers a project bundle first.
 */
export async function deleteProject(db: SpanwrightDatabase, projectId: string): Promise<void> {
  await db.transaction('rw', [...tablesOf(db), db.settings], async () => {
    const documentIds = await db.documents.where('projectId').equals(projectId).primaryKeys();
    const trashed = await db.trash.where('projectId').equals(projectId).primaryKeys();
    for (const table of [db.documents, db.spans, db.relations, db.documentAnnotations, db.suggestions, db.changeLog, db.trash]) {
      await table.where('projectId').equals(projectId).delete();
    }
    await db.texts.bulkDelete(documentIds);
    const perDocument = [...documentIds, ...trashed].flatMap((id) => [`openDocument:${id}`, `scrollTop:${id}`, `reviewRejected:${id}`]);
    await db.settings.bulkDelete([...perDocument, `openDocument:${projectId}`, `snapToWords:${projectId}`]);
    await db.projects.delete(projectId);
  });
}

/** How many spans use a label, per annotator (the delete dialog names them). */
export async function countLabelUses(db: SpanwrightDatabase, projectId: string, name: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.spans
    .where('[projectId+label]')
    .equals([projectId, name])
    .each((span) => counts.set(span.annotator, (counts.get(span.annotator) ?? 0) + 1));
  return counts;
}

/** How many relations use a relation type, per annotator. */
export async function countRelationTypeUses(db: SpanwrightDatabase, projectId: string, type: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.relations
    .where('[projectId+type]')
    .equals([projectId, type])
    .each((relation) => counts.set(relation.annotator, (counts.get(relation.annotator) ?? 0) + 1));
  return counts;
}

/** How many documents are labelled in a document category, per annotator. */
export async function countCategoryUses(db: SpanwrightDatabase, projectId: string, category: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.documentAnnotations
    .where('projectId')
    .equals(projectId)
    .each((annotation) => {
      if ((annotation.labels[category]?.length ?? 0) > 0) counts.set(annotation.annotator, (counts.get(annotation.annotator) ?? 0) + 1);
    });
  return counts;
}

/** What deleting a schema item takes with it, per annotator: spans, relations or labelled documents. */
export async function countSchemaItemUses(
  db: SpanwrightDatabase,
  projectId: string,
  what: SchemaItemKind,
  name: string,
): Promise<Map<string, number>> {
  switch (what) {
    case 'label':
      return countLabelUses(db, projectId, name);
    case 'relation-type':
      return countRelationTypeUses(db, projectId, name);
    case 'category':
      return countCategoryUses(db, projectId, name);
  }
}

export async function setGuidelines(db: SpanwrightDatabase, projectId: string, guidelines: string): Promise<void> {
  await db.projects.update(projectId, { guidelines });
}
