// A span as exporters write it (code-point offsets, the label after renaming), in the one
// stable order every format uses: start, end, layer, label, annotator, id.
import type { Span } from '../domain';
import { compareText } from './stable-order';

export interface OutSpan {
  span: Span;
  /** The label written (after the export's label map). */
  label: string;
  /** Code points. */
  start: number;
  end: number;
  text: string;
}

export function compareSpans(a: Span, b: Span): number {
  return (
    a.start - b.start ||
    a.end - b.end ||
    compareText(a.layer, b.layer) ||
    compareText(a.label, b.label) ||
    compareText(a.annotator, b.annotator) ||
    compareText(a.id, b.id)
  );
}

export function compareOut(a: OutSpan, b: OutSpan): number {
  return compareSpans(a.span, b.span);
}
