// The open project's team server connection: starts the sync when a connected project opens
// (with the remembered password), stops it when another opens, and connects or disconnects
// on the user's word from the Team server dialog.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Annotator } from '../../../src-shared/domain';
import { getBridge } from '../platform/bridge';
import type { SpanwrightDatabase } from '../storage/database';
import { addressProblem, closeSession, hasSession, normaliseServerUrl, prepareDatabase, type ServerAddress } from '../sync/server-account';
import { passwordKey, readConnection, writeConnection, type TeamConnection } from '../sync/team-settings';
// Types only: the engine (and PouchDB with it) loads when a project is connected, not at start-up.
import type { ConflictDetails, SyncStatus, TeamSync } from '../sync/team-sync';

const loadEngine = () => import('../sync/team-sync');

export interface TeamSyncState {
  connection: TeamConnection | null;
  /** null: not connected, or connected but not signed in (password not known here, or the session ended). */
  status: SyncStatus | null;
  /** Why a connected project is not signed in, when the server said so (the session ended, the password changed). */
  signedOutReason: string | null;
  connect(address: ServerAddress, options: { insecureConfirmed: boolean; remember: boolean }): Promise<void>;
  /** Resumes a remembered connection with the password typed again (web build after a reload, an ended session). */
  signIn(password: string): Promise<void>;
  disconnect(): Promise<void>;
  syncNow(): void;
  /** Documents changed in two places at once, both versions (CouchDB's choice first). */
  conflicts(): Promise<ConflictDetails[]>;
  /** Makes one version of a conflicted document everyone's. */
  settle(id: string, rev: string): Promise<void>;
}

export function useTeamSync(
  db: SpanwrightDatabase,
  projectId: string,
  you: Annotator,
  /** What arrived from the server changed these documents (null: possibly all): the open one is read again. */
  onApplied: (documentIds: ReadonlySet<string> | null) => void,
): TeamSyncState {
  const applied = useRef(onApplied);
  applied.current = onApplied;
  const [connection, setConnection] = useState<TeamConnection | null>(null);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [signedOutReason, setSignedOutReason] = useState<string | null>(null);
  const engine = useRef<TeamSync | null>(null);
  /** Bumped by every start and stop, so a start still loading the engine gives way to a later one. */
  const generation = useRef(0);

  const stopEngine = useCallback(async () => {
    generation.current += 1;
    const running = engine.current;
    engine.current = null;
    setStatus(null);
    if (running) await running.stop();
  }, []);

  const startEngine = useCallback(
    async (next: TeamConnection, password: string) => {
      const mine = ++generation.current;
      const { TeamSync } = await loadEngine();
      if (mine !== generation.current) return;
      const sync = new TeamSync(
        db,
        projectId,
        next,
        password,
        (s) => {
          if (engine.current !== sync) return;
          if (s.needsSignIn) {
            // Retrying cannot help: stop, keep the work waiting, and ask for the password.
            setSignedOutReason(s.message);
            void stopEngine();
          } else setStatus(s);
        },
        (documentIds) => {
          if (engine.current === sync) applied.current(documentIds);
        },
      );
      engine.current = sync;
      setSignedOutReason(null);
      setStatus(sync.current());
      sync.start();
    },
    [db, projectId, stopEngine],
  );

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const saved = (await readConnection(db, projectId)) ?? null;
      if (cancelled) return;
      setConnection(saved);
      if (!saved) return;
      if (saved.signIn === 'session') {
        // The browser keeps the cookie across reloads until the server's session ends.
        if ((await hasSession(saved)) && !cancelled) await startEngine(saved, '');
        return;
      }
      const password = await getBridge().secrets.read(passwordKey(saved));
      if (!cancelled && password !== null) await startEngine(saved, password);
    })();
    return () => {
      cancelled = true;
      void stopEngine();
    };
  }, [db, projectId, startEngine, stopEngine]);

  const connect = useCallback(
    async (address: ServerAddress, options: { insecureConfirmed: boolean; remember: boolean }) => {
      const typed = { ...address, url: normaliseServerUrl(address.url), database: address.database.trim(), user: address.user.trim() };
      const problem = addressProblem(typed, options.insecureConfirmed);
      if (problem) throw new Error(problem);
      const signedIn = await prepareDatabase(typed);
      await stopEngine();
      const previous = await readConnection(db, projectId);
      const same = previous && previous.url === typed.url && previous.database === typed.database && previous.user === typed.user;
      const next: TeamConnection = {
        url: typed.url,
        database: typed.database,
        user: typed.user,
        signIn: typed.signIn,
        annotatorId: same ? previous.annotatorId : you.id,
        lead: signedIn.lead,
        replicaId: same ? previous.replicaId : crypto.randomUUID(),
      };
      if (!same) {
        // Another server, database or user starts from the beginning.
        await writeConnection(db, projectId, null);
        await (await loadEngine()).TeamSync.forgetReplica(projectId);
      }
      await writeConnection(db, projectId, next);
      // A session keeps no password: one kept from an earlier password sign-in goes.
      if (typed.signIn === 'session') await getBridge().secrets.forget(passwordKey(next));
      else await rememberPassword(passwordKey(next), typed.password, options.remember);
      setConnection(next);
      await startEngine(next, typed.password);
    },
    [db, projectId, you.id, startEngine, stopEngine],
  );

  const signIn = useCallback(
    async (password: string) => {
      if (!connection) return;
      const signedIn = await prepareDatabase({ ...connection, password });
      const next = { ...connection, lead: signedIn.lead };
      await writeConnection(db, projectId, next);
      if (next.signIn === 'password' && !getBridge().secrets.persistent) await rememberPassword(passwordKey(next), password, false);
      await stopEngine();
      setConnection(next);
      await startEngine(next, password);
    },
    [connection, db, projectId, startEngine, stopEngine],
  );

  const disconnect = useCallback(async () => {
    await stopEngine();
    if (connection) await getBridge().secrets.forget(passwordKey(connection));
    if (connection?.signIn === 'session') await closeSession(connection);
    await writeConnection(db, projectId, null);
    await (await loadEngine()).TeamSync.forgetReplica(projectId);
    setConnection(null);
  }, [connection, db, projectId, stopEngine]);

  const syncNow = useCallback(() => engine.current?.syncNow(), []);
  const conflicts = useCallback(async () => (engine.current ? engine.current.conflicts() : []), []);
  const settle = useCallback(async (id: string, rev: string) => {
    if (!engine.current) throw new Error('Sign in to the team server first.');
    await engine.current.settle(id, rev);
  }, []);

  return { connection, status, signedOutReason, connect, signIn, disconnect, syncNow, conflicts, settle };
}

/**
 * Keeps the password where the platform can: encrypted by the desktop shell when asked, for
 * the session in the web build. A desktop without system encryption refuses to store it: the
 * sync still starts, and the next start asks for the password again.
 */
async function rememberPassword(key: string, password: string, remember: boolean): Promise<void> {
  const secrets = getBridge().secrets;
  try {
    if (remember || !secrets.persistent) await secrets.write(key, password);
    else await secrets.forget(key);
  } catch {
    // Not stored (no system encryption): nothing else depends on it.
  }
}
