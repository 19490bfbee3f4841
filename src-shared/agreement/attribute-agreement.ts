// Agreement on span attribute values: Cohen's kappa per label and attribute, over spans two annotators both marked.
import { LAYERS, type AttributeValue, type LayerId } from '../domain';
import { cohenKappa } from './cohen-kappa';
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
  const groups = new Map<string, { layer: LayerId; label: string; pairs: MatchedAttributes[] }>();
  for (const pair of pairs) {
    const key = `${pair.layer}\u0000${pair.label}`;
    const group = groups.get(key);
    if (group) group.pairs.push(pair);
    else groups.set(key, { layer: pair.layer, label: pair.label, pairs: [pair] });
  }
  const result: AttributeKappa[] = [];
  for (const group of groups.values()) {
    const names = new Map<string, { multiple: boolean; values: Set<string> }>();
    for (const pair of group.pairs) {
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
      const a: string[] = [];
      const b: string[] = [];
      if (multiple) {
        const universe = [...values].sort(compareText);
        for (const pair of group.pairs) {
          const chosenA = new Set(choices(valueOf(pair.reference, name)));
          const chosenB = new Set(choices(valueOf(pair.candidate, name)));
          for (const value of universe) {
            a.push(chosenA.has(value) ? YES : NO);
            b.push(chosenB.has(value) ? YES : NO);
          }
        }
      } else {
        for (const pair of group.pairs) {
          a.push(rating(valueOf(pair.reference, name)));
          b.push(rating(valueOf(pair.candidate, name)));
        }
      }
      const kappa = cohenKappa(a, b);
      result.push({
        layer: group.layer,
        label: group.label,
        attribute: name,
        multiple,
        kappa: kappa.kappa,
        observed: kappa.observed,
        expected: kappa.expected,
        spans: group.pairs.length,
        items: kappa.items,
      });
    }
  }
  return result.sort(
    (x, y) => LAYERS.indexOf(x.layer) - LAYERS.indexOf(y.layer) || compareText(x.label, y.label) || compareText(x.attribute, y.attribute),
  );
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
