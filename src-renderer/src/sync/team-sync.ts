// Keeps one project in step with a CouchDB database. The local Dexie database stays the app's
// source of truth; a local PouchDB replica (IndexedDB) stands between it and the server, and
// PouchDB's replication (the CouchDB protocol: revision trees, checkpoints, retries) moves
// documents both ways. Outgoing: change-log entries say which server documents are out of
// date; they are rebuilt from Dexie and written to the replica. Incoming: the replica's
// changes feed gives what arrived; each is turned into a Change and committed through
// storage's single write path. Layout and rules: docs/sync.md.
import PouchDB from 'pouchdb-browser';
import type { Change, NewDocument } from '../../../src-shared/annotations/change';
import { changeParts, changesSchema, documentsScope, documentsTouched } from '../../../src-shared/annotations/change';
import { recordsOf } from '../../../src-shared/annotations/state';
import type { Annotator, DocumentStatus, Project } from '../../../src-shared/domain';
import { GOLD_ANNOTATOR } from '../../../src-shared/domain';
import { changedKeys } from '../../../src-shared/sync/changed-keys';
import { mergeOwnAnnotations, replaceAnnotations } from '../../../src-shared/sync/incoming-edit';
import { schemaChanges } from '../../../src-shared/sync/schema-changes';
import {
  fromAnnotationsDoc,
  fromDocumentDoc,
  GOLD_OWNER,
  readServerDocument,
  RENAMES_KEPT,
  sameContent,
  SCHEMA_DOC_ID,
  textDocId,
  toAnnotationsDoc,
  toDocumentDoc,
  toProjectDoc,
  toSchemaDoc,
  toTextDoc,
  type AnnotationsDoc,
  type DocumentDoc,
  type LocalAnnotations,
  type SchemaRename,
  type ServerDocument,
  type TextDoc,
} from '../../../src-shared/sync/server-documents';
import { commitChange, readSlice } from '../storage/commit';
import { countSchemaItemUses } from '../storage/projects';
import type { SpanwrightDatabase } from '../storage/database';
import { readChangeLogAfter, readNewestLogSeq } from '../storage/documents';
import { writesSignal } from '../storage/write-permits';
import { readDocumentAnnotations } from '../storage/spans';
import { databaseUrl, withCredentials, explainStatus } from './server-account';
import { readConflicts, readCursor, writeConflicts, writeCursor, type SyncCursor, type TeamConnection } from './team-settings';
import { errorMessage } from '../../../src-shared/result';
import { pushAll } from '../../../src-shared/push-all';

export type SyncState = 'starting' | 'syncing' | 'synced' | 'offline' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** Local changes not yet on the server. */
  waiting: number;
  /** What went wrong (error, offline), in words. */
  message: string | null;
  /** Documents the server refused or the app could not apply, with the reason. */
  problems: string[];
  lastSyncedAt: number | null;
  /** Documents two people changed at once: one version kept, the other waiting for a lead (Team server…). */
  conflicts: number;
  /** The server no longer accepts this sign-in (401: the session ended, or the password changed): sign in again. */
  needsSignIn: boolean;
}

/** What reached the replica since the pump applied what had arrived: read on batch by batch. */
interface ArrivedSince {
  seq: number | string;
  /** Ids of documents that arrived (not written by this pump). */
  ids: Set<string>;
  /** `id@rev` this pump wrote. */
  written: Set<string>;
}

/** One server document turned into the change that applies it. */
interface PreparedEdit {
  change: Change;
  annotators: Annotator[];
}

export interface ConflictVersion {
  rev: string;
  savedBy: string;
  savedAt: number | null;
  summary: string;
}

export interface ConflictDetails {
  id: string;
  what: string;
  /** CouchDB's choice first. */
  versions: ConflictVersion[];
}

/** The prefix of local annotator ids that stand for a teammate's CouchDB user. */
export const TEAM_ANNOTATOR_PREFIX = 'couch:';

const BATCH = 200;
/** How often a first pull's arrivals are applied while it runs. */
const FIRST_PULL_APPLY_MS = 3000;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Stored = ServerDocument & { _rev?: string; _deleted?: boolean };

export class TeamSync {
  private readonly local: SpanwrightPouch.Database;
  private readonly remote: SpanwrightPouch.Database;
  private replication: SpanwrightPouch.Emitter | null = null;
  private firstPull: SpanwrightPouch.Emitter | null = null;
  private feed: SpanwrightPouch.Emitter | null = null;
  private running = Promise.resolve();
  private pumpTimer: ReturnType<typeof setTimeout> | null = null;
  /** Pumps queued or running: while any is, the replica may not hold everything yet. */
  private pumpsQueued = 0;
  /** Between the replication's 'active' and 'paused': its pause will ask how things stand. */
  private replicationActive = false;
  private closed = false;
  private stopping: Promise<void> | null = null;
  /** Documents this replica wrote that the server does not have yet: id -> revision. */
  private readonly waiting = new Map<string, string>();
  private pausedCheck: ReturnType<typeof setTimeout> | null = null;
  private status: SyncStatus = { state: 'starting', waiting: 0, message: null, problems: [], lastSyncedAt: null, conflicts: 0, needsSignIn: false };
  private readonly unhook: () => void;

  constructor(
    private readonly db: SpanwrightDatabase,
    private readonly projectId: string,
    private readonly connection: TeamConnection,
    /** Ignored for a cookie session (the browser sends the cookie). */
    password: string,
    private readonly onStatus: (status: SyncStatus) => void,
    /** Called after a server document was applied here: the documents it changed, or null for all (a rename). */
    private readonly onApplied: (documentIds: ReadonlySet<string> | null) => void = () => undefined,
  ) {
    // No automatic compaction: the body of the revision this machine last saw is what tells
    // its own edits from a teammate's when a new version arrives (applyShared).
    this.local = new PouchDB(replicaName(projectId));
    const authorize = withCredentials({ ...connection, password });
    this.remote = new PouchDB(databaseUrl(connection), {
      skip_setup: true,
      fetch: (url: string | Request, init?: RequestInit) => PouchDB.fetch(url, authorize(init)),
    });
    // Every committed change is logged: a new log entry means something may need pushing.
    const onLogged = () => this.schedulePump();
    this.db.changeLog.hook('creating', onLogged);
    this.unhook = () => this.db.changeLog.hook('creating').unsubscribe(onLogged);
    // Another window took the project: this one stops syncing it at once (that window syncs it now).
    writesSignal(db, projectId)?.addEventListener('abort', () => void this.stop(), { once: true });
  }

