// The IndexedDB database: every table and every schema version, in order. Upgrade
// functions live beside the version they belong to (see docs/architecture.md).
import Dexie, { type Table } from 'dexie';
import type { Annotator, DocumentRecord, DocumentStatus, Project, Span } from '../../../src-shared/domain';

export interface DocumentText {
  documentId: string;
  text: string;
}

export interface Setting {
  key: string;
  value: unknown;
}

export class SpanwrightDatabase extends Dexie {
  projects!: Table<Project, string>;
  documents!: Table<DocumentRecord, string>;
  texts!: Table<DocumentText, string>;
  spans!: Table<Span, [string, string]>;
  settings!: Table<Setting, string>;
  /** Names of every annotator whose work is in the database (teammates, gold, you). */
  annotators!: Table<Annotator, string>;

  constructor(name = 'spanwright') {
    super(name);
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
          perAnnotator[span.annotator] = (perAnnotator[span.annotator] ?? 0) + 1;
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
  }
}
