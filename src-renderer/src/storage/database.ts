// The IndexedDB database: every table and every schema version, in order. Upgrade
// functions live beside the version they belong to (see docs/architecture.md).
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { Change, NewDocument } from '../../../src-shared/annotations/change';
import type { AnnotationRecord } from '../../../src-shared/annotations/kinds';
import type { Annotator, DocumentAnnotation, DocumentRecord, DocumentStatus, Project, Relation, Span, Suggestion } from '../../../src-shared/domain';
import { restoreSchema } from '../../../src-shared/schema-restore';
import { addToCount } from '../../../src-shared/own-keys';
import { spaceGuard } from './space-guard';

export interface DocumentText {
  documentId: string;
  text: string;
}

export interface Setting {
  key: string;
  value: unknown;
}

/** One committed change: what happened, when, by whom. The log team sync reads (and an audit trail). */
export interface ChangeLogEntry {
  /** Local order of commits (auto-increment). */
  seq?: number;
  /** Unique across machines. */
  id: string;
  projectId: string;
  time: number;
  /** Who made the change (your id, or gold when reviewing). */
  annotator: string;
  /** The change as applied; texts of added documents are left out (they live in `texts`, unchanged). */
  change: Change;
}

/**
 * A removed document: its row, text and every annotation it held (any annotator), so that
 * restoring it brings back exactly what was removed. Written by every removal (commit.ts).
 */
export interface TrashedDocument {
  documentId: string;
  projectId: string;
  removedAt: number;
  /** Who removed it. */
  removedBy: string;
  document: NewDocument;
  annotations: AnnotationRecord[];
}

export class SpanwrightDatabase extends Dexie {
  projects!: Table<Project, string>;
  documents!: Table<DocumentRecord, string>;
  texts!: Table<DocumentText, string>;
  spans!: Table<Span, [string, string]>;
  settings!: Table<Setting, string>;
  /** Names of every annotator whose work is in the database (teammates, gold, you). */
  annotators!: Table<Annotator, string>;
  relations!: Table<Relation, [string, string]>;
  /** Document labels and document notes, one row per document and annotator. */
  documentAnnotations!: Table<DocumentAnnotation, [string, string]>;
  changeLog!: Table<ChangeLogEntry, number>;
  /** Proposed spans per annotator (pending or rejected); never exported or compared. */
  suggestions!: Table<Suggestion, [string, string]>;
  /** Removed documents with all their annotations, until restored or deleted for good. */
  trash!: Table<TrashedDocument, string>;

  /** `options` serve `durable.ts`: a second connection whose transactions ask for strict durability. */
  constructor(name = 'spanwright', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      projects: 'id, name',
      documents: 'id, projectId, [projectId+order], [projectId+textHash]',
      texts: 'documentId',
      // Span ids are unique within a project (not across projects), so a project exported and
      // imported as a new one keeps its span ids, and a teammate's re-export updates in place.
      spans: '[projectId+id], documentId, projectId, [projectId+label]',
      settings: 'key',
    });
    // Version 2: statuses and span counts per annotator (teammates' layers live beside yours),
    // and a table of annotator names. A version-1 document's status was its one annotator's.
    this.version(2)
      .stores({ annotators: 'id' })
      .upgrade(async (tx) => {
        const me = (await tx.table<Setting, string>('settings').get('annotator'))?.value as Annotator | undefined;
        const counts = new Map<string, Record<string, number>>();
        await tx.table<Span>('spans').each((span) => {
          const perAnnotator = counts.get(span.documentId) ?? {};
          addToCount(perAnnotator, span.annotator);
          counts.set(span.documentId, perAnnotator);
        });
        await tx
          .table('documents')
          .toCollection()
          .modify((doc: Record<string, unknown>) => {
            const status = doc['status'] as DocumentStatus | undefined;
            doc['statuses'] = me && status && status !== 'todo' ? { [me.id]: status } : {};
            doc['spanCounts'] = counts.get(doc['id'] as string) ?? {};
            delete doc['status'];
            delete doc['spanCount'];
          });
        if (me) await tx.table('annotators').put({ id: me.id, name: me.name });
      });
    // Version 3: relations, document annotations (document labels and notes) and the change
    // log. Schemas gain their relation types, document categories and label attributes (none).
    this.version(3)
      .stores({
        relations: '[projectId+id], documentId, projectId, [projectId+type]',
        documentAnnotations: '[documentId+annotator], projectId, documentId',
        changeLog: '++seq, &id, projectId',
      })
      .upgrade(async (tx) => {
        await tx
          .table('projects')
          .toCollection()
          .modify((project: Record<string, unknown>) => {
            const restored = restoreSchema(project['schema']);
            if (restored.ok) project['schema'] = restored.value;
            else {
              // A schema this version cannot fully read keeps everything it has, plus the new lists.
              const schema = project['schema'] as Record<string, unknown>;
              project['schema'] = { ...schema, relationTypes: schema['relationTypes'] ?? [], documentCategories: schema['documentCategories'] ?? [] };
            }
          });
      });
    // Version 4: suggestions (same-string, dictionary, pattern, tagger and imported proposals).
    // A new table only: nothing older changes.
    this.version(4).stores({
      suggestions: '[projectId+id], documentId, projectId, [projectId+label]',
    });
    // Version 5: the trash. A new table only: nothing older changes.
    this.version(5).stores({
      trash: 'documentId, projectId',
    });
    // A write that finds the disk full turns the app read-only instead of failing alone (space-guard.ts).
    this.use(spaceGuard(name));
  }
}
