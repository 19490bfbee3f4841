// The label schema a new project starts with: six entity labels and one claim label.
import type { Label, LabelSchema } from './domain';

export const DEFAULT_LABELS: readonly Label[] = [
  { name: 'PERSON', layer: 'entity', color: '#f4a3a3', hotkey: 'p', description: 'People, real or fictional' },
  { name: 'ORG', layer: 'entity', color: '#9cc9f5', hotkey: 'o', description: 'Companies, agencies, institutions' },
  { name: 'LOC', layer: 'entity', color: '#a8e0a0', hotkey: 'l', description: 'Places: countries, cities, regions' },
  { name: 'DATE', layer: 'entity', color: '#f7d77e', hotkey: 'd', description: 'Dates and times' },
  { name: 'QUANTITY', layer: 'entity', color: '#d5b8f2', hotkey: 'q', description: 'Numbers with units, amounts, percentages' },
  { name: 'EVENT', layer: 'entity', color: '#f6bf8e', hotkey: 'e', description: 'Named events' },
  { name: 'CLAIM', layer: 'claim', color: '#d0342c', hotkey: 'c', description: 'A factual statement worth checking' },
];

export function defaultSchema(): LabelSchema {
  return { labels: DEFAULT_LABELS.map((label) => ({ ...label })) };
}

/** Colours offered to labels added later (e.g. unknown labels found by an import). */
export const EXTRA_LABEL_COLORS: readonly string[] = [
  '#8fd3c8', '#f2a7d0', '#c2d97a', '#b3b3f5', '#e6c29a', '#9fd0e8', '#f0b3a0', '#c9c9c9',
];
