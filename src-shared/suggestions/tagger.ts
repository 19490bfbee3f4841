// The statistical tagger: an averaged perceptron over BIO tags of the core tokenizer's tokens,
// decoded greedily left to right with the previous tags as features (as in Honnibal's "A good
// part-of-speech tagger in about 200 lines of Python"). Small, fast to retrain in a worker as
// the annotator works, plain JSON to send between threads, no download. Why not a library:
// docs/decisions/suggestion-tagger.md.
import { seededRandom } from '../seeded-random';
import type { Span } from '../domain';
import type { Token } from '../segmentation';
import { longestFirst, tokenLines, type Candidate, type TokenizedDocument } from './candidates';
import { wordShape } from './patterns';
import { setOwn } from '../own-keys';

/** A training document: its tokens and its complete annotation (every name in it is a span). */
export interface TrainingDocument extends TokenizedDocument {
  spans: ReadonlyArray<Pick<Span, 'label' | 'start' | 'end'>>;
}

export interface TaggerModel {
  version: 1;
  /** The tags, 'O' first, then B-/I- per label. */
  tags: string[];
  /** Averaged weights: feature -> one weight per tag (absent: 0). */
  weights: Record<string, number[]>;
}

export interface TrainOptions {
  epochs?: number;
  /** Seed of the shuffling between epochs, so a training run is repeatable. */
  seed?: number;
}

/** The BIO tags of a document's tokens; of overlapping spans the longest is kept (BIO holds no nesting). */
export function bioTags(document: TrainingDocument): string[] {
  const tags = document.tokens.map(() => 'O');
  const spans = longestFirst(
    document.spans.map((s) => ({ documentId: document.id, label: s.label, start: s.start, end: s.end, source: 'model' as const })),
  );
  let at = 0;
  for (const span of spans) {
    while (at < document.tokens.length && (document.tokens[at] as Token).end <= span.start) at++;
    let first = true;
    for (let i = at; i < document.tokens.length; i++) {
      const token = document.tokens[i] as Token;
      if (token.start >= span.end) break;
      // A token only partly inside a span (a span cut inside a word) is left out of it.
      if (token.start < span.start || token.end > span.end) continue;
      tags[i] = `${first ? 'B' : 'I'}-${span.label}`;
      first = false;
    }
  }
  return tags;
}

function features(tokens: readonly Token[], i: number, previous: string, beforePrevious: string): string[] {
  const word = (tokens[i] as Token).text;
  const lower = word.toLowerCase();
  const at = (k: number) => tokens[i + k]?.text.toLowerCase() ?? (k < 0 ? '<s>' : '</s>');
  const shape = wordShape(word);
  return [
    'bias',
    `w=${lower}`,
    `shape=${shape}`,
    `pre3=${lower.slice(0, 3)}`,
    `suf3=${lower.slice(-3)}`,
    `suf2=${lower.slice(-2)}`,
    `title=${/^\p{Lu}/u.test(word)}`,
    `first=${i === 0}`,
    `w-1=${at(-1)}`,
    `w+1=${at(1)}`,
    `w-2=${at(-2)}`,
    `w+2=${at(2)}`,
    `shape-1=${tokens[i - 1] ? wordShape((tokens[i - 1] as Token).text) : '<s>'}`,
    `shape+1=${tokens[i + 1] ? wordShape((tokens[i + 1] as Token).text) : '</s>'}`,
    `t-1=${previous}`,
    `t-2,t-1=${beforePrevious},${previous}`,
    `t-1,w=${previous},${lower}`,
    `t-1,shape=${previous},${shape}`,
  ];
}

/** Whether a tag may follow another in BIO: I-X only after B-X or I-X. */
function allowed(previous: string, tag: string): boolean {
  if (!tag.startsWith('I-')) return true;
  const label = tag.slice(2);
  return previous === `B-${label}` || previous === `I-${label}`;
}

/** The averaged perceptron: weights, their running totals and when each last changed. */
class Perceptron {
  readonly weights = new Map<string, Float64Array>();
  private readonly totals = new Map<string, Float64Array>();
  private readonly stamps = new Map<string, Float64Array>();
  private instances = 0;

  constructor(readonly size: number) {}

  scores(feats: readonly string[]): Float64Array {
    const scores = new Float64Array(this.size);
    for (const f of feats) {
      const w = this.weights.get(f);
      if (w) for (let t = 0; t < this.size; t++) scores[t] = (scores[t] as number) + (w[t] as number);
    }
    return scores;
  }

