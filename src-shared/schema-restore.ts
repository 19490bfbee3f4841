// The one restore step for a label schema that comes from outside (a project bundle, a
// database row written by an older version): validates what matters, fills in defaults for
// what older versions did not have, and keeps fields it does not know (a newer version's).
import {
  ATTRIBUTE_TYPES,
  LAYERS,
  type AttributeDefinition,
  type AttributeType,
  type DocumentCategory,
  type DocumentCategoryValue,
  type Label,
  type LabelSchema,
  type LayerId,
  type RelationType,
} from './domain';
import { fail, ok, type Result } from './result';

type Json = Record<string, unknown>;

const COLOR = /^#[0-9a-f]{6}$/i;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');
const nonEmptyName = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function restoreAttribute(raw: unknown, where: string): Result<AttributeDefinition> {
  if (!isObject(raw) || !nonEmptyName(raw['name'])) return fail(`${where} needs a name`);
  const type = raw['type'];
  if (!ATTRIBUTE_TYPES.includes(type as AttributeType)) return fail(`${where} has type ${JSON.stringify(type)} (expected ${ATTRIBUTE_TYPES.join(', ')})`);
  const values = raw['values'] ?? [];
  if (!isStringList(values)) return fail(`${where}: "values" must be a list of strings`);
  if ((type === 'choice' || type === 'multi-choice') && values.length === 0) return fail(`${where} is a choice with no values`);
  const attribute: AttributeDefinition = { ...raw, name: raw['name'], type: type as AttributeType, values, required: raw['required'] === true };
  if (typeof raw['description'] !== 'string') delete attribute.description;
  return ok(attribute);
}

function restoreAttributes(raw: unknown, where: string): Result<AttributeDefinition[]> {
  if (raw === undefined) return ok([]);
  if (!Array.isArray(raw)) return fail(`${where}: "attributes" must be a list`);
  const attributes: AttributeDefinition[] = [];
  for (const [index, item] of raw.entries()) {
    const attribute = restoreAttribute(item, `${where}, attribute ${index + 1}`);
    if (!attribute.ok) return attribute;
    if (attributes.some((a) => a.name === attribute.value.name)) return fail(`${where}: attribute ${attribute.value.name} appears twice`);
    attributes.push(attribute.value);
  }
  return ok(attributes);
}

function restoreLabel(raw: unknown, where: string): Result<Label> {
  if (!isObject(raw) || !nonEmptyName(raw['name']) || !LAYERS.includes(raw['layer'] as LayerId)) {
    return fail(`${where} is malformed (needs a name and a layer, entity or claim)`);
  }
  if (typeof raw['color'] !== 'string' || !COLOR.test(raw['color'])) return fail(`${where} needs a colour like #rrggbb`);
  const attributes = restoreAttributes(raw['attributes'], `label ${raw['name']}`);
  if (!attributes.ok) return attributes;
  const label: Label = {
    ...raw,
    name: raw['name'],
    layer: raw['layer'] as LayerId,
    color: raw['color'],
    hotkey: typeof raw['hotkey'] === 'string' ? raw['hotkey'] : '',
    attributes: attributes.value,
  };
  // A label without attributes stays without the key, so a schema round-trips byte for byte.
  if (raw['attributes'] === undefined) delete label.attributes;
  if (typeof raw['description'] !== 'string') delete label.description;
  return ok(label);
}

function restoreRelationType(raw: unknown, where: string): Result<RelationType> {
  if (!isObject(raw) || !nonEmptyName(raw['name'])) return fail(`${where} needs a name`);
  const sources = raw['sources'] ?? [];
  const targets = raw['targets'] ?? [];
  if (!isStringList(sources) || !isStringList(targets)) return fail(`${where}: "sources" and "targets" must be lists of label names`);
  const type: RelationType = {
    ...raw,
    name: raw['name'],
    color: typeof raw['color'] === 'string' && COLOR.test(raw['color']) ? raw['color'] : '#555555',
    hotkey: typeof raw['hotkey'] === 'string' ? raw['hotkey'] : '',
    directed: raw['directed'] !== false,
    sources,
    targets,
  };
  if (typeof raw['description'] !== 'string') delete type.description;
  return ok(type);
}

function restoreCategoryValue(raw: unknown): DocumentCategoryValue | null {
  if (typeof raw === 'string' && raw.trim() !== '') return { name: raw, hotkey: '' };
  if (isObject(raw) && nonEmptyName(raw['name'])) return { ...raw, name: raw['name'], hotkey: typeof raw['hotkey'] === 'string' ? raw['hotkey'] : '' };
  return null;
}

function restoreCategory(raw: unknown, where: string): Result<DocumentCategory> {
  if (!isObject(raw) || !nonEmptyName(raw['name'])) return fail(`${where} needs a name`);
  if (!Array.isArray(raw['values']) || raw['values'].length === 0) return fail(`${where} needs a list of values`);
  const values: DocumentCategoryValue[] = [];
  for (const item of raw['values']) {
    const value = restoreCategoryValue(item);
    if (!value) return fail(`${where}: every value needs a name`);
    if (values.some((v) => v.name === value.name)) return fail(`${where}: value ${value.name} appears twice`);
    values.push(value);
  }
  const category: DocumentCategory = { ...raw, name: raw['name'], multiple: raw['multiple'] === true, values };
  if (typeof raw['description'] !== 'string') delete category.description;
  return ok(category);
}

function restoreList<T extends { name: string }>(raw: unknown, what: string, restoreOne: (item: unknown, where: string) => Result<T>): Result<T[]> {
  if (raw === undefined) return ok([]);
  if (!Array.isArray(raw)) return fail(`the schema's ${what}s must be a list`);
  const items: T[] = [];
  for (const [index, item] of raw.entries()) {
    const restored = restoreOne(item, `${what} ${index + 1} of the schema`);
    if (!restored.ok) return restored;
    if (items.some((i) => i.name === restored.value.name)) return fail(`${what} ${restored.value.name} appears twice in the schema`);
    items.push(restored.value);
  }
  return ok(items);
}

/** A schema from outside, validated; older schemas (labels only) gain empty relation types and categories. */
export function restoreSchema(raw: unknown): Result<LabelSchema> {
  if (!isObject(raw) || !Array.isArray(raw['labels'])) return fail('the project has no label schema');
  const labels = restoreList(raw['labels'], 'label', restoreLabel);
  if (!labels.ok) return labels;
  const relationTypes = restoreList(raw['relationTypes'], 'relation type', restoreRelationType);
  if (!relationTypes.ok) return relationTypes;
  const documentCategories = restoreList(raw['documentCategories'], 'document category', restoreCategory);
  if (!documentCategories.ok) return documentCategories;
  return ok({ ...raw, labels: labels.value, relationTypes: relationTypes.value, documentCategories: documentCategories.value });
}
