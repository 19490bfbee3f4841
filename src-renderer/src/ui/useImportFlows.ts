// The import flows of the workbench: documents (with their problem report), project
// bundles (restored as new projects) and teammates' work (merged as their annotations).
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { SpanwrightBridge } from '../../../src-shared/bridge';
import type { Annotator, Project } from '../../../src-shared/domain';
import type { ReadOptions } from '../../../src-shared/formats/format-module';
import { errorMessage } from '../../../src-shared/result';
import { snapshotProject } from '../app/backups';
import { commitImport, IMPORT_EXTENSIONS, planImport, type ImportFile, type ImportPlan } from '../app/import-documents';
import { ImportCancelledError } from '../app/import-job';
import { commitTeammateMerge, planTeammateMerge, type TeammateMergeOptions, type TeammateReview } from '../app/teammate-merge';
import { importProjectBundle } from '../app/project-bundle';
import { readSideFile } from '../app/side-file';
import { importFileOf, isBundleFile, type ChosenFile } from '../app/chosen-files';
import { readLimitPolicy } from '../storage/input-limits';
import type { SpanwrightDatabase } from '../storage/database';
import type { ToastKind } from './Toasts';

/** The files of a picker or a drop, not read yet: the import reads them within the file-size limit (chosen-files.ts). */
export const readDroppedFiles = async (files: FileList | File[]): Promise<ChosenFile[]> => Array.from(files);

/** The files an open import dialog reads again when the user chooses how to read them (unread: the import worker reads them). */
type OpenFiles = { kind: 'documents' | 'teammate'; files: ImportFile[] };