  /**
   * Takes what the server has first (so a project joining a team starts from the team's
   * schema and documents, not its own), then replicates live both ways while what changed
   * while stopped is written to the replica: a big first push starts moving with its first
   * batch instead of after the last one.
   */
  start(): void {
    this.setStatus({ state: 'syncing' });
    const firstPull = this.local.replicate.from(this.remote, { batch_size: 100 });
    this.firstPull = firstPull;
    const pulled = firstPull.then(
      () => ({ error: null }),
      (error: unknown) => ({ error }),
    );
    this.serially(async () => {
      // What has arrived is applied every few seconds while the rest comes, so a first sync of
      // thousands of documents fills the list as it goes (the pump still waits for the end).
      for (;;) {
        const outcome = await Promise.race([pulled, delay(FIRST_PULL_APPLY_MS).then(() => null)]);
        if (this.closed) return;
        if (outcome) {
          if (outcome.error) this.failed('offline', outcome.error);
          break;
        }
        await this.applyIncoming();
      }
      this.setStatus({ conflicts: (await readConflicts(this.db, this.projectId)).length });
      await this.recountWaiting();
      await this.applyIncoming();
    });
    this.running = this.running.then(() => {
      if (this.closed) return;
      this.feed = this.local.changes({ since: 'now', live: true }).on('change', () => this.serially(() => this.applyIncoming()));
      this.replicate();
    });
    // Queued after the live feed is set up: what the pump writes is pushed as it lands, and
    // what arrives meanwhile is applied after it (serially), as with any pump while live.
    this.queuePump();
  }

  /** Replicates now (after an error or when offline, instead of waiting for the retry). */
  syncNow(): void {
    this.replication?.cancel();
    this.queuePump();
    this.replicate();
  }

  /** Stops once, however often asked (the workbench closing, another window taking the project). */
  stop(): Promise<void> {
    this.stopping ??= this.stopOnce();
    return this.stopping;
  }

  private async stopOnce(): Promise<void> {
    this.closed = true;
    this.unhook();
    if (this.pumpTimer) clearTimeout(this.pumpTimer);
    if (this.pausedCheck) clearTimeout(this.pausedCheck);
    this.firstPull?.cancel();
    this.replication?.cancel();
    this.feed?.cancel();
    await this.running;
    await this.local.close();
    await this.remote.close();
  }

  /** Drops the local replica of a project's server database (disconnecting, or another server). */
  static async forgetReplica(projectId: string): Promise<void> {
    await new PouchDB(replicaName(projectId)).destroy();
  }

  /** The documents changed in two places at once, with both versions, for a lead to settle. */
  async conflicts(): Promise<ConflictDetails[]> {
    const details: ConflictDetails[] = [];
    for (const conflict of await readConflicts(this.db, this.projectId)) {
      const versions: ConflictVersion[] = [];
      for (const rev of [conflict.kept, ...conflict.others]) {
        const body = await this.local.get(conflict.id, { rev }).catch(() => null);
        if (body)
          versions.push({
            rev,
            savedBy: typeof body.savedBy === 'string' ? body.savedBy : '?',
            savedAt: typeof body.savedAt === 'number' ? body.savedAt : null,
            summary: await this.summarise(body),
          });
      }
      if (versions.length > 1) details.push({ id: conflict.id, what: await this.describe(conflict.id), versions });
    }
    return details;
  }

  /**
   * Settles a conflict: `rev` becomes the version everyone has (applied here, written on top of
   * CouchDB's choice) and the other versions leave the revision tree.
   */
  settle(id: string, rev: string): Promise<void> {
    return this.serialised(async () => {
      const winner = await this.local.get(id, { conflicts: true });
      const chosen = (await this.local.get(id, { rev })) as unknown as Stored;
      const read = readServerDocument(chosen);
      if (!read.ok) throw new Error('That version can no longer be read.');
      if (rev !== winner._rev) {
        await this.applyDocument(read.doc, true);
        const { _rev: _chosenRev, ...content } = chosen;
        await this.local.bulkDocs([
          { ...this.stamped({ ...(content as ServerDocument), writer: this.connection.replicaId }), _rev: winner._rev },
        ]);
      }
      // The losing leaves end (the chosen one's content now sits on top of the winner).
      for (const other of winner._conflicts ?? []) await this.local.remove(id, other);
      const remaining = (await readConflicts(this.db, this.projectId)).filter((c) => c.id !== id);
      await writeConflicts(this.db, this.projectId, remaining);
      this.setStatus({ conflicts: remaining.length });
    });
  }

  private serialised(work: () => Promise<void>): Promise<void> {
    const done = this.running.then(work);
    this.running = done.catch(() => undefined);
    return done;
  }

  private async describe(id: string): Promise<string> {
    const [kind, documentId, owner] = id.split(':');
    const title = documentId ? ((await this.db.documents.get(documentId))?.meta.title ?? documentId) : '';
    if (kind === 'project') return 'Project name, guidelines and work assignment';
    if (kind === 'schema') return 'Labels, relation types and document categories';
    if (kind === 'document') return `Details of “${title}”`;
    if (owner === GOLD_OWNER) return `Gold annotations of “${title}”`;
    return `${owner ?? '?'}'s annotations of “${title}”`;
  }

