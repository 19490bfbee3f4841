// The schema-item changes that bring the local label schema to the server's, applied one by
// one with the core's applyChange, as the sync commits them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../src-shared/annotations/apply';
import type { SchemaItemChange } from '../../../src-shared/annotations/change';
import { sameValue } from '../../../src-shared/annotations/same-value';
import { createState } from '../../../src-shared/annotations/state';
import type { DocumentCategory, Label, LabelSchema, RelationType } from '../../../src-shared/domain';
import { schemaChanges } from '../../../src-shared/sync/schema-changes';

const NAMES = ['PERSON', 'ORG', 'CLAIM', 'LOC', 'constructor', '__proto__'];
const colorArb = fc.constantFrom('#112233', '#aabbcc', '#7a4fd6');
const hotkeyArb = fc.constantFrom('', 'p', '1');
const descriptionArb = fc.constantFrom('who', 'what');

const labelArb = (name: string): fc.Arbitrary<Label> =>
  fc.record(
    {
      name: fc.constant(name),
      layer: fc.constantFrom<Label['layer']>('entity', 'claim'),
      color: colorArb,
      hotkey: hotkeyArb,
      description: descriptionArb,
      attributes: fc.array(
        fc.record({
          name: fc.constantFrom('role', 'certain'),
          type: fc.constantFrom('text' as const, 'boolean' as const),
          values: fc.constant([]),
          required: fc.boolean(),
        }),
        { maxLength: 1 },
      ),
    },
    { requiredKeys: ['name', 'layer', 'color', 'hotkey'] },
  );

const relationTypeArb = (name: string): fc.Arbitrary<RelationType> =>
  fc.record(
    {
      name: fc.constant(name),
      color: colorArb,
      hotkey: hotkeyArb,
      directed: fc.boolean(),
      sources: fc.subarray(NAMES),
      targets: fc.subarray(NAMES),
      description: descriptionArb,
    },
    { requiredKeys: ['name', 'color', 'hotkey', 'directed', 'sources', 'targets'] },
  );

const categoryArb = (name: string): fc.Arbitrary<DocumentCategory> =>
  fc.record(
    {
      name: fc.constant(name),
      multiple: fc.boolean(),
      values: fc.uniqueArray(fc.record({ name: fc.constantFrom('low', 'high', 'other'), hotkey: hotkeyArb }), {
        selector: (v) => v.name,
        minLength: 1,
        maxLength: 3,
      }),
      description: descriptionArb,
    },
    { requiredKeys: ['name', 'multiple', 'values'] },
  );

/** A list of items with unique names, in any order. */
const listArb = <T>(item: (name: string) => fc.Arbitrary<T>): fc.Arbitrary<T[]> =>
  fc.shuffledSubarray(NAMES).chain((names) => (names.length === 0 ? fc.constant([]) : fc.tuple(...names.map(item))));

const schemaArb: fc.Arbitrary<LabelSchema> = fc.record({
  labels: listArb(labelArb),
  relationTypes: listArb(relationTypeArb),
  documentCategories: listArb(categoryArb),
});

/** Another version of a list: each item kept, redefined (taken from `fresh`) or removed, new ones inserted anywhere; kept items stay in order. */
const editedListArb = <T extends { name: string }>(local: readonly T[], fresh: readonly T[]): fc.Arbitrary<T[]> =>
  fc.tuple(fc.infiniteStream(fc.constantFrom('keep', 'redefine', 'remove')), fc.infiniteStream(fc.nat())).map(([picks, places]) => {
    const edited: T[] = [];
    for (const item of local) {
      const pick = picks.next().value;
      const redefined = fresh.find((f) => f.name === item.name);
      if (pick === 'keep' || (pick === 'redefine' && !redefined)) edited.push(item);
      else if (pick === 'redefine' && redefined) edited.push(redefined);
    }
    for (const item of fresh) {
      if (local.some((l) => l.name === item.name) || picks.next().value === 'remove') continue;
      edited.splice(places.next().value % (edited.length + 1), 0, item);
    }
    return edited;
  });

