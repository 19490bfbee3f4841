// Long documents: their lines off screen are neither laid out nor painted until they come near the
// view (content-visibility in styles.css), so opening, labelling and the caret do not lay out a
// megabyte of text. A line never shown is estimated as tall as its length says; once shown, it
// keeps its real height. The Lexical content and the offset mapping are the same as for any text.
import type { LexicalEditor, NodeKey } from 'lexical';
import type { Line } from '../../../../src-shared/span-layout';

/** From this many UTF-16 units on, a document is drawn as a long one. */
export const LONG_TEXT = 200_000;

/** Characters of the text measured for its average width. */
const SAMPLE = 2000;

/** Gives each line's element its length (--chars), which its estimated height is made of. */
export function setLineLengths(editor: LexicalEditor, keys: readonly NodeKey[], lines: readonly Line[]): void {
  keys.forEach((key, index) => {
    const line = lines[index];
    if (line) editor.getElementByKey(key)?.style.setProperty('--chars', String(line.end - line.start));
  });
}

let canvas: HTMLCanvasElement | null = null;

/**
 * Sets --px-per-char on the text element: the height a character of this text adds to a wrapped
 * line at the element's width and font (its line height times the sample's average character
 * width, over the width of a line). Measured with a canvas, so nothing of the document is laid out.
 */
export function measureLineEstimates(root: HTMLElement, text: string): void {
  const style = getComputedStyle(root);
  const width = root.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const lineHeight = parseFloat(style.lineHeight);
  canvas ??= document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context || !(width > 0) || !(lineHeight > 0)) return;
  context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const sample = text.slice(0, SAMPLE).replace(/\s+/g, ' ');
  const charWidth = sample.length > 0 ? context.measureText(sample).width / sample.length : 0;
  root.style.setProperty('--px-per-char', `${((lineHeight * charWidth) / width).toFixed(4)}px`);
}
