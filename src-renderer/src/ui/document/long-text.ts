// Long documents: their lines are drawn in groups (LineGroupNode) that the browser neither lays
// out nor paints until they come near the view (content-visibility in styles.css), so opening,
// labelling and the caret do not lay out a megabyte of text. Groups, not lines: deciding what is
// near the view is work per element on every frame of a scroll. A group far from the view is drawn
// as plain text (line-groups.ts), near it as lines with marks. A group never shown is estimated
// from its lines' lengths; once shown, it keeps its real height. The offset mapping is the same
// as for any text.
import type { LexicalEditor, NodeKey } from 'lexical';
import type { Line } from '../../../../src-shared/span-layout';
import { groupCount, linesOfGroup, type LineGroups } from './line-groups';

/** From this many UTF-16 units on, a document is drawn as a long one. */
export const LONG_TEXT = 200_000;

/** Characters of the text measured for its average width. */
const SAMPLE = 2000;

let canvas: HTMLCanvasElement | null = null;

/**
 * The height in pixels a character adds to a wrapped line of this text at the text element's
 * width and font (its line height times the sample's average character width, over the width of
 * a line), and the line height. Measured with a canvas: nothing of the document is laid out.
 */
function measure(root: HTMLElement, text: string): { perChar: number; lineHeight: number } | null {
  const style = getComputedStyle(root);
  const width = root.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const lineHeight = parseFloat(style.lineHeight);
  canvas ??= document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context || !(width > 0) || !(lineHeight > 0)) return null;
  context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const sample = text.slice(0, SAMPLE).replace(/\s+/g, ' ');
  const charWidth = sample.length > 0 ? context.measureText(sample).width / sample.length : 0;
  return { perChar: (lineHeight * charWidth) / width, lineHeight };
}

/**
 * Gives each group of lines its estimated height (until it is first shown): each line at least
 * one line high, else its length times the measured height per character and half a line for
 * its last row.
 */
export function estimateGroupHeights(
  root: HTMLElement,
  text: string,
  editor: LexicalEditor,
  groupKeys: readonly NodeKey[],
  lines: readonly Line[],
  groups: LineGroups,
): void {
  const metrics = measure(root, text);
  if (!metrics) return;
  const { perChar, lineHeight } = metrics;
  for (let group = 0; group < groupCount(groups); group++) {
    const { first, end } = linesOfGroup(groups, group);
    let height = 0;
    for (const line of lines.slice(first, end)) height += Math.max(lineHeight, (line.end - line.start) * perChar + lineHeight / 2);
    const element = editor.getElementByKey(groupKeys[group] as NodeKey);
    if (element) element.style.containIntrinsicBlockSize = `auto ${height.toFixed(1)}px`;
  }
}