export function useImportFlows(deps: {
  db: SpanwrightDatabase;
  bridge: SpanwrightBridge;
  project: Project | undefined;
  projectId: string;
  annotator: Annotator;
  notify: (message: string, kind: ToastKind) => void;
  reportError: (message: string) => void;
  onProjectRestored: (projectId: string) => void;
  /** After an import, with its first document (opened, so the user sees what came in). */
  onImported: (documentId: string) => void;
  fileInput: RefObject<HTMLInputElement | null>;
}) {
  const { db, bridge, project, projectId, annotator, notify, reportError, onProjectRestored, onImported, fileInput } = deps;
  const [importPlan, setImportPlan] = useState<ImportPlan | null>(null);
  // The files the open dialog was read from, to read them again with the user's choices: they
  // stay unread until the import worker reads them.
  const [importFiles, setImportFiles] = useState<(OpenFiles & { labelListFile?: string }) | null>(null);
  const [rereading, setRereading] = useState(false);
  const rereadRequest = useRef(0);
  const [teammatePlan, setTeammatePlan] = useState<TeammateReview | null>(null);
  const [progress, setProgress] = useState<{ label: string; done: number; total: number; cancel?: () => void } | null>(null);

  /** Shows a step's progress with a Cancel that aborts it; returns the signal the step heeds. */
  const progressOf = useCallback((label: string) => {
    const controller = new AbortController();
    const cancel = () => controller.abort();
    setProgress({ label, done: 0, total: 0, cancel });
    return { signal: controller.signal, onProgress: (done: number, total: number) => setProgress({ label, done, total, cancel }) };
  }, []);

  const finishImport = useCallback(
    async (plan: ImportPlan, addUnknownLabels: boolean) => {
      if (!project) return;
      setImportPlan(null);
      setImportFiles(null);
      try {
        const { signal, onProgress } = progressOf('Importing');
        const outcome = await commitImport(
          db,
          plan,
          project.schema,
          annotator.id,
          addUnknownLabels,
          () => snapshotProject(db, bridge.backups, plan.projectId, 'import', annotator),
          onProgress,
          signal,
        );
        const parts = [`Imported ${outcome.documents} ${outcome.documents === 1 ? 'document' : 'documents'}`];
        if (outcome.spans > 0) parts.push(`${outcome.spans} spans`);
        if (outcome.suggestions > 0) parts.push(`${outcome.suggestions} suggestions (rejected or unjudged proposals, not spans)`);
        if (outcome.addedLabels.length > 0) parts.push(`new labels: ${outcome.addedLabels.join(', ')}`);
        if (outcome.droppedSpans > 0) parts.push(`${outcome.droppedSpans} spans with unknown labels left out`);
        if (outcome.droppedRelations > 0) parts.push(`${outcome.droppedRelations} relations whose ends were left out`);
        notify(parts.join(', ') + '.', 'success');
        if (outcome.backupProblem) reportError(`No backup was taken before this import: ${outcome.backupProblem}`);
        if (outcome.firstDocumentId) onImported(outcome.firstDocumentId);
      } catch (error) {
        if (error instanceof ImportCancelledError) notify(error.message, 'info');
        else reportError(`Import failed, nothing was imported: ${errorMessage(error)}`);
      } finally {
        setProgress(null);
      }
    },
    [annotator, bridge.backups, db, notify, onImported, progressOf, project, reportError],
  );

  const startImport = useCallback(
    async (picked: ChosenFile[]) => {
      if (picked.length === 0 || !project) return;
      // Project bundles become projects of their own; other files go into this one. All stay
      // unread here: the import worker reads them (a bundle or a JSONL file a slice at a time).
      const isBundle = await Promise.all(picked.map(isBundleFile));
      const bundles = await Promise.all(picked.filter((_, i) => isBundle[i]).map(importFileOf));
      const files = await Promise.all(picked.filter((_, i) => !isBundle[i]).map(importFileOf));
      for (const bundle of bundles) {
        try {
          const { signal, onProgress } = progressOf('Restoring');
          const restored = await importProjectBundle(db, bundle, annotator, { onProgress, signal });
          notify(`Restored the project “${restored.name}” (${restored.documents} documents) from ${bundle.name}.`, 'success');
          onProjectRestored(restored.id);
        } catch (error) {
          if (error instanceof ImportCancelledError) notify(`${bundle.name}: the restore was cancelled; no project was made.`, 'info');
          else reportError(`${bundle.name} was not imported, nothing was changed: ${errorMessage(error)}`);
        } finally {
          setProgress(null);
        }
      }
      if (files.length === 0) return;
      try {
        const { signal, onProgress } = progressOf('Reading files');
        const plan = await planImport(db, projectId, project.schema, files, onProgress, {}, signal);
        setProgress(null);
        const clean = plan.issues.length === 0 && plan.duplicates.length === 0 && plan.unknownLabels.length === 0;
        if (clean) await finishImport(plan, false);
        else {
          setImportFiles({ kind: 'documents', files });
          setImportPlan(plan);
        }
      } catch (error) {
        setProgress(null);
        if (error instanceof ImportCancelledError) notify(error.message, 'info');
        else reportError(`Import failed, nothing was imported: ${errorMessage(error)}`);
      }
    },
    [annotator, db, finishImport, notify, onProjectRestored, progressOf, project, projectId, reportError],
  );

  // The dialog's choices (a label list, the offsets' unit): the same files read again, for the
  // import report or the teammate dialog, whichever is open; nothing is written.
  const rereadImport = useCallback(
    async (options: ReadOptions, labelListFile?: string) => {
      if (!project || !importFiles) return;
      // Only the latest choice's reading is shown (the user may choose again while one runs).
      const request = ++rereadRequest.current;
      setRereading(true);
      try {
        if (importFiles.kind === 'teammate') {
          const plan = await planTeammateMerge(db, projectId, annotator, importFiles.files, options);
          if (request !== rereadRequest.current) return;
          setTeammatePlan(plan);
        } else {
          const plan = await planImport(db, projectId, project.schema, importFiles.files, undefined, options);
          if (request !== rereadRequest.current) return;
          setImportPlan(plan);
        }
        const { labelListFile: _previous, ...files } = importFiles;
        setImportFiles({ ...files, ...(options.labelList !== undefined && labelListFile !== undefined ? { labelListFile } : {}) });
      } catch (error) {
        reportError(`The files could not be read again: ${errorMessage(error)}`);
      } finally {
        if (request === rereadRequest.current) setRereading(false);
      }
    },
    [annotator, db, importFiles, project, projectId, reportError],
  );

  const readChosenSideFile = useCallback(async (file: File) => readSideFile(file, await readLimitPolicy(db)), [db]);

  const closeDialog = () => {
    rereadRequest.current++; // a reading still under way is not shown
    setRereading(false);
    setImportPlan(null);
    setTeammatePlan(null);
    setImportFiles(null);
  };

  const openImportPicker = useCallback(async () => {
    // The page's own file chooser hands the import worker files it reads from disk a piece at a
    // time. It opens only within a user's click or key; the desktop menu's Import… is neither
    // (Chromium refuses), so there the main process picks and sends the bytes, under its limits.
    if (bridge.platform === 'web' || navigator.userActivation.isActive) fileInput.current?.click();
    else void startImport(await bridge.openFiles([{ name: 'Documents', extensions: IMPORT_EXTENSIONS }]));
  }, [bridge, fileInput, startImport]);

  const startTeammateImport = useCallback(
    async (picked: ChosenFile[]) => {
      if (picked.length === 0) return;
      try {
        // Unread here: the import worker reads and matches them, and answers with what the dialog shows.
        const files = await Promise.all(picked.map(importFileOf));
        const { signal, onProgress } = progressOf('Reading files');
        const plan = await planTeammateMerge(db, projectId, annotator, files, {}, onProgress, signal);
        setImportFiles({ kind: 'teammate', files });
        setTeammatePlan(plan);
      } catch (error) {
        if (error instanceof ImportCancelledError) notify('The reading was cancelled; nothing was merged.', 'info');
        else reportError(`Nothing was merged: ${errorMessage(error)}`);
      } finally {
        setProgress(null);
      }
    },
    [annotator, db, notify, progressOf, projectId, reportError],
  );

  const finishTeammateImport = useCallback(
    async (plan: TeammateReview, options: TeammateMergeOptions) => {
      if (!project) return;
      setTeammatePlan(null);
      setImportFiles(null);
      try {
        // A restore point first, as for every import; the merge replaces teammates' annotations.
        const { signal, onProgress } = progressOf('Merging');
        const backup = () => snapshotProject(db, bridge.backups, plan.projectId, 'import', annotator);
        const outcome = await commitTeammateMerge(db, plan, options, backup, onProgress, signal);
        const who = plan.annotators.map((a) => a.name).join(', ');
        notify(
          `Merged ${outcome.spans} spans${who ? ` of ${who}` : ''} into ${outcome.documents} ${outcome.documents === 1 ? 'document' : 'documents'}` +
            (outcome.newDocuments > 0 ? `, added ${outcome.newDocuments} new` : '') +
            (outcome.leftOutByLabelMap > 0 ? `, left out ${outcome.leftOutByLabelMap} by the label map` : '') +
            '.',
          'success',
        );
        if (outcome.backupProblem) reportError(`No backup was taken before this merge: ${outcome.backupProblem}`);
      } catch (error) {
        if (error instanceof ImportCancelledError) notify('The merge was cancelled; nothing was merged.', 'info');
        else reportError(`Nothing was merged: ${errorMessage(error)}`);
      } finally {
        setProgress(null);
      }
    },
    [annotator, bridge.backups, db, notify, progressOf, project, reportError],
  );

  return {
    importPlan,
    teammatePlan,
    progress,
    startImport,
    finishImport,
    cancelImport: closeDialog,
    rereadImport,
    importLabelListFile: importFiles?.labelListFile,
    readSideFile: readChosenSideFile,
    rereading,
    openImportPicker,
    startTeammateImport,
    finishTeammateImport,
    cancelTeammateImport: closeDialog,
  };
}