/** The server's schema: the local one edited (items keep their relative order). */
const editedSchemaArb = (local: LabelSchema): fc.Arbitrary<LabelSchema> =>
  schemaArb.chain((fresh) =>
    fc.record({
      labels: editedListArb(local.labels, fresh.labels),
      relationTypes: editedListArb(local.relationTypes, fresh.relationTypes),
      documentCategories: editedListArb(local.documentCategories, fresh.documentCategories),
    }),
  );

/** Applies the changes one at a time, each on the schema the previous one left. */
function applyAll(schema: LabelSchema, changes: readonly SchemaItemChange[]): LabelSchema {
  let state = createState(schema);
  for (const change of changes) {
    const result = applyChange(state, change);
    if (!result.ok) throw new Error(`${JSON.stringify(change)} does not apply: ${result.error}`);
    state = result.value;
  }
  return state.schema;
}

const byName = <T extends { name: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

function sameItems(a: LabelSchema, b: LabelSchema): boolean {
  return (
    sameValue(byName(a.labels), byName(b.labels)) &&
    sameValue(byName(a.relationTypes), byName(b.relationTypes)) &&
    sameValue(byName(a.documentCategories), byName(b.documentCategories))
  );
}

describe('schemaChanges', () => {
  it('gives no change for the same schema, whatever the key order of its items', () => {
    fc.assert(
      fc.property(schemaArb, (schema) => {
        const reordered = JSON.parse(
          JSON.stringify(schema, (_k, v: unknown) =>
            v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
          ),
        ) as LabelSchema;
        expect(schemaChanges(schema, reordered)).toEqual([]);
      }),
    );
  });

  it('turns any local schema into the server’s items, applied in order with applyChange', () => {
    fc.assert(
      fc.property(schemaArb, schemaArb, (local, remote) => {
        const changes = schemaChanges(local, remote);
        expect(sameItems(applyAll(local, changes), remote)).toBe(true);
      }),
    );
  });

  it('turns a local schema into the server’s exactly, order included, when the items both have keep their order', () => {
    fc.assert(
      fc.property(
        schemaArb.chain((local) => fc.tuple(fc.constant(local), editedSchemaArb(local))),
        ([local, remote]) => {
          expect(sameValue(applyAll(local, schemaChanges(local, remote)), remote)).toBe(true);
        },
      ),
    );
  });

  it('makes one change per item added, removed or redefined, and none for an item left alone', () => {
    fc.assert(
      fc.property(schemaArb, schemaArb, (local, remote) => {
        const changes = schemaChanges(local, remote);
        let expected = 0;
        for (const list of ['labels', 'relationTypes', 'documentCategories'] as const) {
          const mine: ReadonlyArray<{ name: string }> = local[list];
          const theirs: ReadonlyArray<{ name: string }> = remote[list];
          expected += mine.filter((m) => !theirs.some((t) => t.name === m.name)).length;
          expected += theirs.filter((t) => !mine.some((m) => sameValue(m, t))).length;
        }
        expect(changes).toHaveLength(expected);
      }),
    );
  });

  it('does not carry a new order alone: the same items reordered give no change (kept as here)', () => {
    const a: Label = { name: 'A', layer: 'entity', color: '#112233', hotkey: '' };
    const b: Label = { name: 'B', layer: 'entity', color: '#112233', hotkey: '' };
    const local: LabelSchema = { labels: [a, b], relationTypes: [], documentCategories: [] };
    expect(schemaChanges(local, { ...local, labels: [b, a] })).toEqual([]);
    // A new item goes at its place in the server's list, counted among the items kept here.
    const c: Label = { ...a, name: 'C' };
    expect(applyAll(local, schemaChanges(local, { ...local, labels: [b, c, a] })).labels.map((l) => l.name)).toEqual(['A', 'C', 'B']);
  });
});
