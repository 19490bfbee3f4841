// Relation precision, recall and F1 of a candidate annotator against a reference, per relation type and overall.
import { addCounts, NO_COUNTS, score, type MatchCounts, type Score } from './scores';
import { compareText, type SpanMatching } from './span-matching';

/** A relation with its ends as indexes into its annotator's spans of the document. */
export interface RelationEnds {
  type: string;
  from: number;
  to: number;
}

export interface TypeScore extends Score {
  type: string;
}

export interface RelationScores {
  /** Micro-averaged: the counts of every type summed, then scored. */
  overall: Score;
  /** One entry per relation type either side used, in code-unit order. */
  types: TypeScore[];
}

/**
 * Scores the candidate's relations against the reference's. A relation matches when its type
 * is the same and each end is the span the span matching paired with the other relation's end
 * (so "both ends match" means exactly what span matching means in that mode: exact, or
 * overlap). For a type in `undirected` the ends may be swapped. Matching is one to one: two
 * identical relations of one side match two of the other, not one twice.
 */
export function scoreRelations(
  reference: readonly RelationEnds[],
  candidate: readonly RelationEnds[],
  spans: SpanMatching,
  undirected: ReadonlySet<string>,
): RelationScores {
  const toCandidate = new Map<number, number>(spans.pairs);
  const key = (type: string, from: number, to: number): string => {
    const [a, b] = undirected.has(type) && to < from ? [to, from] : [from, to];
    return `${type}\u0000${a}\u0000${b}`;
  };
  // The candidate's relations waiting for a partner, by type and ends (in candidate span indexes).
  const waiting = new Map<string, { type: string; count: number }>();
  for (const relation of candidate) {
    const k = key(relation.type, relation.from, relation.to);
    const entry = waiting.get(k);
    if (entry) entry.count++;
    else waiting.set(k, { type: relation.type, count: 1 });
  }
  const counts = new Map<string, MatchCounts>();
  const countsOf = (type: string): MatchCounts => {
    let found = counts.get(type);
    if (!found) {
      found = { ...NO_COUNTS };
      counts.set(type, found);
    }
    return found;
  };
  for (const relation of reference) {
    const from = toCandidate.get(relation.from);
    const to = toCandidate.get(relation.to);
    const entry = from === undefined || to === undefined ? undefined : waiting.get(key(relation.type, from, to));
    if (entry && entry.count > 0) {
      entry.count--;
      countsOf(relation.type).tp++;
    } else countsOf(relation.type).fn++;
  }
  for (const entry of waiting.values()) if (entry.count > 0) countsOf(entry.type).fp += entry.count;
  return fromCounts(counts);
}

/** The scores of several parts (documents) taken together: counts are summed, then scored. */
export function sumRelationScores(parts: readonly RelationScores[]): RelationScores {
  const counts = new Map<string, MatchCounts>();
  for (const part of parts) {
    for (const item of part.types) counts.set(item.type, addCounts(counts.get(item.type) ?? NO_COUNTS, item));
  }
  return fromCounts(counts);
}

function fromCounts(counts: ReadonlyMap<string, MatchCounts>): RelationScores {
  const types = [...counts.keys()].sort(compareText);
  let total: MatchCounts = NO_COUNTS;
  for (const type of types) total = addCounts(total, counts.get(type) as MatchCounts);
  return {
    overall: score(total),
    types: types.map((type) => ({ type, ...score(counts.get(type) as MatchCounts) })),
  };
}
