// A label list: what turns a label id in a file (doccano 1.0 `"label": 12`, Hugging Face
// `ner_tags: [3, 4, 0]`) into a label name. Read from the shapes tools write it in: a list of
// names (Hugging Face `ClassLabel` names, Spanwright's `labels.json`: the index is the id),
// doccano's label export (`[{"id": 12, "text": "LOC"}, ...]`), or an object `{"12": "LOC"}`.
import { errorMessage, type Result } from '../result';
import { describe, isObject } from './json-values';

/** Label names by id (the id as a string: `"12"`, `"0"`). */
export type LabelList = ReadonlyMap<string, string>;

export function readLabelList(value: unknown): Result<LabelList> {
  const names = new Map<string, string>();
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      if (typeof item === 'string') names.set(String(index), item);
      else if (isObject(item) && (typeof item['id'] === 'number' || typeof item['id'] === 'string')) {
        // doccano: `text` names the label (older versions), Label Studio-like exports `name`.
        const name = typeof item['text'] === 'string' ? item['text'] : item['name'];
        if (typeof name !== 'string' || name === '') return { ok: false, error: `label ${index + 1} has no "text" (its name)` };
        names.set(String(item['id']), name);
      } else return { ok: false, error: `label ${index + 1} must be a name or {"id", "text"} (found ${describe(item)})` };
    }
  } else if (isObject(value)) {
    // `{"12": "LOC"}`, or a Hugging Face `features` object's ClassLabel: `{"names": [...]}`.
    if (Array.isArray(value['names'])) return readLabelList(value['names']);
    for (const [id, name] of Object.entries(value)) {
      if (typeof name !== 'string') return { ok: false, error: `label ${JSON.stringify(id)} must name a label (found ${describe(name)})` };
      names.set(id, name);
    }
  } else
    return {
      ok: false,
      error: `a label list is a JSON list of names, of {"id", "text"}, or an object of names by id (found ${describe(value)})`,
    };
  if (names.size === 0) return { ok: false, error: 'the label list is empty' };
  return { ok: true, value: names };
}

/** A label list file's text (JSON, a leading BOM allowed): `--labels FILE`, or the app's label-list picker. */
export function parseLabelListFile(text: string): Result<LabelList> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (error) {
    return { ok: false, error: `not JSON: ${errorMessage(error)}` };
  }
  return readLabelList(parsed);
}

/** The name of a label id, if the list has it. */
export function labelName(list: LabelList | undefined, id: number | string): string | undefined {
  return list?.get(String(id));
}
