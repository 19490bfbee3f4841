import { describe, expect, it } from 'vitest';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { AttributeDefinition, DocumentCategory, Label, LabelSchema, RelationType } from '../../../src-shared/domain';
import {
  attributeProblem,
  documentCategoryProblem,
  findLabelByHotkey,
  hotkeyProblem,
  hotkeysInUse,
  labelForImportedName,
  labelProblem,
  relationTypeProblem,
  RESERVED_HOTKEYS,
} from '../../../src-shared/schema-rules';

describe('label schema rules', () => {
  const schema = defaultSchema();

  it('accepts a new distinct label', () => {
    expect(labelProblem(schema, { name: 'GPE', layer: 'entity', color: '#123456', hotkey: 'g' })).toBeNull();
  });

  it('refuses duplicates, bad colours, clashing and long hotkeys', () => {
    expect(labelProblem(schema, { name: 'person', layer: 'entity', color: '#123456', hotkey: '' })).toMatch(/already a label/);
    expect(labelProblem(schema, { name: 'GPE', layer: 'entity', color: 'red', hotkey: '' })).toMatch(/colour/);
    expect(labelProblem(schema, { name: 'GPE', layer: 'entity', color: '#123456', hotkey: 'P' })).toBe(
      'Hotkey P is already used by PERSON.',
    );
    expect(labelProblem(schema, { name: 'GPE', layer: 'entity', color: '#123456', hotkey: 'gg' })).toMatch(/one letter or digit/);
    expect(labelProblem(schema, { name: ' GPE', layer: 'entity', color: '#123456', hotkey: '' })).toMatch(/spaces/);
    expect(labelProblem(schema, { name: 'A"B', layer: 'entity', color: '#123456', hotkey: '' })).toMatch(/quotes/);
  });

  it('lets a label keep its own name and hotkey when edited', () => {
    const person = schema.labels[0]!;
    expect(labelProblem(schema, { ...person, color: '#000000' }, 'PERSON')).toBeNull();
  });

  it('finds labels by hotkey regardless of case', () => {
    expect(findLabelByHotkey(schema, 'C')?.name).toBe('CLAIM');
    expect(findLabelByHotkey(schema, 'z')).toBeUndefined();
  });

  it('gives imported labels an unused colour and no hotkey', () => {
    const label = labelForImportedName(schema, 'GPE', 'entity');
    expect(label.hotkey).toBe('');
    expect(schema.labels.map((l) => l.color)).not.toContain(label.color);
  });
});

