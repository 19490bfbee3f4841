// The annotating use-case for the open document: spans in memory for instant feedback,
// every change written to IndexedDB in one transaction, and an undo/redo history.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Label, Span } from '../../../src-shared/domain';
import { snapToWords } from '../../../src-shared/segmentation';
import { moveSpanEdge, type SpanEdge } from '../../../src-shared/span-edit';
import { UndoHistory } from '../../../src-shared/undo-history';
import type { SpanwrightDatabase } from '../storage/database';
import { applySpanChange, invertChange, readSpans, type SpanChange } from '../storage/spans';
import { newId } from './ids';

export interface AnnotationSession {
  spans: Span[];
  loaded: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** Changes shown but not yet stored. */
  pendingWrites: number;
  /** Creates a span of `label` over the range, snapped to words; returns it, or why not. */
  addSpan(label: Label, range: { start: number; end: number }): Promise<Span | string>;
  relabel(span: Span, label: Label): Promise<void>;
  /** Moves one edge of a span by a token (word or punctuation); false when it cannot move. */
  moveEdge(span: Span, edge: SpanEdge, direction: -1 | 1): boolean;
  /** Replaces `replacing` (spans of this layer) with copies of `copies`, as one undoable change. */
  replaceWith(replacing: readonly Span[], copies: ReadonlyArray<Pick<Span, 'layer' | 'label' | 'start' | 'end' | 'attributes'>>): Promise<void>;
  remove(span: Span): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

function applyInMemory(spans: readonly Span[], change: SpanChange): Span[] {
  const removed = new Set(change.removed.map((s) => s.id));
  const added = new Map(change.added.map((s) => [s.id, s]));
  const next = spans.filter((s) => !removed.has(s.id) && !added.has(s.id));
  next.push(...change.added);
  return next;
}

export function useAnnotationSession(
  db: SpanwrightDatabase,
  projectId: string,
  /** Changes when the schema changes (renames and deletes rewrite spans): spans are re-read. */
  schemaRevision: number,
  documentId: string | null,
  text: string | undefined,
  annotator: string,
  language: string | undefined,
  openDocument: (documentId: string) => void,
  onError: (message: string) => void,
): AnnotationSession {
  const [state, setState] = useState<{ documentId: string | null; spans: Span[]; loaded: boolean }>({ documentId: null, spans: [], loaded: false });
  const history = useRef(new UndoHistory<SpanChange>());
  const [, setVersion] = useState(0);
  const current = useRef(state);
  current.current = state;

  // Writes run one after another, in the order the user made the changes, so an undo
  // pressed before the previous write finished still lands after it,
  // and a document's spans are read only after the writes queued before.
  const writes = useRef<Promise<unknown>>(Promise.resolve());
  const [pendingWrites, setPendingWrites] = useState(0);

  // Closing the window while a change is still being written would lose it: ask first.
  useEffect(() => {
    if (pendingWrites === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [pendingWrites]);


  useEffect(() => {
    let cancelled = false;
    setState((s) => (s.documentId === documentId ? s : { documentId, spans: [], loaded: false }));
    if (documentId) {
      writes.current.then(() => readSpans(db, documentId, [annotator])).then(
        (spans) => !cancelled && setState({ documentId, spans, loaded: true }),
        (error: unknown) => onError(`Could not read the spans: ${String(error)}`),
      );
    }
    return () => {
      cancelled = true;
    };
  }, [db, documentId, schemaRevision, onError, annotator]);

  // A label rename or delete rewrites spans underneath the history: undoing past it would
  // bring back spans with labels that no longer exist, so the history starts again.
  useEffect(() => {
    history.current.clear();
    setVersion((v) => v + 1);
  }, [projectId, schemaRevision]);

  /**
   * Shows the change at once and queues its write; a failed write is rolled back on screen
   * and `onFailure` runs (to take it out of the history).
   */
  const apply = useCallback(
    (change: SpanChange, onFailure: () => void): void => {
      const onScreen = current.current.documentId === change.documentId;
      if (onScreen) setState((s) => ({ ...s, spans: applyInMemory(s.spans, change) }));
      setPendingWrites((n) => n + 1);
      const write = writes.current.then(() => applySpanChange(db, change));
      writes.current = write
        .catch((error: unknown) => {
          if (onScreen) setState((s) => ({ ...s, spans: applyInMemory(s.spans, invertChange(change)) }));
          onFailure();
          setVersion((v) => v + 1);
          onError(`The change was not saved: ${error instanceof Error ? error.message : String(error)}`);
        })
        .finally(() => setPendingWrites((n) => n - 1));
    },
    [db, onError],
  );

  const perform = useCallback(
    (change: SpanChange) => {
      history.current.record(change);
      setVersion((v) => v + 1);
      apply(change, () => history.current.discard(change));
    },
    [apply],
  );

  const addSpan = useCallback(
    async (label: Label, range: { start: number; end: number }): Promise<Span | string> => {
      if (!documentId || text === undefined) return 'Open a document first.';
      const snapped = snapToWords(text, range.start, range.end, language);
      if (!snapped) return 'Select some text first: the selection holds only spaces.';
      const existing = current.current.spans.find(
        (s) => s.label === label.name && s.start === snapped.start && s.end === snapped.end,
      );
      if (existing) return existing;
      const now = Date.now();
      const span: Span = {
        id: newId(), projectId, documentId, annotator, layer: label.layer, label: label.name,
        start: snapped.start, end: snapped.end, text: text.slice(snapped.start, snapped.end),
        attributes: {}, origin: 'manual', createdAt: now, updatedAt: now,
      };
      perform({ documentId, removed: [], added: [span] });
      return span;
    },
    [annotator, documentId, language, perform, projectId, text],
  );

  const relabel = useCallback(
    async (span: Span, label: Label) => {
      if (span.label === label.name) return;
      perform({ documentId: span.documentId, removed: [span], added: [{ ...span, label: label.name, layer: label.layer, updatedAt: Date.now() }] });
    },
    [perform],
  );

  const replaceWith = useCallback(
    async (replacing: readonly Span[], copies: ReadonlyArray<Pick<Span, 'layer' | 'label' | 'start' | 'end' | 'attributes'>>) => {
      if (!documentId || text === undefined || (replacing.length === 0 && copies.length === 0)) return;
      const now = Date.now();
      const added: Span[] = copies.map((c) => ({
        id: newId(), projectId, documentId, annotator, layer: c.layer, label: c.label, start: c.start, end: c.end,
        text: text.slice(c.start, c.end), attributes: { ...c.attributes }, origin: 'teammate', createdAt: now, updatedAt: now,
      }));
      perform({ documentId, removed: replacing, added });
    },
    [annotator, documentId, perform, projectId, text],
  );

  const moveEdge = useCallback(
    (span: Span, edge: SpanEdge, direction: -1 | 1): boolean => {
      if (text === undefined) return false;
      const moved = moveSpanEdge(text, span, edge, direction, language);
      if (!moved) return false;
      perform({
        documentId: span.documentId,
        removed: [span],
        added: [{ ...span, start: moved.start, end: moved.end, text: text.slice(moved.start, moved.end), updatedAt: Date.now() }],
      });
      return true;
    },
    [language, perform, text],
  );

  const remove = useCallback(
    async (span: Span) => perform({ documentId: span.documentId, removed: [span], added: [] }),
    [perform],
  );

  const travel = useCallback(
    (direction: 'undo' | 'redo') => {
      const entry = direction === 'undo' ? history.current.takeUndo() : history.current.takeRedo();
      if (!entry) return;
      const change = direction === 'undo' ? invertChange(entry) : entry;
      if (current.current.documentId !== change.documentId) openDocument(change.documentId);
      apply(change, () => (direction === 'undo' ? history.current.restoreUndo(entry) : history.current.restoreRedo(entry)));
      setVersion((v) => v + 1);
    },
    [apply, openDocument],
  );

  const undo = useCallback(async () => travel('undo'), [travel]);
  const redo = useCallback(async () => travel('redo'), [travel]);

  return {
    spans: state.documentId === documentId ? state.spans : [],
    loaded: state.loaded && state.documentId === documentId,
    canUndo: history.current.canUndo,
    canRedo: history.current.canRedo,
    pendingWrites,
    addSpan,
    relabel,
    moveEdge,
    replaceWith,
    remove,
    undo,
    redo,
  };
}
