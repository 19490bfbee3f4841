// The main screen: a shell that lays out the top bar, the document list, the document pane
// and the sidebar, holds what they share (project, open document, selection, mode) and wires
// them, the dialogs and the keys (useWorkbenchKeys) to the app layer. It computes no offsets
// and writes no table.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SpanwrightBridge } from '../../../src-shared/bridge';
import { defaultSchema } from '../../../src-shared/default-schema';
import { GOLD_ANNOTATOR, type Annotator, type DocumentStatus, type Label } from '../../../src-shared/domain';
import { mixColors, mostReadable, parseHexColor, type Rgb } from '../../../src-shared/color-contrast';
import { useAnnotationSession } from '../app/annotation-session';
import { useAdjudication } from '../app/adjudication';
import { useReviewProgress } from '../app/review-progress';
import { useComparedAnnotators, useReview } from '../app/review-state';
import { newId } from '../app/ids';
import type { SpanwrightDatabase } from '../storage/database';
import { countSchemaItemUses, createProject, setGuidelines } from '../storage/projects';
import { snapshotProject } from '../app/backups';
import { BackupsDialog } from './manage/BackupsDialog';
import { useBackups } from './useBackups';
import { rememberSetting, SETTING } from '../storage/settings';
import { selectedRange } from './document/dom-offsets';
import type { DocumentViewHandle } from './document/DocumentView';
import { useRelationView } from './document/useRelationView';
import { DocumentList, NO_FILTER, type DocumentFilter } from './DocumentList';
import { useDocumentIndex } from './useDocumentIndex';
import { useFilteredDocuments } from './useFilteredDocuments';
import { DocumentPane } from './DocumentPane';
import { useDocumentTextSearch } from './useDocumentTextSearch';
import { ExportDialog } from './ExportDialog';
import { IdentityDialog } from './IdentityDialog';
import { AgreementDialog } from './agreement/AgreementDialog';
import { ImportReportDialog } from './ImportReportDialog';
import { TeammateImportDialog } from './TeammateImportDialog';
import { useSnapping } from './useSnapping';
import { LabelsDialog } from './LabelsDialog';
import { NewProjectDialog } from './NewProjectDialog';
import { ProgressBar } from './ProgressBar';
import { Sidebar } from './Sidebar';
import { useToasts } from './Toasts';
import { TopBar, type WorkbenchDialog } from './TopBar';
import { ShortcutSheet } from './ShortcutSheet';
import { useSuggestionFlow } from './useSuggestionFlow';
import { MissingAttributesDialog } from './MissingAttributesDialog';
import { useRelationLinking } from './useRelationLinking';
import { missingRequiredAttributes, type MissingAttributes } from '../../../src-shared/annotations/attribute-rules';
import { readDroppedFiles, useImportFlows } from './useImportFlows';
import { useOpenDocument } from './useOpenDocument';
import { displayName, useAnnotatorNames } from './useAnnotatorNames';
import { useExportFlow } from './useExportFlow';
import { useFind } from './useFind';
import { useWorkbenchKeys } from './useWorkbenchKeys';
import { usePanels } from './usePanels';
import { useAppearance } from './useAppearance';
import { SettingsDialog } from './SettingsDialog';
import { AssignDialog } from './manage/AssignDialog';
import { DocumentDetailsDialog } from './manage/DocumentDetailsDialog';
import { ProjectsDialog } from './manage/ProjectsDialog';
import { TrashDialog } from './manage/TrashDialog';
import { useDocumentManagement } from './manage/useDocumentManagement';
import { SyncStatusButton } from './SyncStatusButton';
import { TeamServerDialog } from './TeamServerDialog';
import { useTeamSync } from './useTeamSync';
import { errorMessage } from '../../../src-shared/result';
import { StorageBanner } from './StorageBanner';
import { StorageStatusButton } from './StorageStatusButton';
import { useStorageHealth } from './useStorageHealth';

type Dialog = WorkbenchDialog | null;

// The light theme's --bg and --ink (styles.css), for the text colour on label highlights.
const PAGE_BACKGROUND: Rgb = [0xf6, 0xf5, 0xf2];
const INK = '#1f2328';

