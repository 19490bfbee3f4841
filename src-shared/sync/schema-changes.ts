// The schema-item changes that turn the local label schema into the server's: items added,
// redefined or removed, one change each (so each can be refused alone, as in the editor).
import type { SchemaItemChange, SchemaItemKind, SchemaItems } from '../annotations/change';
import { sameValue } from '../annotations/same-value';
import type { LabelSchema } from '../domain';

const LISTS: Record<SchemaItemKind, keyof LabelSchema> = {
  label: 'labels',
  'relation-type': 'relationTypes',
  category: 'documentCategories',
};

export function schemaChanges(local: LabelSchema, remote: LabelSchema): SchemaItemChange[] {
  const changes: SchemaItemChange[] = [];
  for (const what of Object.keys(LISTS) as SchemaItemKind[]) {
    const mine = local[LISTS[what]] as ReadonlyArray<SchemaItems[typeof what]>;
    const theirs = remote[LISTS[what]] as ReadonlyArray<SchemaItems[typeof what]>;
    const theirNames = new Set(theirs.map((item) => item.name));
    mine.forEach((item, at) => {
      if (!theirNames.has(item.name)) changes.push({ type: 'schema-item', what, before: item, after: null, at } as SchemaItemChange);
    });
    theirs.forEach((item, at) => {
      const current = mine.find((m) => m.name === item.name);
      if (!current) changes.push({ type: 'schema-item', what, before: null, after: item, at } as SchemaItemChange);
      else if (!sameValue(current, item)) changes.push({ type: 'schema-item', what, before: current, after: item, at } as SchemaItemChange);
    });
  }
  return changes;
}
