// The read-only document view: Lexical renders the stored text as lines of plain text with
// span fragments. A span change re-renders only the lines it touches. A newly opened document
// with many marks shows its text and the marks in view first, the other marks just after
// (draw-order.ts). A long document draws lines with marks only in the groups of lines near the
// view, the others as plain text (long-text.ts, line-groups.ts). A very long line is drawn as
// pieces, each a line of its own here (drawn-lines.ts), so that holds within a line too.
import { createEditor, type LexicalEditor, type NodeKey } from 'lexical';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Span, Suggestion } from '../../../../src-shared/domain';
import { lineIndexAt, linesTouched, type Line } from '../../../../src-shared/span-layout';
import { LineGroupNode, SourceTextNode, SpanMarkNode } from './nodes';
import { $collapseGroup, $expandGroup, $renderAllLines, $renderLines, $renderPlainGroups, type ViewSpan } from './render-lines';
import { domPointAt, domRangesFor, selectedRange, storedOffsetAt } from './dom-offsets';
import { buildLineMarks, updateLineMarks, type LineMarks, type ReferenceAnnotator } from './line-marks';
import { TextCaret } from './TextCaret';
import { firstIndexWhere, marksDrawOrder, takeChunk, type LinesInView } from './draw-order';
import { RelationArcs, type RelationArc } from './RelationArcs';
import { estimateGroupHeights, LONG_TEXT } from './long-text';
import { groupLines, groupOfLine, linesOfGroup, type LineGroups } from './line-groups';
import { afterNextPaint } from '../../app/after-paint';
import { drawnLines } from './drawn-lines';

export interface DocumentViewProps {
  documentId: string;
  text: string;
  spans: readonly Span[];
  /** Spans drawn as selected (the selected span, or every span of the review item in hand). */
  highlightedSpanIds: readonly string[];
  initialScrollTop: number;
  onSelectRange: (range: { start: number; end: number } | null) => void;
  /** Span ids under the click, innermost first. */
  onSpanClick: (spanIds: string[]) => void;
  onScrollTopChange: (scrollTop: number) => void;
  /** BCP 47 tag of the text, when known: helps fonts and screen readers. */
  language?: string;
  /** Receives the text element, so the workbench can read the selection at any moment. */
  articleRef?: React.MutableRefObject<HTMLElement | null>;
  /** Review: spans of these annotators are drawn as read-only references, in their legend slot's outline. */
  referenceAnnotators?: ReadonlyMap<string, ReferenceAnnotator>;
  /** Review: the item in hand, drawn as a band over its text and kept in view. */
  focusRange?: { start: number; end: number } | null;
  /** How many relations each span takes part in (spans with any get a link mark). */
  linkCounts?: ReadonlyMap<string, number>;
  /** Spans linked to the selected one: drawn lit up, like it. */
  relatedSpanIds?: readonly string[];
  /** Relations drawn as arcs over the text (those of the selected span). */
  arcs?: readonly RelationArc[];
  /** Matches of the find bar, drawn as highlights (the current one apart) and beside the scrollbar. */
  find?: { matches: ReadonlyArray<{ start: number; end: number }>; current: number } | null;
  /** Receives what the view offers its owner (bringing a span into view, placing the caret). */
  handleRef?: React.MutableRefObject<DocumentViewHandle | null>;
  /** Pending suggestions, drawn apart from spans (a click on one reports its id like a span's). */
  suggestions?: readonly Suggestion[];
}

export type { ReferenceAnnotator } from './line-marks';

export interface DocumentViewHandle {
  /** Scrolls the span's first fragment into view, if it is drawn. */
  scrollToSpan(spanId: string): void;
  /** Puts the caret at a stored offset (after the next draw) and focuses the text. */
  placeCaretAt(offset: number): void;
}

const NO_LINKS: ReadonlyMap<string, number> = new Map();
const NO_MARKS: ReadonlyMap<number, ViewSpan[]> = new Map();
/** Up to this many marks, a document is drawn whole at once. */
const MARKS_AT_ONCE = 500;
/** Marks drawn per step after the first frame, and the time a series of steps may take before yielding. */
const MARKS_PER_STEP = 150;
const STEP_MS = 8;

