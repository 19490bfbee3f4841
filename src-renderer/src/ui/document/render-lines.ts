// Builds the Lexical content of the document view from the core's line layout.
import { $createParagraphNode, $getNodeByKey, $getRoot, type ElementNode, type LexicalNode, type NodeKey } from 'lexical';
import { layoutLine, type LayoutNode, type LayoutSpan, type Line } from '../../../../src-shared/span-layout';
import { groupCount, linesOfGroup, plainPieces, type LineGroups } from './line-groups';
import { $createLineGroupNode, $createSourceTextNode, $createSpanMarkNode } from './nodes';
import './suggestions.css';

export interface ViewSpan extends LayoutSpan {
  text: string;
  annotator: string;
  /** Set for another annotator's span shown for comparison (review): drawn, not editable. */
  referenceOf?: string;
  /** That annotator's place in the review legend: which outline style their spans get. */
  referenceSlot?: number;
  /** How many relations this span takes part in (drawn as a link mark, said in its title). */
  links: number;
  /** A suggestion (id is the suggestion's), drawn apart from spans: where it came from, and the tagger's confidence. */
  suggestion?: { source: string; score?: number };
}

const TITLE_TEXT_MAX = 120;

function hoverTitle(span: ViewSpan): string {
  const text = span.text.length > TITLE_TEXT_MAX ? `${span.text.slice(0, TITLE_TEXT_MAX)}…` : span.text;
  const suggested = span.suggestion && `Suggested (${span.suggestion.source}${span.suggestion.score === undefined ? '' : ` ${Math.round(span.suggestion.score * 100)} %`}) · `;
  const who = suggested || (span.referenceOf ? `${span.referenceOf} · ` : '');
  const links = span.links === 0 ? '' : ` · ${span.links} ${span.links === 1 ? 'relation' : 'relations'}`;
  return `${who}${span.label}: “${text.replace(/\s+/g, ' ')}”${links}`;
}

/** Nodes appended per call: all of a line's at once (100,000 marks) overflowed the stack as arguments. */
const APPEND_CHUNK = 10_000;

function $appendAll(parent: ElementNode, nodes: readonly LexicalNode[]): void {
  // eslint-disable-next-line no-restricted-syntax -- at most APPEND_CHUNK arguments
  for (let at = 0; at < nodes.length; at += APPEND_CHUNK) parent.append(...nodes.slice(at, at + APPEND_CHUNK));
}

function $buildNodes(text: string, nodes: readonly LayoutNode[]): LexicalNode[] {
  return nodes.map((node) => {
    if (node.kind === 'text') return $createSourceTextNode(text.slice(node.start, node.end), node.start);
    const span = node.span as ViewSpan;
    const mark = $createSpanMarkNode({
      spanId: span.id,
      label: span.label,
      layer: span.layer,
      depth: node.depth,
      isFirst: node.isFirst,
      isLast: node.isLast,
      title: hoverTitle(span),
      annotator: span.annotator,
      reference: span.referenceOf !== undefined,
      ...(span.referenceSlot !== undefined ? { referenceSlot: span.referenceSlot } : {}),
      linked: span.links > 0,
      ...(span.suggestion ? { suggestion: true } : {}),
    });
    $appendAll(mark, $buildNodes(text, node.children));
    return mark;
  });
}

function $fillLine(paragraph: ElementNode, text: string, line: Line, spans: readonly ViewSpan[]): void {
  paragraph.clear();
  if (line.end > line.start) $appendAll(paragraph, $buildNodes(text, layoutLine(line, spans)));
}

/** Replaces the whole content with a paragraph per line; returns the paragraph key of every line. */
export function $renderAllLines(text: string, lines: readonly Line[], spansByLine: ReadonlyMap<number, ViewSpan[]>): NodeKey[] {
  const root = $getRoot();
  root.clear();
  const keys: NodeKey[] = [];
  for (const [index, line] of lines.entries()) {
    const paragraph = $createParagraphNode();
    $fillLine(paragraph, text, line, spansByLine.get(index) ?? []);
    root.append(paragraph);
    keys.push(paragraph.getKey());
  }
  return keys;
}

function $fillPlainGroup(group: ElementNode, text: string, lines: readonly Line[], first: number, end: number): void {
  group.clear();
  for (const piece of plainPieces(text, lines, first, end)) group.append($createSourceTextNode(piece.text, piece.start));
}

/** Replaces the whole content with groups of lines drawn as plain text (a long document); returns each group's key. */
export function $renderPlainGroups(text: string, lines: readonly Line[], groups: LineGroups): NodeKey[] {
  const root = $getRoot();
  root.clear();
  const keys: NodeKey[] = [];
  for (let group = 0; group < groupCount(groups); group++) {
    const node = $createLineGroupNode();
    const { first, end } = linesOfGroup(groups, group);
    $fillPlainGroup(node, text, lines, first, end);
    root.append(node);
    keys.push(node.getKey());
  }
  return keys;
}

/** Draws a group's lines as paragraphs with their marks; returns the paragraph keys of its lines. */
export function $expandGroup(
  groupKey: NodeKey,
  text: string,
  lines: readonly Line[],
  groups: LineGroups,
  group: number,
  spansByLine: ReadonlyMap<number, ViewSpan[]>,
): NodeKey[] {
  const node = $getNodeByKey<ElementNode>(groupKey);
  if (!node) return [];
  node.clear();
  const keys: NodeKey[] = [];
  const { first, end } = linesOfGroup(groups, group);
  for (let index = first; index < end; index++) {
    const paragraph = $createParagraphNode();
    $fillLine(paragraph, text, lines[index] as Line, spansByLine.get(index) ?? []);
    node.append(paragraph);
    keys.push(paragraph.getKey());
  }
  return keys;
}

/** Draws a group's lines back as plain text. */
export function $collapseGroup(groupKey: NodeKey, text: string, lines: readonly Line[], groups: LineGroups, group: number): void {
  const node = $getNodeByKey<ElementNode>(groupKey);
  const { first, end } = linesOfGroup(groups, group);
  if (node) $fillPlainGroup(node, text, lines, first, end);
}

/** Re-renders only the given lines (a span change touches few). */
export function $renderLines(
  text: string,
  lines: readonly Line[],
  keys: readonly NodeKey[],
  lineIndexes: Iterable<number>,
  spansByLine: ReadonlyMap<number, ViewSpan[]>,
): void {
  for (const index of lineIndexes) {
    const key = keys[index];
    const line = lines[index];
    if (key === undefined || line === undefined) continue;
    const paragraph = $getNodeByKey<ElementNode>(key);
    if (paragraph) $fillLine(paragraph, text, line, spansByLine.get(index) ?? []);
  }
}
