// The open project's team server connection: starts the sync when a connected project opens
// (with the remembered password), stops it when another opens, and connects or disconnects
// on the user's word from the Team server dialog.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Annotator } from '../../../src-shared/domain';
import { getBridge } from '../platform/bridge';
import type { SpanwrightDatabase } from '../storage/database';
import { addressProblem, normaliseServerUrl, prepareDatabase, type ServerAddress } from '../sync/server-account';
import { passwordKey, readConnection, writeConnection, type TeamConnection } from '../sync/team-settings';
import { TeamSync, type ConflictDetails, type SyncStatus } from '../sync/team-sync';

export interface TeamSyncState {
  connection: TeamConnection | null;
  /** null: not connected, or connected but the password is not known in this session. */
  status: SyncStatus | null;
  connect(address: ServerAddress, options: { insecureConfirmed: boolean; remember: boolean }): Promise<void>;
  /** Resumes a remembered connection with the password typed again (web build, after a reload). */
  signIn(password: string): Promise<void>;
  disconnect(): Promise<void>;
  syncNow(): void;
  /** Documents changed in two places at once, both versions (CouchDB's choice first). */
  conflicts(): Promise<ConflictDetails[]>;
  /** Makes one version of a conflicted document everyone's. */
  settle(id: string, rev: string): Promise<void>;
}

export function useTeamSync(db: SpanwrightDatabase, projectId: string, you: Annotator): TeamSyncState {
  const [connection, setConnection] = useState<TeamConnection | null>(null);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const engine = useRef<TeamSync | null>(null);

  const stopEngine = useCallback(async () => {
    const running = engine.current;
    engine.current = null;
    setStatus(null);
    if (running) await running.stop();
  }, []);

  const startEngine = useCallback(
    (next: TeamConnection, password: string) => {
      const sync = new TeamSync(db, projectId, next, password, (s) => {
        if (engine.current === sync) setStatus(s);
      });
      engine.current = sync;
      setStatus(sync.current());
      sync.start();
    },
    [db, projectId],
  );

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const saved = (await readConnection(db, projectId)) ?? null;
      if (cancelled) return;
      setConnection(saved);
      if (!saved) return;
      const password = await getBridge().secrets.read(passwordKey(saved));
      if (!cancelled && password !== null) startEngine(saved, password);
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
        annotatorId: same ? previous.annotatorId : you.id,
        lead: signedIn.lead,
        replicaId: same ? previous.replicaId : crypto.randomUUID(),
      };
      if (!same) {
        // Another server, database or user starts from the beginning.
        await writeConnection(db, projectId, null);
        await TeamSync.forgetReplica(projectId);
      }
      await writeConnection(db, projectId, next);
      const secrets = getBridge().secrets;
      if (options.remember || !secrets.persistent) await secrets.write(passwordKey(next), typed.password);
      else await secrets.forget(passwordKey(next));
      setConnection(next);
      startEngine(next, typed.password);
    },
    [db, projectId, you.id, startEngine, stopEngine],
  );

  const signIn = useCallback(
    async (password: string) => {
      if (!connection) return;
      const signedIn = await prepareDatabase({ ...connection, password });
      const next = { ...connection, lead: signedIn.lead };
      await writeConnection(db, projectId, next);
      const secrets = getBridge().secrets;
      if (!secrets.persistent) await secrets.write(passwordKey(next), password);
      await stopEngine();
      setConnection(next);
      startEngine(next, password);
    },
    [connection, db, projectId, startEngine, stopEngine],
  );

  const disconnect = useCallback(async () => {
    await stopEngine();
    if (connection) await getBridge().secrets.forget(passwordKey(connection));
    await writeConnection(db, projectId, null);
    await TeamSync.forgetReplica(projectId);
    setConnection(null);
  }, [connection, db, projectId, stopEngine]);

  const syncNow = useCallback(() => engine.current?.syncNow(), []);
  const conflicts = useCallback(async () => (engine.current ? engine.current.conflicts() : []), []);
  const settle = useCallback(async (id: string, rev: string) => {
    if (!engine.current) throw new Error('Sign in to the team server first.');
    await engine.current.settle(id, rev);
  }, []);

  return { connection, status, connect, signIn, disconnect, syncNow, conflicts, settle };
}