describe('hotkeys across the schema', () => {
  const schema = defaultSchema();
  const withValueKey = (): LabelSchema => ({
    ...schema,
    documentCategories: schema.documentCategories.map((c) =>
      c.name === 'misinformation risk' ? { ...c, values: c.values.map((v) => (v.name === 'high' ? { ...v, hotkey: 'h' } : v)) } : c,
    ),
  });

  it('refuses the keys the app keeps, saying what they do', () => {
    expect(hotkeyProblem(schema, 'n')).toBe('Hotkey n is kept for the next review item.');
    expect(hotkeyProblem(schema, 'B')).toBe('Hotkey B is kept for the previous review item.');
    expect(hotkeyProblem(schema, 'x')).toBe('Hotkey x is kept for rejecting a review item.');
    expect(hotkeyProblem(schema, '7')).toBe('Hotkey 7 is kept for accepting a version in review.');
    expect(hotkeyProblem(schema, 'r')).toBe('Hotkey r is kept for starting a relation.');
    // Brackets, Enter and Escape are not letters or digits, so never a hotkey at all.
    expect(hotkeyProblem(schema, '[')).toBe('A hotkey is one letter or digit.');
    expect(hotkeyProblem(schema, 'Enter')).toBe('A hotkey is one letter or digit.');
    expect(hotkeyProblem(schema, 'Escape')).toBe('A hotkey is one letter or digit.');
    expect(RESERVED_HOTKEYS.has(']')).toBe(true);
    expect(hotkeyProblem(schema, '0')).toBeNull();
    expect(hotkeyProblem(schema, '')).toBeNull();
  });

  it('names the label, relation type or category value a key clashes with', () => {
    expect(hotkeyProblem(schema, 'P')).toBe('Hotkey P is already used by PERSON.');
    expect(hotkeyProblem(schema, 's')).toBe('Hotkey s is already used by the relation type SOURCE.');
    expect(hotkeyProblem(withValueKey(), 'h')).toBe('Hotkey h is already used by high in the category misinformation risk.');
    expect(hotkeysInUse(withValueKey()).map((u) => u.key)).toEqual(['p', 'o', 'l', 'd', 'q', 'e', 'c', 's', 'a', 'h']);
  });

  it('applies the same keys to labels, relation types and category values', () => {
    const label: Label = { name: 'GPE', layer: 'entity', color: '#123456', hotkey: 'a' };
    expect(labelProblem(schema, label)).toBe('Hotkey a is already used by the relation type ABOUT.');
    expect(labelProblem(withValueKey(), { ...label, hotkey: 'h' })).toBe(
      'Hotkey h is already used by high in the category misinformation risk.',
    );
    expect(labelProblem(schema, { ...label, hotkey: 'n' })).toBe('Hotkey n is kept for the next review item.');
    const type: RelationType = { name: 'BASED_IN', color: '#123456', hotkey: 'o', directed: true, sources: ['ORG'], targets: ['LOC'] };
    expect(relationTypeProblem(schema, type)).toBe('Hotkey o is already used by ORG.');
    const category: DocumentCategory = { name: 'genre', multiple: false, values: [{ name: 'news', hotkey: 'c' }] };
    expect(documentCategoryProblem(schema, category)).toBe('news: Hotkey c is already used by CLAIM.');
  });

  it('lets an item keep its own keys when it is redefined', () => {
    const source = schema.relationTypes[0]!;
    expect(relationTypeProblem(schema, { ...source, color: '#000000' }, 'SOURCE')).toBeNull();
    expect(relationTypeProblem(schema, { ...source, hotkey: 'a' }, 'SOURCE')).toBe('Hotkey a is already used by the relation type ABOUT.');
    const risk = withValueKey().documentCategories[1]!;
    expect(documentCategoryProblem(withValueKey(), { ...risk, multiple: true }, 'misinformation risk')).toBeNull();
    // Its keys may move between its own values.
    const swapped = { ...risk, values: risk.values.map((v) => ({ ...v, hotkey: v.name === 'low' ? 'h' : '' })) };
    expect(documentCategoryProblem(withValueKey(), swapped, 'misinformation risk')).toBeNull();
  });
});

describe('relation type rules', () => {
  const schema = defaultSchema();
  const basedIn: RelationType = { name: 'BASED_IN', color: '#336699', hotkey: '', directed: true, sources: ['ORG'], targets: ['LOC'] };

  it('accepts a new type between known labels', () => {
    expect(relationTypeProblem(schema, basedIn)).toBeNull();
    expect(relationTypeProblem(schema, { ...basedIn, sources: [], targets: [], directed: false })).toBeNull();
  });

  it('refuses bad names, duplicates, bad colours and unknown labels', () => {
    expect(relationTypeProblem(schema, { ...basedIn, name: 'source' })).toBe('There is already a relation type named source.');
    expect(relationTypeProblem(schema, { ...basedIn, name: '' })).toBe(
      'A relation type name needs 1 to 48 characters, without quotes, backslashes or < >.',
    );
    expect(relationTypeProblem(schema, { ...basedIn, name: 'IN ' })).toBe('A relation type name cannot start or end with spaces.');
    expect(relationTypeProblem(schema, { ...basedIn, color: 'blue' })).toBe('A colour must look like #rrggbb.');
    expect(relationTypeProblem(schema, { ...basedIn, targets: ['CITY'] })).toBe('There is no label named CITY.');
    // A relation type may share a label's name: they are different kinds.
    expect(relationTypeProblem(schema, { ...basedIn, name: 'ORG' })).toBeNull();
  });

  it('lets a type be renamed to a new name, or keep its own', () => {
    const about = schema.relationTypes[1]!;
    expect(relationTypeProblem(schema, { ...about, name: 'MENTIONS' }, 'ABOUT')).toBeNull();
    expect(relationTypeProblem(schema, { ...about, name: 'SOURCE' }, 'ABOUT')).toBe('There is already a relation type named SOURCE.');
  });
});