  update(truth: number, guess: number, feats: readonly string[]): void {
    this.instances++;
    if (truth === guess) return;
    for (const f of feats) {
      let w = this.weights.get(f);
      if (!w) {
        w = new Float64Array(this.size);
        this.weights.set(f, w);
        this.totals.set(f, new Float64Array(this.size));
        this.stamps.set(f, new Float64Array(this.size));
      }
      const totals = this.totals.get(f) as Float64Array;
      const stamps = this.stamps.get(f) as Float64Array;
      for (const [t, delta] of [
        [truth, 1],
        [guess, -1],
      ] as const) {
        totals[t] = (totals[t] as number) + (this.instances - (stamps[t] as number)) * (w[t] as number);
        stamps[t] = this.instances;
        w[t] = (w[t] as number) + delta;
      }
    }
  }

  averaged(): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const [f, w] of this.weights) {
      const totals = this.totals.get(f) as Float64Array;
      const stamps = this.stamps.get(f) as Float64Array;
      const averaged = Array.from(w, (weight, t) => {
        const total = (totals[t] as number) + (this.instances - (stamps[t] as number)) * weight;
        return Math.round((total / Math.max(1, this.instances)) * 1000) / 1000;
      });
      if (averaged.some((x) => x !== 0)) setOwn(out, f, averaged);
    }
    return out;
  }
}

function bestTag(scores: ArrayLike<number>, tags: readonly string[], previous: string): number {
  let best = 0;
  for (let t = 1; t < tags.length; t++) {
    if (allowed(previous, tags[t] as string) && (scores[t] as number) > (scores[best] as number)) best = t;
  }
  return best;
}

/** Trains a tagger on complete documents; the labels are those their spans use. */
export function trainTagger(documents: readonly TrainingDocument[], options: TrainOptions = {}): TaggerModel {
  const labels = [...new Set(documents.flatMap((d) => d.spans.map((s) => s.label)))].sort();
  const tags = ['O', ...labels.flatMap((l) => [`B-${l}`, `I-${l}`])];
  const index = new Map(tags.map((t, i) => [t, i]));
  const model = new Perceptron(tags.length);
  // Train per line (the matchers never cross one either), with the gold tags of each line.
  const sentences: Array<{ tokens: readonly Token[]; gold: number[] }> = [];
  for (const document of documents) {
    const gold = bioTags(document);
    let offset = 0;
    for (const line of tokenLines(document)) {
      sentences.push({ tokens: line, gold: gold.slice(offset, offset + line.length).map((t) => index.get(t) ?? 0) });
      offset += line.length;
    }
  }
  const next = seededRandom(options.seed ?? 1);
  const epochs = options.epochs ?? 8;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const { tokens, gold } of sentences) {
      let previous = '<s>';
      let beforePrevious = '<s>';
      tokens.forEach((_, i) => {
        const feats = features(tokens, i, previous, beforePrevious);
        const guess = bestTag(model.scores(feats), tags, previous);
        const truth = gold[i] as number;
        model.update(truth, guess, feats);
        beforePrevious = previous;
        previous = tags[guess] as string;
      });
    }
    // Fisher-Yates with the seeded generator.
    for (let i = sentences.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [sentences[i], sentences[j]] = [sentences[j] as (typeof sentences)[number], sentences[i] as (typeof sentences)[number]];
    }
  }
  return { version: 1, tags, weights: model.averaged() };
}

/**
 * The spans the tagger finds in a document, as candidates (source 'model') whose score is the
 * lowest, over the span's tokens, of the chosen tag's softmax share: a rough confidence.
 */
export function tagDocument(model: TaggerModel, document: TokenizedDocument): Candidate[] {
  const { tags, weights } = model;
  const out: Candidate[] = [];
  for (const line of tokenLines(document)) {
    let previous = '<s>';
    let beforePrevious = '<s>';
    let open: Candidate | null = null;
    const close = () => {
      if (open) out.push(open);
      open = null;
    };
    line.forEach((token, i) => {
      const scores = new Float64Array(tags.length);
      for (const f of features(line, i, previous, beforePrevious)) {
        const w = weights[f];
        if (w) for (let t = 0; t < tags.length; t++) scores[t] = (scores[t] as number) + (w[t] ?? 0);
      }
      const best = bestTag(scores, tags, previous);
      const tag = tags[best] as string;
      // The chosen tag's share among the tags allowed here (best is the highest of them).
      let sum = 0;
      tags.forEach((t, k) => {
        if (allowed(previous, t)) sum += Math.exp((scores[k] as number) - (scores[best] as number));
      });
      const share = 1 / sum;
      if (tag.startsWith('B-')) {
        close();
        open = { documentId: document.id, label: tag.slice(2), start: token.start, end: token.end, source: 'model', score: share };
      } else if (tag.startsWith('I-') && open) {
        const current: Candidate = open;
        current.end = token.end;
        current.score = Math.min(current.score ?? 1, share);
      } else close();
      beforePrevious = previous;
      previous = tag;
    });
    close();
  }
  return out.map((c) => ({ ...c, score: Math.round((c.score ?? 0) * 1000) / 1000 }));
}
