// Agreement on document labels: Cohen's kappa per category for every pair, Fleiss' kappa and Krippendorff's alpha for all.
import { cohenKappa } from './cohen-kappa';
import { fleissKappa } from './fleiss-kappa';
import { krippendorffAlpha } from './krippendorff-alpha';
import { compareText } from './span-matching';

export interface CategoryKappa {
  category: string;
  /** Multiple choice: compared value by value (each value of each document a yes/no item). */
  multiple: boolean;
  /** Null when there are no items. */
  kappa: number | null;
  observed: number;
  expected: number;
  documents: number;
  /** Items the kappa counts: `documents`, or `documents` x values for multiple choice. */
  items: number;
}

export interface DocumentLabelPair {
  reference: string;
  candidate: string;
  categories: CategoryKappa[];
}

export interface CategoryGroupAgreement {
  category: string;
  multiple: boolean;
  fleissKappa: number | null;
  krippendorffAlpha: number | null;
  documents: number;
  items: number;
}

export interface DocumentLabelAgreement {
  /** Every pair (i, j), i before j in the annotator order; empty with fewer than two annotators. */
  pairs: DocumentLabelPair[];
  /** One entry per category; empty with fewer than two annotators. */
  overall: CategoryGroupAgreement[];
}

/** What is known of a category from the schema; categories not listed are inferred from the values. */
export interface CategoryKind {
  name: string;
  multiple: boolean;
}

const NONE = '\u0000none';
const YES = 'yes';
const NO = 'no';

/**
 * Compares document labels. `labels[a]` maps document ids to annotator a's chosen values by
 * category; every listed document counts for every annotator (no labels: nothing chosen).
 * Only categories someone used on these documents are reported. A single-choice category
 * rates each document with its value or "none" (nothing chosen is a rating, so one annotator
 * choosing a topic and the other not is a disagreement); a multiple-choice category makes
 * one yes/no item per document and value used. A category not in `kinds` is multiple choice
 * when some document has two or more of its values.
 */
export function documentLabelAgreement(
  documentIds: readonly string[],
  annotators: readonly string[],
  labels: ReadonlyArray<ReadonlyMap<string, Readonly<Record<string, readonly string[]>>>>,
  kinds: readonly CategoryKind[] = [],
): DocumentLabelAgreement {
  if (annotators.length < 2) return { pairs: [], overall: [] };
  const declared = new Map(kinds.map((kind) => [kind.name, kind.multiple]));
  const categories = new Map<string, { multiple: boolean; values: Set<string> }>();
  for (const byDocument of labels) {
    for (const id of documentIds) {
      const chosen = byDocument.get(id);
      if (!chosen) continue;
      for (const [category, values] of Object.entries(chosen)) {
        if (!Array.isArray(values) || values.length === 0) continue;
        let found = categories.get(category);
        if (!found) {
          found = { multiple: declared.get(category) ?? false, values: new Set() };
          categories.set(category, found);
        }
        if (values.length > 1 && !declared.has(category)) found.multiple = true;
        for (const value of values) found.values.add(value);
      }
    }
  }

  // ratings[c][a][item] for category c in name order.
  const names = [...categories.keys()].sort(compareText);
  const ratings = names.map((name) => {
    const { multiple, values } = categories.get(name) as { multiple: boolean; values: Set<string> };
    const universe = [...values].sort(compareText);
    return labels.map((byDocument) =>
      documentIds.flatMap((id) => {
        const chosen = chosenValues(byDocument.get(id), name);
        if (multiple) return universe.map((value) => (chosen.includes(value) ? YES : NO));
        // Two values in a category the schema says is single choice: rated as that combination.
        return [chosen.length === 0 ? NONE : [...chosen].sort(compareText).join('\u0000')];
      }),
    );
  });

  const pairs: DocumentLabelPair[] = [];
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      pairs.push({
        reference: annotators[i] as string,
        candidate: annotators[j] as string,
        categories: names.map((category, c) => {
          const result = cohenKappa(ratings[c]?.[i] ?? [], ratings[c]?.[j] ?? []);
          const multiple = categories.get(category)?.multiple ?? false;
          return {
            category,
            multiple,
            kappa: result.kappa,
            observed: result.observed,
            expected: result.expected,
            documents: documentIds.length,
            items: result.items,
          };
        }),
      });
    }
  }
  const overall = names.map((category, c): CategoryGroupAgreement => {
    const byAnnotator = ratings[c] ?? [];
    const items = byAnnotator[0]?.length ?? 0;
    const units = Array.from({ length: items }, (_, t) => byAnnotator.map((list) => list[t] ?? NONE));
    return {
      category,
      multiple: categories.get(category)?.multiple ?? false,
      fleissKappa: fleissKappa(units).kappa,
      krippendorffAlpha: krippendorffAlpha(units).alpha,
      documents: documentIds.length,
      items,
    };
  });
  return { pairs, overall };
}

function chosenValues(chosen: Readonly<Record<string, readonly string[]>> | undefined, category: string): readonly string[] {
  if (!chosen || !Object.hasOwn(chosen, category)) return [];
  const values = chosen[category];
  return Array.isArray(values) ? values : [];
}
