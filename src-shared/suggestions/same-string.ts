// Same string: a span you make is proposed at every other occurrence of its exact text in the
// project (case-sensitive, starting and ending on token boundaries, so `Haiti` is found in
// `Haiti’s` but not in `Haitian`).
import type { Span } from '../domain';
import type { Candidate, TokenizedDocument } from './candidates';

/** Every occurrence of `needle` in the document that starts and ends on token boundaries. */
export function exactMatches(document: TokenizedDocument, needle: string): Array<{ start: number; end: number }> {
  if (needle.trim() === '') return [];
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (const token of document.tokens) {
    starts.add(token.start);
    ends.add(token.end);
  }
  const found: Array<{ start: number; end: number }> = [];
  for (let at = document.text.indexOf(needle); at !== -1; at = document.text.indexOf(needle, at + 1)) {
    if (starts.has(at) && ends.has(at + needle.length)) found.push({ start: at, end: at + needle.length });
  }
  return found;
}

/**
 * Candidates for the other occurrences of a span's text, in every given document (the span's
 * own extent excluded). Same-label spans and earlier proposals are filtered when stored.
 */
export function sameStringCandidates(documents: Iterable<TokenizedDocument>, span: Pick<Span, 'documentId' | 'label' | 'start' | 'end' | 'text'>): Candidate[] {
  const out: Candidate[] = [];
  for (const document of documents) {
    for (const match of exactMatches(document, span.text)) {
      if (document.id === span.documentId && match.start === span.start && match.end === span.end) continue;
      out.push({ documentId: document.id, label: span.label, start: match.start, end: match.end, source: 'same-string' });
    }
  }
  return out;
}
