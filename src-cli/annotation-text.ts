// How the command line names a span or a relation in its messages: by label, code-point
// offsets and text, the way `validate` and `convert` both print them.
import type { DocumentDraft, SpanDraft } from '../src-shared/domain';
import { OffsetConverter } from '../src-shared/offsets';

export interface SpanInWords {
  label: string;
  /** Code points, as every file Spanwright writes counts them. */
  start: number;
  end: number;
  text: string;
}

/** `CLAIM [14, 30) "the tram is late"`. */
export function spanInWords(span: SpanInWords): string {
  return `${span.label} [${span.start}, ${span.end}) "${span.text}"`;
}

/** `CLAIM [14, 30) "the tram is late" -SOURCE-> PERSON [0, 8) "Ana Ruiz"`; a missing end is `(missing span)`. */
export function relationInWords(type: string, from: SpanInWords | null, to: SpanInWords | null): string {
  const end = (span: SpanInWords | null) => (span ? spanInWords(span) : '(missing span)');
  return `${end(from)} -${type}-> ${end(to)}`;
}

/** The spans of a draft (UTF-16 offsets) as messages name them (code points). */
export function draftSpansInWords(draft: DocumentDraft): SpanInWords[] {
  const converter = new OffsetConverter(draft.text);
  return draft.spans.map((span: SpanDraft) => ({
    label: span.label,
    start: converter.toCodePoint(span.start),
    end: converter.toCodePoint(span.end),
    text: draft.text.slice(span.start, span.end),
  }));
}
