// Maps a DOM selection inside the document view to stored-text offsets, using the
// data-offset each rendered text piece carries. Works for any DOM point (text or element).

/** Stored offset of a DOM boundary point, or null when it is outside the document. */
export function storedOffsetAt(root: HTMLElement, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const holder = node.parentElement?.closest<HTMLElement>('[data-offset]');
    if (holder && root.contains(holder)) return Number(holder.dataset.offset) + offset;
  }
  // An element point (a click between lines, a triple-click): find the first text piece at
  // or after the point, by binary search over the pieces in document order.
  const pieces = root.querySelectorAll<HTMLElement>('[data-offset]');
  if (pieces.length === 0) return 0;
  const range = document.createRange();
  let low = 0;
  let high = pieces.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    range.selectNodeContents(pieces[mid] as HTMLElement);
    // comparePoint: -1 when the point is before the piece's start.
    if (range.comparePoint(node, offset) < 0) high = mid;
    else low = mid + 1;
  }
  if (low < pieces.length) {
    const next = pieces[low] as HTMLElement;
    const previous = low > 0 ? (pieces[low - 1] as HTMLElement) : undefined;
    // A point inside the previous piece's element but not in its text: its end.
    if (previous && previous.contains(node)) return pieceEnd(previous);
    return Number(next.dataset.offset);
  }
  return pieceEnd(pieces[pieces.length - 1] as HTMLElement);
}

function pieceEnd(piece: HTMLElement): number {
  return Number(piece.dataset.offset) + (piece.textContent ?? '').length;
}

/** The current selection as stored offsets [start, end), or null if it is empty or outside. */
export function selectedRange(root: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = storedOffsetAt(root, range.startContainer, range.startOffset);
  const end = storedOffsetAt(root, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/**
 * The DOM point of a stored offset: inside the text piece that holds it (at a piece's end when
 * the offset ends a piece, so a caret after a span sits after it), or null when not drawn.
 */
export function domPointAt(root: HTMLElement, offset: number): { node: Node; offset: number } | null {
  const pieces = root.querySelectorAll<HTMLElement>('[data-offset]');
  let low = 0;
  let high = pieces.length - 1;
  // The last piece starting at or before the offset.
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (Number((pieces[mid] as HTMLElement).dataset.offset) <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  for (let at = found; at >= 0 && at >= found - 1; at--) {
    const piece = pieces[at] as HTMLElement;
    const start = Number(piece.dataset.offset);
    const text = piece.firstChild;
    const length = (piece.textContent ?? '').length;
    // A piece that ends exactly at the offset holds it too (the end of a span).
    if (text && offset >= start && offset <= start + length) return { node: text, offset: offset - start };
  }
  return null;
}

/** DOM ranges for stored ranges (found matches), looking the text pieces up once. */
export function domRangesFor(root: HTMLElement, ranges: ReadonlyArray<{ start: number; end: number }>): Range[] {
  const pieces = [...root.querySelectorAll<HTMLElement>('[data-offset]')];
  const starts = pieces.map((p) => Number(p.dataset.offset));
  const pointAt = (offset: number, preferEnd: boolean): { node: Node; offset: number } | null => {
    // The last piece starting at or before the offset (or, for an end, strictly before it).
    let low = 0;
    let high = starts.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const start = starts[mid] as number;
      if (preferEnd ? start < offset : start <= offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    const piece = pieces[found];
    const node = piece?.firstChild;
    if (!piece || !node) return null;
    const inPiece = offset - (starts[found] as number);
    return inPiece <= (piece.textContent ?? '').length ? { node, offset: inPiece } : null;
  };
  const result: Range[] = [];
  for (const { start, end } of ranges) {
    const from = pointAt(start, false);
    const to = pointAt(end, true);
    if (!from || !to) continue;
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    result.push(range);
  }
  return result;
}