  private async summarise(body: SpanwrightPouch.ExistingDoc): Promise<string> {
    const read = readServerDocument(body);
    if (!read.ok) return 'unreadable';
    const doc = read.doc;
    switch (doc.kind) {
      case 'project':
        return `“${doc.name}”, guidelines of ${doc.guidelines.length} characters${doc.assignment ? ', work assigned' : ''}`;
      case 'schema':
        return [
          `labels ${doc.schema.labels.map((l) => l.name).join(', ') || 'none'}`,
          doc.schema.relationTypes.length > 0 ? `relations ${doc.schema.relationTypes.map((t) => t.name).join(', ')}` : '',
          doc.schema.documentCategories.length > 0 ? `categories ${doc.schema.documentCategories.map((c) => c.name).join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; ');
      case 'document':
        return `title “${doc.meta.title}”${doc.removed ? ', removed' : ''}`;
      case 'annotations':
        return `${doc.spans.length} spans, ${doc.relations.length} relations, ${doc.status.replace('_', ' ')}`;
      case 'text':
        return `${doc.text.length} characters`;
    }
  }

  current(): SyncStatus {
    return this.status;
  }

  private setStatus(next: Partial<SyncStatus>): void {
    // Any request that went through shows the sign-in still holds.
    const signedIn = next.state === 'syncing' || next.state === 'synced' ? { needsSignIn: false } : {};
    this.status = { ...this.status, ...signedIn, ...next };
    if (!this.closed) this.onStatus(this.status);
  }

  /** A request failed: offline (retried) or an error, and whether only signing in again helps. */
  private failed(state: 'offline' | 'error', error: unknown): void {
    const needsSignIn = (error as { status?: unknown } | null)?.status === 401;
    this.setStatus({ state, message: describeError(error, this.connection), waiting: this.waiting.size, needsSignIn });
  }

  private addProblem(problem: string): void {
    if (this.status.problems.includes(problem)) return;
    this.setStatus({ problems: [...this.status.problems.slice(-49), problem] });
  }

  private replicate(): void {
    if (this.closed) return;
    const replication = this.local.sync(this.remote, {
      live: true,
      retry: true,
      batch_size: 100,
      back_off_function: (delay: number) => (delay === 0 ? 1000 : Math.min(delay * 2, 30_000)),
    });
    this.replication = replication;
    replication
      .on('active', () => {
        this.replicationActive = true;
        this.setStatus({ state: 'syncing', message: null });
      })
      .on('change', (info: SpanwrightPouch.ReplicationInfo) => {
        if (info.direction === 'push') this.pushed(info.change);
        this.setStatus({ state: 'syncing', waiting: this.waiting.size });
      })
      .on('paused', (err: unknown) => {
        this.replicationActive = false;
        this.paused(err);
      })
      .on('denied', (err: unknown) => {
        const denied = err as { id?: string; reason?: string; message?: string };
        if (denied.id) this.waiting.delete(denied.id);
        this.addProblem(`${denied.id ?? 'A document'}: refused by the server: ${denied.reason ?? denied.message ?? 'forbidden'}`);
      })
      .on('error', (err: unknown) => this.failed('error', err));
  }

  /** The push side wrote these: they no longer wait; where it got to is kept for a restart. */
  private pushed(change: SpanwrightPouch.ReplicationInfo['change']): void {
    // What the server refused (its validate function) is a problem to show, not work waiting.
    for (const error of change.errors ?? []) {
      if (error.id) this.waiting.delete(error.id);
      this.addProblem(`${error.id ?? 'A document'}: refused by the server: ${error.reason ?? error.message ?? 'forbidden'}`);
    }
    for (const doc of change.docs ?? []) if (this.waiting.get(doc._id) === doc._rev) this.waiting.delete(doc._id);
    if (change.last_seq !== undefined) {
      const pushedReplicaSeq = change.last_seq;
      this.serially(async () => writeCursor(this.db, this.projectId, { ...(await this.cursor()), pushedReplicaSeq }));
    }
  }

  /**
   * Replication paused: caught up, or waiting to retry (PouchDB reports a failed request that
   * it will retry as a pause without an error). The server is asked which of the revisions this
   * replica wrote it lacks (`_revs_diff`): none is synced; an answer with some, or no answer, is
   * offline with that many waiting.
   */
  private paused(err: unknown): void {
    if (this.pausedCheck) clearTimeout(this.pausedCheck);
    if (err) {
      this.failed('offline', err);
      return;
    }
    // A pause just before the push takes the newest writes is not a failure: ask shortly after.
    this.pausedCheck = setTimeout(
      () => {
        this.pausedCheck = null;
        void this.checkWaiting();
      },
      this.waiting.size === 0 ? 0 : 1000,
    );
  }

  private async checkWaiting(): Promise<void> {
    const asked = new Map(this.waiting);
    if (asked.size > 0) {
      try {
        const missing = await this.remote.revsDiff(Object.fromEntries([...asked].map(([id, rev]) => [id, [rev]])));
        for (const [id, rev] of asked) if (!missing[id] && this.waiting.get(id) === rev) this.waiting.delete(id);
      } catch (error) {
        if (!this.closed) this.failed('offline', error);
        return;
      }
    }
    if (this.closed) return;
    // Caught up with what the replica holds, while a pump still writes more: not synced yet
    // (the pump's end asks again).
    if (this.waiting.size === 0 && this.pumpsQueued > 0) this.setStatus({ state: 'syncing', waiting: 0 });
    else if (this.waiting.size === 0) this.setStatus({ state: 'synced', message: null, waiting: 0, lastSyncedAt: Date.now() });
    else
      this.setStatus({
        state: 'offline',
        waiting: this.waiting.size,
        message: `The server at ${this.connection.url} has not taken ${this.waiting.size} change(s) yet; your work is kept here and syncs when it can.`,
      });
  }

  /** What this replica wrote since the push last reported, after a restart. */
  private async recountWaiting(): Promise<void> {
    const since = (await this.cursor()).pushedReplicaSeq ?? 0;
    for (let from: number | string = since; ;) {
      const batch = await this.local.changes({ since: from, include_docs: true, limit: 500 });
      for (const change of batch.results) {
        const doc = change.doc;
        if (doc && doc.writer === this.connection.replicaId) this.waiting.set(change.id, doc._rev);
      }
      if (batch.results.length < 500) break;
      from = batch.last_seq;
    }
    this.setStatus({ waiting: this.waiting.size });
  }

  private schedulePump(): void {
    if (this.closed || this.pumpTimer) return;
    this.pumpTimer = setTimeout(() => {
      this.pumpTimer = null;
      this.queuePump();
    }, 150);
  }

  /** A pump after the work queued before it; the status says synced only once none is left. */
  private queuePump(): void {
    this.pumpsQueued += 1;
    this.serially(async () => {
      try {
        await this.pump();
      } finally {
        this.pumpsQueued -= 1;
        // A pause that found nothing waiting said "syncing" while this pump ran; if the pump
        // left nothing to push, the replication may stay quiet, so ask here. (With work
        // waiting, its next pause asks; offline or an error stand until the server answers.)
        if (this.pumpsQueued === 0 && this.waiting.size === 0 && this.status.state === 'syncing' && !this.replicationActive && !this.closed)
          this.paused(null);
      }
    });
  }

  /** Runs sync work one piece at a time (pump and apply never interleave). */
  private serially(work: () => Promise<void>): void {
    this.running = this.running.then(async () => {
      if (this.closed) return;
      try {
        await work();
      } catch (error) {
        this.setStatus({ state: 'error', message: errorMessage(error) });
      }
    });
  }

  private async cursor(): Promise<SyncCursor> {
    return (await readCursor(this.db, this.projectId)) ?? { pushedLogSeq: -1, appliedSeq: 0, waiting: [] };
  }

  // ---- Outgoing: Dexie -> local replica ---------------------------------------------------

  /** The server owner of a local annotator's work, or null when it is not ours to push (teammates). */
  private ownerOf(annotator: string): string | null {
    if (annotator === this.connection.annotatorId) return this.connection.user;
    if (annotator === GOLD_ANNOTATOR.id && this.connection.lead) return GOLD_OWNER;
    return null;
  }

  private localAnnotatorOf(owner: string): string {
    if (owner === this.connection.user) return this.connection.annotatorId;
    if (owner === GOLD_OWNER) return GOLD_ANNOTATOR.id;
    return `${TEAM_ANNOTATOR_PREFIX}${owner}`;
  }

  private async pump(): Promise<void> {
    // What arrived is applied first, so a local version is never written over one not seen here.
    await this.applyIncoming();
    const cursor = await this.cursor();
    const project = await this.db.projects.get(this.projectId);
    if (!project) return;
    const arrived: ArrivedSince = { seq: cursor.appliedSeq, ids: new Set(), written: new Set() };
    // Up to the newest entry now: one logged while this runs is taken next time.
    const lastSeq = await readNewestLogSeq(this.db);
    const entries = await readChangeLogAfter(this.db, cursor.pushedLogSeq, { projectId: this.projectId, upTo: lastSeq });
    const lead = this.connection.lead;
    const wanted: ServerDocument[] = lead ? [toProjectDoc(project, this.connection.replicaId)] : [];
    const firstPush = cursor.pushedLogSeq < 0;
    const keys = changedKeys(entries.map((e) => e.change));
    if (!lead && keys.schema && (await this.schemaDiffersFromServer(project.schema)))
      // Not sent: the server would refuse it (its validate function), and a refused version left
      // in the replica would shadow the leads' next one. Said in words instead.
      this.addProblem(
        'Labels: only the project leads (database admins) can change schema documents on the server; your change stays on this computer.',
      );
    if (lead && (firstPush || keys.schema)) {
      const renames = entries.flatMap((entry) =>
        changeParts(entry.change).flatMap((part, index) =>
          part.type === 'rename' ? [{ id: `${entry.id}:${index}`, what: part.what, from: part.from, to: part.to }] : [],
        ),
      );
      if (renames.length > 0) await this.markRenamesApplied(renames.map((r) => r.id));
      wanted.push(toSchemaDoc(project.schema, this.connection.replicaId, [...(await this.knownRenames()), ...renames]));
    }

    const documentIds = new Set(keys.documents);
    const pairs = new Map(keys.annotations.map((p) => [`${p.documentId}\u0000${p.annotator}`, p]));
    if (firstPush || keys.everyAnnotation) {
      const all = await this.db.documents.where('projectId').equals(this.projectId).toArray();
      if (firstPush && lead) for (const doc of all) documentIds.add(doc.id);
      // Only what holds work: spans and statuses are counted on the row, document labels looked up.
      const labelled = new Set(
        (await this.db.documentAnnotations.where('projectId').equals(this.projectId).toArray()).map(
          (a) => `${a.documentId}\u0000${a.annotator}`,
        ),
      );
      for (const doc of all)
        for (const annotator of [this.connection.annotatorId, GOLD_ANNOTATOR.id]) {
          const key = `${doc.id}\u0000${annotator}`;
          if (doc.spanCounts[annotator] || doc.statuses[annotator] || labelled.has(key)) pairs.set(key, { documentId: doc.id, annotator });
        }
    }
    await this.writeReplica(wanted, arrived);
    // Documents, texts, schema and gold are the leads' to write (the server refuses them from members).
    const ids = lead ? [...documentIds] : [];
    for (let from = 0; from < ids.length; from += BATCH)
      await this.writeReplica(await this.documentDocs(ids.slice(from, from + BATCH), firstPush), arrived);
    const names = await this.annotatorNames();
    const owned = [...pairs.values()].filter(({ annotator }) => this.ownerOf(annotator) !== null);
    for (let from = 0; from < owned.length; from += BATCH) {
      const chunk = owned.slice(from, from + BATCH);
      const records = await this.db.documents.bulkGet(chunk.map((p) => p.documentId));
      const docs: ServerDocument[] = [];
      for (const [i, { documentId, annotator }] of chunk.entries()) {
        const record = records[i];
        const owner = this.ownerOf(annotator);
        if (!record || record.projectId !== this.projectId || owner === null) continue;
        const local = await this.localAnnotations(documentId, annotator, record.statuses[annotator] ?? 'todo');
        docs.push(toAnnotationsDoc(documentId, owner, names.get(annotator) ?? owner, local, this.connection.replicaId));
      }
      await this.writeReplica(docs, arrived);
    }
    await writeCursor(this.db, this.projectId, { ...(await this.cursor()), pushedLogSeq: lastSeq });
  }

  /** The document (and, when new or asked, text) documents of these documents; a removed one says so. */
  private async documentDocs(documentIds: readonly string[], withText: boolean): Promise<ServerDocument[]> {
    const writer = this.connection.replicaId;
    const [records, trashed, replicaTexts] = await Promise.all([
      this.db.documents.bulkGet([...documentIds]),
      this.db.trash.bulkGet([...documentIds]),
      withText ? null : this.local.allDocs({ keys: documentIds.map(textDocId) }),
    ]);
    const docs: ServerDocument[] = [];
    const textsWanted: string[] = [];
    documentIds.forEach((id, i) => {
      const record = records[i];
      const removed = trashed[i];
      if (record && record.projectId === this.projectId) {
        docs.push(toDocumentDoc(record, writer));
        const row = replicaTexts?.rows[i];
        if (withText || !row?.value || row.value.deleted) textsWanted.push(id);
      } else if (removed && removed.projectId === this.projectId) docs.push(toDocumentDoc(removed.document.record, writer, true));
    });
    for (const text of await this.db.texts.bulkGet(textsWanted)) if (text) docs.push(toTextDoc(text.documentId, text.text, writer));
    return docs;
  }

  private async localAnnotations(documentId: string, annotator: string, status: DocumentStatus): Promise<LocalAnnotations> {
    return { status, records: await readDocumentAnnotations(this.db, documentId, [annotator]) };
  }

  private async annotatorNames(): Promise<Map<string, string>> {
    return new Map((await this.db.annotators.toArray()).map((a) => [a.id, a.name]));
  }

  /**
   * Writes the documents whose content differs from the replica's, on top of its current
   * revision. What arrived since the pump's apply (`arrived`, read on from where it was last
   * read) is left for applyShared, which keeps both versions if both changed.
   */
  private async writeReplica(wanted: ServerDocument[], arrived: ArrivedSince): Promise<void> {
    const news = await this.local.changes({ since: arrived.seq });
    arrived.seq = news.last_seq;
    for (const change of news.results)
      if (!change.changes.some((c) => arrived.written.has(`${change.id}@${c.rev}`))) arrived.ids.add(change.id);
    const unapplied = arrived.ids;
    for (let from = 0; from < wanted.length; from += BATCH) {
      const batch = wanted.slice(from, from + BATCH);
      const existing = await this.local.allDocs({ keys: batch.map((d) => d._id), include_docs: true });
      const writes: Stored[] = [];
      batch.forEach((doc, i) => {
        const row = existing.rows[i] as { doc?: Stored | null; value?: { rev: string; deleted?: boolean } } | undefined;
        const current = row?.doc ?? null;
        if (current && sameContent(current, doc)) return;
        if (unapplied.has(doc._id)) {
          this.schedulePump();
          return;
        }
        // Nothing done on a document yet: no document on the server either (100,000 empty ones would cost every teammate).
        if (!current && doc.kind === 'annotations' && isUntouched(doc)) return;
        writes.push(row?.value?.rev ? { ...this.stamped(doc), _rev: row.value.rev } : this.stamped(doc));
      });
      if (writes.length === 0) continue;
      const results = await this.local.bulkDocs(writes);
      for (const result of results) {
        // A revision that arrived between reading and writing: applied first, then written again.
        if (result.status === 409 || result.error === 'conflict') this.schedulePump();
        else if (result.error) this.addProblem(`${result.id ?? 'A document'}: ${result.message ?? String(result.error)}`);
        else if (result.id && result.rev) {
          this.waiting.set(result.id, result.rev);
          arrived.written.add(`${result.id}@${result.rev}`);
        }
      }
      this.setStatus({ waiting: this.waiting.size });
    }
  }

  // ---- Incoming: local replica -> Dexie ---------------------------------------------------

  private async applyIncoming(): Promise<void> {
    let cursor = await this.cursor();
    // Every document that waited is tried again in the first batch; what still cannot be applied waits on.
    const retry = cursor.waiting;
    const stillWaiting = new Set<string>();
    for (;;) {
      const changes = await this.local.changes({ since: cursor.appliedSeq, include_docs: true, limit: BATCH });
      const ids = new Set(changes.results.map((c) => c.id));
      const docs: Stored[] = changes.results.flatMap((c) => (c.doc && !c.deleted ? [c.doc as unknown as Stored] : []));
      // What waited for a document or text may be complete now.
      if (retry.length > 0) {
        const waitingIds = retry.filter((id) => !ids.has(id));
        retry.length = 0;
        if (waitingIds.length > 0) {
          const again = await this.local.allDocs({ keys: waitingIds, include_docs: true });
          for (const row of again.rows) if ('doc' in row && row.doc) docs.push(row.doc as unknown as Stored);
        }
      }
      for (const id of ids) stillWaiting.delete(id);
      for (const id of await this.applyDocuments(docs)) stillWaiting.add(id);
      cursor = { ...(await this.cursor()), appliedSeq: changes.last_seq, waiting: [...stillWaiting] };
      await writeCursor(this.db, this.projectId, cursor);
      if (changes.results.length < BATCH) break;
    }
  }

  /** Applies documents in the order they depend on each other; returns the ids that must wait. */
  private async applyDocuments(raw: readonly Stored[]): Promise<string[]> {
    const order: Record<ServerDocument['kind'], number> = { project: 0, schema: 1, text: 2, document: 3, annotations: 4 };
    const docs: Stored[] = [];
    for (const item of raw) {
      const read = readServerDocument(item);
      // The checked form (a schema restored item by item), with CouchDB's fields.
      if (read.ok) docs.push({ ...item, ...read.doc });
      else if (!read.skip) this.addProblem(`Not applied: ${read.reason}`);
    }
    docs.sort((a, b) => order[a.kind] - order[b.kind]);
    const waiting: string[] = [];
    // A first sync brings thousands of documents: new documents and teammates' work are
    // committed a batch at a time (one transaction each), the rest one by one.
    const handled = new Set<string>();
    pushAll(waiting, await this.addNewDocuments(docs, handled));
    await this.applyTeammates(docs, handled, waiting);
    for (const doc of docs) {
      if (handled.has(doc._id)) continue;
      try {
        if (!(await this.applyShared(doc))) continue;
        if (!(await this.applyDocument(doc))) waiting.push(doc._id);
      } catch (error) {
        this.addProblem(`${doc._id}: not applied: ${errorMessage(error)}`);
      }
    }
    return waiting;
  }

  /**
   * Documents new here (not in this database, not in its trash), added in one change with
   * their texts; returns those whose text has not arrived yet. Nothing here to conflict with.
   */
  private async addNewDocuments(docs: readonly Stored[], handled: Set<string>): Promise<string[]> {
    const candidates = docs.filter((doc): doc is DocumentDoc & Stored => doc.kind === 'document' && !doc.removed);
    if (candidates.length === 0) return [];
    const ids = candidates.map((doc) => doc.documentId);
    const [locals, trashed, texts] = await Promise.all([
      this.db.documents.bulkGet(ids),
      this.db.trash.bulkGet(ids),
      this.local.allDocs({ keys: ids.map(textDocId), include_docs: true }),
    ]);
    const fresh: NewDocument[] = [];
    const freshDocs: Stored[] = [];
    const waiting: string[] = [];
    const now = Date.now();
    candidates.forEach((doc, i) => {
      if (locals[i] || trashed[i]) return;
      handled.add(doc._id);
      const text = texts.rows[i]?.doc;
      if (!text || text.kind !== 'text' || typeof text.text !== 'string') {
        waiting.push(doc._id);
        return;
      }
      if (text.text.length !== doc.textLength) {
        this.addProblem(`${doc._id}: not applied: its text does not have the length its document says`);
        return;
      }
      fresh.push({ record: fromDocumentDoc(doc, this.projectId, now), text: text.text });
      freshDocs.push(doc);
    });
    if (fresh.length === 0) return waiting;
    try {
      await this.commit({ type: 'add-documents', documents: fresh, annotations: [] });
    } catch {
      // One of them does not fit (an id used by another project...): each alone, to say which.
      for (const doc of freshDocs) {
        try {
          if (!(await this.applyDocument(doc))) waiting.push(doc._id);
        } catch (error) {
          this.addProblem(`${doc._id}: not applied: ${errorMessage(error)}`);
        }
      }
    }
    return waiting;
  }

  /** Teammates' work (one writer each, so never a conflict), in one change. */
  private async applyTeammates(docs: readonly Stored[], handled: Set<string>, waiting: string[]): Promise<void> {
    const prepared: Array<{ doc: Stored; edit: PreparedEdit }> = [];
    for (const doc of docs) {
      if (doc.kind !== 'annotations' || isShared(doc, this.connection.user)) continue;
      handled.add(doc._id);
      try {
        const edit = await this.prepareAnnotations(doc);
        if (edit === 'wait') waiting.push(doc._id);
        else if (edit) prepared.push({ doc, edit });
      } catch (error) {
        this.addProblem(`${doc._id}: not applied: ${errorMessage(error)}`);
      }
    }
    if (prepared.length === 0) return;
    const annotators = [...new Map(prepared.flatMap((p) => p.edit.annotators).map((a) => [a.id, a])).values()];
    try {
      await this.commit({ type: 'batch', changes: prepared.map((p) => p.edit.change) }, annotators);
    } catch {
      // One does not fit: each alone, built again from what is stored now, to say which.
      for (const { doc } of prepared) {
        try {
          if (!(await this.applyAnnotations(doc as AnnotationsDoc))) waiting.push(doc._id);
        } catch (error) {
          this.addProblem(`${doc._id}: not applied: ${errorMessage(error)}`);
        }
      }
    }
  }

  /**
   * What several people may write (project, schema, document details, gold; your own work
   * from two machines): a version that arrives while this machine changed the same document
   * is a conflict, never an overwrite. This machine's version is added to CouchDB's revision
   * tree as a sibling, CouchDB's deterministic rule (longest history, then highest revision
   * id) picks the same winner everywhere, the winner is applied here, and the other version
   * is kept and listed for a lead. Returns false when the winner is this machine's version
   * (nothing to apply).
   */
  private async applyShared(doc: Stored): Promise<boolean> {
    if (!isShared(doc, this.connection.user)) return true;
    const current = await this.local.get(doc._id, { conflicts: true, revs: true });
    const conflicts = (current._conflicts ?? []).filter((rev) => rev !== current._rev);
    if (doc.kind === 'annotations' && doc.owner === this.connection.user) {
      // Your own work: every branch is merged into the local copy (applyAnnotations), then the
      // merged version is pushed and the branches it took in are removed.
      for (const rev of conflicts) {
        const branch = (await this.local.get(doc._id, { rev })) as unknown as Stored;
        if (readServerDocument(branch).ok) await this.applyAnnotations(branch as AnnotationsDoc, true);
        await this.local.remove(doc._id, rev);
      }
      return true;
    }
    if (doc.writer !== this.connection.replicaId) {
      const local = await this.localVersion(doc);
      if (local && !sameEdit(local, doc) && (await this.changedHere(current, local))) {
        const branches = await Promise.all(conflicts.map((rev) => this.local.get(doc._id, { rev })));
        if (!branches.some((branch) => sameEdit(branch, local))) await this.addBranch(current, local);
      }
    }
    const winner = await this.local.get(doc._id, { conflicts: true });
    const others = (winner._conflicts ?? []).filter((rev) => rev !== winner._rev);
    if (others.length > 0) await this.recordConflict(doc._id, winner._rev, others);
    else await this.clearConflict(doc._id);
    return winner.writer !== this.connection.replicaId && winner._rev === doc._rev;
  }

  /** This replica's version of a shared server document, built from Dexie now; null when it has none. */
  private async localVersion(doc: Stored): Promise<ServerDocument | null> {
    const writer = this.connection.replicaId;
    const project = await this.db.projects.get(this.projectId);
    if (!project) return null;
    switch (doc.kind) {
      case 'project':
        return toProjectDoc(project, writer);
      case 'schema':
        return toSchemaDoc(project.schema, writer, await this.knownRenames());
      case 'document': {
        const record = await this.db.documents.get(doc.documentId);
        if (record) return record.projectId === this.projectId ? toDocumentDoc(record, writer) : null;
        // Removed here: its version says so.
        const trashed = await this.db.trash.get(doc.documentId);
        return trashed && trashed.projectId === this.projectId ? toDocumentDoc(trashed.document.record, writer, true) : null;
      }
      case 'annotations': {
        const record = await this.db.documents.get(doc.documentId);
        if (!record || record.projectId !== this.projectId) return null;
        const annotator = this.localAnnotatorOf(doc.owner);
        const local = await this.localAnnotations(doc.documentId, annotator, record.statuses[annotator] ?? 'todo');
        const names = await this.annotatorNames();
        return toAnnotationsDoc(doc.documentId, doc.owner, names.get(annotator) ?? doc.owner, local, writer);
      }
      case 'text':
        return null;
    }
  }

  /**
   * Whether this machine changed the document since the version the new one was made from:
   * its local version differs from that parent revision. Where this replica never held the
   * parent (several revisions arrived at once), the change log says whether it was edited here.
   */
  private async changedHere(current: SpanwrightPouch.ExistingDoc, local: ServerDocument): Promise<boolean> {
    const revisions = current._revisions as { start: number; ids: string[] } | undefined;
    const parentRev = revisions && revisions.ids.length > 1 ? `${revisions.start - 1}-${revisions.ids[1]}` : null;
    if (parentRev) {
      const parent = await this.local.get(current._id, { rev: parentRev }).catch(() => null);
      if (parent) return !sameEdit(parent, local);
    }
    if (local.kind === 'project') return false;
    const cursor = await this.cursor();
    const entries = await readChangeLogAfter(this.db, cursor.pushedLogSeq, { projectId: this.projectId });
    const keys = changedKeys(entries.map((e) => e.change));
    switch (local.kind) {
      case 'schema':
        return keys.schema;
      case 'document':
        return keys.documents.has(local.documentId);
      case 'annotations':
        return keys.annotations.some((k) => k.documentId === local.documentId && k.annotator === this.localAnnotatorOf(local.owner));
      default:
        return false;
    }
  }

  /** Adds this machine's version beside the arrived one (same generation, same parent): a CouchDB conflict. */
  private async addBranch(current: SpanwrightPouch.ExistingDoc, local: ServerDocument): Promise<void> {
    const revisions = current._revisions as { start: number; ids: string[] };
    const id = crypto.randomUUID().replace(/-/g, '');
    const branch = {
      ...this.stamped(local),
      _rev: `${revisions.start}-${id}`,
      _revisions: { start: revisions.start, ids: [id, ...revisions.ids.slice(1)] },
    };
    const [result] = await this.local.bulkDocs([branch], { new_edits: false });
    if (result?.error) throw new Error(result.message ?? String(result.error));
    this.waiting.set(local._id, branch._rev);
  }

  private stamped(doc: ServerDocument): ServerDocument & { savedBy: string; savedAt: number } {
    return { ...doc, savedBy: this.connection.user, savedAt: Date.now() };
  }

  private async recordConflict(id: string, kept: string, others: string[]): Promise<void> {
    const conflicts = await readConflicts(this.db, this.projectId);
    const existing = conflicts.find((c) => c.id === id);
    if (existing && existing.kept === kept && existing.others.join() === others.join()) return;
    const next = [...conflicts.filter((c) => c.id !== id), { id, kept, others, at: Date.now() }];
    await writeConflicts(this.db, this.projectId, next);
    this.setStatus({ conflicts: next.length });
  }

  /** Settled (here or by another lead): no longer listed. */
  private async clearConflict(id: string): Promise<void> {
    const conflicts = await readConflicts(this.db, this.projectId);
    if (!conflicts.some((c) => c.id === id)) return;
    const remaining = conflicts.filter((c) => c.id !== id);
    await writeConflicts(this.db, this.projectId, remaining);
    this.setStatus({ conflicts: remaining.length });
  }

  /** Applies one server document; false when it must wait for another to arrive first. `force`: even this machine's own version. */
  private async applyDocument(doc: ServerDocument, force = false): Promise<boolean> {
    const project = await this.db.projects.get(this.projectId);
    if (!project) return true;
    const own = doc.writer === this.connection.replicaId && !force;
    switch (doc.kind) {
      case 'project':
        if (own) return true;
        await this.applyProject(project, doc.name, doc.guidelines, doc.assignment);
        return true;
      case 'schema': {
        if (own) return true;
        const schema = await this.applyRenames(doc.renames);
        for (const change of schemaChanges(schema, doc.schema)) {
          try {
            // An item removed there but still used here stays: removing it would strand annotations.
            if (change.after === null && change.before) {
              const uses = [...(await countSchemaItemUses(this.db, this.projectId, change.what, change.before.name)).values()].reduce(
                (a, b) => a + b,
                0,
              );
              if (uses > 0) {
                this.addProblem(`Schema: ${change.before.name} was removed on the server but ${uses} annotation(s) here use it; kept.`);
                continue;
              }
            }
            await this.commit(change);
          } catch (error) {
            this.addProblem(`Schema: ${errorMessage(error)}`);
          }
        }
        return true;
      }
      case 'text':
        return true;
      case 'document':
        return this.applyDocumentDoc(doc);
      case 'annotations':
        return this.applyAnnotations(doc, force);
    }
  }

  /**
   * A lead's renames, each applied once: the item and every local annotation that uses it take
   * the new name (as the lead's did), so an annotator's spans follow a renamed label. Returns
   * the schema after them.
   */
  private async applyRenames(renames: readonly SchemaRename[]): Promise<Project['schema']> {
    const applied = new Set((await this.cursor()).appliedRenames ?? []);
    const fresh = renames.filter((rename) => !applied.has(rename.id));
    for (const rename of fresh) {
      const schema = (await this.db.projects.get(this.projectId))?.schema;
      const names = (list: ReadonlyArray<{ name: string }> | undefined) => new Set((list ?? []).map((item) => item.name));
      const present = names(
        rename.what === 'label' ? schema?.labels : rename.what === 'relation-type' ? schema?.relationTypes : schema?.documentCategories,
      );
      if (present.has(rename.from) && !present.has(rename.to)) {
        try {
          await this.commit({ type: 'rename', what: rename.what, from: rename.from, to: rename.to });
        } catch (error) {
          this.addProblem(`Schema: renaming ${rename.from} to ${rename.to}: ${errorMessage(error)}`);
        }
      }
    }
    if (fresh.length > 0) await this.markRenamesApplied(fresh.map((rename) => rename.id));
    return (await this.db.projects.get(this.projectId))?.schema ?? { labels: [], relationTypes: [], documentCategories: [] };
  }

  private async markRenamesApplied(ids: readonly string[]): Promise<void> {
    const cursor = await this.cursor();
    const appliedRenames = [...new Set([...(cursor.appliedRenames ?? []), ...ids])].slice(-2 * RENAMES_KEPT);
    await writeCursor(this.db, this.projectId, { ...cursor, appliedRenames });
  }

  /**
   * Whether the local labels differ from the server's (a member's own edit, not one that
   * arrived). Item order aside: items arriving are inserted where they fit, not reordered.
   */
  private async schemaDiffersFromServer(schema: Project['schema']): Promise<boolean> {
    const current = await this.local.get(SCHEMA_DOC_ID).catch(() => null);
    const read = current ? readServerDocument(current) : null;
    if (!read?.ok || read.doc.kind !== 'schema') return false;
    return !sameContent(itemsByName(schema), itemsByName(read.doc.schema));
  }

  /** The renames the server's schema document already lists (kept when the schema is written again). */
  private async knownRenames(): Promise<SchemaRename[]> {
    const current = await this.local.get(SCHEMA_DOC_ID).catch(() => null);
    const read = current ? readServerDocument(current) : null;
    return read?.ok && read.doc.kind === 'schema' ? read.doc.renames : [];
  }

  private async applyProject(project: Project, name: string, guidelines: string, assignment: Project['assignment'] | null): Promise<void> {
    const next: Partial<Project> = {};
    if (project.name !== name) next.name = name;
    if (project.guidelines !== guidelines) next.guidelines = guidelines;
    if (JSON.stringify(project.assignment ?? null) !== JSON.stringify(assignment)) next.assignment = assignment ?? undefined;
    if (Object.keys(next).length > 0) await this.db.projects.update(this.projectId, { ...next, updatedAt: Date.now() });
  }

  private async applyDocumentDoc(doc: DocumentDoc): Promise<boolean> {
    const local = await this.db.documents.get(doc.documentId);
    if (local && local.projectId !== this.projectId) {
      this.addProblem(`${doc._id}: this document id belongs to another local project; not applied.`);
      return true;
    }
    if (doc.removed) {
      if (!local) return true;
      const slice = await readSlice(this.db, this.projectId, documentsScope([doc.documentId]));
      const text = (await this.db.texts.get(doc.documentId))?.text ?? '';
      await this.commit({ type: 'remove-documents', documents: [{ record: local, text }], annotations: [...recordsOf(slice)] });
      return true;
    }
    if (local) {
      if (JSON.stringify(local.meta) !== JSON.stringify(doc.meta))
        await this.commit({ type: 'document-meta', documentId: doc.documentId, from: local.meta, to: doc.meta });
      return true;
    }
    const trashed = await this.db.trash.get(doc.documentId);
    if (trashed) {
      if (trashed.projectId !== this.projectId) return true;
      // Restored by a lead (or a removal here that lost to a version keeping it): back from the
      // trash with everything it held, and the server's details.
      await this.commit({
        type: 'add-documents',
        documents: [{ record: { ...trashed.document.record, meta: doc.meta }, text: trashed.document.text }],
        annotations: trashed.annotations,
      });
      return true;
    }
    const text = (await this.local.get(textDocId(doc.documentId)).catch(() => null)) as (TextDoc & { kind?: string }) | null;
    if (!text || text.kind !== 'text' || typeof text.text !== 'string') return false;
    if (text.text.length !== doc.textLength) throw new Error('its text does not have the length its document says');
    await this.commit({
      type: 'add-documents',
      documents: [{ record: fromDocumentDoc(doc, this.projectId, Date.now()), text: text.text }],
      annotations: [],
    });
    return true;
  }

  private async applyAnnotations(doc: AnnotationsDoc, branch = false): Promise<boolean> {
    const prepared = await this.prepareAnnotations(doc, branch);
    if (prepared === 'wait') return false;
    if (prepared) await this.commit(prepared.change, prepared.annotators);
    return true;
  }

  /** The change that makes the local copy of one annotator's work on a document the server's; 'wait' until its document is here, null when equal. */
  private async prepareAnnotations(doc: AnnotationsDoc, branch = false): Promise<PreparedEdit | 'wait' | null> {
    if (doc.writer === this.connection.replicaId && !branch) return null;
    const record = await this.db.documents.get(doc.documentId);
    // Its document has not been applied yet (or was removed here): wait for it.
    if (!record) return (await this.db.trash.get(doc.documentId)) !== undefined ? null : 'wait';
    if (record.projectId !== this.projectId) return null;
    const annotator = this.localAnnotatorOf(doc.owner);
    const text = (await this.db.texts.get(doc.documentId))?.text ?? '';
    for (const span of doc.spans) {
      if (span.end > text.length || text.slice(span.start, span.end) !== span.text)
        throw new Error(`span “${span.text}” does not match the document's text at ${span.start}–${span.end}`);
    }
    const local = await this.localAnnotations(doc.documentId, annotator, record.statuses[annotator] ?? 'todo');
    let incoming = fromAnnotationsDoc(doc, this.projectId, annotator);
    // Your own work from another machine: merged, never replaced (nothing of either is lost).
    if (doc.owner === this.connection.user) incoming = mergeOwnAnnotations(local, incoming);
    const change = replaceAnnotations(doc.documentId, annotator, local, incoming);
    if (!change) return null;
    const annotators: Annotator[] = annotator.startsWith(TEAM_ANNOTATOR_PREFIX)
      ? [{ id: annotator, name: doc.annotatorName || doc.owner }]
      : [];
    return { change, annotators };
  }

  private async commit(change: Change, annotators: readonly Annotator[] = []): Promise<void> {
    await commitChange(this.db, this.projectId, change, { annotator: this.connection.annotatorId }, { annotators });
    // The open document's annotations (yours, or gold) are held in memory: say which documents
    // changed under them. A teammate's work is read live where it shows (review), so not theirs.
    if (changesSchema(change)) this.onApplied(null);
    else if (!onlyTeammates(change)) this.onApplied(documentsTouched(change));
  }
}

/** A schema's items keyed by kind and name, for comparing two schemas whatever their order. */
function itemsByName(schema: Project['schema']): Record<string, unknown> {
  const items: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const label of schema.labels) items[`label\u0000${label.name}`] = label;
  for (const type of schema.relationTypes) items[`relation-type\u0000${type.name}`] = type;
  for (const category of schema.documentCategories) items[`category\u0000${category.name}`] = category;
  return items;
}

