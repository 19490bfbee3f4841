// Label Studio tasks (what its JSON export gives and its import reads): the text and metadata
// under `data`, spans as `labels` results (offsets in code points, Python string indices).
import type { ExportDocument, FormatModule, JsonReader, ObjectResult, ReadContext } from './format-module';
import type { OutSpan } from './export-spans';
import { readJsonDocument } from './json-document';
import { isObject, quote, type Json } from './json-values';
import { flatMeta } from './metadata';

/**
 * A task: `data.text` (other `data` keys are metadata) and the `labels` results of its
 * annotations (or, when it has none, its predictions).
 */
function read(value: Json, context: ReadContext): ObjectResult {
  const data = value['data'] as Json;
  const annotations = Array.isArray(value['annotations']) && value['annotations'].length > 0 ? value['annotations'] : value['predictions'];
  const source = annotations === value['annotations'] ? 'annotations' : 'predictions';
  const spans: Json[] = [];
  const ids: Array<string | undefined> = [];
  let cancelled = false;
  let relations = 0;
  for (const [index, annotation] of (Array.isArray(annotations) ? annotations : []).entries()) {
    if (!isObject(annotation) || !Array.isArray(annotation['result'])) return { reason: `${source}[${index}] has no "result" array` };
    if (annotation['was_cancelled'] === true) cancelled = true;
    for (const [resultIndex, item] of annotation['result'].entries()) {
      const where = `${source}[${index}].result[${resultIndex}]`;
      if (!isObject(item)) return { reason: `${where} is not an object` };
      if (item['type'] === 'relation') {
        relations++;
        continue;
      }
      // Choices, text areas... belong to no span: Spanwright has nowhere to keep them.
      if (item['type'] !== 'labels')
        return { reason: `${where} has type ${quote(item['type'])}: only "labels" results (spans) can be imported` };
      const result = item['value'];
      if (!isObject(result) || !Array.isArray(result['labels']) || result['labels'].length === 0) {
        return { reason: `${where} is malformed: expected "value": {"start", "end", "text", "labels": ["LABEL"]}` };
      }
      for (const label of result['labels'] as unknown[]) {
        spans.push({ start: result['start'], end: result['end'], label, text: result['text'] });
        ids.push(result['labels'].length === 1 && typeof item['id'] === 'string' && item['id'] !== '' ? item['id'] : undefined);
      }
    }
  }
  const { text, ...meta } = data;
  if (text === undefined) return { reason: 'missing "data.text" field' };
  const read = readJsonDocument({ ...('id' in value ? { id: value['id'] } : {}), text, meta, spans }, context);
  if ('reason' in read) return read;
  read.draft.spans.forEach((span, index) => {
    const id = ids[index];
    if (id !== undefined) span.sourceId = id;
  });
  if (cancelled) read.draft.status = 'skipped';
  const notes = relations > 0 ? [`${relations} relation${relations > 1 ? 's' : ''} not imported: Spanwright has no relations yet`] : [];
  return { draft: read.draft, format: 'label-studio', notes };
}

const reader: JsonReader = {
  format: 'label-studio',
  claims: (value) =>
    !('text' in value) && isObject(value['data']) && (Array.isArray(value['annotations']) || Array.isArray(value['predictions'])),
  read,
};

/** One task: spans as `labels` results of one annotation; result ids are span ids. */
function writeTask(doc: ExportDocument, spans: readonly OutSpan[]): string {
  const result = spans.map(({ span, label, start, end, text }) => ({
    id: span.id,
    from_name: 'label',
    to_name: 'text',
    type: 'labels',
    value: { start, end, text, labels: [label] },
  }));
  // A document nobody has started is a task without annotations, not one annotated as empty.
  const annotations =
    doc.status === 'todo' && result.length === 0 ? [] : [{ ...(doc.status === 'skipped' ? { was_cancelled: true } : {}), result }];
  return JSON.stringify({ id: doc.id, data: { text: doc.text, ...flatMeta(doc.meta, ['text']) }, annotations });
}

export const labelStudio: FormatModule = {
  info: {
    id: 'label-studio',
    name: 'Label Studio JSON',
    extension: 'json',
    layers: ['entity', 'claim'],
    layerMode: 'many',
    overlaps: true,
    shape: 'json-array',
    importable: true,
    keepsText: true,
    holds: { relations: false, attributes: false, spanNotes: false, documentLabels: false, documentNotes: false, annotators: false },
  },
  reader,
  createWriter: () => ({ write: (doc, spans) => ({ chunk: writeTask(doc, spans) }) }),
};
