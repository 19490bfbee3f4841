// A real CouchDB-compatible team server for tests: pouchdb-server in a child process on
// 127.0.0.1, with its data in a fresh temp directory (so a restart keeps it), a server admin
// (no "admin party") and CORS with credentials for any origin, as a browser client needs.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TeamServerOptions {
  /** The server admin's name; default `lead`. */
  adminName?: string;
  /** The server admin's password; default `secret`. */
  adminPassword?: string;
  /** How long a start or restart may take before it fails; default 20 s. */
  startupTimeoutMs?: number;
}

export interface DatabaseAccess {
  /** User names that administer the database (design documents, `_security`). */
  admins: string[];
  /** User names that may read and write documents; anyone else is refused. */
  members: string[];
}

export interface TeamServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly admin: { readonly name: string; readonly password: string };
  /** Where the databases and `config.json` live. */
  readonly dataDirectory: string;
  /** Creates a user in `_users`. */
  addUser(name: string, password: string, roles?: string[]): Promise<void>;
  /**
   * Ends every session of the user, as its timeout would: the password is set again, which gives
   * the user a new salt, and a session cookie is a hash of it. (Clearing the browser's cookies is
   * not enough: every answer to a request made with the cookie sets it again.)
   */
  endSessions(name: string, password: string): Promise<void>;
  /** Creates a database and restricts it to the given users. */
  createDatabase(name: string, access: DatabaseAccess): Promise<void>;
  /** Sends a request as the server admin; throws with the server's answer unless it succeeds. */
  requestAsAdmin(method: string, path: string, body?: unknown): Promise<unknown>;
  /** Ends the server process; requests fail until `restart`. Idempotent. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data directory, and waits until it answers. */
  restart(): Promise<void>;
  /** Stops the server and deletes its data directory. Idempotent. */
  dispose(): Promise<void>;
}

const DEFAULT_STARTUP_TIMEOUT_MS = 20_000;
const POLL_INTERVAL_MS = 50;
const STOP_GRACE_MS = 3_000;
/** How much of the server's output is kept for error messages. */
const OUTPUT_TAIL_CHARACTERS = 4_000;
const HOST = '127.0.0.1';

const serverScript = createRequire(import.meta.url).resolve('pouchdb-server/bin/pouchdb-server');

// Runs pouchdb-server, but first makes it exit when its stdin (a pipe from us) closes. The
// kernel closes that pipe however the test process ends, even by SIGKILL, when no exit
// handler runs, so a crashed or killed test run never leaves a server behind.
// `node -e <this> -- <script> <options>` leaves argv as pouchdb-server expects it.
//
// It loads pouchdb-server-fixes.cjs first: two pouchdb-server bugs (not CouchDB's) would
// otherwise drop replicated updates and refuse database admins.
const SERVER_FIXES = createRequire(import.meta.url).resolve('./pouchdb-server-fixes.cjs');
const SERVER_WITH_WATCHDOG = `require(${JSON.stringify(SERVER_FIXES)}); process.stdin.on('end', () => process.exit(0)).resume(); require(process.argv[1]);`;

export function basicAuthorization(name: string, password: string): string {
  return `Basic ${Buffer.from(`${name}:${password}`, 'utf8').toString('base64')}`;
}

/** Servers still running, killed when this process exits normally (the watchdog covers the rest). */
const runningServers = new Set<ChildProcess>();
/** Data directories of servers not disposed of, removed at exit as well as can be. */
const undisposedDirectories = new Set<string>();
let exitHookInstalled = false;

function cleanUpOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of runningServers) child.kill('SIGKILL');
    for (const directory of undisposedDirectories) {
      try {
        rmSync(directory, { recursive: true, force: true });
      } catch {
        // A server killed a moment ago may still be writing there; a temp directory can stay.
      }
    }
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      probe.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

