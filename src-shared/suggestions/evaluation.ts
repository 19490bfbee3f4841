// How good the tagger is: trained on four fifths of the annotator's Done documents and scored
// on the fifth held out, span by span (label and both edges exact), as precision and recall.
import { tokenizedDocument, type Candidate } from './candidates';
import { tagDocument, trainTagger, type TaggerModel, type TrainingDocument, type TrainOptions } from './tagger';
import { setOwn } from '../own-keys';

/** FNV-1a, so the held-out fifth depends on document ids only, not on their order. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Splits Done documents into training and held-out sets: a fifth (rounded up) held out, chosen
 * by a hash of the id so that one more Done document moves few others. Fewer than two: none held out.
 */
export function holdOutFifth<T extends { id: string }>(documents: readonly T[]): { training: T[]; heldOut: T[] } {
  if (documents.length < 2) return { training: [...documents], heldOut: [] };
  const order = [...documents].sort((a, b) => hash(a.id) - hash(b.id) || (a.id < b.id ? -1 : 1));
  const count = Math.ceil(documents.length / 5);
  const heldOut = new Set(order.slice(0, count).map((d) => d.id));
  return { training: documents.filter((d) => !heldOut.has(d.id)), heldOut: documents.filter((d) => heldOut.has(d.id)) };
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  /** Spans found that the annotation has, found in all, in the annotation. */
  correct: number;
  predicted: number;
  expected: number;
}

export interface Evaluation {
  overall: Scores;
  byLabel: Record<string, Scores>;
  trainingDocuments: number;
  heldOutDocuments: number;
}

function scores(correct: number, predicted: number, expected: number): Scores {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = expected === 0 ? 0 : correct / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, correct, predicted, expected };
}

/** Precision and recall of predicted spans against the annotation, overall and per label. */
export function scoreSpans(
  pairs: ReadonlyArray<{ predicted: readonly Candidate[]; expected: TrainingDocument['spans'] }>,
): Omit<Evaluation, 'trainingDocuments' | 'heldOutDocuments'> {
  const tally = new Map<string, { correct: number; predicted: number; expected: number }>();
  const of = (label: string) => {
    let t = tally.get(label);
    if (!t) tally.set(label, (t = { correct: 0, predicted: 0, expected: 0 }));
    return t;
  };
  for (const { predicted, expected } of pairs) {
    const wanted = new Set(expected.map((s) => `${s.label}\u0000${s.start}\u0000${s.end}`));
    for (const s of expected) of(s.label).expected++;
    for (const p of predicted) {
      of(p.label).predicted++;
      if (wanted.has(`${p.label}\u0000${p.start}\u0000${p.end}`)) of(p.label).correct++;
    }
  }
  const byLabel: Record<string, Scores> = {};
  let correct = 0;
  let predicted = 0;
  let expected = 0;
  for (const [label, t] of [...tally].sort(([a], [b]) => (a < b ? -1 : 1))) {
    setOwn(byLabel, label, scores(t.correct, t.predicted, t.expected));
    correct += t.correct;
    predicted += t.predicted;
    expected += t.expected;
  }
  return { overall: scores(correct, predicted, expected), byLabel };
}

/**
 * Trains on the Done documents less the held-out fifth, scores on that fifth, and returns the
 * model trained on them all (what suggests in the other documents) with the scores.
 */
export function trainAndEvaluate(
  done: readonly TrainingDocument[],
  options: TrainOptions = {},
): { model: TaggerModel; evaluation: Evaluation } {
  const { training, heldOut } = holdOutFifth(done);
  const trial = trainTagger(training, options);
  const scored = scoreSpans(heldOut.map((d) => ({ predicted: tagDocument(trial, d), expected: d.spans })));
  const model = heldOut.length === 0 ? trial : trainTagger(done, options);
  return { model, evaluation: { ...scored, trainingDocuments: training.length, heldOutDocuments: heldOut.length } };
}

/** What the tagger's run needs: the Done documents with their spans, and the documents to suggest in. */
export interface TaggerInput {
  done: ReadonlyArray<{ id: string; text: string; spans: TrainingDocument['spans'] }>;
  targets: ReadonlyArray<{ id: string; text: string }>;
  locale?: string;
}

/** Trains (and scores) on the Done documents and tags the others: what the tagger worker runs. */
export function trainAndSuggest(input: TaggerInput, options: TrainOptions = {}): { evaluation: Evaluation; candidates: Candidate[] } {
  const done = input.done.map((d) => ({ ...tokenizedDocument(d.id, d.text, input.locale), spans: d.spans }));
  const { model, evaluation } = trainAndEvaluate(done, options);
  const candidates =
    model.tags.length <= 1 ? [] : input.targets.flatMap((t) => tagDocument(model, tokenizedDocument(t.id, t.text, input.locale)));
  return { evaluation, candidates };
}
