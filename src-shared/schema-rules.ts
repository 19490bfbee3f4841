// Rules for editing a label schema: what makes a name, colour or hotkey acceptable for a label,
// an attribute, a relation type or a document category. The schema editor and anything else
// that edits a schema ask here, so the rules are written once.
import type {
  AttributeDefinition,
  AttributeType,
  DocumentCategory,
  DocumentDraft,
  Label,
  LabelSchema,
  LayerId,
  RelationType,
} from './domain';
import { EXTRA_LABEL_COLORS } from './default-schema';
import { RESERVED_SINGLE_KEYS } from './keymap';
import { nameCharactersProblem } from './name-characters';
import { setOwn } from './own-keys';

const NAME = /^[^\s"'<>`\\][^"'<>`\\]{0,47}$/u;
const COLOR = /^#[0-9a-f]{6}$/i;

/**
 * Keys the app keeps for itself, with what they do: every single key of the keymap
 * (keymap.ts). A schema hotkey is a single letter or digit, so Enter and Escape (confirm and
 * cancel, also in the relation flow) can never be one.
 */
export const RESERVED_HOTKEYS: ReadonlyMap<string, string> = RESERVED_SINGLE_KEYS;

/** What owns a hotkey: a label, a relation type, or a value of a document category. */
export type HotkeyOwner =
  { kind: 'label'; name: string } | { kind: 'relation-type'; name: string } | { kind: 'category'; name: string; value: string };

/** Every hotkey a schema assigns, with its owner, in schema order. */
export function hotkeysInUse(schema: LabelSchema): Array<{ key: string; owner: HotkeyOwner }> {
  const used: Array<{ key: string; owner: HotkeyOwner }> = [];
  for (const label of schema.labels) if (label.hotkey !== '') used.push({ key: label.hotkey, owner: { kind: 'label', name: label.name } });
  for (const type of schema.relationTypes)
    if (type.hotkey !== '') used.push({ key: type.hotkey, owner: { kind: 'relation-type', name: type.name } });
  for (const category of schema.documentCategories) {
    for (const value of category.values) {
      if (value.hotkey !== '') used.push({ key: value.hotkey, owner: { kind: 'category', name: category.name, value: value.name } });
    }
  }
  return used;
}

function describeOwner(owner: HotkeyOwner): string {
  switch (owner.kind) {
    case 'label':
      // Plain, as the label editor has always said it: "already used by PERSON".
      return owner.name;
    case 'relation-type':
      return `the relation type ${owner.name}`;
    case 'category':
      return `${owner.value} in the category ${owner.name}`;
  }
}

/**
 * Why `key` cannot be a hotkey, or null when it can. `editing` names the item being
 * redefined: its own current hotkeys do not count as clashes (for a category, those of all
 * its values, since its values are redefined together).
 */
export function hotkeyProblem(schema: LabelSchema, key: string, editing?: { kind: HotkeyOwner['kind']; name: string }): string | null {
  if (key === '') return null;
  if ([...key].length !== 1 || !/^[\p{L}\p{N}]$/u.test(key)) return 'A hotkey is one letter or digit.';
  const lower = key.toLowerCase();
  const reserved = RESERVED_HOTKEYS.get(lower);
  if (reserved !== undefined) return `Hotkey ${key} is kept for ${reserved}.`;
  const clash = hotkeysInUse(schema).find(
    ({ key: used, owner }) => used.toLowerCase() === lower && !(editing && owner.kind === editing.kind && owner.name === editing.name),
  );
  return clash ? `Hotkey ${key} is already used by ${describeOwner(clash.owner)}.` : null;
}

/** Why `name` cannot name a schema item (`what`: "label", "relation type"...), or null. */
export function nameProblem(name: string, what: string): string | null {
  const article = /^[aeiou]/i.test(what) ? 'An' : 'A';
  if (name.trim() !== name) return `${article} ${what} name cannot start or end with spaces.`;
  if (!NAME.test(name)) return `${article} ${what} name needs 1 to 48 characters, without quotes, backslashes or < >.`;
  const characters = nameCharactersProblem(name);
  return characters === null ? null : `${article} ${what} name is refused: ${characters}`;
}

/** Why `name` is taken among `names` (compared without case), or null. */
function takenProblem(names: readonly string[], name: string, replacing: string | undefined, what: string): string | null {
  const clash = names.find((other) => other !== replacing && other.toLowerCase() === name.toLowerCase());
  return clash === undefined ? null : `There is already ${what} named ${name}.`;
}

const namesOf = (items: ReadonlyArray<{ name: string }>): string[] => items.map((item) => item.name);

function colorProblem(color: string): string | null {
  return COLOR.test(color) ? null : 'A colour must look like #rrggbb.';
}

/** Returns a reason the label cannot be saved into the schema, or null when it can. */
export function labelProblem(schema: LabelSchema, label: Label, replacing?: string): string | null {
  return (
    nameProblem(label.name, 'label') ??
    takenProblem(namesOf(schema.labels), label.name, replacing, 'a label') ??
    colorProblem(label.color) ??
    hotkeyProblem(schema, label.hotkey, replacing === undefined ? undefined : { kind: 'label', name: replacing }) ??
    attributesProblem(label.attributes ?? [])
  );
}

/** Why a list of values (attribute choices, category values) is not acceptable, or null. */
function valuesProblem(values: readonly string[], of: string): string | null {
  if (values.length === 0) return `${of} needs at least one value.`;
  for (const [index, value] of values.entries()) {
    const problem = nameProblem(value, 'value');
    if (problem) return `${of}, value ${index + 1}: ${problem}`;
    const twice = values.findIndex((other) => other.toLowerCase() === value.toLowerCase());
    if (twice !== index) return `${of} has the value ${value} twice.`;
  }
  return null;
}

/** Why an attribute definition cannot join `attributes` (replacing the one named `replacing`), or null. */
export function attributeProblem(
  attributes: readonly AttributeDefinition[],
  attribute: AttributeDefinition,
  replacing?: string,
): string | null {
  return (
    nameProblem(attribute.name, 'attribute') ??
    takenProblem(namesOf(attributes), attribute.name, replacing, 'an attribute') ??
    (attribute.type === 'choice' || attribute.type === 'multi-choice'
      ? valuesProblem(attribute.values, `The attribute ${attribute.name}`)
      : null)
  );
}

function attributesProblem(attributes: readonly AttributeDefinition[]): string | null {
  for (const [index, attribute] of attributes.entries()) {
    const problem = attributeProblem(attributes.slice(0, index), attribute);
    if (problem) return problem;
  }
  return null;
}

/** Returns a reason the relation type cannot be saved into the schema, or null when it can. */
export function relationTypeProblem(schema: LabelSchema, type: RelationType, replacing?: string): string | null {
  const labels = new Set(schema.labels.map((l) => l.name));
  const unknown = [...type.sources, ...type.targets].find((name) => !labels.has(name));
  return (
    nameProblem(type.name, 'relation type') ??
    takenProblem(namesOf(schema.relationTypes), type.name, replacing, 'a relation type') ??
    colorProblem(type.color) ??
    hotkeyProblem(schema, type.hotkey, replacing === undefined ? undefined : { kind: 'relation-type', name: replacing }) ??
    (unknown === undefined ? null : `There is no label named ${unknown}.`)
  );
}

/** Returns a reason the document category cannot be saved into the schema, or null when it can. */
export function documentCategoryProblem(schema: LabelSchema, category: DocumentCategory, replacing?: string): string | null {
  const problem =
    nameProblem(category.name, 'category') ??
    takenProblem(namesOf(schema.documentCategories), category.name, replacing, 'a category') ??
    valuesProblem(namesOf(category.values), `The category ${category.name}`);
  if (problem) return problem;
  const editing = replacing === undefined ? undefined : ({ kind: 'category', name: replacing } as const);
  for (const [index, value] of category.values.entries()) {
    const hotkey = hotkeyProblem(schema, value.hotkey, editing);
    if (hotkey) return `${value.name}: ${hotkey}`;
    const twice = category.values.findIndex((other) => other.hotkey !== '' && other.hotkey.toLowerCase() === value.hotkey.toLowerCase());
    if (value.hotkey !== '' && twice !== index)
      return `Hotkey ${value.hotkey} is given to both ${category.values[twice]?.name ?? ''} and ${value.name}.`;
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
  const color =
    EXTRA_LABEL_COLORS.find((c) => !used.has(c)) ?? EXTRA_LABEL_COLORS[schema.labels.length % EXTRA_LABEL_COLORS.length] ?? '#c9c9c9';
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
        grownCategories.set(name, {
          ...current,
          values: [...current.values, ...[...new Set(missing)].map((v) => ({ name: v, hotkey: '' }))],
        });
      }
    }
  }
  if (freshTypes.length === 0 && grownCategories.size === 0) return schema;
  const documentCategories = schema.documentCategories.map((c) => grownCategories.get(c.name) ?? c);
  for (const [name, category] of grownCategories) if (!categories.has(name)) documentCategories.push(category);
  return { ...schema, relationTypes: [...schema.relationTypes, ...freshTypes], documentCategories };
}

/** Each attribute's type by name, over every label (the first label to define a name decides). */
export function attributeTypesOf(schema: Pick<LabelSchema, 'labels'>): Record<string, AttributeType> {
  const types: Record<string, AttributeType> = {};
  for (const label of schema.labels)
    for (const attribute of label.attributes ?? [])
      if (!Object.hasOwn(types, attribute.name)) setOwn(types, attribute.name, attribute.type);
  return types;
}
