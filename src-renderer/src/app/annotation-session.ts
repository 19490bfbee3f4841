// The annotating use-case for the open document: its annotations (spans, relations, document
// labels and notes) of the annotator being edited, held in memory for instant feedback; every
// edit built by the core (annotations/edits.ts) as one change, shown at once, written by
// storage in one transaction, and recorded for undo and redo.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { applyChange } from '../../../src-shared/annotations/apply';
import { changesSchema, deletionScope, documentsScope, documentsTouched, invertChange, type Change, type SchemaItemKind, type SchemaItems } from '../../../src-shared/annotations/change';
import * as edits from '../../../src-shared/annotations/edits';
import { createState, statusIn, type AnnotationState } from '../../../src-shared/annotations/state';
import type { AttributeValue, DocumentAnnotation, DocumentCategory, DocumentMeta, DocumentRecord, DocumentStatus, Label, LabelSchema, Relation, Span, Suggestion } from '../../../src-shared/domain';
import { acceptSuggestions, rejectSuggestions, visibleSuggestions } from '../../../src-shared/annotations/suggestion-edits';
import { spansInOrder, spansWithExtent, type SpansInOrder } from '../../../src-shared/annotations/spans-in-order';
import { errorMessage, ok } from '../../../src-shared/result';
import { moveSpanEdge, selectionExtent, type EdgeStep, type SpanEdge } from '../../../src-shared/span-edit';
import { withAttribute } from '../../../src-shared/annotations/attribute-rules';
import { UndoHistory } from '../../../src-shared/undo-history';
import { READ_ONLY_REFUSAL } from '../../../src-shared/storage-space';
import { commitBuilt, commitChange } from '../storage/commit';
import { isReadOnly } from '../storage/space-guard';
import type { SpanwrightDatabase, TrashedDocument } from '../storage/database';
import { readDocumentAnnotations } from '../storage/spans';
import { newId } from './ids';
import { afterNextPaint } from './after-paint';
import { readAfterWrites } from './read-after-writes';
import { ownValue } from '../../../src-shared/own-keys';

