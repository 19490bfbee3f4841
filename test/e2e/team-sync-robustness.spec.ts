// Team sync when things go wrong: the annotator's browser is killed while work waits to sync
// (nothing shown as saved is lost, nothing arrives twice), and what the server refuses (a
// member's schema edit, a wrong password, a user who is not a member) is explained in words.
// Its own pouchdb-server, as in team-sync.spec.ts.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEMA_DOC_ID } from '../../src-shared/sync/server-documents';
import { startTeamServer, type TeamServer } from '../support/team-server';
import { createProject, dragSelect, escapeRegExp, openApp, openDocument, renderedSpans } from './helpers';
import { KillableChromium } from './killable-chromium';
import {
  addLabel,
  connect as connectTo,
  HARBOUR,
  newUser,
  pressConnect as pressConnectTo,
  syncState,
  teamDialog,
  welcome,
} from './team-steps';

const KILL_DATABASE = 'crashdesk';
const REFUSAL_DATABASE = 'refusals';

let server: TeamServer;

test.beforeAll(async () => {
  server = await startTeamServer();
  await server.addUser('ana', 'ana-pass');
  await server.addUser('ben', 'ben-pass');
  await server.addUser('carl', 'carl-pass');
  await server.createDatabase(KILL_DATABASE, { admins: [server.admin.name], members: ['ana'] });
  await server.createDatabase(REFUSAL_DATABASE, { admins: [server.admin.name], members: ['ben'] });
});

test.afterAll(async () => {
  await server?.dispose();
});

/** This file's server. */
const login = (user: string, password: string, database: string) => ({ url: server.url, database, user, password });
const pressConnect = (page: Page, user: string, password: string, database: string) =>
  pressConnectTo(page, login(user, password, database));
const connect = (page: Page, user: string, password: string, database: string) => connectTo(page, login(user, password, database));

/** The span texts the server holds in `owner`'s annotation documents, one entry per span. */
async function serverSpanTexts(database: string, owner: string): Promise<string[]> {
  const all = (await server.requestAsAdmin('GET', `/${database}/_all_docs?include_docs=true`)) as {
    rows: Array<{ doc?: { kind?: string; owner?: string; spans?: Array<{ text: string }> } }>;
  };
  return all.rows.flatMap((row) =>
    row.doc?.kind === 'annotations' && row.doc.owner === owner ? (row.doc.spans ?? []).map((s) => s.text) : [],
  );
}

/**
 * After a restart of the browser: the app opens on the connected project, which waits for the
 * password (the web build keeps it only for the page's life); Ana types it and the sync resumes.
 */
async function reopenAndSignIn(run: KillableChromium, baseURL: string, password: string): Promise<Page> {
  const page = await run.page();
  await openApp(page, baseURL);
  await expect(syncState(page)).toHaveAccessibleName('Team server: Not signed in');
  await syncState(page).click();
  await expect(teamDialog(page).getByRole('status')).toHaveText('Not signed in: enter the password to sync.');
  await teamDialog(page).getByLabel('Password', { exact: true }).fill(password);
  await teamDialog(page).getByRole('button', { name: 'Sign in' }).click();
  await expect(teamDialog(page).getByRole('status')).toHaveText('Synced', { timeout: 30_000 });
  await teamDialog(page).getByRole('button', { name: 'Close' }).click();
  return page;
}