describe('document category rules', () => {
  const schema = defaultSchema();
  const genre: DocumentCategory = {
    name: 'genre',
    multiple: false,
    values: [
      { name: 'news', hotkey: 'g' },
      { name: 'opinion', hotkey: '' },
    ],
  };

  it('accepts a new category with distinct values', () => {
    expect(documentCategoryProblem(schema, genre)).toBeNull();
  });

  it('refuses duplicates, empty or repeated values, and one key on two values', () => {
    expect(documentCategoryProblem(schema, { ...genre, name: 'Topic' })).toBe('There is already a category named Topic.');
    expect(documentCategoryProblem(schema, { ...genre, values: [] })).toBe('The category genre needs at least one value.');
    expect(
      documentCategoryProblem(schema, {
        ...genre,
        values: [
          { name: 'news', hotkey: '' },
          { name: 'News', hotkey: '' },
        ],
      }),
    ).toBe('The category genre has the value News twice.');
    expect(documentCategoryProblem(schema, { ...genre, values: [{ name: '', hotkey: '' }] })).toBe(
      'The category genre, value 1: A value name needs 1 to 48 characters, without quotes, backslashes or < >.',
    );
    expect(
      documentCategoryProblem(schema, {
        ...genre,
        values: [
          { name: 'news', hotkey: 'g' },
          { name: 'opinion', hotkey: 'G' },
        ],
      }),
    ).toBe('Hotkey G is given to both news and opinion.');
    expect(documentCategoryProblem(schema, { ...genre, values: [{ name: 'news', hotkey: '5' }] })).toBe(
      'news: Hotkey 5 is kept for accepting a version in review.',
    );
  });
});

describe('attribute rules', () => {
  const attributes = defaultSchema().labels.find((l) => l.name === 'CLAIM')!.attributes!;
  const verdict: AttributeDefinition = { name: 'verdict', type: 'choice', values: ['true', 'false'], required: false };

  it('accepts a new attribute; free text, numbers and yes/no need no values', () => {
    expect(attributeProblem(attributes, verdict)).toBeNull();
    expect(attributeProblem(attributes, { name: 'score', type: 'number', values: [], required: true })).toBeNull();
    expect(attributeProblem(attributes, { name: 'sarcastic', type: 'boolean', values: [], required: false })).toBeNull();
  });

  it('refuses a taken name, a choice without values and repeated values', () => {
    expect(attributeProblem(attributes, { ...verdict, name: 'Checkworthy' })).toBe('There is already an attribute named Checkworthy.');
    expect(attributeProblem(attributes, { ...verdict, values: [] })).toBe('The attribute verdict needs at least one value.');
    expect(attributeProblem(attributes, { ...verdict, type: 'multi-choice', values: ['a', 'b', 'a'] })).toBe(
      'The attribute verdict has the value a twice.',
    );
    expect(attributeProblem(attributes, { ...verdict, name: 'a"b' })).toBe(
      'An attribute name needs 1 to 48 characters, without quotes, backslashes or < >.',
    );
  });

  it('lets an attribute keep its name when redefined, and labels check their attributes', () => {
    const checkworthy = attributes[0]!;
    expect(attributeProblem(attributes, { ...checkworthy, required: false }, 'checkworthy')).toBeNull();
    const claim = defaultSchema().labels.find((l) => l.name === 'CLAIM')!;
    expect(labelProblem(defaultSchema(), { ...claim, attributes: [...attributes, { ...verdict, name: 'claim_type' }] }, 'CLAIM')).toBe(
      'There is already an attribute named claim_type.',
    );
  });
});
