// Attribute agreement: Cohen's kappa per label and attribute over exactly matched spans, multiple choice value by value.
import { describe, expect, it } from 'vitest';
import { attributeKappas, matchedAttributes, type MatchedAttributes } from '../../../src-shared/agreement/attribute-agreement';
import { matchSpans } from '../../../src-shared/agreement/span-matching';
import type { AgreementSpan } from '../../../src-shared/agreement/types';
import type { AttributeValue } from '../../../src-shared/domain';

function span(label: string, start: number, end: number, attributes?: Record<string, AttributeValue>): AgreementSpan {
  const result: AgreementSpan = { documentId: 'd1', layer: 'entity', label, start, end };
  if (attributes) result.attributes = attributes;
  return result;
}

// 'Ada Lovelace met Charles Babbage in London.': four PER spans both annotators marked alike.
const ANN = [
  span('PER', 0, 3, { checked: 'yes', roles: ['author'] }),
  span('PER', 4, 12, { checked: 'yes', roles: ['author', 'scientist'] }),
  span('PER', 17, 24, { checked: 'no', roles: [] }),
  span('PER', 25, 32), // nothing set
  span('LOC', 36, 42, { checked: 'yes' }), // bob has no London: not an item
];
const BOB = [
  span('PER', 0, 3, { checked: 'yes', roles: ['author'] }),
  span('PER', 4, 12, { checked: 'no', roles: ['scientist'] }),
  span('PER', 17, 24, { checked: 'no' }),
  span('PER', 25, 32, { checked: 'no', roles: ['scientist'] }),
  span('PER', 36, 40, { checked: 'no' }), // overlaps London but is no exact match: not an item
];

describe('attributeKappas', () => {
  const pairs = matchedAttributes(ANN, BOB, matchSpans(ANN, BOB, 'exact'));
  const [checked, roles] = attributeKappas(pairs);

  it('takes the spans matched exactly, with their values', () => {
    expect(pairs).toHaveLength(4);
    expect(pairs[3]).toEqual({ layer: 'entity', label: 'PER', reference: {}, candidate: { checked: 'no', roles: ['scientist'] } });
  });

  it('single choice: "not set" is a value of its own', () => {
    // ann: yes, yes, no, (unset); bob: yes, no, no, no. Agree on 1 and 3: po = 2/4.
    // ann: yes 2, no 1, unset 1; bob: yes 1, no 3. pe = (2*1 + 1*3 + 1*0)/16 = 5/16.
    // kappa = (8/16 - 5/16)/(16/16 - 5/16) = 3/11.
    expect(checked).toMatchObject({
      layer: 'entity',
      label: 'PER',
      attribute: 'checked',
      multiple: false,
      spans: 4,
      items: 4,
      observed: 0.5,
      expected: 5 / 16,
    });
    expect(checked?.kappa).toBeCloseTo(3 / 11, 12);
  });

  it('multiple choice: each value used is a yes/no item per span pair', () => {
    // Values author, scientist; 4 pairs x 2 values = 8 items (ann / bob):
    //   pair 1: author Y/Y, scientist N/N;  pair 2: author Y/N, scientist Y/Y;
    //   pair 3: N/N, N/N ([] and unset are both "none");  pair 4: N/N, scientist N/Y.
    // Agree on 6 of 8: po = 6/8. ann yes 3, no 5; bob yes 3, no 5: pe = (9 + 25)/64 = 34/64.
    // kappa = (48/64 - 34/64)/(64/64 - 34/64) = 14/30 = 7/15.
    expect(roles).toMatchObject({ attribute: 'roles', multiple: true, spans: 4, items: 8, observed: 6 / 8, expected: 34 / 64 });
    expect(roles?.kappa).toBeCloseTo(7 / 15, 12);
  });

  it('reports nothing for labels whose matched spans have no values', () => {
    const plain = [span('PER', 0, 3), span('LOC', 36, 42, { kb_id: '' })];
    expect(attributeKappas(matchedAttributes(plain, plain, matchSpans(plain, plain, 'exact')))).toEqual([]);
  });

  it('compares values as they are: 1 and "1" differ, equal numbers agree', () => {
    const pair = (a: AttributeValue, b: AttributeValue): MatchedAttributes => ({
      layer: 'claim',
      label: 'CLAIM',
      reference: { n: a },
      candidate: { n: b },
    });
    // Items (1, "1") and (2, 2): po = 1/2; ann 1 and 2, bob "1" and 2: pe = (1/2)(1/2) = 1/4; kappa = (1/4)/(3/4) = 1/3.
    const [n] = attributeKappas([pair(1, '1'), pair(2, 2)]);
    expect(n?.kappa).toBeCloseTo(1 / 3, 12);
  });

  it('orders by layer, label and attribute, and copes with names like "constructor"', () => {
    const items: MatchedAttributes[] = [
      { layer: 'claim', label: 'CLAIM', reference: { constructor: 'x' }, candidate: { constructor: 'x' } },
      { layer: 'entity', label: 'PER', reference: { b: true }, candidate: { b: true, a: 'q' } },
    ];
    expect(attributeKappas(items).map((item) => [item.layer, item.label, item.attribute, item.kappa])).toEqual([
      ['entity', 'PER', 'a', 0], // one item, ann unset and bob "q": po 0, pe 0
      ['entity', 'PER', 'b', 1],
      ['claim', 'CLAIM', 'constructor', 1],
    ]);
  });
});