test('a browser killed while its work waits to sync loses nothing shown as saved, and the server gets each span once', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  if (!baseURL) throw new Error('the web project sets baseURL');
  const lead = await newUser(browser, baseURL, 'Rita');
  await connect(lead, server.admin.name, server.admin.password, KILL_DATABASE);

  const profile = mkdtempSync(join(tmpdir(), 'spanwright-killed-profile-'));
  let chromiumRun: KillableChromium | null = null;
  try {
    chromiumRun = await KillableChromium.launch(profile);
    let ana = await chromiumRun.page();
    await openApp(ana, baseURL);
    await welcome(ana, 'Ana');
    await createProject(ana, 'Crash desk');
    await connect(ana, 'ana', 'ana-pass', KILL_DATABASE);
    await openDocument(ana, HARBOUR);
    await dragSelect(ana, 'Coastlink');
    await ana.keyboard.press('o');
    // "Synced" alone could be the state from before the label: wait for the server to hold it.
    await expect.poll(() => serverSpanTexts(KILL_DATABASE, 'ana'), { timeout: 30_000 }).toEqual(['Coastlink']);
    await expect(syncState(ana)).toHaveAccessibleName('Team server: Synced', { timeout: 30_000 });

    // The server goes away; Ana labels quickly, the app says everything is saved, and the
    // browser dies at once: some changes are in the local replica waiting for the server,
    // the last may not even have left IndexedDB's change log for the replica yet.
    await server.stop();
    const labelled: Array<[string, string]> = [
      ['Dana Whitcombe', 'p'],
      ['Quay Street station', 'l'],
      ['Amir Haddad', 'p'],
      ['Eastside', 'l'],
    ];
    for (const [text, key] of labelled) {
      await dragSelect(ana, text);
      await ana.keyboard.press(key);
    }
    for (const [text] of labelled) await expect(ana.locator('[data-span-id]', { hasText: text }).first()).toBeVisible();
    await expect(ana.getByText('All changes saved')).toBeVisible();
    await chromiumRun.kill();
    chromiumRun = null;

    await server.restart();
    // Nothing of the four reached the server before the kill: it was all waiting.
    expect(await serverSpanTexts(KILL_DATABASE, 'ana')).toEqual(['Coastlink']);

    // Same profile: the project, its connection and its replica are still there; the web build
    // forgot the password with the page, so Ana signs in again.
    chromiumRun = await KillableChromium.launch(profile);
    ana = await reopenAndSignIn(chromiumRun, baseURL, 'ana-pass');
    const everyText = ['Coastlink', ...labelled.map(([text]) => text)];
    await openDocument(ana, HARBOUR);
    expect((await renderedSpans(ana)).map((s) => s.text).sort()).toEqual([...everyText].sort());
    // The server holds each span once: pushing again after the crash did not add copies.
    await expect.poll(async () => (await serverSpanTexts(KILL_DATABASE, 'ana')).sort(), { timeout: 30_000 }).toEqual([...everyText].sort());

    // Now with the server up: the browser dies right after the next label is saved, while the
    // sync is taking it (the change log is read 150 ms after a change, then replicated).
    await dragSelect(ana, 'PORT ELLIS');
    await ana.keyboard.press('l');
    await expect(ana.locator('[data-span-id]', { hasText: 'PORT ELLIS' }).first()).toBeVisible();
    await expect(ana.getByText('All changes saved')).toBeVisible();
    await chromiumRun.kill();
    chromiumRun = null;
    everyText.push('PORT ELLIS');

    chromiumRun = await KillableChromium.launch(profile);
    ana = await reopenAndSignIn(chromiumRun, baseURL, 'ana-pass');
    await openDocument(ana, HARBOUR);
    expect((await renderedSpans(ana)).map((s) => s.text).sort()).toEqual([...everyText].sort());
    await expect.poll(async () => (await serverSpanTexts(KILL_DATABASE, 'ana')).sort(), { timeout: 30_000 }).toEqual([...everyText].sort());

    await openDocument(lead, HARBOUR);
    await lead.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Review' }).click();
    for (const text of everyText)
      await expect(lead.locator('[data-annotator="couch:ana"]', { hasText: new RegExp(`^${escapeRegExp(text)}$`) })).toHaveCount(1, {
        timeout: 30_000,
      });
    await lead.screenshot({ path: 'test-results/team-sync-killed-lead-review.png' });
  } finally {
    await chromiumRun?.kill();
    rmSync(profile, { recursive: true, force: true });
  }
});

/** A lead connects first: that installs the validate function refusing members' schema edits. */
async function leadConnects(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const lead = await newUser(browser, baseURL, 'Rita');
  await connect(lead, server.admin.name, server.admin.password, REFUSAL_DATABASE);
  return lead;
}

test('a wrong password and a user who is not a member are told why the server said no', async ({ browser, baseURL }) => {
  // No lead needed: the answers come from the server's sign-in and database security.
  const ben = await newUser(browser, baseURL, 'Ben');
  await createProject(ben, 'Refusals');

  // Carl has an account but is not a member of the database.
  await pressConnect(ben, 'carl', 'carl-pass', REFUSAL_DATABASE);
  const alert = teamDialog(ben).getByRole('alert');
  await expect(alert).toContainText('“carl” may not do this on database “refusals”');
  await ben.screenshot({ path: 'test-results/team-sync-not-a-member.png' });

  // Ben mistypes his password.
  await pressConnect(ben, 'ben', 'not-his-password', REFUSAL_DATABASE);
  await expect(alert).toContainText('The server did not accept the user name “ben” and this password');
  await ben.screenshot({ path: 'test-results/team-sync-wrong-password.png' });

  await teamDialog(ben).getByLabel('Password', { exact: true }).fill('ben-pass');
  await teamDialog(ben).getByRole('button', { name: 'Connect' }).click();
  await expect(teamDialog(ben).getByRole('status')).toHaveText('Synced', { timeout: 30_000 });
  await expect(alert).toBeHidden();
});

test("a member's label change, which the server would refuse, is shown as not synced, with the reason", async ({ browser, baseURL }) => {
  await leadConnects(browser, baseURL);
  const ben = await newUser(browser, baseURL, 'Ben');
  await createProject(ben, 'Refusals');
  await connect(ben, 'ben', 'ben-pass', REFUSAL_DATABASE);

  // Ben, a member, adds a label: labels are the leads' (the server's validate function would
  // refuse it), so it stays on his machine and the dialog says why.
  await addLabel(ben, 'VEHICLE', 'v');
  try {
    await expect(syncState(ben)).toHaveAccessibleName(/\(1 not synced\)/, { timeout: 8_000 });
    await syncState(ben).click();
    const notSynced = teamDialog(ben).getByRole('group').filter({ hasText: '1 not synced' });
    await notSynced.getByText('1 not synced').click();
    await expect(notSynced.getByRole('listitem')).toHaveText(
      /only the project leads \(database admins\) can change schema documents on the server; your change stays on this computer/,
    );
  } finally {
    // What Ben sees, whether or not the refusal is shown.
    if (!(await teamDialog(ben).isVisible())) await syncState(ben).click();
    await ben.screenshot({ path: 'test-results/team-sync-refused-schema.png' });
  }

  // The server still has the lead's labels.
  const schema = (await server.requestAsAdmin('GET', `/${REFUSAL_DATABASE}/${encodeURIComponent(SCHEMA_DOC_ID)}`)) as {
    schema?: { labels?: Array<{ name: string }> };
  };
  expect((schema.schema?.labels ?? []).map((l) => l.name)).not.toContain('VEHICLE');
});
