// The one change model: every edit of every kind of annotation, of a document status or of
// the label schema is a Change value with an exact inverse. The core applies changes to an
// in-memory state (apply.ts); storage applies the same values to IndexedDB and logs them;
// undo and redo replay inverses. Changes are plain JSON, so the change log can carry them.
import type { DocumentCategory, DocumentMeta, DocumentRecord, DocumentStatus, Label, RelationType } from '../domain';
import type { AnnotationRecord } from './kinds';

/** What in the schema a change is about. */
export type SchemaItemKind = 'label' | 'relation-type' | 'category';

export interface SchemaItems {
  label: Label;
  'relation-type': RelationType;
  category: DocumentCategory;
}

/**
 * One schema item added (before null), removed (after null) or redefined under the same name;
 * `at` is its place in its list (where it is, or was). Item by item, so that recolouring one
 * label never invalidates the undo of a change to another.
 */
export type SchemaItemChange = {
  [K in SchemaItemKind]: { type: 'schema-item'; what: K; before: SchemaItems[K] | null; after: SchemaItems[K] | null; at: number };
}[SchemaItemKind];

/** A new document, with its text and the annotations it arrives with. */
export interface NewDocument {
  record: DocumentRecord;
  text: string;
}

export type Change =
  /** Annotations of any kinds removed and added (a modified record is removed and added). */
  | { type: 'edit'; removed: AnnotationRecord[]; added: AnnotationRecord[] }
  | { type: 'status'; documentId: string; annotator: string; from: DocumentStatus; to: DocumentStatus }
  /** A schema item added, removed or redefined; rewrites no annotation. */
  | SchemaItemChange
  /** Renames a label, relation type or document category, and every annotation that uses it. */
  | { type: 'rename'; what: SchemaItemKind; from: string; to: string }
  /** Imports: documents with their texts and annotations. Undone by 'remove-documents'. */
  | { type: 'add-documents'; documents: NewDocument[]; annotations: AnnotationRecord[] }
  | { type: 'remove-documents'; documents: NewDocument[]; annotations: AnnotationRecord[] }
  /** A document's title and details edited (its text never changes). */
  | { type: 'document-meta'; documentId: string; from: DocumentMeta; to: DocumentMeta }
  /** Several changes as one step (one undo, one transaction). */
  | { type: 'batch'; changes: Change[] };

export function invertChange(change: Change): Change {
  switch (change.type) {
    case 'edit':
      return { type: 'edit', removed: change.added, added: change.removed };
    case 'status':
      return { ...change, from: change.to, to: change.from };
    case 'schema-item':
      return { ...change, before: change.after, after: change.before } as SchemaItemChange;
    case 'rename':
      return { ...change, from: change.to, to: change.from };
    case 'add-documents':
      return { ...change, type: 'remove-documents' };
    case 'remove-documents':
      return { ...change, type: 'add-documents' };
    case 'document-meta':
      return { ...change, from: change.to, to: change.from };
    case 'batch':
      return { type: 'batch', changes: change.changes.map(invertChange).reverse() };
  }
}

/** One step made of several changes; a single change stays itself, none gives null. */
export function combineChanges(changes: readonly (Change | null)[]): Change | null {
  const present = changes.filter((c): c is Change => c !== null && !(c.type === 'batch' && c.changes.length === 0));
  if (present.length === 0) return null;
  return present.length === 1 ? (present[0] as Change) : { type: 'batch', changes: present };
}

/** The changes a step is made of, batches flattened. */
export function changeParts(change: Change): Change[] {
  return change.type === 'batch' ? change.changes.flatMap(changeParts) : [change];
}

/**
 * What part of a project a change reads and writes, so storage can load just that slice
 * (and the core can apply the change to it): every annotation of the listed documents, the
 * spans of the listed labels, the relations of the listed types, the document annotations
 * of the project when a category is renamed.
 */
export interface ChangeScope {
  documents: Set<string>;
  labels: Set<string>;
  relationTypes: Set<string>;
  categories: boolean;
  /** Also every annotation of the documents that hold spans of `labels` (a label delete's relations). */
  labelDocuments: boolean;
  /** Documents the change creates or deletes. */
  newDocuments: Set<string>;
}

export function changeScope(change: Change): ChangeScope {
  const scope: ChangeScope = { documents: new Set(), labels: new Set(), relationTypes: new Set(), categories: false, labelDocuments: false, newDocuments: new Set() };
  for (const part of changeParts(change)) {
    switch (part.type) {
      case 'edit':
        for (const record of [...part.removed, ...part.added]) scope.documents.add(record.value.documentId);
        break;
      case 'status':
      case 'document-meta':
        scope.documents.add(part.documentId);
        break;
      case 'schema-item':
        break;
      case 'rename':
        if (part.what === 'label') scope.labels.add(part.from).add(part.to);
        else if (part.what === 'relation-type') scope.relationTypes.add(part.from).add(part.to);
        else scope.categories = true;
        break;
      case 'add-documents':
      case 'remove-documents':
        for (const doc of part.documents) scope.newDocuments.add(doc.record.id);
        for (const record of part.annotations) scope.documents.add(record.value.documentId);
        break;
    }
  }
  return scope;
}

/** What removing whole documents must load: every annotation they hold. */
export function documentsScope(documentIds: Iterable<string>): ChangeScope {
  return { ...changeScope({ type: 'batch', changes: [] }), documents: new Set(documentIds) };
}

/** The documents whose annotations or status a change touches (for re-reading and counts). */
export function documentsTouched(change: Change): Set<string> {
  const scope = changeScope(change);
  return new Set([...scope.documents, ...scope.newDocuments]);
}

/** Whether a change alters the schema (renames included). */
export function changesSchema(change: Change): boolean {
  return changeParts(change).some((part) => part.type === 'schema-item' || part.type === 'rename');
}

/** What deleting a schema item must load: the annotations that go with it (edits.ts `deleteSchemaItem`). */
export function deletionScope(what: SchemaItemKind, name: string): ChangeScope {
  const scope = changeScope({ type: 'rename', what, from: name, to: name });
  scope.labelDocuments = what === 'label';
  return scope;
}
