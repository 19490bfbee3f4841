// Keeps Spanwright usable when the disk is full. A Dexie middleware watches every read-write
// transaction of the database: one that fails for want of space (QuotaExceededError) turns the
// app read-only, and while read-only every write is refused at once with the banner's words,
// so no edit is shown as saved that was not. Reads (and so exports) go on. "Try again" probes
// with one small write of its own; the read-only state, the space left and whether storage is
// persistent live in one small store per database name, which the UI subscribes to.
import type { DBCore, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import {
  isQuotaError,
  judgeSpace,
  READ_ONLY_ERROR_NAME,
  READ_ONLY_REFUSAL,
  type PersistenceState,
  type SpaceReport,
} from '../../../src-shared/storage-space';

export interface StorageHealth {
  /** A write found no space: nothing is written until Try again finds some. */
  readOnly: boolean;
  /** Try again is checking whether space was freed. */
  checking: boolean;
  /** Space left, from `navigator.storage.estimate()` (null until known, or where not told). */
  space: SpaceReport | null;
  persistence: PersistenceState;
  /**
   * Start-up could not store what a first start stores (your identity, the demo project): the
   * app starts again once space is back, so that nothing made meanwhile belongs to nobody.
   */
  startUnsaved: boolean;
}

/** A write refused because the app is read-only (no space left). Its message is the banner's. */
export class ReadOnlyError extends Error {
  override name = READ_ONLY_ERROR_NAME;
  constructor() {
    super(READ_ONLY_REFUSAL);
  }
}

/** Space is looked up at most this often after writes (estimate() is cheap, but not free). */
const SPACE_CHECK_INTERVAL_MS = 30_000;
/** The settings row the write probe puts (the time of the last successful probe). */
const PROBE_KEY = 'storageCheck';

type Listener = () => void;

class HealthStore {
  private state: StorageHealth = { readOnly: false, checking: false, space: null, persistence: 'unknown', startUnsaved: false };
  private readonly listeners = new Set<Listener>();
  private lastSpaceCheck = -Infinity;
  private spaceCheckPending = false;

  readonly get = (): StorageHealth => this.state;

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(patch: Partial<StorageHealth>): void {
    const next = { ...this.state, ...patch };
    if ((Object.keys(patch) as (keyof StorageHealth)[]).every((k) => next[k] === this.state[k])) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  /** After a write: look at the space left, at most once per interval. */
  wrote(): void {
    if (this.spaceCheckPending) return;
    this.spaceCheckPending = true;
    const wait = Math.max(0, this.lastSpaceCheck + SPACE_CHECK_INTERVAL_MS - Date.now());
    setTimeout(() => {
      this.spaceCheckPending = false;
      void this.checkSpace();
    }, wait);
  }

  async checkSpace(): Promise<SpaceReport | null> {
    this.lastSpaceCheck = Date.now();
    let estimate: StorageEstimate | undefined;
    try {
      estimate = await globalThis.navigator?.storage?.estimate?.();
    } catch {
      estimate = undefined;
    }
    const space = judgeSpace(estimate);
    this.update({ space });
    return space;
  }
}

const stores = new Map<string, HealthStore>();

/** The storage health of a database, by name: a second connection to it (durable.ts) shares it. */
export function healthOf(dbName: string): HealthStore {
  let store = stores.get(dbName);
  if (!store) {
    store = new HealthStore();
    stores.set(dbName, store);
  }
  return store;
}

export const isReadOnly = (dbName: string): boolean => healthOf(dbName).get().readOnly;

/** Turns the app read-only (a write found no space). */
export function enterReadOnly(dbName: string): void {
  healthOf(dbName).update({ readOnly: true });
}

/** What start-up could not store: see `StorageHealth.startUnsaved`. */
export function noteStartUnsaved(dbName: string): void {
  healthOf(dbName).update({ startUnsaved: true });
}

/** The middleware: installed on every connection (database.ts), before the database opens. */
export function spaceGuard(dbName: string): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'SpaceGuard',
    create(down: DBCore): DBCore {
      const health = healthOf(dbName);
      const noticeFull = (error: unknown) => {
        if (isQuotaError(error)) health.update({ readOnly: true });
      };
      return {
        ...down,
        transaction(tables, mode, options): DBCoreTransaction {
          const transaction = down.transaction(tables, mode, options);
          // IndexedDB checks space when a transaction commits: a full disk aborts it with QuotaExceededError.
          const events = transaction as DBCoreTransaction & Partial<Pick<IDBTransaction, 'addEventListener' | 'error'>>;
          if (mode === 'readwrite' && events.addEventListener) {
            events.addEventListener('abort', () => noticeFull(events.error));
            events.addEventListener('complete', () => health.wrote());
          }
          return transaction;
        },
        table(name: string): DBCoreTable {
          const table = down.table(name);
          return {
            ...table,
            mutate(request) {
              if (health.get().readOnly) return Promise.reject(new ReadOnlyError());
              return table.mutate(request).catch((error: unknown) => {
                noticeFull(error);
                throw error;
              });
            },
          };
        },
      };
    },
  };
}

