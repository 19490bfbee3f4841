// A term list or patterns file matched over every document of a project as stored, read 200
// texts at a time (so memory stays flat as the project grows). Runs in the pattern worker (in
// the window only where there are no workers: unit tests in Node).
import { coveredIn, tokenizedDocument } from '../../../src-shared/suggestions/candidates';
import { parsePatterns, parseTermList, patternCandidates, type MatchPattern } from '../../../src-shared/suggestions/patterns';
import type { SuggestionSource } from '../../../src-shared/domain';
import type { SpanwrightDatabase } from '../storage/database';
import type { PatternMatches, PatternRules } from './pattern-protocol';

/**
 * Texts read at a time (one read, one transaction each). Small: while a read of 2,000 texts ran
 * (100-200 ms), a label's commit waited for it and the window's own reads queued behind it.
 */
const TEXT_BATCH = 200;

export function sourceOf(rules: PatternRules): SuggestionSource {
  return rules.kind === 'terms' ? 'dictionary' : 'pattern';
}

export function patternsOf(rules: PatternRules, locale?: string): MatchPattern[] {
  return rules.kind === 'terms' ? parseTermList(rules.label, rules.content, locale) : parsePatterns(rules.file, rules.content, locale).patterns;
}

export async function matchInProject(
  db: SpanwrightDatabase,
  projectId: string,
  rules: PatternRules,
  locale?: string,
  batch = TEXT_BATCH,
): Promise<PatternMatches> {
  const patterns = patternsOf(rules, locale);
  const source = sourceOf(rules);
  const ids = await db.documents.where('projectId').equals(projectId).primaryKeys();
  const matches: PatternMatches = { candidates: [], covered: [] };
  for (let from = 0; from < ids.length; from += batch) {
    const texts = new Map<string, string>();
    for (const row of await db.texts.bulkGet(ids.slice(from, from + batch))) if (row) texts.set(row.documentId, row.text);
    const covered = coveredIn(texts);
    for (const [id, text] of texts) {
      for (const candidate of patternCandidates(tokenizedDocument(id, text, locale), patterns, source)) {
        matches.candidates.push(candidate);
        matches.covered.push(covered(candidate));
      }
    }
  }
  return matches;
}
