// Rules for editing a label schema: what makes a label name, colour or hotkey acceptable.
import type { DocumentCategory, DocumentDraft, Label, LabelSchema, LayerId, RelationType } from './domain';
import { EXTRA_LABEL_COLORS } from './default-schema';

const LABEL_NAME = /^[^\s"'<>`\\][^"'<>`\\]{0,47}$/u;
const COLOR = /^#[0-9a-f]{6}$/i;

/** Returns a reason the label cannot be saved into the schema, or null when it can. */
export function labelProblem(schema: LabelSchema, label: Label, replacing?: string): string | null {
  const name = label.name.trim();
  if (name !== label.name) return 'A label name cannot start or end with spaces.';
  if (!LABEL_NAME.test(name)) return 'A label name needs 1 to 48 characters, without quotes, backslashes or < >.';
  const others = schema.labels.filter((l) => l.name !== replacing);
  if (others.some((l) => l.name.toLowerCase() === name.toLowerCase())) return `There is already a label named ${name}.`;
  if (!COLOR.test(label.color)) return 'A colour must look like #rrggbb.';
  if (label.hotkey !== '') {
    if ([...label.hotkey].length !== 1 || !/^[\p{L}\p{N}]$/u.test(label.hotkey)) return 'A hotkey is one letter or digit.';
    const clash = others.find((l) => l.hotkey.toLowerCase() === label.hotkey.toLowerCase());
    if (clash) return `Hotkey ${label.hotkey} is already used by ${clash.name}.`;
  }
  return null;
}

export function findLabel(schema: LabelSchema, name: string): Label | undefined {
  return schema.labels.find((l) => l.name === name);
}

export function findLabelByHotkey(schema: LabelSchema, key: string): Label | undefined {
  const lower = key.toLowerCase();
  return schema.labels.find((l) => l.hotkey !== '' && l.hotkey.toLowerCase() === lower);
}

/** A new label for a name found in imported data: next free colour, no hotkey. */
export function labelForImportedName(schema: LabelSchema, name: string, layer: LayerId): Label {
  const used = new Set(schema.labels.map((l) => l.color.toLowerCase()));
  const color = EXTRA_LABEL_COLORS.find((c) => !used.has(c)) ?? EXTRA_LABEL_COLORS[schema.labels.length % EXTRA_LABEL_COLORS.length] ?? '#c9c9c9';
  return { name, layer, color, hotkey: '' };
}

/** New labels for names found in imported data, each with its own unused colour. */
export function labelsForImportedNames(schema: LabelSchema, names: ReadonlyArray<{ name: string; layer: LayerId }>): Label[] {
  const fresh: Label[] = [];
  let grown = schema;
  for (const { name, layer } of names) {
    const label = labelForImportedName(grown, name, layer);
    fresh.push(label);
    grown = { ...grown, labels: [...grown.labels, label] };
  }
  return fresh;
}

/**
 * The schema grown by the relation types, document categories and category values that
 * imported documents use and the schema lacks (a relation type from a file links any labels;
 * a category from a file allows several values). The same schema object when nothing is new.
 */
export function addImportedSchemaItems(schema: LabelSchema, drafts: readonly DocumentDraft[]): LabelSchema {
  const types = new Set(schema.relationTypes.map((t) => t.name));
  const freshTypes: RelationType[] = [];
  const categories = new Map(schema.documentCategories.map((c) => [c.name, c]));
  const grownCategories = new Map<string, DocumentCategory>();
  for (const draft of drafts) {
    for (const relation of draft.relations ?? []) {
      if (types.has(relation.type)) continue;
      types.add(relation.type);
      const color = EXTRA_LABEL_COLORS[(schema.relationTypes.length + freshTypes.length) % EXTRA_LABEL_COLORS.length] ?? '#555555';
      freshTypes.push({ name: relation.type, color, hotkey: '', directed: true, sources: [], targets: [] });
    }
    for (const annotation of draft.documentAnnotations ?? []) {
      for (const [name, values] of Object.entries(annotation.labels)) {
        const current = grownCategories.get(name) ?? categories.get(name) ?? { name, multiple: true, values: [] };
        const missing = values.filter((v) => !current.values.some((known) => known.name === v));
        if (missing.length === 0 && current.values.length > 0) continue;
        grownCategories.set(name, { ...current, values: [...current.values, ...[...new Set(missing)].map((v) => ({ name: v, hotkey: '' }))] });
      }
    }
  }
  if (freshTypes.length === 0 && grownCategories.size === 0) return schema;
  const documentCategories = schema.documentCategories.map((c) => grownCategories.get(c.name) ?? c);
  for (const [name, category] of grownCategories) if (!categories.has(name)) documentCategories.push(category);
  return { ...schema, relationTypes: [...schema.relationTypes, ...freshTypes], documentCategories };
}