/** Whether a change touches only teammates' annotations (theirs, synced from the server). */
function onlyTeammates(change: Change): boolean {
  return changeParts(change).every((part) => {
    if (part.type === 'edit') return [...part.removed, ...part.added].every((r) => r.value.annotator.startsWith(TEAM_ANNOTATOR_PREFIX));
    if (part.type === 'status') return part.annotator.startsWith(TEAM_ANNOTATOR_PREFIX);
    return false;
  });
}

/**
 * Whether two versions of a shared document hold the same edit. A schema's list of renames is
 * history, not an edit (a version built here lacks the newest renames until they are applied).
 */
function sameEdit(a: object, b: object): boolean {
  const isSchema = (x: object): x is { kind: 'schema'; schema: unknown } => (x as { kind?: unknown }).kind === 'schema';
  if (isSchema(a) && isSchema(b)) return sameContent({ schema: a.schema }, { schema: b.schema });
  return sameContent(a, b);
}

/** What more than one writer may change (everything but a teammate's own annotations and the immutable texts). */
function isShared(doc: ServerDocument, user: string): boolean {
  if (doc.kind === 'text') return false;
  if (doc.kind === 'annotations') return doc.owner === GOLD_OWNER || doc.owner === user;
  return true;
}

function isUntouched(doc: AnnotationsDoc): boolean {
  return doc.status === 'todo' && doc.spans.length === 0 && doc.relations.length === 0 && doc.document === null;
}

function replicaName(projectId: string): string {
  return `spanwright-sync-${projectId}`;
}

/** A replication error in words. */
export function describeError(error: unknown, connection: Pick<TeamConnection, 'database' | 'user' | 'url' | 'signIn'>): string {
  const e = error as { status?: number; reason?: string; message?: string; name?: string };
  if (e.status === 401 && connection.signIn === 'session')
    return `Your session with the server at ${connection.url} has ended; your work is kept here. Sign in again to sync.`;
  if (typeof e.status === 'number' && e.status >= 400) return explainStatus(e.status, connection, e.reason ?? '');
  return `The server at ${connection.url} cannot be reached; your work is kept here and syncs when it is back.`;
}
