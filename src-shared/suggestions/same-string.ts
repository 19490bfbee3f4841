// Same string: a span you make is proposed at every other occurrence of its exact text in the
// project (case-sensitive, starting and ending on token boundaries, so `Haiti` is found in
// `Haiti’s` but not in `Haitian`). An occurrence between white space needs no tokenizing, and
// only the text around any other is tokenized, so a large project costs a string search.
import type { Span } from '../domain';
import { isTokenExtent } from '../segmentation';
import type { Candidate } from './candidates';

/** A text found more often than this in the project is too common to propose (`the`, `said`). */
export const SAME_STRING_LIMIT = 500;

/** Every occurrence of `needle` in the text that starts and ends on token boundaries. */
export function exactMatches(document: { text: string }, needle: string, locale?: string): Array<{ start: number; end: number }> {
  if (needle.trim() === '') return [];
  const { text } = document;
  const found: Array<{ start: number; end: number }> = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (isTokenExtent(text, at, end, locale)) found.push({ start: at, end });
  }
  return found;
}

/**
 * Candidates for the other occurrences of a span's text, in every given document (the span's
 * own extent excluded); none when there are more than `limit`. Same-label spans and earlier
 * proposals are filtered when stored.
 */
export function sameStringCandidates(
  documents: Iterable<{ id: string; text: string }>,
  span: Pick<Span, 'documentId' | 'label' | 'start' | 'end' | 'text'>,
  options: { locale?: string; limit?: number } = {},
): Candidate[] {
  const limit = options.limit ?? SAME_STRING_LIMIT;
  const out: Candidate[] = [];
  for (const document of documents) {
    if (!document.text.includes(span.text)) continue;
    for (const match of exactMatches(document, span.text, options.locale)) {
      if (document.id === span.documentId && match.start === span.start && match.end === span.end) continue;
      out.push({ documentId: document.id, label: span.label, start: match.start, end: match.end, source: 'same-string' });
      if (out.length > limit) return [];
    }
  }
  return out;
}
