// What a CouchDB database needs to hold a Spanwright project: a validate function so that a
// member (annotator) can write only their own annotations and a database admin (lead)
// everything, and a security object naming them. The app (a lead connecting) and
// `spanwright push` install the same design document.

export const DESIGN_DOC_ID = '_design/spanwright';

/**
 * CouchDB runs this on every write (replication included), in its JavaScript engine: ES5
 * only. Server admins and the database's admins (by name or role) may write anything;
 * members only `annotations:<document>:<their name>` with `owner` their name.
 */
export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  var roles = userCtx.roles || [];
  var admins = (secObj && secObj.admins) || {};
  var adminNames = admins.names || [];
  var adminRoles = admins.roles || [];
  if (roles.indexOf('_admin') !== -1 || adminNames.indexOf(userCtx.name) !== -1) return;
  for (var i = 0; i < roles.length; i++) if (adminRoles.indexOf(roles[i]) !== -1) return;
  if (!userCtx.name) throw({ unauthorized: 'Sign in to write to this database.' });
  var id = newDoc._id;
  if (id.indexOf('annotations:') !== 0) {
    throw({ forbidden: 'Only the project leads (database admins) can change ' + id.split(':')[0] + ' documents.' });
  }
  var owner = id.slice(id.lastIndexOf(':') + 1);
  if (owner === 'gold') throw({ forbidden: 'Only the project leads (database admins) can change the gold annotations.' });
  if (owner !== userCtx.name) throw({ forbidden: 'Only ' + owner + ' can change ' + owner + "'s annotations." });
  if (!newDoc._deleted && newDoc.owner !== userCtx.name) throw({ forbidden: 'An annotations document must name its writer as owner.' });
}`;

export interface DesignDoc {
  _id: string;
  _rev?: string;
  language: 'javascript';
  validate_doc_update: string;
  spanwright: { layout: number };
}

export function designDoc(layout: number): DesignDoc {
  return { _id: DESIGN_DOC_ID, language: 'javascript', validate_doc_update: VALIDATE_DOC_UPDATE, spanwright: { layout } };
}

/** CouchDB's `_security` object: leads are the database's admins, annotators its members. */
export interface SecurityObject {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

/**
 * Whether a signed-in user is a lead of the database: a server admin, or one of its admins by
 * name or role (what the validate function lets write everything).
 */
export function isDatabaseAdmin(
  user: { name: string | null; roles: readonly string[] },
  security: Partial<SecurityObject> | null,
): boolean {
  if (user.roles.includes('_admin')) return true;
  const names = security?.admins?.names ?? [];
  const roles = security?.admins?.roles ?? [];
  return (user.name !== null && names.includes(user.name)) || user.roles.some((role) => roles.includes(role));
}

/** A CouchDB user name as Spanwright can use it in a document id. */
export function ownerNameProblem(name: string): string | null {
  if (name.trim() === '') return 'Enter a user name.';
  if (name.includes(':')) return 'A user name for Spanwright cannot contain “:”.';
  if (name === 'gold') return '“gold” is reserved for the adjudicated layer.';
  return null;
}