export interface AnnotationSession {
  spans: Span[];
  /** The same spans by id (the state's own map: nothing is built per change). */
  spansById: ReadonlyMap<string, Span>;
  relations: Relation[];
  /** The edited annotator's document labels and note for the open document. */
  documentAnnotation: DocumentAnnotation | undefined;
  status: DocumentStatus;
  loaded: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** Changes shown but not yet stored. */
  pendingWrites: number;
  /**
   * Creates a span of `label` over the range, snapped to whole tokens unless `snapToWords` is
   * false (then exactly the selected characters); returns it, or why not.
   */
  addSpan(label: Label, range: { start: number; end: number }, options?: { snapToWords?: boolean }): Promise<Span | string>;
  relabel(span: Span, label: Label): Promise<void>;
  /** Spans of `label` over exactly these ranges (find: label all matches), as one undoable change. */
  addSpansAt(label: Label, ranges: ReadonlyArray<{ start: number; end: number }>): number;
  /** Moves one edge of a span by a token (word or punctuation) or one character; false when it cannot move. */
  moveEdge(span: Span, edge: SpanEdge, direction: -1 | 1, step?: EdgeStep): boolean;
  /** Replaces `replacing` (spans of the edited annotator) with copies of `copies`, as one undoable change. */
  replaceWith(replacing: readonly Span[], copies: ReadonlyArray<Pick<Span, 'layer' | 'label' | 'start' | 'end' | 'attributes' | 'note'>>): Promise<void>;
  remove(span: Span): Promise<void>;
  /** The open document's pending suggestions for the edited annotator (none under a same-label span). */
  suggestions: Suggestion[];
  /** Accepts suggestions as spans (origin 'suggestion'): one undoable step. */
  acceptSuggestions(suggestions: readonly Suggestion[]): void;
  /** Rejects suggestions (kept, rejected, so not proposed again): one undoable step. */
  rejectSuggestions(suggestions: readonly Suggestion[]): void;
  /** Reads the open document again (after suggestions were stored for it elsewhere). */
  reload(): void;
  setSpanAttribute(span: Span, name: string, value: AttributeValue | undefined): void;
  setSpanNote(span: Span, note: string): void;
  /** Links two spans; returns the relation, or why it cannot be made. */
  addRelation(type: string, from: Span, to: Span): Relation | string;
  removeRelation(relation: Relation): void;
  setRelationNote(relation: Relation, note: string): void;
  toggleDocumentLabel(category: DocumentCategory, value: string): void;
  setDocumentNote(note: string): void;
  setStatus(status: DocumentStatus): void;
  /** A label's new definition (renames are undoable and rewrite every span of the project). */
  editLabel(oldName: string, label: Label): Promise<void>;
  /** A relation type's or document category's new definition (renames undoable, like labels'). */
  editSchemaItem<K extends SchemaItemKind>(what: K, oldName: string, item: SchemaItems[K]): Promise<void>;
  /** A schema edit that rewrites no annotation (adding, recolouring); not an undo step. */
  changeSchema(to: LabelSchema): Promise<void>;
  /** Deletes a label, relation type or category with everything that uses it; undoable. */
  deleteSchemaItem(what: SchemaItemKind, name: string): Promise<void>;
  /** One undoable step built by the core from the open document's state (review's adjudication). */
  performWith(build: (state: AnnotationState) => Change | null): void;
  /** Removes documents with all their annotations (to the trash); undoable. Throws with the reason. */
  removeDocuments(documentIds: readonly string[]): Promise<void>;
  /** Brings documents back from the trash, as they were removed; undoable. Throws with the reason. */
  restoreDocuments(entries: readonly TrashedDocument[]): Promise<void>;
  /** Edits a document's title and details; undoable. Returns why not, if it cannot. */
  setDocumentMeta(document: DocumentRecord, meta: DocumentMeta): string | null;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

interface OpenDocument {
  documentId: string | null;
  annotator: string;
  state: AnnotationState;
  loaded: boolean;
}


const NO_SPANS: ReadonlyMap<string, Span> = new Map();

export function useAnnotationSession(
  db: SpanwrightDatabase,
  projectId: string,
  schema: LabelSchema,
  documentId: string | null,
  text: string | undefined,
  annotator: string,
  language: string | undefined,
  openDocument: (documentId: string) => void,
  onError: (message: string) => void,
): AnnotationSession {
  const [open, setOpen] = useState<OpenDocument>(() => ({ documentId: null, annotator, state: createState(schema), loaded: false }));
  // One history per project, kept while the window lives: switching projects and back keeps it.
  const histories = useRef(new Map<string, UndoHistory<Change>>());
  const history = useMemo(() => {
    const existing = histories.current.get(projectId);
    if (existing) return existing;
    const created = new UndoHistory<Change>();
    histories.current.set(projectId, created);
    return created;
  }, [projectId]);
  const [, setVersion] = useState(0);
  const current = useRef(open);
  current.current = open;
  const schemaRef = useRef(schema);
  schemaRef.current = schema;
  const [reloads, setReloads] = useState(0);

  // Writes run one after another, in the order the user made the changes, so an undo
  // pressed before the previous write finished still lands after it,
  // and a document's annotations are read only after the writes queued before.
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
    setOpen((s) => (s.documentId === documentId && s.annotator === annotator ? s : { documentId, annotator, state: createState(schemaRef.current), loaded: false }));
    if (documentId) {
      // After the writes queued before, and again if a change is made while reading (a label
      // key pressed just after a reload began): the state shown never drops a change made since.
      readAfterWrites(
        () => writes.current,
        async () => {
          const [records, doc] = await Promise.all([readDocumentAnnotations(db, documentId, [annotator], { suggestions: true }), db.documents.get(documentId)]);
          const status = doc ? ownValue(doc.statuses, annotator) : undefined;
          return createState(schemaRef.current, records, status ? [{ documentId, annotator, status }] : []);
        },
      ).then(
        (state) => !cancelled && setOpen({ documentId, annotator, state, loaded: true }),
        (error: unknown) => onError(`Could not read the annotations: ${errorMessage(error)}`),
      );
    }
    return () => {
      cancelled = true;
    };
  }, [db, documentId, onError, annotator, reloads]);

  /** The state edits are built from: the open document's annotations under the current schema. */
  const editState = useCallback((): AnnotationState => ({ ...current.current.state, schema: schemaRef.current }), []);

  /** Whether a change can be shown before it is stored: it touches only the open document. */
  const isLocal = useCallback((change: Change): boolean => {
    if (changesSchema(change)) return false;
    const touched = documentsTouched(change);
    return touched.size === 1 && touched.has(current.current.documentId ?? '');
  }, []);

  /**
   * Shows a local change at once and queues its write; a failed write is rolled back on screen
   * and `onFailure` runs (to take it out of the history). A change beyond the open document is
   * written first, then the document is read again.
   */
  const apply = useCallback(
    (change: Change, onFailure: () => void): void => {
      // Read-only (a full disk): refused before it is shown, so nothing looks saved that is not.
      if (isReadOnly(db.name)) {
        onFailure();
        setVersion((v) => v + 1);
        onError(READ_ONLY_REFUSAL);
        return;
      }
      const local = isLocal(change);
      if (local) {
        const shown = applyChange(editState(), change);
        if (!shown.ok) {
          onFailure();
          setVersion((v) => v + 1);
          onError(shown.error);
          return;
        }
        setOpen((s) => ({ ...s, state: shown.value }));
      }
      setPendingWrites((n) => n + 1);
      // A change already on screen is written after the frame that shows it (in order: the
      // writes are chained); until then, and until written, closing the window asks first.
      const write = writes.current.then(async () => {
        if (local) await afterNextPaint();
        await commitChange(db, projectId, change, { annotator });
      });
      writes.current = write
        .then(() => {
          if (!local) setReloads((n) => n + 1);
        })
        .catch((error: unknown) => {
          if (local) {
            const back = applyChange(editState(), invertChange(change));
            if (back.ok) setOpen((s) => ({ ...s, state: back.value }));
            else setReloads((n) => n + 1);
          }
          onFailure();
          setVersion((v) => v + 1);
          onError(`The change was not saved: ${errorMessage(error)}`);
        })
        .finally(() => setPendingWrites((n) => n - 1));
    },
    [annotator, db, editState, isLocal, onError, projectId],
  );

  const perform = useCallback(
    (change: Change | null) => {
      if (!change) return;
      history.record(change);
      setVersion((v) => v + 1);
      apply(change, () => history.discard(change));
    },
    [apply, history],
  );

  // In reading order, kept by change: a label merges its span in (spans-in-order.ts).
  const spansOrdered = useRef<SpansInOrder | undefined>(undefined);
  const spans = useMemo(() => {
    const now = open.state.annotations.span;
    const ordered = spansInOrder(now, spansOrdered.current);
    spansOrdered.current = { spans: now, ordered };
    return ordered;
  }, [open.state]);
  const relations = useMemo(() => [...open.state.annotations.relation.values()], [open.state]);
  const suggestions = useMemo(() => visibleSuggestions(open.state.annotations.suggestion.values(), open.state.annotations.span.values()), [open.state]);
  const acceptSuggestionList = useCallback(
    (list: readonly Suggestion[]) => perform(acceptSuggestions(editState(), list, newId, Date.now())),
    [editState, perform],
  );
  const rejectSuggestionList = useCallback((list: readonly Suggestion[]) => perform(rejectSuggestions(list, Date.now())), [perform]);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const documentAnnotation = documentId ? edits.documentAnnotationIn(open.state, documentId, annotator) : undefined;

  const addSpan = useCallback(
    async (label: Label, range: { start: number; end: number }, options?: { snapToWords?: boolean }): Promise<Span | string> => {
      if (!documentId || text === undefined) return 'Open a document first.';
      const snapped = selectionExtent(text, range, options?.snapToWords ?? true, language);
      if (!snapped) return 'Select some text first: the selection holds only spaces.';
      const state = editState();
      // A binary search of the spans in order; they are the drawn state's, so a change not drawn
      // yet (keys faster than frames) means a look at every span.
      const inOrder = spansOrdered.current;
      const candidates = inOrder?.spans === state.annotations.span ? spansWithExtent(inOrder.ordered, snapped.start, snapped.end) : state.annotations.span.values();
      for (const existing of candidates)
        if (existing.label === label.name && existing.start === snapped.start && existing.end === snapped.end) return existing;
      const now = Date.now();
      const span: Span = {
        id: newId(), projectId, documentId, annotator, layer: label.layer, label: label.name,
        start: snapped.start, end: snapped.end, text: text.slice(snapped.start, snapped.end),
        attributes: {}, origin: 'manual', createdAt: now, updatedAt: now,
      };
      perform(edits.addSpans(state, [span]));
      return span;
    },
    [annotator, documentId, editState, language, perform, projectId, text],
  );

  const addSpansAt = useCallback(
    (label: Label, ranges: ReadonlyArray<{ start: number; end: number }>): number => {
      if (!documentId || text === undefined || ranges.length === 0) return 0;
      const now = Date.now();
      const spans: Span[] = ranges.map((range) => ({
        id: newId(), projectId, documentId, annotator, layer: label.layer, label: label.name,
        start: range.start, end: range.end, text: text.slice(range.start, range.end),
        attributes: {}, origin: 'manual', createdAt: now, updatedAt: now,
      }));
      perform(edits.addSpans(editState(), spans));
      return spans.length;
    },
    [annotator, documentId, editState, perform, projectId, text],
  );

  const relabel = useCallback(
    async (span: Span, label: Label) => {
      if (span.label === label.name) return;
      perform(edits.updateSpan(span, { ...span, label: label.name, layer: label.layer, updatedAt: Date.now() }));
    },
    [perform],
  );

  const replaceWith = useCallback(
    async (replacing: readonly Span[], copies: ReadonlyArray<Pick<Span, 'layer' | 'label' | 'start' | 'end' | 'attributes' | 'note'>>) => {
      if (!documentId || text === undefined || (replacing.length === 0 && copies.length === 0)) return;
      const now = Date.now();
      const added: Span[] = copies.map((c) => {
        const span: Span = {
          id: newId(), projectId, documentId, annotator, layer: c.layer, label: c.label, start: c.start, end: c.end,
          text: text.slice(c.start, c.end), attributes: { ...c.attributes }, origin: 'teammate', createdAt: now, updatedAt: now,
        };
        if (c.note) span.note = c.note;
        return span;
      });
      perform(edits.replaceSpans(editState(), replacing, added));
    },
    [annotator, documentId, editState, perform, projectId, text],
  );

  const moveEdge = useCallback(
    (span: Span, edge: SpanEdge, direction: -1 | 1, step: EdgeStep = 'token'): boolean => {
      if (text === undefined) return false;
      const moved = moveSpanEdge(text, span, edge, direction, language, step);
      if (!moved) return false;
      perform(edits.updateSpan(span, { ...span, start: moved.start, end: moved.end, text: text.slice(moved.start, moved.end), updatedAt: Date.now() }));
      return true;
    },
    [language, perform, text],
  );

  const remove = useCallback(async (span: Span) => perform(edits.removeSpans(editState(), [span])), [editState, perform]);

  const setSpanAttribute = useCallback(
    (span: Span, name: string, value: AttributeValue | undefined) => {
      const attributes = withAttribute(span.attributes, name, value);
      perform(edits.updateSpan(span, { ...span, attributes, updatedAt: Date.now() }));
    },
    [perform],
  );

  const setSpanNote = useCallback(
    (span: Span, note: string) => {
      if ((span.note ?? '') === note) return;
      const next: Span = { ...span, updatedAt: Date.now() };
      if (note === '') delete next.note;
      else next.note = note;
      perform(edits.updateSpan(span, next));
    },
    [perform],
  );

  const addRelation = useCallback(
    (type: string, from: Span, to: Span): Relation | string => {
      if (!documentId) return 'Open a document first.';
      const now = Date.now();
      const relation: Relation = { id: newId(), projectId, documentId, annotator, type, from: from.id, to: to.id, origin: 'manual', createdAt: now, updatedAt: now };
      const change = edits.addRelation(editState(), relation);
      if (!change.ok) return change.error;
      perform(change.value);
      return relation;
    },
    [annotator, documentId, editState, perform, projectId],
  );

  const removeRelation = useCallback((relation: Relation) => perform(edits.removeRelations([relation])), [perform]);

  const setRelationNote = useCallback(
    (relation: Relation, note: string) => {
      if ((relation.note ?? '') === note) return;
      const next: Relation = { ...relation, updatedAt: Date.now() };
      if (note === '') delete next.note;
      else next.note = note;
      perform(edits.updateRelation(relation, next));
    },
    [perform],
  );

  const updateDocument = useCallback(
    (update: (labels: Record<string, string[]>, note: string) => { labels: Record<string, string[]>; note: string }) => {
      if (!documentId) return;
      perform(edits.updateDocumentAnnotation(editState(), { projectId, documentId, annotator }, update, Date.now()));
    },
    [annotator, documentId, editState, perform, projectId],
  );

  const toggleDocumentLabel = useCallback(
    (category: DocumentCategory, value: string) => updateDocument((labels, note) => ({ labels: edits.toggleDocumentLabel(labels, category, value), note })),
    [updateDocument],
  );
  const setDocumentNote = useCallback((note: string) => updateDocument((labels) => ({ labels, note })), [updateDocument]);

  const setStatus = useCallback(
    (status: DocumentStatus) => {
      if (!documentId) return;
      perform(edits.statusChange(editState(), documentId, annotator, status));
    },
    [annotator, documentId, editState, perform],
  );

  /** Schema changes are written first (they reach beyond the open document), then shown. */
  const commitSchemaChange = useCallback(
    async (change: Change | null, undoable: boolean) => {
      if (!change) return;
      if (undoable) perform(change);
      else apply(change, () => undefined);
      await writes.current;
    },
    [apply, perform],
  );

  const editLabel = useCallback(
    async (oldName: string, label: Label) => {
      const change = edits.editLabel(schemaRef.current, oldName, label);
      await commitSchemaChange(change, label.name !== oldName);
    },
    [commitSchemaChange],
  );

  const editSchemaItem = useCallback(
    async <K extends SchemaItemKind>(what: K, oldName: string, item: SchemaItems[K]) => {
      const change = edits.editSchemaItem(schemaRef.current, what, oldName, item);
      await commitSchemaChange(change, item.name !== oldName);
    },
    [commitSchemaChange],
  );

  const changeSchema = useCallback(async (to: LabelSchema) => commitSchemaChange(edits.schemaChange(schemaRef.current, to), false), [commitSchemaChange]);

  const deleteSchemaItem = useCallback(
    async (what: SchemaItemKind, name: string) => {
      setPendingWrites((n) => n + 1);
      const write = writes.current.then(() =>
        commitBuilt(db, projectId, deletionScope(what, name), (state) => ok(edits.deleteSchemaItem(state, what, name, Date.now())), { annotator }),
      );
      writes.current = write.catch(() => undefined).finally(() => setPendingWrites((n) => n - 1));
      const change = await write;
      if (change) history.record(change);
      setVersion((v) => v + 1);
      setReloads((n) => n + 1);
    },
    [annotator, db, history, projectId],
  );

  const performWith = useCallback((build: (state: AnnotationState) => Change | null) => perform(build(editState())), [editState, perform]);

  const removeDocuments = useCallback(
    async (documentIds: readonly string[]) => {
      setPendingWrites((n) => n + 1);
      const write = writes.current.then(async () => {
        const [records, texts] = await Promise.all([db.documents.bulkGet([...documentIds]), db.texts.bulkGet([...documentIds])]);
        const documents = records.map((record, i) => {
          const text = texts[i]?.text;
          if (!record || record.projectId !== projectId || text === undefined) throw new Error('The document no longer exists in this project.');
          return { record, text };
        });
        return commitBuilt(db, projectId, documentsScope(documentIds), (state) => ok(edits.removeDocuments(state, documents)), { annotator });
      });
      writes.current = write.catch(() => undefined).finally(() => setPendingWrites((n) => n - 1));
      const change = await write;
      if (change) history.record(change);
      setVersion((v) => v + 1);
    },
    [annotator, db, history, projectId],
  );

  const restoreDocuments = useCallback(
    async (entries: readonly TrashedDocument[]) => {
      if (entries.length === 0) return;
      const change: Change = { type: 'add-documents', documents: entries.map((e) => e.document), annotations: entries.flatMap((e) => e.annotations) };
      setPendingWrites((n) => n + 1);
      const write = writes.current.then(() => commitChange(db, projectId, change, { annotator }));
      writes.current = write.catch(() => undefined).finally(() => setPendingWrites((n) => n - 1));
      await write;
      history.record(change);
      setVersion((v) => v + 1);
    },
    [annotator, db, history, projectId],
  );

  const setDocumentMeta = useCallback(
    (document: DocumentRecord, meta: DocumentMeta): string | null => {
      const change = edits.editDocumentMeta(document.id, document.meta, meta);
      if (!change.ok) return change.error;
      perform(change.value);
      return null;
    },
    [perform],
  );

  const travel = useCallback(
    (direction: 'undo' | 'redo') => {
      const entry = direction === 'undo' ? history.takeUndo() : history.takeRedo();
      if (!entry) return;
      const change = direction === 'undo' ? invertChange(entry) : entry;
      const touched = [...documentsTouched(change)];
      const documentOfChange = touched.length === 1 ? touched[0] : undefined;
      if (documentOfChange !== undefined && current.current.documentId !== documentOfChange) openDocument(documentOfChange);
      apply(change, () => (direction === 'undo' ? history.restoreUndo(entry) : history.restoreRedo(entry)));
      setVersion((v) => v + 1);
    },
    [apply, history, openDocument],
  );

  const undo = useCallback(async () => travel('undo'), [travel]);
  const redo = useCallback(async () => travel('redo'), [travel]);

  const isOpen = open.documentId === documentId && open.annotator === annotator;
  return {
    spans: isOpen ? spans : [],
    spansById: isOpen ? open.state.annotations.span : NO_SPANS,
    relations: isOpen ? relations : [],
    documentAnnotation: isOpen ? documentAnnotation : undefined,
    status: isOpen && documentId ? statusIn(open.state, documentId, annotator) : 'todo',
    loaded: open.loaded && isOpen,
    canUndo: history.canUndo,
    canRedo: history.canRedo,
    pendingWrites,
    addSpan,
    addSpansAt,
    relabel,
    moveEdge,
    replaceWith,
    remove,
    setSpanAttribute,
    setSpanNote,
    addRelation,
    removeRelation,
    setRelationNote,
    toggleDocumentLabel,
    setDocumentNote,
    setStatus,
    editLabel,
    editSchemaItem,
    changeSchema,
    deleteSchemaItem,
    performWith,
    removeDocuments,
    restoreDocuments,
    setDocumentMeta,
    undo,
    redo,
    suggestions,
    acceptSuggestions: acceptSuggestionList,
    rejectSuggestions: rejectSuggestionList,
    reload,
  };
}
