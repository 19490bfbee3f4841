// A visible caret in the read-only text: browsers draw none outside editable content, so a
// keyboard user would not see where Shift+arrows start. Drawn in the scrolling element from
// the collapsed selection's position, blinking like a text caret.
import { useEffect, useState } from 'react';

function caretBox(root: HTMLElement): { left: number; top: number; height: number } | null {
  const selection = window.getSelection();
  const scroller = root.parentElement;
  if (!selection || !scroller || selection.rangeCount === 0 || !selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer)) return null;
  let rect = range.getClientRects()[0];
  if (!rect || (rect.width === 0 && rect.height === 0)) {
    // A collapsed range at a node's edge may have no box: measure the character after it (or before).
    const node = range.startContainer;
    const length = node.nodeType === Node.TEXT_NODE ? (node as Text).length : 0;
    const probe = document.createRange();
    if (range.startOffset < length) {
      probe.setStart(node, range.startOffset);
      probe.setEnd(node, range.startOffset + 1);
      const box = probe.getClientRects()[0];
      if (box) rect = new DOMRect(box.left, box.top, 0, box.height);
    } else if (range.startOffset > 0) {
      probe.setStart(node, range.startOffset - 1);
      probe.setEnd(node, range.startOffset);
      const box = probe.getClientRects()[0];
      if (box) rect = new DOMRect(box.right, box.top, 0, box.height);
    }
  }
  if (!rect) return null;
  const frame = scroller.getBoundingClientRect();
  return { left: rect.left - frame.left + scroller.scrollLeft, top: rect.top - frame.top + scroller.scrollTop, height: rect.height };
}

export function TextCaret(props: { root: React.RefObject<HTMLElement | null>; redraw: unknown }) {
  const [box, setBox] = useState<{ left: number; top: number; height: number } | null>(null);
  const { root, redraw } = props;
  useEffect(() => {
    // Measured in the next frame, just before it is drawn: measuring at once forced a layout of
    // its own in the middle of a label key's task (the view's redraw then dirties it again), and
    // several selection changes in one task are measured once.
    let frame = 0;
    const measure = () => {
      frame = 0;
      const element = root.current;
      setBox(element && document.activeElement === element ? caretBox(element) : null);
    };
    const update = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    update();
    document.addEventListener('selectionchange', update);
    const element = root.current;
    element?.addEventListener('focus', update);
    element?.addEventListener('blur', update);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', update);
      element?.removeEventListener('focus', update);
      element?.removeEventListener('blur', update);
    };
  }, [root, redraw]);
  if (!box) return null;
  return <span className="text-caret" aria-hidden="true" style={{ left: box.left, top: box.top, height: box.height }} />;
}
