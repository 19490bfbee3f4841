// Loaded into the test server before pouchdb-server: mends two pouchdb-server bugs that Apache
// CouchDB does not have, both in pouchdb-validation (run for every write once a database has a
// validate function), by editing its source as Node loads it.
//  1. It replaces an incoming document's `_revisions` with the stored document's, so a
//     replicated update (`_bulk_docs` with `new_edits: false`) is answered as written and
//     silently dropped. Fixed: the incoming `_revisions` are kept.
//  2. `_bulk_docs` (what replication writes with) reaches it without the database's security
//     object, so a database admin who is not a server admin is refused. Fixed: the security
//     object is read where it is missing.
// A changed pouchdb-validation fails loudly here instead of testing something else.
'use strict';
// A CommonJS file Node loads with -e before pouchdb-server starts: require is its only import.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Module = require('module');

const PATCHES = [
  ['newDoc._revisions = (oldDoc || {})._revisions;', 'newDoc._revisions = newDoc._revisions || (oldDoc || {})._revisions;'],
  [
    'function completeValidationOptions(db, options) {',
    'function completeValidationOptions(db, options) {\n' +
      "  if (!options.secObj && typeof db.getSecurity === 'function') {\n" +
      '    return db.getSecurity().then(function (secObj) { options.secObj = secObj || {}; return completeValidationOptions(db, options); });\n' +
      '  }',
  ],
];

const compile = Module.prototype._compile;
Module.prototype._compile = function (source, filename) {
  if (/pouchdb-validation[\\/]lib[\\/]index\.js$/.test(filename)) {
    for (const [broken, mended] of PATCHES) {
      if (!source.includes(broken)) throw new Error(`pouchdb-validation changed: review test/support/pouchdb-server-fixes.cjs (${broken})`);
      source = source.replace(broken, mended);
    }
  }
  return compile.call(this, source, filename);
};