/**
 * Per-label colours as CSS variables, so recolouring a label never re-renders the text. With
 * each colour goes the text colour that reads on its highlight (`--span-ink`: dark on light
 * colours, white on dark ones), so any colour a user picks keeps the text at WCAG AA contrast.
 */
function labelColorCss(labels: readonly Label[]): string {
  return labels
    .map((l) => {
      const color = /^#[0-9a-f]{6}$/i.test(l.color) ? l.color : '#cccccc';
      // An entity's highlight is 70% of its colour over the page (styles.css, .span--entity).
      const highlight = mixColors(parseHexColor(color) as Rgb, PAGE_BACKGROUND, 0.7);
      const ink = mostReadable([highlight], [INK, '#ffffff']);
      return `[data-label="${l.name.replace(/["\\\n]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"]{--span-color:${color};--span-ink:${ink}}`;
    })
    .join('\n');
}

export function Workbench(props: {
  db: SpanwrightDatabase;
  bridge: SpanwrightBridge;
  annotator: Annotator;
  onRenameAnnotator: (name: string) => Promise<void>;
  /** Annotate as another annotator (an existing one, or a new one by name): a shared workstation. */
  onSwitchAnnotator: (to: Annotator | { name: string }) => Promise<void>;
  /** The project this window holds (ProjectGate): another is opened through `onProjectChange`. */
  projectId: string;
  onProjectChange: (projectId: string) => void;
}) {
  const { db, bridge, annotator, projectId, onProjectChange: setProjectId } = props;
  const { toasts, notify } = useToasts();
  const [filter, setFilter] = useState<DocumentFilter>(NO_FILTER);
  const [pendingRange, setPendingRange] = useState<{ start: number; end: number } | null>(null);
  const [selectedSpanIds, setSelectedSpanIds] = useState<string[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dragging, setDragging] = useState(false);
  const [mode, setMode] = useState<'annotate' | 'review'>('annotate');
  const [reviewIndex, setReviewIndex] = useState(0);
  // Whose annotations are edited: yours when annotating, gold's when reviewing.
  const editedAnnotator = mode === 'review' ? GOLD_ANNOTATOR.id : annotator.id;
  const fileInput = useRef<HTMLInputElement>(null);
  const documentViewRef = useRef<HTMLElement | null>(null);
  const documentViewHandle = useRef<DocumentViewHandle | null>(null);
  const panels = usePanels();
  const appearance = useAppearance(db);
  // Read-only on a full disk, space left, persistent storage (storage/space-guard.ts).
  const storage = useStorageHealth(db, notify);

  const projects = useLiveQuery(() => db.projects.orderBy('name').toArray(), [db]);
  const annotators = useLiveQuery(() => db.annotators.toArray(), [db]);
  const project = useLiveQuery(() => db.projects.get(projectId), [db, projectId]);
  const reportError = useCallback((message: string) => notify(message, 'error'), [notify]);
  const openDocumentState = useOpenDocument(db, projectId, reportError);
  // The project's document rows, read once and patched from the change log (a label re-reads one
  // row). Read once the open document's text is read: at 100,000 documents the list's pages
  // would otherwise queue in the database ahead of each of the document's first reads.
  const listed = useDocumentIndex(db, openDocumentState.settledProject, reportError);
  const documentRows = listed?.index;
  const schema = project?.schema ?? defaultSchema();
  // Document labels are read only while the list is filtered by one.
  const documentLabels = useLiveQuery(
    async () =>
      filter.documentLabel
        ? new Map(
            (await db.documentAnnotations.where('projectId').equals(projectId).toArray())
              .filter((a) => a.annotator === editedAnnotator)
              .map((a) => [a.documentId, a.labels]),
          )
        : undefined,
    [db, projectId, editedAnnotator, filter.documentLabel],
  );
  const textSearch = useDocumentTextSearch(db, documentRows?.ids, filter.text);
  const compared = useComparedAnnotators();
  const reviewLeft = useReviewProgress(db, projectId, mode === 'review', compared.disabled, schema);
  // Ids of the list as filtered; rows are read from `documentRows` where needed.
  const filtered = useFilteredDocuments(listed, filter, {
    annotatorId: editedAnnotator,
    labelsByDocument: documentLabels,
    textMatches: textSearch.matches,
    reviewLeft,
  });
  const allRecords = useCallback(() => documentRows?.records() ?? [], [documentRows]);
  const filteredRecords = useCallback(() => documentRows?.records(filtered) ?? [], [documentRows, filtered]);

  const snapping = useSnapping(db, projectId, documentViewRef, reportError);
  const { documentId, record: openRecord, text } = openDocumentState;
  const openInView = openDocumentState.open;
  const openDocument = useCallback(
    (id: string) => {
      openInView(id);
      setSelectedSpanIds([]);
      setPendingRange(null);
    },
    [openInView],
  );

  const session = useAnnotationSession(
    db,
    projectId,
    schema,
    documentId,
    text,
    editedAnnotator,
    openRecord?.meta.language,
    openDocument,
    reportError,
  );
  const suggestionFlow = useSuggestionFlow({
    db,
    projectId,
    schema,
    annotator: editedAnnotator,
    documentId,
    language: openRecord?.meta.language,
    session,
    notify,
  });
  const goldForReview = useMemo(
    () => ({ spans: session.spans, relations: session.relations, documentAnnotation: session.documentAnnotation }),
    [session.spans, session.relations, session.documentAnnotation],
  );
  const review = useReview(db, documentId, goldForReview, schema, mode === 'review', compared);
  const team = useTeamSync(db, projectId, annotator, (documentIds) => {
    if (documentId && (!documentIds || documentIds.has(documentId))) session.reload();
  });
  const { names, projectAnnotators } = useAnnotatorNames(annotators, annotator, documentRows?.annotatorsWithSpans);
  // Each compared annotator keeps one legend slot (outline style) while others are toggled.
  const referenceAnnotators = useMemo(
    () =>
      mode === 'review'
        ? new Map([...review.enabled].map((id) => [id, { name: names.get(id) ?? id, slot: review.annotators.indexOf(id) }]))
        : undefined,
    [mode, review.enabled, review.annotators, names],
  );
  const viewSpans = useMemo(
    () => (mode === 'review' ? [...session.spans, ...review.referenceSpans] : session.spans),
    [mode, session.spans, review.referenceSpans],
  );
  const reviewItem = mode === 'review' ? review.items[reviewIndex] : undefined;
  useEffect(() => setReviewIndex(0), [documentId, mode]);
  const spansById = session.spansById;
  // Built once per schema, not on every render (each label renders the workbench).
  const labelColors = useMemo(() => labelColorCss(schema.labels), [schema.labels]);
  const selectedSpan = selectedSpanIds[0] ? spansById.get(selectedSpanIds[0]) : undefined;

  const applyLabel = useCallback(
    async (label: Label) => {
      // Read the selection now: a key pressed right after a keyboard selection can arrive
      // before the browser's selectionchange event has updated `pendingRange`.
      const article = documentViewRef.current;
      const range = (article && selectedRange(article)) ?? pendingRange;
      if (range) {
        const result = await session.addSpan(label, range, { snapToWords: snapping.selectionSnaps() });
        if (typeof result === 'string') notify(result, 'info');
        else {
          // The caret goes to the end of the new span: the next Ctrl+Shift+→ takes the word after it.
          setPendingRange(null);
          setSelectedSpanIds([result.id]);
          documentViewHandle.current?.placeCaretAt(result.end);
          suggestionFlow.spanMade(result);
        }
      } else if (selectedSpan) {
        await session.relabel(selectedSpan, label);
      } else {
        notify('Select some text in the document first, then choose a label.', 'info');
      }
    },
    [notify, pendingRange, selectedSpan, session, snapping, suggestionFlow],
  );

  const adjudication = useAdjudication(session, review, projectId, documentId);
  const linking = useRelationLinking(session, schema, notify);
  const [missingAttributes, setMissingAttributes] = useState<MissingAttributes[] | null>(null);
  const find = useFind(documentViewRef);
  // The target in hand while linking stays in view.
  useEffect(() => {
    if (linking.candidateId) documentViewHandle.current?.scrollToSpan(linking.candidateId);
  }, [linking.candidateId]);
  const cancelLinking = linking.cancel;
  useEffect(() => cancelLinking(), [documentId, mode, cancelLinking]);

  /** Selects a span and brings it into view (relations, review, the missing-attributes list). */
  const jumpToSpan = useCallback((spanId: string) => {
    setSelectedSpanIds([spanId]);
    documentViewHandle.current?.scrollToSpan(spanId);
  }, []);

  const focusSpanId = linking.linking?.from.id ?? selectedSpan?.id;
  const relationView = useRelationView(session.relations, schema, focusSpanId, linking.linking ? linking.candidateId : undefined);

  const highlightedSpanIds = useMemo(
    () => (selectedSpan ? [selectedSpan.id] : suggestionFlow.selected ? [suggestionFlow.selected.id] : []),
    [selectedSpan, suggestionFlow.selected],
  );
  const reviewFocus = useMemo(() => (reviewItem ? { start: reviewItem.start, end: reviewItem.end } : null), [reviewItem]);

  /** A click on marks in the text (innermost first): a suggestion, a link target, a reference or spans. */
  const clickSpans = (ids: string[]) => {
    if (!linking.linking && mode !== 'review' && suggestionFlow.click(ids)) return;
    if (linking.linking) {
      const target = ids.map((id) => spansById.get(id)).find((span) => span && span.id !== linking.linking?.from.id);
      if (target) linking.finish(target);
      return;
    }
    const reference = mode === 'review' ? ids.find((id) => !spansById.has(id)) : undefined;
    const goldIds = ids.filter((id) => spansById.has(id));
    if (reference && goldIds.length === 0) {
      const at = review.items.findIndex((it) => it.versions.some((v) => v.spans.some((x) => x.id === reference)));
      if (at !== -1) setReviewIndex(at);
      setSelectedSpanIds([]);
    } else setSelectedSpanIds(goldIds);
  };

  const changeStatus = useCallback(
    (status: DocumentStatus) => {
      const missing = status === 'done' ? missingRequiredAttributes(schema, session.spans) : [];
      if (missing.length > 0) setMissingAttributes(missing);
      else session.setStatus(status);
    },
    [schema, session],
  );

  const stepReview = useCallback(
    (direction: 1 | -1) => {
      const count = review.items.length;
      for (let step = 1; step <= count; step++) {
        const at = (((reviewIndex + direction * step) % count) + count) % count;
        const item = review.items[at];
        if (item && item.kind !== 'agreement' && !review.settled[at]) {
          setReviewIndex(at);
          setSelectedSpanIds([]);
          const first = item.versions.flatMap((v) => v.spans)[0];
          if (first) documentViewHandle.current?.scrollToSpan(first.id);
          return;
        }
      }
      notify('No disagreements left in this document.', 'info');
    },
    [notify, review, reviewIndex],
  );

  const deleteSelected = useCallback(async () => {
    if (!selectedSpan) return;
    await session.remove(selectedSpan);
    setSelectedSpanIds([]);
  }, [selectedSpan, session]);

  // ---- backups (daily snapshot, restore)
  const backups = useBackups({ db, bridge, projectId, annotator, listing: dialog === 'backups', reportError });

  // ---- import (documents, bundles, teammates' work)
  const imports = useImportFlows({
    db,
    bridge,
    project,
    projectId,
    annotator,
    notify,
    reportError,
    onProjectRestored: setProjectId,
    onImported: openDocument,
    fileInput,
  });

  // ---- export
  const exports = useExportFlow({
    db,
    bridge,
    project,
    schema,
    annotator,
    annotators,
    documents: allRecords,
    filtered: filteredRecords,
    notify,
    onSaved: () => setDialog(null),
  });

  const manage = useDocumentManagement({
    db,
    projectId,
    projects,
    session,
    filtered,
    openDocument,
    switchProject: setProjectId,
    notify,
    countingProjects: dialog === 'projects',
    project,
    saveAssignment: exports.saveAssignment,
  });

  const documentIndex = useMemo(() => (documentId ? filtered.indexOf(documentId) : -1), [documentId, filtered]);
  const step = (delta: number) => {
    const next = filtered[documentIndex + delta];
    if (next) openDocument(next);
  };

  // ---- keyboard and menu
  useWorkbenchKeys({
    bridge,
    notify,
    blocked: Boolean(dialog || imports.importPlan || imports.teammatePlan || missingAttributes),
    openDialog: setDialog,
    openImportPicker: imports.openImportPicker,
    mode,
    schema,
    session,
    documentId,
    selectedSpan,
    pendingRange,
    applyLabel,
    deleteSelected,
    jumpToSpan,
    clearSelection: () => setSelectedSpanIds([]),
    documentView: documentViewHandle,
    linking,
    suggestionFlow,
    find,
    review,
    reviewIndex,
    stepReview,
    acceptVersion: adjudication.acceptVersion,
    acceptAgreements: adjudication.acceptAgreements,
    step,
    filtered,
    rowOf: (id) => documentRows?.get(id),
    documentIndex,
    editedAnnotator,
    openDocument,
  });

  return (
    <div
      className={[
        'workbench',
        dragging && 'workbench--dragging',
        panels.narrow ? 'workbench--narrow' : [!panels.listOpen && 'workbench--list-closed', !panels.sideOpen && 'workbench--side-closed'],
      ]
        .flat()
        .filter(Boolean)
        .join(' ')}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void readDroppedFiles(e.dataTransfer.files).then(imports.startImport);
      }}
    >
      <style>{labelColors}</style>
      <TopBar
        projects={projects ?? []}
        projectId={projectId}
        onProjectChange={setProjectId}
        mode={mode}
        onModeChange={setMode}
        fileInput={fileInput}
        onImport={imports.startImport}
        onImportTeammates={imports.startTeammateImport}
        onOpenDialog={setDialog}
        canUndo={session.canUndo}
        canRedo={session.canRedo}
        onUndo={() => void session.undo()}
        onRedo={() => void session.redo()}
        panels={panels}
      />
      <StorageBanner
        storage={storage}
        onExportBundle={project ? () => exports.saveBundle().catch((e: unknown) => reportError(errorMessage(e))) : undefined}
      />

      <div
        id={panels.listId}
        className="workbench__panel workbench__panel--list"
        hidden={!panels.listOpen}
        onKeyDown={(e) => panels.onPanelKeyDown('list', e)}
      >
        <DocumentList
          ids={filtered}
          index={documentRows}
          total={documentRows?.size ?? 0}
          filter={filter}
          onFilterChange={setFilter}
          openDocumentId={documentId}
          onOpen={(id) => {
            openDocument(id);
            if (panels.narrow) {
              // The list closes over the text: the keyboard goes on in the text.
              panels.documentChosen();
              documentViewRef.current?.focus();
            }
          }}
          annotatorId={editedAnnotator}
          categories={schema.documentCategories}
          textMatches={textSearch.matches}
          searchingTexts={textSearch.searching}
          reviewLeft={reviewLeft}
          trashCount={manage.trash?.length ?? 0}
          onOpenTrash={() => setDialog('trash')}
          onAssign={() => setDialog('assign')}
        />
      </div>

      <DocumentPane
        record={openRecord}
        opening={openDocumentState.opening}
        text={text}
        loaded={session.loaded}
        noDocuments={documentRows !== undefined && documentRows.size === 0}
        session={session}
        schema={schema}
        onStatusChange={changeStatus}
        onEditDetails={() => setDialog('document-details')}
        onStep={step}
        canStepBack={documentIndex > 0}
        canStepForward={documentIndex >= 0 && documentIndex < filtered.length - 1}
        find={find}
        onLabelAll={(label, matches) => {
          const made = session.addSpansAt(label, matches);
          notify(`Labelled ${made} ${made === 1 ? 'match' : 'matches'} ${label.name}. Undo takes them all back.`, 'success');
        }}
        linking={linking}
        fontSize={appearance.documentFontSize}
        articleRef={documentViewRef}
        view={{
          spans: viewSpans,
          referenceAnnotators,
          highlightedSpanIds,
          focusRange: reviewFocus,
          suggestions: mode === 'review' ? undefined : suggestionFlow.suggestions,
          initialScrollTop: openDocumentState.scrollTop,
          onSelectRange: setPendingRange,
          linkCounts: relationView.linkCounts,
          relatedSpanIds: relationView.relatedSpanIds,
          arcs: relationView.arcs,
          handleRef: documentViewHandle,
          onSpanClick: clickSpans,
          onScrollTopChange: (top) => {
            if (openRecord) rememberSetting(db, SETTING.scrollTop(openRecord.id), top);
          },
        }}
      />

      <div
        id={panels.sideId}
        className="workbench__panel workbench__panel--side"
        hidden={!panels.sideOpen}
        onKeyDown={(e) => panels.onPanelKeyDown('side', e)}
      >
        <Sidebar
          db={db}
          projectId={projectId}
          annotator={annotator}
          onRenameAnnotator={props.onRenameAnnotator}
          editedAnnotator={editedAnnotator}
          mode={mode}
          schema={schema}
          guidelines={project?.guidelines}
          onApplyLabel={(l) => void applyLabel(l)}
          snapping={snapping}
          session={session}
          documentOpen={openRecord !== undefined && session.loaded}
          text={text}
          selectedSpanIds={selectedSpanIds}
          spansById={spansById}
          onSelectSpans={setSelectedSpanIds}
          onDeleteSelected={() => void deleteSelected()}
          onJump={jumpToSpan}
          linking={linking}
          suggestionFlow={suggestionFlow}
          review={review}
          reviewIndex={reviewIndex}
          onReviewSelect={(index) => {
            setReviewIndex(index);
            setSelectedSpanIds([]);
          }}
          onReviewStep={stepReview}
          adjudication={adjudication}
          names={names}
          progress={{ total: documentRows?.size ?? 0, doneCount: (id) => documentRows?.doneCount(id) ?? 0 }}
          projectAnnotators={projectAnnotators}
        />
      </div>

      <footer className="statusbar" aria-live="polite">
        {imports.progress ? (
          <ProgressBar label={imports.progress.label} done={imports.progress.done} total={imports.progress.total} onCancel={imports.progress.cancel} />
        ) : (
          <button type="button" className="link-button" onClick={() => setDialog('identity')} title="Change your name or switch annotator">
            Annotating as {displayName(annotator)}
          </button>
        )}
        <span className="save-state">{session.pendingWrites > 0 ? 'Saving…' : storage.readOnly ? 'Read-only: not saving' : 'All changes saved'}</span>
        <SyncStatusButton team={team} onOpen={() => setDialog('team-server')} />
        <StorageStatusButton storage={storage} platform={bridge.platform} />
        {toasts}
      </footer>

      {dialog === 'export' && (
        <ExportDialog
          schema={schema}
          totalCount={documentRows?.size ?? 0}
          filteredCount={filtered.length}
          annotationSets={exports.annotationSets}
          prepare={exports.prepare}
          save={exports.saveStreamed}
          saveBundle={exports.saveBundle}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'labels' && project && (
        <LabelsDialog
          guidelines={project.guidelines}
          onSaveGuidelines={(text) => setGuidelines(db, projectId, text).catch((e: unknown) => reportError(errorMessage(e)))}
          schema={schema}
          session={session}
          countUses={(what, name) => countSchemaItemUses(db, projectId, what, name)}
          names={names}
          onDone={(message) => notify(message, 'success')}
          onError={reportError}
          onClose={() => setDialog(null)}
          backUp={() => snapshotProject(db, bridge.backups, projectId, 'schema-delete', annotator)}
        />
      )}
      {dialog === 'agreement' && (
        <AgreementDialog
          db={db}
          projectId={projectId}
          documentId={documentId}
          annotators={projectAnnotators ?? []}
          names={names}
          bridge={bridge}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'identity' && (
        <IdentityDialog
          annotator={annotator}
          annotators={annotators}
          onSwitch={(to) => void props.onSwitchAnnotator(to).catch((e: unknown) => reportError(errorMessage(e)))}
          onClose={() => setDialog(null)}
          onSave={async (name) => {
            await props.onRenameAnnotator(name);
            setDialog(null);
          }}
        />
      )}
      {dialog === 'new-project' && (
        <NewProjectDialog
          onClose={() => setDialog(null)}
          onCreate={async (name) => {
            const id = newId();
            await createProject(db, { id, name, schema: defaultSchema() }, annotator.id);
            setDialog(null);
            setProjectId(id);
          }}
        />
      )}
      {dialog === 'shortcuts' && <ShortcutSheet schema={schema} onClose={() => setDialog(null)} />}
      {dialog === 'document-details' && openRecord && (
        <DocumentDetailsDialog
          record={openRecord}
          names={names}
          onSave={(meta) => session.setDocumentMeta(openRecord, meta)}
          onMoveToTrash={() => manage.moveToTrash(openRecord)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'trash' && (
        <TrashDialog
          entries={manage.trash}
          names={names}
          onRestore={manage.restore}
          onDeleteForever={manage.deleteForever}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'assign' && (
        <AssignDialog
          documents={allRecords()}
          filtered={filteredRecords()}
          annotators={annotators ?? []}
          plan={project?.assignment}
          onAssign={manage.assign}
          onSaveAgain={manage.saveAssignmentAgain}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'projects' && (
        <ProjectsDialog
          projects={projects ?? []}
          currentId={projectId}
          documentCounts={manage.projectDocumentCounts ?? new Map()}
          onRename={manage.rename}
          onSaveBundle={exports.saveBundleOf}
          onDelete={manage.removeProject}
          onOpenBackups={() => setDialog('backups')}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'backups' && (
        <BackupsDialog
          backups={backups.backups}
          location={backups.location}
          projects={projects ?? []}
          currentId={projectId}
          onRestore={backups.restore}
          onRestored={(outcome) => {
            setProjectId(outcome.projectId);
            setDialog(null);
            notify(
              `Restored “${outcome.name}”: ${outcome.documents} ${outcome.documents === 1 ? 'document' : 'documents'}, ${outcome.spans} ${outcome.spans === 1 ? 'span' : 'spans'}.`,
              'success',
            );
          }}
          onDownload={backups.download}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'team-server' && <TeamServerDialog team={team} onClose={() => setDialog(null)} />}
      {dialog === 'settings' && <SettingsDialog appearance={appearance} db={db} onClose={() => setDialog(null)} />}
      {missingAttributes && (
        <MissingAttributesDialog
          missing={missingAttributes}
          onJump={(spanId) => {
            setMissingAttributes(null);
            jumpToSpan(spanId);
          }}
          onCancel={() => setMissingAttributes(null)}
          onConfirm={() => {
            setMissingAttributes(null);
            session.setStatus('done');
          }}
        />
      )}
      {imports.teammatePlan && (
        <TeammateImportDialog
          plan={imports.teammatePlan}
          onCancel={imports.cancelTeammateImport}
          onMerge={(options) => imports.teammatePlan && void imports.finishTeammateImport(imports.teammatePlan, options)}
          onReread={(options, labelListFile) => void imports.rereadImport(options, labelListFile)}
          labelListFile={imports.importLabelListFile}
          readFile={imports.readSideFile}
          rereading={imports.rereading}
        />
      )}
      {imports.importPlan && (
        <ImportReportDialog
          plan={imports.importPlan}
          onCancel={imports.cancelImport}
          onImport={(add) => imports.importPlan && void imports.finishImport(imports.importPlan, add)}
          onReread={(options, labelListFile) => void imports.rereadImport(options, labelListFile)}
          labelListFile={imports.importLabelListFile}
          readFile={imports.readSideFile}
          rereading={imports.rereading}
        />
      )}
    </div>
  );
}