/** The lines on screen in the scrolling element (after layout). */
function linesInView(editor: LexicalEditor, keys: readonly NodeKey[], scroller: HTMLElement): LinesInView {
  const frame = scroller.getBoundingClientRect();
  const box = (index: number) => editor.getElementByKey(keys[index] as NodeKey)?.getBoundingClientRect();
  const first = firstIndexWhere(keys.length, (i) => (box(i)?.bottom ?? Infinity) > frame.top);
  const end = firstIndexWhere(keys.length, (i) => (box(i)?.top ?? Infinity) >= frame.bottom);
  return { first, last: Math.max(first, end - 1) };
}

const HIGHLIGHTS = ['span--selected', 'span--related'] as const;

/**
 * Marks the fragments of the selected spans and of the spans linked to them, looking only in
 * the lines each span covers (`linesOf`; the whole text for an id it does not know) and
 * unmarking what `marked` held: no query of the whole text, which runs after every draw.
 */
function markHighlights(
  root: HTMLElement,
  marked: HTMLElement[],
  highlighted: readonly string[],
  related: readonly string[],
  linesOf: (id: string) => HTMLElement[] | undefined,
): HTMLElement[] {
  for (const element of marked) element.classList.remove(...HIGHLIGHTS);
  const now: HTMLElement[] = [];
  const mark = (className: string, ids: readonly string[]) => {
    for (const id of ids) {
      const selector = `[data-span-id="${CSS.escape(id)}"], [data-suggestion-id="${CSS.escape(id)}"]`;
      for (const container of linesOf(id) ?? [root]) {
        container.querySelectorAll<HTMLElement>(selector).forEach((element) => {
          element.classList.add(className);
          now.push(element);
        });
      }
    }
  };
  mark(HIGHLIGHTS[0], highlighted);
  mark(HIGHLIGHTS[1], related);
  return now;
}

/** The selection's ends, as stored offsets and as the DOM nodes they were in before a redraw. */
interface HeldSelection {
  anchor: number;
  focus: number;
  anchorNode: Node;
  focusNode: Node;
}

/** The selection, when it is in the text: a redraw of its lines replaces the nodes it is in. */
function holdSelection(root: HTMLElement): HeldSelection | null {
  const selection = window.getSelection();
  const anchorNode = selection?.anchorNode;
  const focusNode = selection?.focusNode;
  if (!selection || !anchorNode || !focusNode || !root.contains(anchorNode) || !root.contains(focusNode)) return null;
  const anchor = storedOffsetAt(root, anchorNode, selection.anchorOffset);
  const focus = storedOffsetAt(root, focusNode, selection.focusOffset);
  return anchor === null || focus === null ? null : { anchor, focus, anchorNode, focusNode };
}

/** Puts the selection back at the same stored offsets (in the nodes drawn since). */
function restoreSelection(held: HeldSelection, pointAt: (offset: number) => { node: Node; offset: number } | null): void {
  const selection = window.getSelection();
  if (!selection) return;
  const anchor = pointAt(held.anchor);
  const focus = pointAt(held.focus);
  if (anchor && focus) selection.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
}


/** A suggestion drawn as a span (marked as a suggestion by its id); one object per suggestion, so an unchanged one is not redrawn. */
const asSpan = new WeakMap<Suggestion, Span>();
function drawnAsSpan(s: Suggestion): Span {
  let span = asSpan.get(s);
  if (!span) {
    span = {
      id: s.id, projectId: s.projectId, documentId: s.documentId, annotator: s.annotator, layer: s.layer, label: s.label,
      start: s.start, end: s.end, text: s.text, attributes: {}, origin: 'suggestion', createdAt: s.createdAt, updatedAt: s.updatedAt,
    };
    asSpan.set(s, span);
  }
  return span;
}

// Each key: direction, its step, and its step with Ctrl (Ctrl+Home/End: the document's ends).
const NAVIGATION_KEYS: Record<string, ['forward' | 'backward', 'character' | 'word' | 'line' | 'lineboundary', 'word' | 'paragraph' | 'documentboundary']> = {
  ArrowRight: ['forward', 'character', 'word'],
  ArrowLeft: ['backward', 'character', 'word'],
  ArrowDown: ['forward', 'line', 'paragraph'],
  ArrowUp: ['backward', 'line', 'paragraph'],
  End: ['forward', 'lineboundary', 'documentboundary'],
  Home: ['backward', 'lineboundary', 'documentboundary'],
};

