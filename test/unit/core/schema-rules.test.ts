import { describe, expect, it } from 'vitest';
import { defaultSchema } from '../../../src-shared/default-schema';
import { findLabelByHotkey, labelForImportedName, labelProblem } from '../../../src-shared/schema-rules';

describe('label schema rules', () => {
  const schema = defaultSchema();

  it('accepts a new distinct label', () => {
    expect(labelProblem(schema, { name: 'GPE', layer: 'entity', color: '#123456', hotkey: 'g' })).toBeNull();
  });

  it('refuses duplicates, bad colours, clashing and long hotkeys', () => {
    expect(labelProblem(schema, { name: 'person', layer: 'entity', color: '#123456', hotkey: '' })).toMatch(/already a label/);
    expect(labelProblem(schema, { name: 'GPE', layer: 'entity', color: 'red', hotkey: '' })).toMatch(/colour/);
    expect(labelProblem(schema, { name: 'GPE', layer: 'entity', color: '#123456', hotkey: 'P' })).toBe('Hotkey P is already used by PERSON.');
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
