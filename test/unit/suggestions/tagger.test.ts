// The averaged-perceptron tagger: BIO tags from spans, learning names from context on a small
// made-up corpus, precision and recall on a held-out fifth, repeatable and plain JSON.
import { describe, expect, it } from 'vitest';
import { tokenizedDocument } from '../../../src-shared/suggestions/candidates';
import { holdOutFifth, scoreSpans, trainAndEvaluate } from '../../../src-shared/suggestions/evaluation';
import { bioTags, tagDocument, trainTagger, type TrainingDocument } from '../../../src-shared/suggestions/tagger';

const FIRST = ['Ana', 'Garry', 'Marie', 'Jean', 'Rosa', 'Paul', 'Lucia', 'Omar', 'Ines', 'Tomas', 'Nadia', 'Pierre'];
const LAST = ['Lima', 'Conille', 'Duval', 'Baptiste', 'Silva', 'Moreau', 'Costa', 'Haddad', 'Reyes', 'Novak'];
const CITIES = ['Paris', 'Lagos', 'Lima', 'Quito', 'Hanoi', 'Dakar', 'Oslo', 'Cairo', 'Jakarta', 'Manila'];
const FRAMES = [
  (p: string, c: string) => `Yesterday ${p} arrived in ${c} for talks.`,
  (p: string, c: string) => `In ${c}, minister ${p} said the port was closed.`,
  (p: string, c: string) => `Officials in ${c} met ${p} on Monday.`,
  (p: string, c: string) => `${p} left ${c} after the storm.`,
];

/** A made-up news corpus: each sentence names a person (PERSON) and a city (GPE). */
function corpus(count: number): TrainingDocument[] {
  const docs: TrainingDocument[] = [];
  for (let d = 0; d < count; d++) {
    let text = '';
    const spans: TrainingDocument['spans'][number][] = [];
    for (let s = 0; s < 4; s++) {
      const k = d * 4 + s;
      const person = `${FIRST[(k * 7) % FIRST.length]} ${LAST[(k * 3) % LAST.length]}`;
      const city = CITIES[(k * 5 + d) % CITIES.length] as string;
      const sentence = (FRAMES[k % FRAMES.length] as (typeof FRAMES)[number])(person, city);
      const base = text.length;
      spans.push({ label: 'PERSON', start: base + sentence.indexOf(person), end: base + sentence.indexOf(person) + person.length });
      spans.push({ label: 'GPE', start: base + sentence.indexOf(city), end: base + sentence.indexOf(city) + city.length });
      text += `${sentence}\n`;
    }
    docs.push({ ...tokenizedDocument(`doc-${d}`, text), spans });
  }
  return docs;
}

describe('BIO tags', () => {
  it('mark the first token of a span B and the rest I; tokens only partly inside stay O', () => {
    const text = 'Garry Conille met Ana in Port au Prince.';
    const doc = {
      ...tokenizedDocument('d', text),
      spans: [
        { label: 'PERSON', start: 0, end: 13 },
        { label: 'GPE', start: 25, end: 39 },
        { label: 'PERSON', start: 18, end: 20 },
      ],
    };
    expect(bioTags(doc)).toEqual(['B-PERSON', 'I-PERSON', 'O', 'O', 'O', 'B-GPE', 'I-GPE', 'I-GPE', 'O']);
  });
});

describe('the tagger', () => {
  it('learns names from context and scores well on the held-out fifth', () => {
    const done = corpus(30);
    const { model, evaluation } = trainAndEvaluate(done);
    expect(evaluation.heldOutDocuments).toBe(6);
    expect(evaluation.trainingDocuments).toBe(24);
    expect(evaluation.overall.precision).toBeGreaterThan(0.9);
    expect(evaluation.overall.recall).toBeGreaterThan(0.9);
    expect(Object.keys(evaluation.byLabel)).toEqual(['GPE', 'PERSON']);
    // A person it never saw, in a frame it knows.
    const text = 'Yesterday Zora Okafor arrived in Lagos for talks.';
    const found = tagDocument(model, tokenizedDocument('new', text)).map((c) => [c.label, text.slice(c.start, c.end)]);
    expect(found).toContainEqual(['GPE', 'Lagos']);
    expect(found).toContainEqual(['PERSON', 'Zora Okafor']);
  });

  it('is repeatable and survives being sent as JSON (to and from a worker)', () => {
    const done = corpus(8);
    const a = trainTagger(done, { seed: 3 });
    const b = trainTagger(done, { seed: 3 });
    expect(a).toEqual(b);
    const copy = JSON.parse(JSON.stringify(a)) as typeof a;
    const doc = done[0] as TrainingDocument;
    expect(tagDocument(copy, doc)).toEqual(tagDocument(a, doc));
    for (const c of tagDocument(a, doc)) expect(c.score).toBeGreaterThan(0);
  });

  it('with no training data suggests nothing', () => {
    const model = trainTagger([]);
    expect(tagDocument(model, tokenizedDocument('d', 'Ana met Ben.'))).toEqual([]);
  });
});

describe('held-out fifth and scores', () => {
  it('holds out a fifth (rounded up) chosen by id, none of fewer than two', () => {
    const docs = Array.from({ length: 11 }, (_, i) => ({ id: `d${i}` }));
    const { training, heldOut } = holdOutFifth(docs);
    expect(heldOut).toHaveLength(3);
    expect(training).toHaveLength(8);
    expect(
      holdOutFifth([...docs].reverse())
        .heldOut.map((d) => d.id)
        .sort(),
    ).toEqual(heldOut.map((d) => d.id).sort());
    expect(holdOutFifth([{ id: 'x' }]).heldOut).toEqual([]);
  });

  it('counts exact label and edges only', () => {
    const c = (label: string, start: number, end: number) => ({ documentId: 'd', label, start, end, source: 'model' as const });
    const result = scoreSpans([
      {
        predicted: [c('A', 0, 3), c('A', 4, 6), c('B', 8, 9)],
        expected: [
          { label: 'A', start: 0, end: 3 },
          { label: 'B', start: 7, end: 9 },
        ],
      },
    ]);
    expect(result.overall).toMatchObject({ correct: 1, predicted: 3, expected: 2 });
    expect(result.overall.precision).toBeCloseTo(1 / 3);
    expect(result.overall.recall).toBeCloseTo(1 / 2);
    expect(result.byLabel['B']).toMatchObject({ correct: 0, precision: 0, recall: 0 });
  });
});