export function DocumentView(props: DocumentViewProps) {
  const { documentId, text, spans, initialScrollTop, articleRef } = props;
  const rootRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<LexicalEditor | null>(null);
  const rendered = useRef<{
    documentId: string;
    text: string;
    lines: Line[];
    keys: NodeKey[];
    /** The spans (and suggestions) drawn, as given. */
    spans: readonly Span[];
    references?: ReadonlyMap<string, ReferenceAnnotator>;
    /** The marks of each line, as last drawn or still to draw. */
    marks: LineMarks;
    /** Lines whose marks are not drawn yet (their text is), in the order they will be. */
    pending: number[];
    /**
     * A long document's line groups: which lines each holds, each one's key, and whether it is
     * drawn as lines with marks (else as plain text, when `keys` gives the group's key for each of
     * its lines).
     */
    groups: { layout: LineGroups; keys: NodeKey[]; expanded: boolean[] } | null;
  } | null>(null);
  /** Counts the groups expanded or collapsed: what is drawn over the text's nodes is drawn again. */
  const [regrouped, setRegrouped] = useState(0);
  const drawTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const links = props.linkCounts ?? NO_LINKS;
  // A caret wanted at an offset: placed after the draw that follows (the text nodes change).
  const [caretRequest, setCaretRequest] = useState<{ offset: number } | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;

  if (editorRef.current === null) {
    editorRef.current = createEditor({
      namespace: 'spanwright-document',
      editable: false,
      nodes: [SourceTextNode, SpanMarkNode, LineGroupNode],
      theme: { paragraph: 'doc-line' },
      onError: (error) => console.error(error),
    });
  }

  // A selection whose nodes a redraw took away, to put back, or a caret asked for. Not at once:
  // setting a selection lays the text out, which would slow every label key (whose caret request
  // follows and replaces a lost selection). Before the next key or pointer press (capture
  // listeners below), on the browser's selectionchange, or in the next task (a caret: after the
  // next frame), whichever comes first.
  const lostSelection = useRef<(() => void) | null>(null);
  const putSelectionBack = useCallback(() => {
    const restore = lostSelection.current;
    lostSelection.current = null;
    restore?.();
  }, []);

  /** The DOM point of a stored offset, looked for in its line (not among every text piece of the document). */
  const pointAt = useCallback((offset: number) => {
    const current = rendered.current;
    if (!current) return null;
    const line = editorRef.current?.getElementByKey(current.keys[lineIndexAt(current.lines, offset)] as NodeKey);
    return line ? domPointAt(line, offset) : null;
  }, []);

  /** Redraws these lines of the drawn document with their marks, keeping the selection where it was. */
  const redrawLines = useCallback((lines: Iterable<number>, byLine: ReadonlyMap<number, ViewSpan[]>) => {
    const current = rendered.current;
    const root = rootRef.current;
    const editor = editorRef.current as LexicalEditor;
    if (!current || !root) return;
    const { text, lines: layout, keys, groups } = current;
    // A group drawn as plain text gets its marks when it is expanded.
    const linesDrawn = groups ? [...lines].filter((line) => groups.expanded[groupOfLine(groups.layout, line)] === true) : lines;
    const held = lostSelection.current ? null : holdSelection(root);
    editor.update(() => $renderLines(text, layout, keys, linesDrawn, byLine), { discrete: true });
    if (!held || (held.anchorNode.isConnected && held.focusNode.isConnected)) return;
    lostSelection.current = () => restoreSelection(held, pointAt);
    setTimeout(putSelectionBack, 0);
  }, [putSelectionBack, pointAt]);

  /** Marks the selected spans and those linked to them, in the lines they cover. */
  const marked = useRef<HTMLElement[]>([]);
  const highlight = useCallback(() => {
    const current = rendered.current;
    const root = rootRef.current;
    const editor = editorRef.current as LexicalEditor;
    if (!root) return;
    const linesOf = (id: string) => {
      const span = current?.marks.byId.get(id);
      if (!current || !span) return undefined;
      return linesTouched(current.lines, span.start, span.end)
        .map((index) => editor.getElementByKey(current.keys[index] as NodeKey))
        .filter((element): element is HTMLElement => element !== null);
    };
    marked.current = markHighlights(root, marked.current, callbacks.current.highlightedSpanIds, callbacks.current.relatedSpanIds ?? [], linesOf);
  }, []);

  /** Draws the marks of these lines (their text is drawn), and marks the selection among them. */
  const drawMarks = useCallback((lines: readonly number[]) => {
    const current = rendered.current;
    const root = rootRef.current;
    if (!current || !root || lines.length === 0) return;
    redrawLines(lines, current.marks.byLine);
    highlight();
  }, [redrawLines, highlight]);

  /** Draws every mark not drawn yet, at once: for what needs them all (finding, scrolling to a span). */
  const drawPending = useCallback(() => {
    clearTimeout(drawTimer.current);
    const current = rendered.current;
    if (!current || current.pending.length === 0) return;
    const lines = current.pending;
    current.pending = [];
    drawMarks(lines);
  }, [drawMarks]);

  /** Draws the marks not drawn yet a step at a time, yielding to the browser between series of steps. */
  const drawLater = useCallback(() => {
    clearTimeout(drawTimer.current);
    const step = () => {
      const current = rendered.current;
      if (!current) return;
      const started = performance.now();
      while (current.pending.length > 0 && performance.now() - started < STEP_MS) {
        drawMarks(takeChunk(current.pending, (line) => current.marks.byLine.get(line)?.length ?? 0, MARKS_PER_STEP));
      }
      if (current.pending.length > 0) drawTimer.current = setTimeout(step, 0);
    };
    drawTimer.current = setTimeout(step, 0);
  }, [drawMarks]);
  useEffect(() => () => clearTimeout(drawTimer.current), []);

  /**
   * Draws these groups of a long document as lines with marks and those as plain text (not one
   * holding the selection), keeping the selection where it was.
   */
  const regroup = useCallback((expand: readonly number[], collapse: readonly number[]) => {
    const current = rendered.current;
    const root = rootRef.current;
    const editor = editorRef.current as LexicalEditor;
    const groups = current?.groups;
    if (!current || !groups || !root) return;
    const selection = window.getSelection();
    const holdsSelection = (group: number) => {
      const element = editor.getElementByKey(groups.keys[group] as NodeKey);
      return !!element && !!selection && [selection.anchorNode, selection.focusNode].some((node) => node && element.contains(node));
    };
    const opening = expand.filter((group) => groups.expanded[group] === false);
    const closing = collapse.filter((group) => groups.expanded[group] === true && !holdsSelection(group));
    if (opening.length === 0 && closing.length === 0) return;
    const held = lostSelection.current ? null : holdSelection(root);
    const { text, lines, keys, marks } = current;
    editor.update(() => {
      for (const group of opening) {
        const { first } = linesOfGroup(groups.layout, group);
        $expandGroup(groups.keys[group] as NodeKey, text, lines, groups.layout, group, marks.byLine).forEach((key, at) => (keys[first + at] = key));
        groups.expanded[group] = true;
      }
      for (const group of closing) {
        const { first, end } = linesOfGroup(groups.layout, group);
        $collapseGroup(groups.keys[group] as NodeKey, text, lines, groups.layout, group);
        keys.fill(groups.keys[group] as NodeKey, first, end);
        groups.expanded[group] = false;
      }
    }, { discrete: true });
    if (held && !(held.anchorNode.isConnected && held.focusNode.isConnected)) restoreSelection(held, pointAt);
    highlight();
    setRegrouped((count) => count + 1);
  }, [highlight, pointAt]);
  const regroupRef = useRef(regroup);
  regroupRef.current = regroup;

  // A long document's groups near the view (a screen either side of it) are drawn with their
  // marks, and those far from it (three screens) as plain text again: the nodes stay few however
  // far one scrolls. The observers follow the groups of the document drawn last (none if short).
  const observers = useRef<{ near: IntersectionObserver; far: IntersectionObserver; groupOf: Map<Element, number> } | null>(null);
  const observeGroups = useCallback(() => {
    const scroller = scrollRef.current;
    const groups = rendered.current?.groups;
    const editor = editorRef.current as LexicalEditor;
    let watching = observers.current;
    watching?.near.disconnect();
    watching?.far.disconnect();
    watching?.groupOf.clear();
    if (!scroller || !groups || typeof IntersectionObserver === 'undefined') return;
    if (!watching) {
      const groupOf = new Map<Element, number>();
      const groupsOf = (entries: IntersectionObserverEntry[], near: boolean) =>
        entries.flatMap((entry) => {
          const group = entry.isIntersecting === near ? groupOf.get(entry.target) : undefined;
          return group === undefined ? [] : [group];
        });
      watching = {
        groupOf,
        near: new IntersectionObserver((entries) => regroupRef.current(groupsOf(entries, true), []), { root: scroller, rootMargin: '100% 0px' }),
        far: new IntersectionObserver((entries) => regroupRef.current([], groupsOf(entries, false)), { root: scroller, rootMargin: '300% 0px' }),
      };
      observers.current = watching;
    }
    for (const [group, key] of groups.keys.entries()) {
      const element = editor.getElementByKey(key);
      if (!element) continue;
      watching.groupOf.set(element, group);
      watching.near.observe(element);
      watching.far.observe(element);
    }
  }, []);
  useEffect(
    () => () => {
      observers.current?.near.disconnect();
      observers.current?.far.disconnect();
    },
    [],
  );

  useLayoutEffect(() => {
    const handle = props.handleRef;
    if (!handle) return;
    handle.current = {
      scrollToSpan: (spanId) => {
        drawPending();
        // In a long document, its group is drawn with its marks first.
        const current = rendered.current;
        const span = current?.marks.byId.get(spanId);
        if (current?.groups && span) regroup([groupOfLine(current.groups.layout, lineIndexAt(current.lines, span.start))], []);
        rootRef.current?.querySelector(`[data-span-id="${CSS.escape(spanId)}"], [data-suggestion-id="${CSS.escape(spanId)}"]`)?.scrollIntoView({ block: 'nearest' });
      },
      placeCaretAt: (offset) => setCaretRequest({ offset }),
    };
    return () => {
      handle.current = null;
    };
  }, [props.handleRef, drawPending, regroup]);

  useLayoutEffect(() => {
    const editor = editorRef.current as LexicalEditor;
    editor.setRootElement(rootRef.current);
    if (articleRef) articleRef.current = rootRef.current;
    return () => {
      editor.setRootElement(null);
      if (articleRef) articleRef.current = null;
    };
  }, [articleRef]);

  // Suggestions are drawn with the spans, as marks of their own kind.
  const suggestionsById = useMemo(() => new Map((props.suggestions ?? []).map((x) => [x.id, x])), [props.suggestions]);
  const drawn = useMemo(() => (props.suggestions && props.suggestions.length > 0 ? [...spans, ...props.suggestions.map(drawnAsSpan)] : spans), [spans, props.suggestions]);

  // Draw: everything when the document changes, else only the lines whose spans changed.
  useLayoutEffect(() => {
    const editor = editorRef.current as LexicalEditor;
    const previous = rendered.current;
    const context = { references: props.referenceAnnotators, links, suggestions: suggestionsById };
    if (previous && previous.documentId === documentId && previous.text === text && previous.references === props.referenceAnnotators) {
      if (previous.spans === drawn && previous.marks.links === links) return;
      const touched = updateLineMarks(previous.marks, drawn, context);
      redrawLines(touched, previous.marks.byLine);
      previous.spans = drawn;
      if (previous.pending.length > 0) previous.pending = previous.pending.filter((line) => !touched.has(line));
      return;
    }
    const lines = drawnLines(text);
    const marks = buildLineMarks(lines, drawn, context);
    marked.current = [];
    const scroller = scrollRef.current;
    // Only a newly opened document goes to its remembered place; a redraw keeps the scroll.
    const restoreScroll = () => {
      if (scroller && previous?.documentId !== documentId) scroller.scrollTop = initialScrollTop;
    };
    if (text.length >= LONG_TEXT) {
      // A long text: every group as plain text, then the groups in view (and one either side)
      // with their marks; the others follow the view as it scrolls (the observers below).
      const layout = groupLines(lines);
      let groupKeys: NodeKey[] = [];
      editor.update(() => {
        groupKeys = $renderPlainGroups(text, lines, layout);
      }, { discrete: true });
      const keys = lines.map((_, index) => groupKeys[groupOfLine(layout, index)] as NodeKey);
      rendered.current = { documentId, text, lines, keys, spans: drawn, references: props.referenceAnnotators, marks, pending: [], groups: { layout, keys: groupKeys, expanded: groupKeys.map(() => false) } };
      if (rootRef.current) estimateGroupHeights(rootRef.current, text, editor, groupKeys, lines, layout);
      restoreScroll();
      if (scroller) {
        const view = linesInView(editor, keys, scroller);
        const near: number[] = [];
        for (let group = groupOfLine(layout, view.first) - 1; group <= groupOfLine(layout, view.last) + 1; group++) if (group >= 0 && group < groupKeys.length) near.push(group);
        regroup(near, []);
      }
      observeGroups();
      return;
    }
    let count = 0;
    for (const list of marks.byLine.values()) count += list.length;
    const atOnce = count <= MARKS_AT_ONCE;
    let keys: NodeKey[] = [];
    editor.update(() => {
      keys = $renderAllLines(text, lines, atOnce ? marks.byLine : NO_MARKS);
    }, { discrete: true });
    const now = { documentId, text, lines, keys, spans: drawn, references: props.referenceAnnotators, marks, pending: [] as number[], groups: null };
    rendered.current = now;
    observeGroups();
    restoreScroll();
    if (atOnce || !scroller) return;
    // Many marks: those in view (and a screen around) in this frame, the others just after.
    const view = linesInView(editor, keys, scroller);
    const order = marksDrawOrder(marks.byLine.keys(), view, Math.max(20, view.last - view.first + 1));
    editor.update(() => $renderLines(text, lines, keys, order.now, marks.byLine), { discrete: true });
    now.pending = order.later;
    drawLater();
  }, [documentId, text, drawn, suggestionsById, links, initialScrollTop, props.referenceAnnotators, drawLater, redrawLines, regroup, observeGroups]);

  // A long text's estimates follow the width of its lines (a resized window, a panel opened).
  const long = text.length >= LONG_TEXT;
  useEffect(() => {
    const root = rootRef.current;
    if (!long || !root) return;
    let width = root.clientWidth;
    const observer = new ResizeObserver(() => {
      const current = rendered.current;
      if (root.clientWidth === width || !current) return;
      width = root.clientWidth;
      if (current.groups) estimateGroupHeights(root, current.text, editorRef.current as LexicalEditor, current.groups.keys, current.lines, current.groups.layout);
    });
    observer.observe(root);
    return () => observer.disconnect();
  }, [long]);

  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!caretRequest || !root) return;
    root.focus({ preventScroll: true });
    // Placed after the frame that shows the change (setting a selection lays the text out, a
    // few milliseconds of the label key), or before the next key or press, whichever is first:
    // the same way as a selection a redraw took away, which the caret replaces.
    const { offset } = caretRequest;
    lostSelection.current = () => {
      // Looked for in its line only: the text pieces of the whole document are not queried.
      const point = pointAt(offset);
      if (point) window.getSelection()?.collapse(point.node, point.offset);
    };
    void afterNextPaint().then(putSelectionBack);
    setCaretRequest(null);
    // After the draw effect above (declared first), so the caret lands in the new text nodes.
  }, [caretRequest, spans, pointAt, putSelectionBack]);

  // Find: the CSS Custom Highlight API draws the matches without touching the text's DOM.
  const find = props.find;
  // The find state last brought into view: drawn again after a redraw, scrolled to only when new.
  const findShown = useRef<typeof find>(null);
  useLayoutEffect(() => {
    const root = rootRef.current;
    const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
    if (!root || !registry) return;
    registry.delete('find-match');
    registry.delete('find-current');
    if (!find || find.matches.length === 0) return;
    drawPending();
    const ranges = domRangesFor(root, find.matches);
    // Added one by one: a common letter matches 100,000 times in a megabyte, too many arguments.
    const matches = new Highlight();
    for (const range of ranges) matches.add(range);
    registry.set('find-match', matches);
    const current = domRangesFor(root, find.matches.slice(find.current, find.current + 1))[0];
    if (current) {
      registry.set('find-current', new Highlight(current));
      if (findShown.current === find) return;
      findShown.current = find;
      const scroller = scrollRef.current;
      const box = current.getBoundingClientRect();
      const frame = scroller?.getBoundingClientRect();
      if (scroller && frame && (box.top < frame.top || box.bottom > frame.bottom)) scroller.scrollTop += box.top - frame.top - frame.height / 3;
    }
  }, [find, spans, drawPending, regrouped]);

  // Review: the item in hand, as a band over its text (whoever marked what there), in view.
  const focusRange = props.focusRange;
  useLayoutEffect(() => {
    const root = rootRef.current;
    const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
    if (!root || !registry) return;
    registry.delete('review-current');
    if (!focusRange) return;
    drawPending();
    const [range] = domRangesFor(root, [focusRange]);
    if (range) registry.set('review-current', new Highlight(range));
  }, [focusRange, drawn, drawPending, regrouped]);

  // Mark the selected span's fragments, and those of the spans linked to it (the DOM may have
  // been rebuilt, so after every draw).
  useLayoutEffect(highlight);

  useEffect(() => {
    const onSelectionChange = () => {
      putSelectionBack();
      const root = rootRef.current;
      if (root) callbacks.current.onSelectRange(selectedRange(root));
    };
    // Capture: before any handler reads the selection (the keys, a click's own selection).
    const beforeInput = () => putSelectionBack();
    document.addEventListener('selectionchange', onSelectionChange);
    window.addEventListener('keydown', beforeInput, true);
    window.addEventListener('pointerdown', beforeInput, true);
    return () => {
      document.removeEventListener('selectionchange', onSelectionChange);
      window.removeEventListener('keydown', beforeInput, true);
      window.removeEventListener('pointerdown', beforeInput, true);
    };
  }, [putSelectionBack]);

  const onClick = (event: React.MouseEvent) => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    const ids: string[] = [];
    // Spans and suggestions under the click, innermost first.
    const marks = '[data-span-id], [data-suggestion-id]';
    let element = (event.target as HTMLElement).closest<HTMLElement>(marks);
    while (element && rootRef.current?.contains(element)) {
      const id = element.dataset.spanId ?? element.dataset.suggestionId;
      if (id && !ids.includes(id)) ids.push(id);
      element = element.parentElement?.closest<HTMLElement>(marks) ?? null;
    }
    callbacks.current.onSpanClick(ids);
  };

  // Keyboard selection: a caret moved and extended with the arrow keys (Ctrl for words).
  const onKeyDown = (event: React.KeyboardEvent) => {
    const move = NAVIGATION_KEYS[event.key];
    const selection = window.getSelection();
    const root = rootRef.current;
    if (!move || !selection || !root || event.altKey || event.metaKey) return;
    event.preventDefault();
    if (selection.rangeCount === 0 || !root.contains(selection.anchorNode)) {
      const first = root.querySelector('[data-offset]')?.firstChild;
      if (!first) return;
      selection.collapse(first, 0);
    }
    const [direction, granularity, bigGranularity] = move;
    selection.modify(event.shiftKey ? 'extend' : 'move', direction, event.ctrlKey ? bigGranularity : granularity);
  };

  const scrollTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const onScroll = () => {
    clearTimeout(scrollTimer.current);
    scrollTimer.current = setTimeout(() => {
      if (scrollRef.current) callbacks.current.onScrollTopChange(scrollRef.current.scrollTop);
    }, 250);
  };

  return (
    <div className="document-frame">
      <div className="document-scroll" ref={scrollRef} onScroll={onScroll}>
        <RelationArcs arcs={props.arcs ?? []} root={rootRef} spans={spans} />
        <TextCaret root={rootRef} redraw={spans} />
        <div
          className={long ? 'document-text document-text--long' : 'document-text'}
          ref={rootRef}
          role="article"
          aria-label="Document text"
          tabIndex={0}
          onClick={onClick}
          onKeyDown={onKeyDown}
          lang={props.language}
        />
      </div>
      {find && find.matches.length > 0 && (
        // Where the matches are in the whole document, beside the scrollbar.
        <div className="find-marks" aria-hidden="true">
          {find.matches.slice(0, 2000).map((m, i) => (
            <span
              key={m.start}
              className={i === find.current ? 'find-marks__mark find-marks__mark--current' : 'find-marks__mark'}
              style={{ top: `${(m.start / Math.max(1, text.length)) * 100}%` }}
            />
          ))}
        </div>
      )}
    </div>
  );
}
