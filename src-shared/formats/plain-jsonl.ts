// Plain JSONL: objects with a `text` and no spans (a corpus to annotate). Read only; any other
// key is metadata, a document class in `label` included.
import type { JsonReader, ReadOnlyFormat } from './format-module';
import { readJsonDocument } from './json-document';

/** Claims every object: it is the reader of last resort. */
export const plainJsonlReader: JsonReader = {
  format: 'jsonl',
  claims: () => true,
  read: (value, context) => {
    const read = readJsonDocument(value, context);
    return 'reason' in read ? read : { draft: read.draft, format: 'jsonl' };
  },
};

export const plainJsonl: ReadOnlyFormat = {
  id: 'jsonl',
  name: 'JSONL (text and metadata)',
  extensions: ['jsonl', 'ndjson', 'json'],
  reader: plainJsonlReader,
};
