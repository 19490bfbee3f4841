// What every suggestion source finds: candidates (a label over an extent of a document), the
// tokens they are matched on, the spaCy rule for overlapping matches, and the step that turns
// candidates into Suggestion records for one annotator.
import type { LayerId, Suggestion, SuggestionSource } from '../domain';
import { tokenize, type Token } from '../segmentation';

export interface Candidate {
  documentId: string;
  label: string;
  /** UTF-16 code units, half-open. */
  start: number;
  end: number;
  source: SuggestionSource;
  score?: number;
}

/** A document as the matchers read it: its text and the core tokenizer's tokens of it. */
export interface TokenizedDocument {
  id: string;
  text: string;
  tokens: readonly Token[];
}

export function tokenizedDocument(id: string, text: string, locale?: string): TokenizedDocument {
  return { id, text, tokens: tokenize(text, locale) };
}

/**
 * Runs of tokens not separated by a line break: no match crosses one (a heading and the
 * paragraph under it are never one name).
 */
export function tokenLines(document: TokenizedDocument): Array<readonly Token[]> {
  const lines: Token[][] = [];
  let line: Token[] = [];
  let previous: Token | undefined;
  for (const token of document.tokens) {
    if (previous && /[\n\r\u2028\u2029]/.test(document.text.slice(previous.end, token.start))) {
      lines.push(line);
      line = [];
    }
    line.push(token);
    previous = token;
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/**
 * Of overlapping candidates, the longest is kept, the earlier on a tie: what spaCy's
 * EntityRuler does with its matches (spacy.util.filter_spans). Candidates of one document.
 */
export function longestFirst(candidates: readonly Candidate[]): Candidate[] {
  const order = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const candidate of order) {
    if (!kept.some((k) => k.start < candidate.end && candidate.start < k.end)) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Whose list suggestions go into, and the project's labels (for their layer). */
export interface SuggestionOwner {
  projectId: string;
  annotator: string;
  layerOf: (label: string) => LayerId | undefined;
  newId: () => string;
  now: number;
}

/** The text a candidate covers, undefined when its document is not among them. */
export type CoveredText = (candidate: Candidate) => string | undefined;

/** The covered text read from the documents' texts. */
export function coveredIn(texts: ReadonlyMap<string, string>): CoveredText {
  return (c) => texts.get(c.documentId)?.slice(c.start, c.end);
}

/**
 * Suggestion records for candidates: pending, with the covered text. Candidates whose label
 * the project lacks, or whose text is unknown, are left out. Which of them are new (not under
 * a same-label span, not proposed before) is decided when they are stored
 * (annotations/suggestion-edits.ts).
 */
export function toSuggestions(candidates: readonly Candidate[], coveredText: CoveredText, owner: SuggestionOwner): Suggestion[] {
  const out: Suggestion[] = [];
  for (const c of candidates) {
    const layer = owner.layerOf(c.label);
    const text = coveredText(c);
    if (layer === undefined || text === undefined) continue;
    const suggestion: Suggestion = {
      id: owner.newId(),
      projectId: owner.projectId,
      documentId: c.documentId,
      annotator: owner.annotator,
      layer,
      label: c.label,
      start: c.start,
      end: c.end,
      text,
      source: c.source,
      status: 'pending',
      createdAt: owner.now,
      updatedAt: owner.now,
    };
    if (c.score !== undefined) suggestion.score = c.score;
    out.push(suggestion);
  }
  return out;
}
