// doccano JSONL (sequence labelling): `label` holds [start, end, "LABEL"] with code-point
// offsets; `labels` and `entities` ({start_offset, end_offset, label}) are read too. Metadata
// as top-level keys, as doccano keeps unknown keys.
import type { FormatModule, JsonReader } from './format-module';
import { holdsSpans, readJsonDocument } from './json-document';
import { flatMeta } from './metadata';

const reader: JsonReader = {
  format: 'doccano',
  claims: (value) => ['label', 'labels', 'entities'].some((key) => holdsSpans(value, key)),
  read: (value, context) => {
    const read = readJsonDocument(value, context);
    return 'reason' in read ? read : { draft: read.draft, format: 'doccano' };
  },
};

export const doccano: FormatModule = {
  info: {
    id: 'doccano',
    name: 'doccano JSONL',
    extension: 'jsonl',
    layers: ['entity', 'claim'],
    layerMode: 'many',
    overlaps: true,
    shape: 'lines',
    importable: true,
    keepsText: true,
    holds: { relations: false, attributes: false, spanNotes: false, documentLabels: false, documentNotes: false, annotators: false },
  },
  reader,
  createWriter: () => ({
    write: (doc, spans) => ({
      chunk:
        JSON.stringify({
          id: doc.id,
          text: doc.text,
          label: spans.map(({ label, start, end }) => [start, end, label]),
          ...flatMeta(doc.meta, ['id', 'text', 'label']),
        }) + '\n',
    }),
  }),
};
