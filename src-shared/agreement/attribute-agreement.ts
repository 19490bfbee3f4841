// Agreement on span attribute values: Cohen's kappa per label and attribute, over spans two annotators both marked.
import { LAYERS, type AttributeValue, type LayerId } from '../domain';
import { LabelPairTable } from './label-pair-table';
import { compareText, type SpanMatching } from './span-matching';
import type { AgreementSpan } from './types';

/** The attribute values of one pair of matched spans (same layer and label on both sides). */
export interface MatchedAttributes {
  layer: LayerId;
  label: string;
  reference: Readonly<Record<string, AttributeValue>>;
  candidate: Readonly<Record<string, AttributeValue>>;
}

export interface AttributeKappa {
  layer: LayerId;
  label: string;
  attribute: string;
  /** Multiple choice: compared value by value (each value of each span pair a yes/no item). */
  multiple: boolean;
  /** Null when there are no items. */
  kappa: number | null;
  observed: number;
  expected: number;
  /** Matched span pairs of the label. */
  spans: number;
  /** Items the kappa counts: `spans`, or `spans` x values for multiple choice. */
  items: number;
}

/** The attribute values of every span pair a matching paired (use an exact matching: same label and position). */
export function matchedAttributes(
  reference: readonly AgreementSpan[],
  candidate: readonly AgreementSpan[],
  matching: SpanMatching,
): MatchedAttributes[] {
  return matching.pairs.map(([r, c]) => {
    const a = reference[r] as AgreementSpan;
    const b = candidate[c] as AgreementSpan;
    return { layer: a.layer, label: a.label, reference: a.attributes ?? {}, candidate: b.attributes ?? {} };
  });
}

/** The rating of a span that has no value for an attribute: compared like any value. */
const UNSET = '\u0000unset';
const YES = 'yes';
const NO = 'no';

/**
 * Cohen's kappa for every (layer, label, attribute) that has a value on some span of `pairs`.
 * Each matched span pair of the label is an item, also where neither side set the attribute:
 * "not set" is a value of its own, so one annotator setting `checkworthy` and the other not is
 * a disagreement. Empty text and an empty list count as not set. Values are compared as they
 * are (numbers exactly, `1` and `"1"` differ). An attribute with a list value anywhere is
 * multiple choice: every value used in the label's spans makes one yes/no item per span pair
 * (did this annotator choose it?), and one kappa pools those items.
 */
export function attributeKappas(pairs: readonly MatchedAttributes[]): AttributeKappa[] {
  const tally = new AttributeTally();
  tally.add(pairs);
  return tally.kappas();
}

/** A label's matched span pairs in order; a number stands for that many pairs in a row with no value set on either side. */
interface LabelPairs {
  layer: LayerId;
  label: string;
  entries: Array<MatchedAttributes | number>;
  pairs: number;
}

/**
 * attributeKappas of span pairs added a document at a time: a pair with attribute values is
 * kept, a run of pairs without any is only counted (most spans have none), and the kappas are
 * those of all the pairs at once.
 */
export class AttributeTally {
  private readonly groups = new Map<string, LabelPairs>();

  add(pairs: readonly MatchedAttributes[]): void {
    for (const pair of pairs) {
      const key = `${pair.layer}\u0000${pair.label}`;
      let group = this.groups.get(key);
      if (!group) {
        group = { layer: pair.layer, label: pair.label, entries: [], pairs: 0 };
        this.groups.set(key, group);
      }
      group.pairs++;
      if (hasValue(pair.reference) || hasValue(pair.candidate)) {
        group.entries.push(pair);
        continue;
      }
      const last = group.entries.length - 1;
      const run = group.entries[last];
      if (typeof run === 'number') group.entries[last] = run + 1;
      else group.entries.push(1);
    }
  }

  /** Another tally's pairs after this one's. */
  addTally(other: AttributeTally): void {
    for (const [key, from] of other.groups) {
      let group = this.groups.get(key);
      if (!group) {
        group = { layer: from.layer, label: from.label, entries: [], pairs: 0 };
        this.groups.set(key, group);
      }
      group.pairs += from.pairs;
      for (const entry of from.entries) {
        const last = group.entries.length - 1;
        const run = group.entries[last];
        if (typeof entry === 'number' && typeof run === 'number') group.entries[last] = run + entry;
        else group.entries.push(entry);
      }
    }
  }

  kappas(): AttributeKappa[] {
    const result: AttributeKappa[] = [];
    for (const group of this.groups.values()) {
      const names = new Map<string, { multiple: boolean; values: Set<string> }>();
      for (const pair of group.entries) {
        if (typeof pair === 'number') continue;
        for (const side of [pair.reference, pair.candidate]) {
          for (const [name, value] of Object.entries(side)) {
            if (!isSet(value)) continue;
            let found = names.get(name);
            if (!found) {
              found = { multiple: false, values: new Set() };
              names.set(name, found);
            }
            if (Array.isArray(value)) found.multiple = true;
            for (const item of choices(value)) found.values.add(item);
          }
        }
      }
      for (const [name, { multiple, values }] of names) {
        const table = new LabelPairTable();
        if (multiple) {
          const universe = [...values].sort(compareText);
          for (const pair of group.entries) {
            if (typeof pair === 'number') {
              table.add(NO, NO, pair * universe.length);
              continue;
            }
            const chosenA = new Set(choices(valueOf(pair.reference, name)));
            const chosenB = new Set(choices(valueOf(pair.candidate, name)));
            for (const value of universe) table.add(chosenA.has(value) ? YES : NO, chosenB.has(value) ? YES : NO);
          }
        } else {
          for (const pair of group.entries) {
            if (typeof pair === 'number') table.add(UNSET, UNSET, pair);
            else table.add(rating(valueOf(pair.reference, name)), rating(valueOf(pair.candidate, name)));
          }
        }
        const kappa = table.kappa();
        result.push({
          layer: group.layer,
          label: group.label,
          attribute: name,
          multiple,
          kappa: kappa.kappa,
          observed: kappa.observed,
          expected: kappa.expected,
          spans: group.pairs,
          items: kappa.items,
        });
      }
    }
    return result.sort(
      (x, y) => LAYERS.indexOf(x.layer) - LAYERS.indexOf(y.layer) || compareText(x.label, y.label) || compareText(x.attribute, y.attribute),
    );
  }
}

/** Whether a span has some attribute value set (else it rates "not set" for every attribute). */
function hasValue(attributes: Readonly<Record<string, AttributeValue>>): boolean {
  return Object.values(attributes).some(isSet);
}

function valueOf(attributes: Readonly<Record<string, AttributeValue>>, name: string): AttributeValue | undefined {
  return Object.hasOwn(attributes, name) ? attributes[name] : undefined;
}

function isSet(value: AttributeValue | undefined): value is AttributeValue {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}

function rating(value: AttributeValue | undefined): string {
  return isSet(value) ? JSON.stringify(value) : UNSET;
}

/** The chosen values of a multiple-choice attribute; a single value counts as a list of one. */
function choices(value: AttributeValue | undefined): string[] {
  if (!isSet(value)) return [];
  const list: readonly unknown[] = Array.isArray(value) ? value : [value];
  return list.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
}
