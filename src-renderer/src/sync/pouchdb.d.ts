// The part of PouchDB's API Spanwright uses, typed here: @types/pouchdb-core declares a global
// `Buffer` that breaks Node's, and PouchDB ships no types of its own. Shapes follow
// https://pouchdb.com/api.html (PouchDB 9).

declare namespace SpanwrightPouch {
  interface ExistingDoc {
    _id: string;
    _rev: string;
    _deleted?: boolean;
    _conflicts?: string[];
    [field: string]: unknown;
  }

  interface WriteResult {
    ok?: boolean;
    id?: string;
    rev?: string;
    error?: string | boolean;
    message?: string;
    reason?: string;
    status?: number;
  }

  interface AllDocsRow {
    id?: string;
    key: string;
    value?: { rev: string; deleted?: boolean };
    doc?: ExistingDoc | null;
    error?: string;
  }

  interface AllDocsResult {
    total_rows: number;
    rows: AllDocsRow[];
  }

  interface ChangesResult {
    results: Array<{ id: string; seq: number | string; deleted?: boolean; doc?: ExistingDoc; changes: Array<{ rev: string }> }>;
    last_seq: number | string;
  }

  interface Emitter {
    // Listeners receive what PouchDB passes for each event (info objects, errors).
    on(event: string, listener: (...args: never[]) => void): Emitter;
    cancel(): void;
  }

  interface ReplicationInfo {
    direction?: 'push' | 'pull';
    change: {
      docs_read: number;
      docs_written: number;
      pending?: number;
      last_seq?: number | string;
      docs?: Array<{ _id: string; _rev: string }>;
      errors?: Array<{ id?: string; reason?: string; message?: string }>;
    };
  }

  interface Database {
    readonly name: string;
    info(): Promise<{ db_name: string; doc_count: number; update_seq: number | string }>;
    get(id: string, options?: { conflicts?: boolean; rev?: string; revs?: boolean }): Promise<ExistingDoc>;
    allDocs(options: {
      keys?: string[];
      include_docs?: boolean;
      conflicts?: boolean;
      startkey?: string;
      endkey?: string;
      limit?: number;
      skip?: number;
    }): Promise<AllDocsResult>;
    bulkDocs(docs: object[], options?: { new_edits?: boolean }): Promise<WriteResult[]>;
    put(doc: object): Promise<WriteResult>;
    /** For each id, the revisions given that this database lacks (absent: it has them all). */
    revsDiff(revisions: Record<string, string[]>): Promise<Record<string, { missing: string[] }>>;
    remove(id: string, rev: string): Promise<WriteResult>;
    changes(options: {
      since?: number | string;
      live?: boolean;
      include_docs?: boolean;
      conflicts?: boolean;
      limit?: number;
      style?: 'main_only' | 'all_docs';
    }): Promise<ChangesResult> & Emitter;
    sync(remote: Database, options: Record<string, unknown>): Emitter;
    replicate: {
      to(remote: Database | string, options?: Record<string, unknown>): Promise<unknown> & Emitter;
      from(remote: Database | string, options?: Record<string, unknown>): Promise<unknown> & Emitter;
    };
    close(): Promise<void>;
    destroy(): Promise<void>;
  }

  interface Constructor {
    new (name: string, options?: Record<string, unknown>): Database;
    plugin(plugin: unknown): Constructor;
    fetch(url: string | Request, init?: RequestInit): Promise<Response>;
  }
}

declare module 'pouchdb-browser' {
  const PouchDB: SpanwrightPouch.Constructor;
  export default PouchDB;
}

declare module 'pouchdb-core' {
  const PouchDB: SpanwrightPouch.Constructor;
  export default PouchDB;
}

declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}

declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
