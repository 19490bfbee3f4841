// Which server documents a logged change makes out of date, so the sync pushes only those.
import { changeParts, type Change } from '../annotations/change';

export interface ChangedKeys {
  /** (document, local annotator) pairs whose annotations or status changed. */
  annotations: Array<{ documentId: string; annotator: string }>;
  /** Documents added, removed or whose details changed. */
  documents: Set<string>;
  schema: boolean;
  /** A rename rewrites annotations it does not list: every annotations document must be compared. */
  everyAnnotation: boolean;
}

export function changedKeys(changes: Iterable<Change>): ChangedKeys {
  const pairs = new Map<string, { documentId: string; annotator: string }>();
  const keys: ChangedKeys = { annotations: [], documents: new Set(), schema: false, everyAnnotation: false };
  const touch = (documentId: string, annotator: string) => pairs.set(`${documentId}\u0000${annotator}`, { documentId, annotator });
  for (const change of changes) {
    for (const part of changeParts(change)) {
      switch (part.type) {
        case 'edit':
          for (const record of [...part.removed, ...part.added])
            if (record.kind !== 'suggestion') touch(record.value.documentId, record.value.annotator);
          break;
        case 'status':
          touch(part.documentId, part.annotator);
          break;
        case 'schema-item':
          keys.schema = true;
          break;
        case 'rename':
          keys.schema = true;
          keys.everyAnnotation = true;
          break;
        case 'add-documents':
        case 'remove-documents':
          for (const doc of part.documents) {
            keys.documents.add(doc.record.id);
            for (const annotator of Object.keys(doc.record.statuses)) touch(doc.record.id, annotator);
          }
          for (const record of part.annotations) if (record.kind !== 'suggestion') touch(record.value.documentId, record.value.annotator);
          break;
        case 'document-meta':
          keys.documents.add(part.documentId);
          break;
        case 'batch':
          break;
      }
    }
  }
  keys.annotations = [...pairs.values()];
  return keys;
}