/**
 * Writes one small settings row straight through IndexedDB (past the middleware's refusal) and
 * says whether there was space: 'full', 'ok', or 'unknown' (another failure, which says nothing
 * about space). The app turns read-only on 'full' and back to normal on 'ok'.
 */
export async function probeWrite(idb: IDBDatabase): Promise<'ok' | 'full' | 'unknown'> {
  try {
    await new Promise<void>((resolve, reject) => {
      const transaction = idb.transaction('settings', 'readwrite');
      transaction.objectStore('settings').put({ key: PROBE_KEY, value: Date.now() });
      transaction.oncomplete = () => resolve();
      transaction.onabort = () => reject(transaction.error ?? new Error('The check was aborted.'));
    });
    return 'ok';
  } catch (error) {
    return isQuotaError(error) ? 'full' : 'unknown';
  }
}

/** Checks for space with a write; read-only when there is none, writable again when there is. */
export async function checkWritable(dbName: string, idb: IDBDatabase): Promise<'ok' | 'full' | 'unknown'> {
  const health = healthOf(dbName);
  health.update({ checking: true });
  const result = await probeWrite(idb);
  health.update({ checking: false, ...(result === 'unknown' ? {} : { readOnly: result === 'full' }) });
  if (result !== 'unknown') void health.checkSpace();
  return result;
}

/**
 * Asks the browser to keep our data for good (it may clear "best effort" storage when the disk
 * runs low), asking only when not granted yet (Firefox asks the user each time it is called).
 */
export async function requestPersistence(dbName: string): Promise<PersistenceState> {
  const storage = globalThis.navigator?.storage;
  let state: PersistenceState;
  if (!storage?.persist) state = 'unsupported';
  else {
    try {
      state = (await storage.persisted?.()) || (await storage.persist()) ? 'granted' : 'refused';
    } catch {
      state = 'refused';
    }
  }
  healthOf(dbName).update({ persistence: state });
  return state;
}

/** Looks up the space left now (start-up; after writes it happens by itself). */
export const checkSpace = (dbName: string): Promise<SpaceReport | null> => healthOf(dbName).checkSpace();

export type TryAgainOutcome = 'writable' | 'restart' | 'still-full' | 'unknown';

/**
 * Try again: checks for space with a write. Writable again, or 'restart' when start-up could
 * not store a first start's identity or demo project (the caller starts the app again).
 */
export async function tryAgain(dbName: string, idb: IDBDatabase): Promise<TryAgainOutcome> {
  const result = await checkWritable(dbName, idb);
  if (result === 'full') return 'still-full';
  if (result === 'unknown') return 'unknown';
  return healthOf(dbName).get().startUnsaved ? 'restart' : 'writable';
}