/** One run of the server process, with the tail of what it printed. */
interface ServerProcess {
  child: ChildProcess;
  output(): string;
  /** Answered GET / and is not being stopped: an exit now is a crash worth reporting. */
  serving: boolean;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopProcess(server: ServerProcess): Promise<void> {
  const { child } = server;
  server.serving = false;
  if (hasExited(child)) return;
  const exited = waitForExit(child);
  child.kill('SIGTERM');
  const killTimer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(killTimer);
}

function spawnServer(port: number, dataDirectory: string): ServerProcess {
  const child = spawn(
    process.execPath,
    [
      '-e',
      SERVER_WITH_WATCHDOG,
      '--',
      serverScript,
      ...['--port', String(port), '--host', HOST],
      // The trailing separator matters: pouchdb-server prefixes database names with this string.
      ...['--dir', `${dataDirectory}/`, '--config', join(dataDirectory, 'config.json')],
      '--no-stdout-logs',
      '--no-color',
    ],
    // cwd: its log.txt (and anything else it writes beside it) stays in the data directory.
    { cwd: dataDirectory, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  runningServers.add(child);
  cleanUpOnExit();
  child.once('exit', () => runningServers.delete(child));
  // Never let a write to a dead server's stdin crash the test process.
  child.stdin?.on('error', () => undefined);

  let tail = '';
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARACTERS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const server: ServerProcess = { child, output: () => tail.trim(), serving: false };
  // Requests to a crashed server only say "connection refused"; its output says why.
  child.once('exit', (code, signal) => {
    if (server.serving) {
      console.error(`Team server on port ${port} exited unexpectedly (code ${code}, signal ${signal}):\n${server.output()}`);
    }
  });
  return server;
}

async function answersRoot(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(1_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** Waits until `GET /` answers; fails early when the process exits or cannot bind its port. */
async function waitUntilReady(server: ServerProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const describe = (problem: string): Error => {
    const output = server.output();
    return new Error(`Team server at ${url} ${problem}.${output === '' ? '' : `\nIts output:\n${output}`}`);
  };
  for (;;) {
    if (hasExited(server.child)) {
      throw describe(`exited while starting (code ${server.child.exitCode}, signal ${server.child.signalCode})`);
    }
    // pouchdb-server reports a taken port but keeps running, so it would never answer.
    if (/already in use/.test(server.output())) throw describe('could not use its port');
    if (await answersRoot(url)) return;
    if (Date.now() > deadline) throw describe(`did not answer GET / within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

async function startProcess(port: number, dataDirectory: string, timeoutMs: number): Promise<ServerProcess> {
  const server = spawnServer(port, dataDirectory);
  try {
    await waitUntilReady(server, `http://${HOST}:${port}`, timeoutMs);
    server.serving = true;
    return server;
  } catch (error) {
    await stopProcess(server);
    throw error;
  }
}

/** Starts a team server with a server admin and CORS for browsers; `dispose()` it when done. */
export async function startTeamServer(options: TeamServerOptions = {}): Promise<TeamServer> {
  const admin = { name: options.adminName ?? 'lead', password: options.adminPassword ?? 'secret' };
  const timeoutMs = options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS;
  const dataDirectory = mkdtempSync(join(tmpdir(), 'spanwright-team-server-'));
  undisposedDirectories.add(dataDirectory);
  const removeDataDirectory = (): void => {
    rmSync(dataDirectory, { recursive: true, force: true });
    undisposedDirectories.delete(dataDirectory);
  };

  let port = 0;
  let current: ServerProcess | null = null;
  try {
    // Another process may take the probed port before the server binds it: try a few.
    for (let attempt = 1; current === null; attempt += 1) {
      port = await freePort();
      try {
        current = await startProcess(port, dataDirectory, timeoutMs);
      } catch (error) {
        if (attempt >= 3 || !(error instanceof Error) || !error.message.includes('could not use its port')) throw error;
      }
    }
  } catch (error) {
    removeDataDirectory();
    throw error;
  }

  const url = `http://${HOST}:${port}`;
  let disposed = false;

  async function request(method: string, path: string, body: unknown, authorization: string | null): Promise<unknown> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (authorization !== null) headers['Authorization'] = authorization;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`Team server: ${method} ${path} answered ${response.status}: ${text}`);
    return text === '' ? null : (JSON.parse(text) as unknown);
  }

  const requestAsAdmin = (method: string, path: string, body?: unknown): Promise<unknown> =>
    request(method, path, body, basicAuthorization(admin.name, admin.password));

  const server: TeamServer = {
    url,
    admin,
    dataDirectory,

    async addUser(name, password, roles = []) {
      const id = `org.couchdb.user:${name}`;
      await requestAsAdmin('PUT', `/_users/${encodeURIComponent(id)}`, { _id: id, name, password, roles, type: 'user' });
    },

    async endSessions(name, password) {
      const path = `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
      const user = (await requestAsAdmin('GET', path)) as Record<string, unknown>;
      await requestAsAdmin('PUT', path, { ...user, password });
    },

    async createDatabase(name, access) {
      const path = `/${encodeURIComponent(name)}`;
      await requestAsAdmin('PUT', path);
      await requestAsAdmin('PUT', `${path}/_security`, {
        admins: { names: access.admins, roles: [] },
        members: { names: access.members, roles: [] },
      });
    },

    requestAsAdmin,

    async stop() {
      const running = current;
      current = null;
      if (running !== null) await stopProcess(running);
    },

    async restart() {
      if (disposed) throw new Error('Team server: restart after dispose');
      await server.stop();
      current = await startProcess(port, dataDirectory, timeoutMs);
    },

    async dispose() {
      disposed = true;
      await server.stop();
      removeDataDirectory();
    },
  };

  try {
    // The first admin ends the "admin party"; from then on every other call authenticates.
    await request('PUT', `/_config/admins/${encodeURIComponent(admin.name)}`, admin.password, null);
    const settings: [string, string][] = [
      ['httpd/enable_cors', 'true'],
      ['cors/origins', '*'],
      ['cors/credentials', 'true'],
      ['cors/methods', 'GET, PUT, POST, HEAD, DELETE, OPTIONS'],
      ['cors/headers', 'accept, authorization, content-type, origin, referer'],
    ];
    for (const [key, value] of settings) await requestAsAdmin('PUT', `/_config/${key}`, value);
  } catch (error) {
    await server.dispose();
    throw error;
  }
  return server;
}
