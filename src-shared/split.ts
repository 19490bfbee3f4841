// Train/dev/test splits by document: reproducible from a seed, never one document in two
// splits, optionally stratified so that each label-presence group is split in proportion.
import { seededRandom, shuffled } from './seeded-random';

export type SplitName = 'train' | 'dev' | 'test';

export const SPLIT_NAMES: readonly SplitName[] = ['train', 'dev', 'test'];

export interface SplitRatios {
  train: number;
  dev: number;
  test: number;
}

export interface SplitInput {
  id: string;
  /** Labels present in the document (for stratifying). */
  labels: readonly string[];
}

export function checkRatios(ratios: SplitRatios): string | null {
  const values = SPLIT_NAMES.map((n) => ratios[n]);
  if (values.some((v) => !Number.isFinite(v) || v < 0)) return 'Split ratios must be zero or more.';
  if (values.reduce((a, b) => a + b, 0) <= 0) return 'At least one split ratio must be above zero.';
  return null;
}

/**
 * Assigns every document to one split. Documents are ordered by id before shuffling, so the
 * result depends only on the ids, their labels, the ratios and the seed — not on input order.
 * Documents are dealt in turn to the split furthest below its share, so sizes follow the
 * ratios as closely as whole documents allow. Stratifying deals the documents stratum by
 * stratum (each shuffled), so every label-presence group is spread in proportion too.
 */
export function splitDocuments(documents: readonly SplitInput[], ratios: SplitRatios, seed: number, stratify: boolean): Map<string, SplitName> {
  const problem = checkRatios(ratios);
  if (problem) throw new RangeError(problem);
  const total = SPLIT_NAMES.reduce((sum, n) => sum + ratios[n], 0);
  const share = (n: SplitName) => ratios[n] / total;
  const random = seededRandom(seed);
  const ordered = [...documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const groups = new Map<string, SplitInput[]>();
  for (const doc of ordered) {
    const key = stratify ? [...new Set(doc.labels)].sort().join('\u0000') : '';
    const group = groups.get(key);
    if (group) group.push(doc);
    else groups.set(key, [doc]);
  }
  const result = new Map<string, SplitName>();
  const dealt: Record<SplitName, number> = { train: 0, dev: 0, test: 0 };
  let count = 0;
  for (const key of [...groups.keys()].sort()) {
    for (const doc of shuffled(groups.get(key) ?? [], random)) {
      // The split furthest below its share so far; ties go to train, then dev, then test.
      let best: SplitName = 'train';
      let bestDeficit = -Infinity;
      for (const name of SPLIT_NAMES) {
        if (ratios[name] === 0) continue;
        const deficit = share(name) * (count + 1) - dealt[name];
        if (deficit > bestDeficit + 1e-9) {
          best = name;
          bestDeficit = deficit;
        }
      }
      dealt[best]++;
      count++;
      result.set(doc.id, best);
    }
  }
  return result;
}
