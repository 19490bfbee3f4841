// Managing the project's documents and the machine's projects from the workbench: moving a
// document to the trash (then opening its neighbour), restoring and deleting for good, editing
// details, renaming and deleting projects.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { planAssignment, type AssignmentPlan, type AssignmentRequest } from '../../../../src-shared/assignment';
import type { DocumentRecord, Project } from '../../../../src-shared/domain';
import { errorMessage } from '../../../../src-shared/result';
import type { AnnotationSession } from '../../app/annotation-session';
import type { SpanwrightDatabase, TrashedDocument } from '../../storage/database';
import { whileProjectFree } from '../../platform/project-locks';
import { deleteProject, renameProject, setAssignment } from '../../storage/projects';
import { deleteFromTrash, readTrash } from '../../storage/trash';

export function useDocumentManagement(options: {
  db: SpanwrightDatabase;
  projectId: string;
  projects: readonly Project[] | undefined;
  session: AnnotationSession;
  /** The ids of the list as shown, to open the neighbour of a removed document. */
  filtered: readonly string[];
  openDocument: (documentId: string) => void;
  switchProject: (projectId: string) => void;
  notify: (message: string, kind: 'info' | 'success' | 'error') => void;
  /** Whether the projects dialog is open (its document counts are read only then). */
  countingProjects: boolean;
  /** For work bundles: the open project, and how its work packages are built and saved. */
  project: Project | undefined;
  saveAssignment: (project: Project, plan: AssignmentPlan) => Promise<void>;
}) {
  const { db, projectId, projects, session, filtered, openDocument, switchProject, notify, project, saveAssignment } = options;
  const trash = useLiveQuery(() => readTrash(db, projectId), [db, projectId]);
  const projectDocumentCounts = useLiveQuery(
    async () =>
      options.countingProjects
        ? new Map(
            await Promise.all(
              (projects ?? []).map(async (p) => [p.id, await db.documents.where('projectId').equals(p.id).count()] as const),
            ),
          )
        : new Map<string, number>(),
    [db, projects, options.countingProjects],
  );

  const moveToTrash = useCallback(
    async (record: DocumentRecord) => {
      const at = filtered.indexOf(record.id);
      const neighbour = filtered[at + 1] ?? filtered[at - 1];
      await session.removeDocuments([record.id]);
      if (neighbour && neighbour !== record.id) openDocument(neighbour);
      notify(`Moved “${record.meta.title}” to the trash. Trash restores it; Ctrl+Z undoes.`, 'success');
    },
    [filtered, notify, openDocument, session],
  );

  const restore = useCallback(
    async (entries: readonly TrashedDocument[]) => {
      try {
        await session.restoreDocuments(entries);
      } catch (error) {
        notify(`Could not restore: ${errorMessage(error)}`, 'error');
        return;
      }
      const [first] = entries;
      if (entries.length === 1 && first) openDocument(first.documentId);
      notify(
        entries.length === 1 ? `Restored “${first?.document.record.meta.title}”.` : `Restored ${entries.length} documents.`,
        'success',
      );
    },
    [notify, openDocument, session],
  );

  const deleteForever = useCallback(
    async (documentIds: readonly string[]) => {
      await deleteFromTrash(db, projectId, documentIds);
      notify(`Deleted ${documentIds.length === 1 ? 'a document' : `${documentIds.length} documents`} for good.`, 'info');
    },
    [db, notify, projectId],
  );

  const rename = useCallback((id: string, name: string) => renameProject(db, id, name), [db]);

  const removeProject = useCallback(
    async (project: Project) => {
      const other = (projects ?? []).find((p) => p.id !== project.id);
      if (!other) throw new Error('The only project cannot be deleted: create another first.');
      if (project.id === projectId) {
        switchProject(other.id);
        await deleteProject(db, project.id);
      } else {
        // Never from under another window that has it open: deleted only while its lock is free.
        const deleted = await whileProjectFree(project.id, () => deleteProject(db, project.id));
        if (!deleted.done) throw new Error(`“${project.name}” is open in another window: close it there first.`);
      }
      notify(`Deleted the project “${project.name}”.`, 'info');
    },
    [db, notify, projectId, projects, switchProject],
  );

  const saveBundles = useCallback(
    async (plan: AssignmentPlan) => {
      if (!project) return;
      await saveAssignment(project, plan);
    },
    [project, saveAssignment],
  );

  /** Plans who annotates what, keeps the plan with the project and saves the work bundles. */
  const assign = useCallback(
    async (request: AssignmentRequest) => {
      const plan = planAssignment(request, Date.now());
      await setAssignment(db, projectId, plan);
      await saveBundles(plan);
    },
    [db, projectId, saveBundles],
  );

  const saveAssignmentAgain = useCallback(async () => {
    if (project?.assignment) await saveBundles(project.assignment);
  }, [project, saveBundles]);

  return { trash, projectDocumentCounts, moveToTrash, restore, deleteForever, rename, removeProject, assign, saveAssignmentAgain };
}
