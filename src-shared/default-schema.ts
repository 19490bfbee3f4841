// The label schema a new project starts with: six entity labels and one claim label, the
// attributes of fact-checking corpora (check-worthiness, claim type, a knowledge-base id),
// attribution relations (a claim's SOURCE, what it is ABOUT) and two document categories.
import type { AttributeDefinition, DocumentCategory, Label, LabelSchema, RelationType } from './domain';

const KB_ID: AttributeDefinition = {
  name: 'kb_id',
  type: 'text',
  values: [],
  required: false,
  description: 'Knowledge-base identifier, e.g. a Wikidata QID (Q790)',
};

const entity = (name: string, color: string, hotkey: string, description: string): Label => ({
  name,
  layer: 'entity',
  color,
  hotkey,
  description,
  attributes: [{ ...KB_ID }],
});

export const DEFAULT_LABELS: readonly Label[] = [
  entity('PERSON', '#f4a3a3', 'p', 'People, real or fictional'),
  entity('ORG', '#9cc9f5', 'o', 'Companies, agencies, institutions'),
  entity('LOC', '#a8e0a0', 'l', 'Places: countries, cities, regions'),
  entity('DATE', '#f7d77e', 'd', 'Dates and times'),
  entity('QUANTITY', '#d5b8f2', 'q', 'Numbers with units, amounts, percentages'),
  entity('EVENT', '#f6bf8e', 'e', 'Named events'),
  {
    name: 'CLAIM',
    layer: 'claim',
    color: '#d0342c',
    hotkey: 'c',
    description: 'A factual statement worth checking',
    attributes: [
      { name: 'checkworthy', type: 'choice', values: ['yes', 'no', 'unsure'], required: true, description: 'Is it worth checking?' },
      { name: 'claim_type', type: 'choice', values: ['statistic', 'quote', 'causal', 'prediction', 'other'], required: false },
    ],
  },
];

export const DEFAULT_RELATION_TYPES: readonly RelationType[] = [
  { name: 'SOURCE', color: '#7a4fd6', hotkey: 's', directed: true, sources: ['CLAIM'], targets: ['PERSON', 'ORG'], description: 'Who made the claim' },
  {
    name: 'ABOUT',
    color: '#2f8f83',
    hotkey: 'a',
    directed: true,
    sources: ['CLAIM'],
    targets: ['PERSON', 'ORG', 'LOC', 'DATE', 'QUANTITY', 'EVENT'],
    description: 'An entity the claim is about',
  },
];

export const DEFAULT_DOCUMENT_CATEGORIES: readonly DocumentCategory[] = [
  {
    name: 'topic',
    multiple: true,
    values: ['politics', 'economy', 'health', 'migration', 'disaster', 'crime', 'other'].map((name) => ({ name, hotkey: '' })),
  },
  {
    name: 'misinformation risk',
    multiple: false,
    values: [
      { name: 'low', hotkey: '' },
      { name: 'medium', hotkey: '' },
      { name: 'high', hotkey: '' },
    ],
  },
];

export function defaultSchema(): LabelSchema {
  // A deep copy: a project's schema is edited in place by nobody, but shared defaults must never be.
  return JSON.parse(
    JSON.stringify({ labels: DEFAULT_LABELS, relationTypes: DEFAULT_RELATION_TYPES, documentCategories: DEFAULT_DOCUMENT_CATEGORIES }),
  ) as LabelSchema;
}

/** Colours offered to labels added later (e.g. unknown labels found by an import). */
export const EXTRA_LABEL_COLORS: readonly string[] = [
  '#8fd3c8', '#f2a7d0', '#c2d97a', '#b3b3f5', '#e6c29a', '#9fd0e8', '#f0b3a0', '#c9c9c9',
];
