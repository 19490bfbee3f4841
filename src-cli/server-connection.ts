// Talking to a CouchDB database for `spanwright pull` and `push`: the address (credentials in
// the URL or given apart), requests with basic authentication, and every failure in words
// (a refused connection, a wrong password, no rights, no database) instead of a stack trace.
import { fail, ok, type Result } from '../src-shared/result';
import { explainStatus } from '../src-shared/sync/server-errors';

export interface DatabaseAddress {
  /** The server's base URL without credentials or trailing slash, e.g. `http://127.0.0.1:5984`. */
  server: string;
  database: string;
  /** '' when no user is given (a server that lets anyone read). */
  user: string;
  password: string;
}

/** An expected failure (the server said no, or could not be reached), told in words. */
export class ServerFailure extends Error {}

export const PASSWORD_VARIABLE = 'SPANWRIGHT_PASSWORD';

/**
 * The database a URL names (`http://host:5984/haiti`, `http://u:p@host/db`), with the user and
 * password given apart (which win over the URL's) or, for the password, in $SPANWRIGHT_PASSWORD.
 */
export function readDatabaseAddress(
  url: string,
  given: { user?: string | undefined; password?: string | undefined },
  environment: Readonly<Record<string, string | undefined>>,
): Result<DatabaseAddress> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(`"${url}" is not a URL: give the database's address, e.g. http://127.0.0.1:5984/haiti`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return fail(`the address must start with http:// or https:// (got "${url}")`);
  const segments = parsed.pathname.split('/').filter((segment) => segment !== '');
  const last = segments.pop();
  if (last === undefined) return fail(`the address names no database: add it, e.g. ${parsed.origin}/haiti`);
  const database = decodeURIComponent(last);
  const user = given.user ?? decodeURIComponent(parsed.username);
  const password = given.password ?? (parsed.password ? decodeURIComponent(parsed.password) : (environment[PASSWORD_VARIABLE] ?? ''));
  const prefix = segments.length > 0 ? `/${segments.join('/')}` : '';
  return ok({ server: `${parsed.origin}${prefix}`, database, user, password });
}

/** The database's URL as messages show it: never with the password. */
export function shownAddress(address: DatabaseAddress): string {
  return `${address.server}/${encodeURIComponent(address.database)}`;
}

export interface ServerAnswer {
  status: number;
  body: unknown;
}

export interface SignedIn {
  /** null when nobody signed in (no user given). */
  name: string | null;
  roles: string[];
  serverAdmin: boolean;
}

const REQUEST_TIMEOUT_MS = 120_000;

export class DatabaseConnection {
  private readonly authorization: string | null;
  /** The server took the user and password: a later 401 means no rights, not a wrong password. */
  private signedIn = false;

  constructor(readonly address: DatabaseAddress) {
    this.authorization =
      address.user === '' ? null : `Basic ${Buffer.from(`${address.user}:${address.password}`, 'utf8').toString('base64')}`;
  }

  /** A request to the server (`path` from its root); throws ServerFailure when it cannot be reached. */
  async request(method: string, path: string, body?: unknown): Promise<ServerAnswer> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.authorization) headers['Authorization'] = this.authorization;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.address.server}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ServerFailure(unreachable(this.address.server, error));
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed };
  }

  /** A request to the database (`path` after its name, '' for the database itself). */
  database(method: string, path: string, body?: unknown): Promise<ServerAnswer> {
    return this.request(method, `/${encodeURIComponent(this.address.database)}${path}`, body);
  }

  /** The failure an answer stands for, in words. */
  failure(answer: ServerAnswer, doing: string): ServerFailure {
    const reason = reasonOf(answer.body);
    if (answer.status === 401 && this.address.user === '')
      return new ServerFailure(
        `${doing}: the server asks who you are: give --user and --password (or the password in $${PASSWORD_VARIABLE}).`,
      );
    // pouchdb-server answers 401 where CouchDB answers 403 (a signed-in user who is no member).
    const status = answer.status === 401 && this.signedIn ? 403 : answer.status;
    return new ServerFailure(`${doing}: ${explainStatus(status, this.address, reason)}`);
  }

  /** Checks the user and password (when given) and says who the server takes us for. */
  async signIn(): Promise<SignedIn> {
    const answer = await this.request('GET', '/_session');
    if (answer.status !== 200) throw this.failure(answer, 'signing in');
    const context = (answer.body as { userCtx?: { name?: unknown; roles?: unknown } } | null)?.userCtx ?? {};
    const name = typeof context.name === 'string' ? context.name : null;
    const roles = Array.isArray(context.roles) ? context.roles.filter((role): role is string => typeof role === 'string') : [];
    // A server that does not check basic credentials on _session answers as nobody: the password was not taken.
    if (this.address.user !== '' && name !== this.address.user) throw this.failure({ status: 401, body: null }, 'signing in');
    this.signedIn = name !== null;
    return { name, roles, serverAdmin: roles.includes('_admin') };
  }
}

/** The `reason` CouchDB gives with an error, or ''. */
export function reasonOf(body: unknown): string {
  const reason = (body as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' ? reason : '';
}

function unreachable(server: string, error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  const name = (error as { name?: unknown } | null)?.name;
  const why =
    code === 'ECONNREFUSED'
      ? 'the connection was refused: is the server running, and is the port right?'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'no such host: check the address'
        : name === 'TimeoutError'
          ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`
          : typeof cause?.message === 'string'
            ? cause.message
            : error instanceof Error
              ? error.message
              : String(error);
  return `cannot reach ${server}: ${why}`;
}
