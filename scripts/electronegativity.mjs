// `npm run electronegativity`: scans src-main with Electronegativity and fails on any finding
// that scripts/electronegativity-allowlist.json does not explain, on any file it could not
// parse, and on an allowlist entry that no longer matches a finding (so the list stays true).
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Flags exist for the script's own test, which scans a fixture with a known finding.
const { values: flags } = parseArgs({ options: { input: { type: 'string' }, allowlist: { type: 'string' } } });
const ALLOWLIST_PATH = resolve(flags.allowlist ?? resolve(root, 'scripts/electronegativity-allowlist.json'));
const SCANNED_DIR = resolve(flags.input ?? resolve(root, 'src-main'));
/**
 * AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK downloads Electron's release list from GitHub at every
 * run; the scan must work offline. Electron updates are tracked with `npm outdated` instead.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** One finding's identity: the check and the file, not the line, which moves with every edit. */
const findingKey = (check, file) => `${check} in ${file}`;

/**
 * Splits findings into those the allowlist explains and those it does not, and lists the
 * allowlist entries no finding matched (stale: the code changed, so the reason may be wrong).
 */
function compareWithAllowlist(findings, allowlist) {
  const explained = new Set(allowlist.map((entry) => findingKey(entry.check, entry.file)));
  const found = new Set(findings.map((finding) => findingKey(finding.check, finding.file)));
  return {
    unexplained: findings.filter((finding) => !explained.has(findingKey(finding.check, finding.file))),
    stale: allowlist.filter((entry) => !found.has(findingKey(entry.check, entry.file))),
  };
}

/** Every entry names a check and a file and says why the finding is acceptable. */
function validateAllowlist(value) {
  if (!Array.isArray(value)) throw new Error('the allowlist must be a JSON array');
  value.forEach((entry, index) => {
    for (const field of ['check', 'file', 'why']) {
      if (typeof entry?.[field] !== 'string' || entry[field].trim() === '') {
        throw new Error(`allowlist entry ${index + 1} needs a non-empty "${field}"`);
      }
    }
  });
  return value;
}

/**
 * Electronegativity's runner first fetches translations from S3 (one-second timeout); the
 * English strings ship in the package, so serve those and make no request at all.
 */
function useBundledTranslations(require) {
  const i18nPath = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
  const i18n = require('i18n');
  const offline = new Module(i18nPath);
  offline.filename = i18nPath;
  offline.loaded = true;
  offline.exports = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(i18nPath),
      updateFiles: false,
      objectNotation: true,
      register: global,
    });
    i18n.setLocale('en-US');
  };
  require.cache[i18nPath] = offline;
}

async function scan() {
  const require = createRequire(import.meta.url);
  useBundledTranslations(require);
  const run = require('@doyensec/electronegativity');
  const electronVersion = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).devDependencies.electron;
  const result = await run({
    input: SCANNED_DIR,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: EXCLUDED_CHECKS,
  });
  const findings = result.issues.map((issue) => ({
    check: issue.id,
    file: issue.file,
    line: issue.location.line,
    description: issue.description,
  }));
  return { findings, errors: result.errors };
}

async function main() {
  const shown = (file) => `${SCANNED_DIR === resolve(root, 'src-main') ? 'src-main/' : ''}${file}`;
  const allowlist = validateAllowlist(JSON.parse(readFileSync(ALLOWLIST_PATH, 'utf8')));
  const { findings, errors } = await scan();
  const { unexplained, stale } = compareWithAllowlist(findings, allowlist);
  for (const error of errors) console.error(`Could not scan ${error.file}: ${error.message}`);
  for (const finding of unexplained) {
    console.error(`Unexplained: ${finding.check} at ${shown(finding.file)}:${finding.line}: ${finding.description}`);
  }
  for (const entry of stale) console.error(`Stale allowlist entry (no such finding any more): ${findingKey(entry.check, entry.file)}`);
  if (errors.length > 0 || unexplained.length > 0 || stale.length > 0) {
    console.error(`Fix the code, or explain the finding in ${relative(root, ALLOWLIST_PATH)} (see docs/electron.md).`);
    process.exit(1);
  }
  console.log(`Electronegativity: ${findings.length} finding(s), each explained in ${relative(root, ALLOWLIST_PATH)}.`);
}

await main();
