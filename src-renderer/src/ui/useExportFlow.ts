// Export from the workbench: which annotation sets can be exported, preparing an export of
// the chosen documents (in a worker: export-job.ts), and saving it (or the project bundle)
// through the bridge.
import { useCallback, useMemo } from 'react';
import type { SpanwrightBridge } from '../../../src-shared/bridge';
import { GOLD_ANNOTATOR, type Annotator, type DocumentRecord, type LabelSchema, type Project } from '../../../src-shared/domain';
import { attributeTypesOf } from '../../../src-shared/schema-rules';
import type { ExportRequest, SavableExport } from '../app/export-documents';
import type { AssignmentPlan } from '../../../src-shared/assignment';
import { prepareSavableAssignment, prepareSavableBundle, prepareSavableExport } from '../app/export-job';
import type { SpanwrightDatabase } from '../storage/database';
import { displayName } from './useAnnotatorNames';
import type { ExportChoices } from './ExportDialog';

export function useExportFlow(options: {
  db: SpanwrightDatabase;
  bridge: SpanwrightBridge;
  project: Project | undefined;
  schema: LabelSchema;
  annotator: Annotator;
  annotators: readonly Annotator[] | undefined;
  /** Every document of the project, and those the list shows (the "filtered" scope), read when an export is prepared. */
  documents: () => readonly DocumentRecord[];
  filtered: () => readonly DocumentRecord[];
  notify: (message: string, kind: 'info' | 'success' | 'error') => void;
  /** After a file was saved. */
  onSaved: () => void;
}) {
  const { db, bridge, project, schema, annotator, annotators, documents, filtered, notify, onSaved } = options;

  const annotationSets = useMemo(
    () => [
      { id: annotator.id, name: `Mine (${displayName(annotator)})` },
      { id: GOLD_ANNOTATOR.id, name: 'Gold (adjudicated)' },
      ...(annotators ?? [])
        .filter((a) => a.id !== annotator.id && a.id !== GOLD_ANNOTATOR.id)
        .map((a) => ({ id: a.id, name: displayName(a) })),
      { id: 'all', name: 'All annotators' },
    ],
    [annotator, annotators],
  );

  const prepare = useCallback(
    (choices: ExportChoices, onProgress: (done: number, total: number) => void, isCancelled: () => boolean) => {
      const chosen = choices.scope === 'all' ? documents() : filtered();
      const layer = choices.annotations;
      const request: ExportRequest = {
        format: choices.format,
        layers: choices.layers,
        labelMap: choices.labelMap,
        split: choices.split,
        // The exported layers' labels only: a tag list (Hugging Face labels.json) lists no tag the data cannot hold.
        schemaLabels: schema.labels.filter((l) => choices.layers.includes(l.layer)).map((l) => l.name),
        documentCategories: schema.documentCategories,
        attributeTypes: attributeTypesOf(schema),
        selection: {
          annotators: layer === 'all' ? 'all' : [layer],
          primary: layer === 'all' ? annotator.id : layer,
          names: new Map((annotators ?? []).map((a) => [a.id, a.name])),
        },
      };
      return prepareSavableExport(db, {
        documentIds: chosen.map((d) => d.id),
        request,
        projectName: project?.name ?? 'spanwright',
        onProgress,
        isCancelled,
      });
    },
    [annotator.id, annotators, db, documents, filtered, project?.name, schema],
  );

  /** Asks where to save, then streams the export there; the stream is aborted (no file) if it fails or is discarded. */
  const saveStreamed = async (savable: SavableExport, onProgress?: (done: number, total: number) => void, after: () => void = onSaved) => {
    const zipped = savable.fileName.endsWith('.zip');
    const extension = savable.fileName.slice(savable.fileName.lastIndexOf('.') + 1);
    const stream = await bridge.saveFile(savable.fileName, [{ name: zipped ? 'Zip archive' : 'Export', extensions: [extension] }]);
    if (!stream) return;
    await savable.writeTo(stream, onProgress);
    const n = savable.summary.documents;
    notify(`Exported ${n} ${n === 1 ? 'document' : 'documents'} to ${savable.fileName}.`, 'success');
    after();
  };


  /** A file built and streamed by the export worker, which stops once it is saved (or not). */
  const saveWholeFile = async (preparing: Promise<SavableExport>, after?: () => void) => {
    const savable = await preparing;
    try {
      await saveStreamed(savable, undefined, after);
    } finally {
      savable.discard();
    }
  };

  const saveBundle = async () => {
    if (project) await saveWholeFile(prepareSavableBundle(db, project, annotator));
  };

  /** Any project's bundle (before deleting it), leaving the dialog that asked open. */
  const saveBundleOf = (other: Project) => saveWholeFile(prepareSavableBundle(db, other, annotator), () => undefined);

  /** The work packages of an assignment plan, leaving the dialog that asked open. */
  const saveAssignment = (of: Project, plan: AssignmentPlan) =>
    saveWholeFile(prepareSavableAssignment(db, of, plan, annotator), () => undefined);

  return { annotationSets, prepare, saveStreamed, saveBundle, saveBundleOf, saveAssignment };
}
