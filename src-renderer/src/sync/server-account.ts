// Talking to a CouchDB server before syncing: checking the URL, signing in, finding (or, for a
// lead, creating and setting up) the database, and saying what went wrong in words.
import { SYNC_LAYOUT_VERSION } from '../../../src-shared/sync/server-documents';
import { explainStatus } from '../../../src-shared/sync/server-errors';
import { DESIGN_DOC_ID, designDoc, isDatabaseAdmin, ownerNameProblem, type SecurityObject } from '../../../src-shared/sync/server-setup';

// The CLI explains server answers the same way: the function lives in the core.
export { explainStatus };

/**
 * How the app proves who it is: the password on every request (kept by the platform), or a
 * CouchDB cookie session (`POST /_session`), where the password is sent once and never kept;
 * the browser holds the `AuthSession` cookie, and an expired session asks to sign in again.
 */
export type SignInMethod = 'password' | 'session';

export interface ServerAddress {
  url: string;
  database: string;
  user: string;
  /** For a session: empty means "use the session this browser already has" (e.g. from a single sign-on proxy). */
  password: string;
  signIn: SignInMethod;
}

export interface SignedIn {
  user: string;
  /** Server admin, or an admin of this database: may write documents, schema and gold. */
  lead: boolean;
}

/** Why the address cannot be used as typed, or null. `insecureConfirmed`: the user accepted plain http to another machine. */
export function addressProblem(address: Omit<ServerAddress, 'password'>, insecureConfirmed: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(address.url);
  } catch {
    return 'Enter the server address, e.g. https://couch.example.org or http://127.0.0.1:5984.';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'The server address must start with https:// (or http://).';
  if (parsed.username || parsed.password) return 'Enter the user name and password in their own fields, not in the address.';
  if (parsed.protocol === 'http:' && !isLocalHost(parsed.hostname) && !insecureConfirmed)
    return 'This address sends your password unencrypted (http://). Use https://, or confirm that this network is trusted.';
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(address.database))
    return 'A CouchDB database name starts with a lowercase letter and holds lowercase letters, digits and _ $ ( ) + - /.';
  return ownerNameProblem(address.user);
}

export function isLocalHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]' || hostname.endsWith('.localhost');
}

/** The base URL as stored: no trailing slash, no path beyond what the server needs. */
export function normaliseServerUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export function databaseUrl(address: Pick<ServerAddress, 'url' | 'database'>): string {
  return `${normaliseServerUrl(address.url)}/${encodeURIComponent(address.database)}`;
}

/** Basic authentication with the name and password as UTF-8 (btoa alone refuses non-Latin-1). */
export function basicAuthorization(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/**
 * Adds the proof of identity to a request: the Authorization header, or (session) the
 * browser's cookie for the server, which a cross-origin fetch sends only when asked to.
 */
export function withCredentials(
  credentials: Pick<ServerAddress, 'user' | 'password' | 'signIn'>,
): (init?: RequestInit) => RequestInit {
  if (credentials.signIn === 'session') return (init) => ({ ...init, credentials: 'include' });
  const authorization = basicAuthorization(credentials.user, credentials.password);
  return (init) => {
    const headers = new Headers(init?.headers);
    headers.set('Authorization', authorization);
    return { ...init, headers };
  };
}

export class ServerError extends Error {}

async function request(address: ServerAddress, path: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(
      `${normaliseServerUrl(address.url)}${path}`,
      withCredentials(address)({
        ...init,
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...init.headers },
      }),
    );
  } catch {
    throw new ServerError(
      `Could not reach ${normaliseServerUrl(address.url)}: check the address, that the server runs, and that it allows this app (CORS, see the README's Team server section).`,
    );
  }
}

async function reason(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { reason?: unknown };
    return typeof body.reason === 'string' ? body.reason : '';
  } catch {
    return '';
  }
}

interface UserContext {
  name?: string | null;
  roles?: string[];
}

/** Who the server takes this client for: with a session, nobody (name null) once it has expired. */
async function sessionContext(address: ServerAddress): Promise<UserContext> {
  const session = await request(address, '/_session');
  if (!session.ok) throw new ServerError(explainStatus(session.status, address, await reason(session)));
  return ((await session.json()) as { userCtx?: UserContext }).userCtx ?? {};
}

