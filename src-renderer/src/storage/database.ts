// The IndexedDB database: every table and every schema version, in order. Upgrade
// functions live beside the version they belong to (see docs/architecture.md).
import Dexie, { type Table } from 'dexie';
import type { DocumentRecord, Project, Span } from '../../../src-shared/domain';

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
  }
}
