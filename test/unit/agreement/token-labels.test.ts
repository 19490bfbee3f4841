// Token labels per layer (partial cover counts, shortest span wins) and the confusion matrices.
import { describe, expect, it } from 'vitest';
import { spanConfusionMatrix, sumConfusionMatrices, tokenConfusionMatrix } from '../../../src-shared/agreement/confusion-matrix';
import { tokenLabels } from '../../../src-shared/agreement/token-labels';
import type { AgreementSpan } from '../../../src-shared/agreement/types';
import type { LayerId } from '../../../src-shared/domain';
import { tokenize } from '../../../src-shared/segmentation';

const TEXT = 'Ada Lovelace met Charles Babbage in London.';

function at(part: string, label: string, layer: LayerId = 'entity'): AgreementSpan {
  const start = TEXT.indexOf(part);
  if (start < 0) throw new Error(part);
  return { documentId: 'd', layer, label, start, end: start + part.length };
}

describe('tokenLabels', () => {
  const tokens = tokenize(TEXT);

  it('labels a possessive name apart from its ’s, so annotators who agree on Haiti agree on its tokens', () => {
    const text = 'Haiti’s capital is Port-au-Prince.';
    const spans: AgreementSpan[] = [{ documentId: 'd', layer: 'entity', label: 'LOC', start: 0, end: 5 }];
    const possessive = tokenize(text);
    expect(possessive.map((token) => token.text)).toEqual(['Haiti', '’s', 'capital', 'is', 'Port-au-Prince', '.']);
    expect(tokenLabels(possessive, spans, 'entity')).toEqual(['LOC', 'O', 'O', 'O', 'O', 'O']);
  });

  it('labels covered tokens and leaves the rest O (word and punctuation tokens, no spaces)', () => {
    expect(tokens.map((token) => token.text)).toEqual(['Ada', 'Lovelace', 'met', 'Charles', 'Babbage', 'in', 'London', '.']);
    expect(tokenLabels(tokens, [at('Ada Lovelace', 'PER'), at('London', 'LOC')], 'entity')).toEqual(['PER', 'PER', 'O', 'O', 'O', 'O', 'LOC', 'O']);
  });

  it('counts a token covered in part as covered', () => {
    // "velace met Ch" touches Lovelace, met and Charles.
    expect(tokenLabels(tokens, [at('velace met Ch', 'X')], 'entity')).toEqual(['O', 'X', 'X', 'X', 'O', 'O', 'O', 'O']);
  });

  it('gives a token covered by several spans the shortest, then the first label by name', () => {
    const spans = [at('Charles Babbage in London', 'EVENT'), at('Babbage', 'PER'), at('Charles', 'ZED'), at('Charles', 'ABC')];
    expect(tokenLabels(tokens, spans, 'entity')).toEqual(['O', 'O', 'O', 'ABC', 'PER', 'EVENT', 'EVENT', 'O']);
  });

  it('only looks at the asked layer', () => {
    const spans = [at('Ada Lovelace met Charles Babbage', 'claim', 'claim'), at('London', 'LOC')];
    expect(tokenLabels(tokens, spans, 'claim')).toEqual(['claim', 'claim', 'claim', 'claim', 'claim', 'O', 'O', 'O']);
    expect(tokenLabels(tokens, spans, 'entity')).toEqual(['O', 'O', 'O', 'O', 'O', 'O', 'LOC', 'O']);
  });

  it('has nothing to label in a text without tokens', () => {
    expect(tokenLabels([], [at('Ada', 'PER')], 'entity')).toEqual([]);
  });
});

describe('tokenConfusionMatrix', () => {
  it('counts rows of A against columns of B, labels sorted with O last', () => {
    const a = ['PER', 'PER', 'O', 'LOC', 'O'];
    const b = ['PER', 'O', 'O', 'PER', 'ORG'];
    expect(tokenConfusionMatrix(a, b)).toEqual({
      labels: ['LOC', 'ORG', 'PER', 'O'],
      counts: [
        [0, 0, 1, 0], // LOC -> PER
        [0, 0, 0, 0], // ORG never in A
        [0, 0, 1, 1], // PER -> PER, PER -> O
        [0, 1, 0, 1], // O -> ORG, O -> O
      ],
    });
  });

  it('always has the O row, even with no tokens', () => {
    expect(tokenConfusionMatrix([], [])).toEqual({ labels: ['O'], counts: [[0]] });
  });

  it('sums matrices over the union of their labels', () => {
    const one = tokenConfusionMatrix(['PER'], ['O']);
    const two = tokenConfusionMatrix(['LOC', 'O'], ['LOC', 'O']);
    expect(sumConfusionMatrices([one, two], 'O')).toEqual({
      labels: ['LOC', 'PER', 'O'],
      counts: [
        [1, 0, 0],
        [0, 0, 1],
        [0, 0, 1],
      ],
    });
  });
});

describe('spanConfusionMatrix', () => {
  it('pairs spans by overlap whatever their label, with (missing) rows and columns', () => {
    const a = [at('Ada Lovelace', 'PER'), at('Charles Babbage', 'PER'), at('London', 'LOC'), at('met', 'claim', 'claim')];
    const b = [at('Lovelace', 'PER'), at('Charles', 'ORG'), at('in', 'MISC')];
    expect(spanConfusionMatrix(a, b, 'entity')).toEqual({
      labels: ['LOC', 'MISC', 'ORG', 'PER', '(missing)'],
      counts: [
        [0, 0, 0, 0, 1], // LOC London: B has nothing there
        [0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0],
        [0, 0, 1, 1, 0], // PER Ada Lovelace -> PER Lovelace; PER Charles Babbage -> ORG Charles
        [0, 1, 0, 0, 0], // B's MISC "in": A has nothing there
      ],
    });
  });
});