/** Whether the browser still holds a live cookie session for this user (checked before syncing, so an expired one asks to sign in). */
export async function hasSession(address: Omit<ServerAddress, 'password' | 'signIn'>): Promise<boolean> {
  try {
    return (await sessionContext({ ...address, password: '', signIn: 'session' })).name === address.user;
  } catch {
    // Unreachable: start anyway, the sync says offline and retries.
    return true;
  }
}

/** Ends the cookie session (disconnecting), so the browser keeps no way in. */
export async function closeSession(address: Omit<ServerAddress, 'password' | 'signIn'>): Promise<void> {
  try {
    await request({ ...address, password: '', signIn: 'session' }, '/_session', { method: 'DELETE' });
  } catch {
    // Offline: the cookie expires on the server's own timeout.
  }
}

/**
 * Signs in, finds the database (creating it when the user is a server admin) and, for a lead,
 * installs Spanwright's validate function and names them the database's admin if it has none.
 */
export async function prepareDatabase(address: ServerAddress): Promise<SignedIn> {
  if (address.signIn === 'session' && address.password !== '') {
    const opened = await request(address, '/_session', {
      method: 'POST',
      body: JSON.stringify({ name: address.user, password: address.password }),
    });
    if (!opened.ok) throw new ServerError(explainStatus(opened.status, address, await reason(opened)));
  }
  const context = await sessionContext(address);
  if (context.name !== address.user) {
    if (address.signIn === 'password') throw new ServerError(explainStatus(401, address));
    throw new ServerError(
      context.name
        ? `This browser's session with the server is for “${context.name}”, not “${address.user}”: enter ${address.user}'s password to sign in.`
        : `There is no session with the server for “${address.user}”: enter the password to sign in (it is sent once and not kept).`,
    );
  }
  const serverAdmin = (context.roles ?? []).includes('_admin');
  const dbPath = `/${encodeURIComponent(address.database)}`;

  let info = await request(address, dbPath);
  if (info.status === 404 && serverAdmin) {
    const created = await request(address, dbPath, { method: 'PUT' });
    if (!created.ok && created.status !== 412) throw new ServerError(explainStatus(created.status, address, await reason(created)));
    info = await request(address, dbPath);
  }
  // Signed in, yet refused: not a member (pouchdb-server answers 401 here where CouchDB says 403).
  if (!info.ok) throw new ServerError(explainStatus(info.status === 401 ? 403 : info.status, address, await reason(info)));

  const securityAnswer = await request(address, `${dbPath}/_security`);
  const security = securityAnswer.ok ? ((await securityAnswer.json()) as Partial<SecurityObject>) : {};
  const adminNames = security.admins?.names ?? [];
  const adminRoles = security.admins?.roles ?? [];
  const lead = isDatabaseAdmin({ name: address.user, roles: context.roles ?? [] }, security);
  if (!lead) return { user: address.user, lead };

  if (serverAdmin && adminNames.length === 0 && adminRoles.length === 0) {
    const next: SecurityObject = {
      admins: { names: [address.user], roles: [] },
      members: { names: security.members?.names ?? [], roles: security.members?.roles ?? [] },
    };
    const put = await request(address, `${dbPath}/_security`, { method: 'PUT', body: JSON.stringify(next) });
    if (!put.ok) throw new ServerError(explainStatus(put.status, address, await reason(put)));
  }
  const existing = await request(address, `${dbPath}/${DESIGN_DOC_ID}`);
  const wanted = designDoc(SYNC_LAYOUT_VERSION);
  if (existing.ok) {
    const current = (await existing.json()) as { _rev?: string; validate_doc_update?: string };
    if (current.validate_doc_update === wanted.validate_doc_update) return { user: address.user, lead };
    wanted._rev = current._rev;
  }
  const put = await request(address, `${dbPath}/${DESIGN_DOC_ID}`, { method: 'PUT', body: JSON.stringify(wanted) });
  if (!put.ok) throw new ServerError(explainStatus(put.status, address, await reason(put)));
  return { user: address.user, lead };
}
