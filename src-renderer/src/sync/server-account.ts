// Talking to a CouchDB server before syncing: checking the URL, signing in, finding (or, for a
// lead, creating and setting up) the database, and saying what went wrong in words.
import { SYNC_LAYOUT_VERSION } from '../../../src-shared/sync/server-documents';
import { explainStatus } from '../../../src-shared/sync/server-errors';
import { DESIGN_DOC_ID, designDoc, isDatabaseAdmin, ownerNameProblem, type SecurityObject } from '../../../src-shared/sync/server-setup';

// The CLI explains server answers the same way: the function lives in the core.
export { explainStatus };

export interface ServerAddress {
  url: string;
  database: string;
  user: string;
  password: string;
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

export class ServerError extends Error {}

async function request(address: ServerAddress, path: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(`${normaliseServerUrl(address.url)}${path}`, {
      ...init,
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        Authorization: basicAuthorization(address.user, address.password),
        ...init.headers,
      },
    });
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

/**
 * Signs in, finds the database (creating it when the user is a server admin) and, for a lead,
 * installs Spanwright's validate function and names them the database's admin if it has none.
 */
export async function prepareDatabase(address: ServerAddress): Promise<SignedIn> {
  const session = await request(address, '/_session');
  if (!session.ok) throw new ServerError(explainStatus(session.status, address, await reason(session)));
  const context = ((await session.json()) as { userCtx?: { name?: string | null; roles?: string[] } }).userCtx ?? {};
  if (context.name !== address.user) throw new ServerError(explainStatus(401, address));
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
