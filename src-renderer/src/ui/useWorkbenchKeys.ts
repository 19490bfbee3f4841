// What every key and application-menu command does on the main screen: the keymap's commands
// (src-shared/keymap.ts) and the schema's hotkeys (labels, relation types, document label
// values), routed to the session, the review, relation linking, suggestions and the views.
import { useEffect, useRef, type RefObject } from 'react';
import type { MenuCommand, SpanwrightBridge } from '../../../src-shared/bridge';
import type { DocumentRecord, Label, LabelSchema, Span } from '../../../src-shared/domain';
import { statusOf } from '../../../src-shared/document-rules';
import { commandFor, type KeyCommand, type KeyContext } from '../../../src-shared/keymap';
import type { ReviewItem } from '../../../src-shared/review/compare-spans';
import { findLabelByHotkey } from '../../../src-shared/schema-rules';
import type { AnnotationSession } from '../app/annotation-session';
import type { ReviewState } from '../app/review-state';
import type { DocumentViewHandle } from './document/DocumentView';
import { typesFrom } from './SpanRelations';
import type { WorkbenchDialog } from './TopBar';
import type { useFind } from './useFind';
import type { RelationLinking } from './useRelationLinking';
import type { SuggestionFlow } from './useSuggestionFlow';

function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export interface WorkbenchKeyTargets {
  bridge: SpanwrightBridge;
  notify: (message: string, kind: 'info' | 'success' | 'error') => void;
  /** A dialog is open: its keys are its own. */
  blocked: boolean;
  openDialog: (dialog: WorkbenchDialog) => void;
  openImportPicker: () => void | Promise<void>;
  mode: 'annotate' | 'review';
  schema: LabelSchema;
  session: AnnotationSession;
  documentId: string | null;
  selectedSpan: Span | undefined;
  pendingRange: { start: number; end: number } | null;
  applyLabel: (label: Label) => Promise<void>;
  deleteSelected: () => Promise<void>;
  jumpToSpan: (spanId: string) => void;
  clearSelection: () => void;
  documentView: RefObject<DocumentViewHandle | null>;
  linking: RelationLinking;
  suggestionFlow: SuggestionFlow;
  find: ReturnType<typeof useFind>;
  review: ReviewState;
  reviewIndex: number;
  stepReview: (direction: 1 | -1) => void;
  acceptVersion: (item: ReviewItem, version: number) => void;
  acceptAgreements: () => void;
  /** Opens the next (1) or previous (-1) document of the list. */
  step: (delta: number) => void;
  /** The ids of the list as shown, and where their rows are read. */
  filtered: readonly string[];
  rowOf: (documentId: string) => DocumentRecord | undefined;
  documentIndex: number;
  editedAnnotator: string;
  openDocument: (documentId: string) => void;
}

