// Handing out work: which annotators get which documents. Every document goes to one
// annotator, a share of them to two (for agreement); loads stay even (at most one apart) and
// the pairs sharing documents are spread evenly too. The same inputs and seed give the same plan.
import { seededRandom, shuffled } from './seeded-random';
import { ownValue, setOwn } from './own-keys';

export interface AssignmentRequest {
  documentIds: readonly string[];
  /** Annotator names, as the lead types them (each gets one bundle). */
  annotators: readonly string[];
  /** Share of documents done by two annotators, 0 to 1. */
  overlap: number;
  seed: number;
}

export interface AssignmentPlan {
  annotators: string[];
  overlap: number;
  seed: number;
  createdAt: number;
  /** Document id -> the annotators it is assigned to (one, or two for the overlap). */
  documents: Record<string, string[]>;
}

/** Why a request cannot be planned, or null. */
export function assignmentProblem(request: AssignmentRequest): string | null {
  const names = request.annotators.map((a) => a.trim());
  if (names.length === 0 || names.some((n) => n === '')) return 'Name at least one annotator (one per line).';
  const seen = new Set<string>();
  for (const name of names) {
    const key = name.toLocaleLowerCase();
    if (seen.has(key)) return `“${name}” is named twice.`;
    seen.add(key);
  }
  if (request.documentIds.length === 0) return 'There are no documents to assign.';
  if (!(request.overlap >= 0 && request.overlap <= 1)) return 'The overlap must be between 0 % and 100 %.';
  if (request.overlap > 0 && names.length < 2) return 'Overlap needs at least two annotators.';
  if (!Number.isInteger(request.seed)) return 'The seed must be a whole number.';
  return null;
}

export function planAssignment(request: AssignmentRequest, createdAt: number): AssignmentPlan {
  const problem = assignmentProblem(request);
  if (problem) throw new Error(problem);
  const annotators = request.annotators.map((a) => a.trim());
  const random = seededRandom(request.seed);
  const documents = shuffled(request.documentIds, random);
  const order = shuffled(annotators, random);
  const overlapCount = annotators.length < 2 ? 0 : Math.round(request.overlap * documents.length);
  const load = new Map(order.map((a) => [a, 0]));
  const pairs = new Map<string, number>();
  const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  // Least loaded first; ties go to the annotator least recently chosen (stable rotation).
  let turn = 0;
  const lastChosen = new Map(order.map((a, i) => [a, i - order.length]));
  const take = (chosen: string) => {
    load.set(chosen, (load.get(chosen) ?? 0) + 1);
    lastChosen.set(chosen, turn++);
  };
  const pick = (candidates: readonly string[]): string => {
    let best = candidates[0] as string;
    for (const candidate of candidates.slice(1)) {
      const byLoad = (load.get(candidate) ?? 0) - (load.get(best) ?? 0);
      const byTurn = (lastChosen.get(candidate) ?? 0) - (lastChosen.get(best) ?? 0);
      if (byLoad < 0 || (byLoad === 0 && byTurn < 0)) best = candidate;
    }
    take(best);
    return best;
  };
  /** Two of the least loaded annotators (so loads stay even), the pair that shared least so far. */
  const pickPair = (): [string, string] => {
    const lowest = Math.min(...order.map((a) => load.get(a) ?? 0));
    const least = order.filter((a) => load.get(a) === lowest);
    const next = least.length >= 2 ? least : order.filter((a) => (load.get(a) ?? 0) <= lowest + 1);
    let best: [string, string] | null = null;
    let bestScore = Infinity;
    for (const a of least) {
      for (const b of next) {
        if (a === b) continue;
        // Shared least first, then the least recently chosen.
        const score = (pairs.get(pairKey(a, b)) ?? 0) * 1e6 + (lastChosen.get(a) ?? 0) + (lastChosen.get(b) ?? 0);
        if (score < bestScore) {
          bestScore = score;
          best = [a, b];
        }
      }
    }
    const [a, b] = best as [string, string];
    take(a);
    take(b);
    return [a, b];
  };
  const plan: Record<string, string[]> = {};
  // With an even number of annotators, shared documents follow a round-robin schedule (circle
  // method): every round pairs everyone once, so loads stay even and every pair shares about
  // as many documents as every other. With an odd number, the least loaded pair that shared least.
  const schedule = order.length % 2 === 0 ? roundRobinPairs(order) : [];
  for (const [index, documentId] of documents.entries()) {
    if (index < overlapCount) {
      const scheduled = schedule[index % Math.max(1, schedule.length)];
      scheduled?.forEach(take);
      const [first, second] = scheduled ?? pickPair();
      pairs.set(pairKey(first, second), (pairs.get(pairKey(first, second)) ?? 0) + 1);
      setOwn(plan, documentId, [first, second]);
    } else setOwn(plan, documentId, [pick(order)]);
  }
  // In the list's order, for people reading the plan.
  const ordered: Record<string, string[]> = {};
  for (const id of request.documentIds)
    setOwn(
      ordered,
      id,
      (ownValue(plan, id) as string[]).sort((a, b) => annotators.indexOf(a) - annotators.indexOf(b)),
    );
  return { annotators, overlap: request.overlap, seed: request.seed, createdAt, documents: ordered };
}

/** Every pair of an even number of people, round by round, each round pairing everyone once. */
function roundRobinPairs(people: readonly string[]): Array<[string, string]> {
  const [fixed, ...rest] = people;
  const pairs: Array<[string, string]> = [];
  for (let round = 0; round < people.length - 1; round++) {
    const ring = [fixed as string, ...rest.slice(round), ...rest.slice(0, round)];
    for (let i = 0; i < ring.length / 2; i++) pairs.push([ring[i] as string, ring[ring.length - 1 - i] as string]);
  }
  return pairs;
}

/** The documents each annotator is assigned, in plan order. */
export function documentsOf(plan: AssignmentPlan, annotator: string): string[] {
  return Object.entries(plan.documents)
    .filter(([, who]) => who.includes(annotator))
    .map(([id]) => id);
}

export interface AssignmentProgress {
  annotator: string;
  assigned: number;
  /** Documents with any of their work back (spans, labels or a status). */
  returned: number;
  done: number;
  /** Assigned documents not marked Done yet. */
  missing: string[];
}

/**
 * Per annotator, how much of their assignment came back. `workOf(documentId, name)` says
 * what the project holds of that annotator's work on the document (matched by name, since
 * each annotator's id is their own machine's).
 */
export function assignmentProgress(
  plan: AssignmentPlan,
  workOf: (documentId: string, annotator: string) => { any: boolean; done: boolean } | undefined,
): AssignmentProgress[] {
  return plan.annotators.map((annotator) => {
    const assigned = documentsOf(plan, annotator);
    let returned = 0;
    let done = 0;
    const missing: string[] = [];
    for (const id of assigned) {
      const work = workOf(id, annotator);
      if (work?.any) returned++;
      if (work?.done) done++;
      else missing.push(id);
    }
    return { annotator, assigned: assigned.length, returned, done, missing };
  });
}