/** Listens to the window's keys and the application menu while the main screen is shown. */
export function useWorkbenchKeys(targets: WorkbenchKeyTargets): void {
  const {
    bridge,
    notify,
    blocked,
    openDialog,
    openImportPicker,
    mode,
    schema,
    session,
    documentId,
    selectedSpan,
    pendingRange,
    applyLabel,
    deleteSelected,
    jumpToSpan,
    clearSelection,
    documentView,
    linking,
    suggestionFlow,
    find,
    review,
    reviewIndex,
    stepReview,
    acceptVersion,
    acceptAgreements,
    step,
    filtered,
    rowOf,
    documentIndex,
    editedAnnotator,
    openDocument,
  } = targets;
  const commandRef = useRef<(command: MenuCommand) => void>(() => undefined);
  commandRef.current = (command) => {
    if (command === 'undo') void session.undo();
    else if (command === 'redo') void session.redo();
    else if (command === 'import') void openImportPicker();
    else if (command === 'export') openDialog('export');
    else if (command === 'restore-backup') openDialog('backups');
    else if (command === 'about') void bridge.appVersion().then((v) => notify(`Spanwright ${v}: offline span annotation.`, 'info'));
  };
  useEffect(() => bridge.onMenuCommand((c) => commandRef.current(c)), [bridge]);

  const keyRef = useRef<(event: KeyboardEvent) => void>(() => undefined);
  keyRef.current = (event) => {
    if (blocked) return;
    const inField = isEditableTarget(event.target);
    const context: KeyContext = {
      inField,
      review: mode === 'review',
      spanSelected: selectedSpan !== undefined,
      textSelected: pendingRange !== null,
      linking: linking.linking !== null || linking.choosingFor !== null,
      suggestionSelected: mode !== 'review' && suggestionFlow.selected !== undefined,
    };
    const command = commandFor(event, context);
    if (command) {
      event.preventDefault();
      runCommand(command, event);
      return;
    }
    if (inField || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (linking.choosingFor) {
      // Choosing a relation's type: its key, or its number in the list.
      const choices = typesFrom(schema, linking.choosingFor);
      const chosen =
        choices.find((t) => t.hotkey !== '' && t.hotkey.toLowerCase() === key) ??
        (/^[1-9]$/.test(key) ? choices[Number(key) - 1] : undefined);
      if (chosen) {
        event.preventDefault();
        linking.start(chosen, linking.choosingFor);
      }
      return;
    }
    if (linking.linking) return;
    if (selectedSpan && !pendingRange) {
      // With a span selected, a relation type's key starts a relation of that type from it.
      const type = schema.relationTypes.find((t) => t.hotkey !== '' && t.hotkey.toLowerCase() === key);
      if (type) {
        event.preventDefault();
        linking.start(type, selectedSpan);
        return;
      }
    }
    const label = findLabelByHotkey(schema, event.key);
    if (label) {
      event.preventDefault();
      void applyLabel(label);
      return;
    }
    for (const category of schema.documentCategories) {
      const value = category.values.find((v) => v.hotkey !== '' && v.hotkey.toLowerCase() === key);
      if (value && documentId) {
        event.preventDefault();
        session.toggleDocumentLabel(category, value.name);
        return;
      }
    }
  };

  /** What each command of the keymap (src-shared/keymap.ts) does here. */
  const runCommand = (command: KeyCommand, event: KeyboardEvent): void => {
    const item = review.items[reviewIndex];
    switch (command) {
      case 'undo':
      case 'redo':
      case 'import':
      case 'export':
        commandRef.current(command);
        return;
      case 'shortcuts':
        openDialog('shortcuts');
        return;
      case 'find':
        find.show();
        return;
      case 'next-span':
      case 'previous-span': {
        // Step through the spans in text order: the selected one is outlined and its label and
        // text shown in the details, so the keyboard reaches everything the mouse does.
        const ordered = session.spans;
        if (ordered.length === 0) return;
        const at = selectedSpan ? ordered.findIndex((s) => s.id === selectedSpan.id) : -1;
        const next = command === 'next-span' ? ordered[(at + 1) % ordered.length] : ordered[(at - 1 + ordered.length) % ordered.length];
        if (next) {
          jumpToSpan(next.id);
          documentView.current?.placeCaretAt(next.start);
        }
        return;
      }
      case 'delete-span':
        void deleteSelected();
        return;
      case 'clear-selection':
        if (find.open) find.close();
        clearSelection();
        window.getSelection()?.removeAllRanges();
        return;
      case 'move-end-earlier':
      case 'move-end-later':
      case 'move-start-earlier':
      case 'move-start-later':
      case 'move-end-character-earlier':
      case 'move-end-character-later':
      case 'move-start-character-earlier':
      case 'move-start-character-later':
        if (selectedSpan) {
          const edge = command.startsWith('move-end') ? 'end' : 'start';
          session.moveEdge(selectedSpan, edge, command.endsWith('earlier') ? -1 : 1, command.includes('character') ? 'character' : 'token');
        }
        return;
      case 'start-relation':
        if (selectedSpan) linking.begin(selectedSpan);
        return;
      case 'link-next':
      case 'link-previous':
        if (linking.choosingFor) return;
        linking.step(command === 'link-next' ? 1 : -1);
        return;
      case 'link-confirm': {
        const target = session.spans.find((s) => s.id === linking.candidateId);
        if (target) linking.finish(target);
        return;
      }
      case 'link-cancel':
        linking.cancel();
        return;
      case 'review-next':
      case 'review-previous':
        stepReview(command === 'review-next' ? 1 : -1);
        return;
      case 'review-reject':
        if (item) void review.toggleRejected(item.key);
        return;
      case 'review-accept':
        if (item && Number(event.key) <= item.versions.length) acceptVersion(item, Number(event.key) - 1);
        return;
      case 'review-accept-agreements':
        if (review.agreementsLeft > 0) acceptAgreements();
        else notify('No agreements left to accept in this document.', 'info');
        return;
      case 'next-document':
        step(1);
        return;
      case 'previous-document':
        step(-1);
        return;
      case 'next-todo-document': {
        const after = filtered.slice(documentIndex + 1).concat(filtered.slice(0, Math.max(0, documentIndex)));
        const todo = after.find((id) => {
          const row = rowOf(id);
          return row !== undefined && statusOf(row, editedAnnotator) !== 'done' && statusOf(row, editedAnnotator) !== 'skipped';
        });
        if (todo) openDocument(todo);
        else notify('Every document of the list is done or skipped.', 'info');
        return;
      }
      case 'next-suggestion':
      case 'previous-suggestion': {
        const next = suggestionFlow.step(command === 'next-suggestion' ? 1 : -1);
        if (next) {
          clearSelection();
          documentView.current?.scrollToSpan(next.id);
        }
        return;
      }
      case 'accept-suggestion':
        suggestionFlow.acceptSelected();
        return;
      case 'reject-suggestion':
        suggestionFlow.rejectSelected();
        return;
    }
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keyRef.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
