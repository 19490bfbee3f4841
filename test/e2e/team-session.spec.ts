// Signing in to the team server with a CouchDB cookie session instead of a kept password: the
// password is sent once (POST /_session), the browser holds the AuthSession cookie, a reload
// syncs on without asking, and a session that ended stops the sync and asks again, with the
// work made meanwhile kept and pushed after signing in. Its own pouchdb-server, as in
// team-sync.spec.ts (the page at 127.0.0.1 and the server at 127.0.0.1 are the same site, so the
// default SameSite=Lax cookie travels with the app's credentialed requests).
import { expect, test, type Page } from '@playwright/test';
import { startTeamServer, type TeamServer } from '../support/team-server';
import { createProject, dragSelect, openDocument } from './helpers';
import { connect, HARBOUR, newUser, syncState, teamDialog } from './team-steps';

const DATABASE = 'sessions';

let server: TeamServer;

test.beforeAll(async () => {
  server = await startTeamServer();
  await server.addUser('ana', 'ana-pass');
  await server.createDatabase(DATABASE, { admins: [server.admin.name], members: ['ana'] });
});

test.afterAll(async () => {
  await server?.dispose();
});

async function serverSpanTexts(owner: string): Promise<string[]> {
  const all = (await server.requestAsAdmin('GET', `/${DATABASE}/_all_docs?include_docs=true`)) as {
    rows: Array<{ doc?: { kind?: string; owner?: string; spans?: Array<{ text: string }> } }>;
  };
  return all.rows
    .flatMap((row) => (row.doc?.kind === 'annotations' && row.doc.owner === owner ? (row.doc.spans ?? []).map((s) => s.text) : []))
    .sort();
}

async function connectWithSession(page: Page, user: string, password: string): Promise<void> {
  await syncState(page).click();
  const dialog = teamDialog(page);
  await dialog.getByLabel('Server address').fill(server.url);
  await dialog.getByLabel('Database').fill(DATABASE);
  await dialog.getByLabel('User name').fill(user);
  await dialog.getByRole('radio', { name: 'Server session (cookie)' }).check();
  await expect(dialog.getByText('The password is sent once to open a session and never kept')).toBeVisible();
  await dialog.getByLabel('Password', { exact: true }).fill(password);
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Synced', { timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
}

test('a cookie session syncs without keeping the password, survives a reload, and asks again once it has ended', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const lead = await newUser(browser, baseURL, 'Rita');
  await connect(lead, { url: server.url, database: DATABASE, user: server.admin.name, password: server.admin.password });

  const ana = await newUser(browser, baseURL, 'Ana');
  await createProject(ana, 'Session desk');
  await connectWithSession(ana, 'ana', 'ana-pass');
  // The browser holds the server's session cookie; the app keeps no password (the web build's
  // password store would otherwise have it for the page's life).
  const cookies = await ana.context().cookies(server.url);
  expect(cookies.map((cookie) => cookie.name)).toContain('AuthSession');
  expect(cookies.find((cookie) => cookie.name === 'AuthSession')?.httpOnly).toBe(true);

  await openDocument(ana, HARBOUR);
  await dragSelect(ana, 'Coastlink');
  await ana.keyboard.press('o');
  await expect.poll(() => serverSpanTexts('ana'), { timeout: 30_000 }).toEqual(['Coastlink']);

  // A reload: a password sign-in would wait for the password here; the session carries on.
  await ana.reload();
  await expect(syncState(ana)).toHaveAccessibleName('Team server: Synced', { timeout: 30_000 });

  // The session ends (here: on the server, and the cookie is gone, as when its timeout passes). The next
  // label is saved here; the sync stops and asks to sign in instead of retrying for ever.
  await server.endSessions('ana', 'ana-pass');
  await ana.context().clearCookies();
  await openDocument(ana, HARBOUR);
  await dragSelect(ana, 'Dana Whitcombe');
  await ana.keyboard.press('p');
  await expect(ana.getByText('All changes saved')).toBeVisible();
  await expect(syncState(ana)).toHaveAccessibleName('Team server: Not signed in', { timeout: 30_000 });
  await syncState(ana).click();
  const dialog = teamDialog(ana);
  await expect(dialog.getByText(/Your session with the server at .* has ended; your work is kept here/)).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Server session (cookie)' })).toBeChecked();
  await ana.screenshot({ path: 'test-results/team-session-ended.png' });

  // A wrong password is said in words and changes nothing.
  await dialog.getByLabel('Password', { exact: true }).fill('not-her-password');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog.getByRole('alert')).toContainText('did not accept the user name “ana”');
  expect(await serverSpanTexts('ana')).toEqual(['Coastlink']);

  await dialog.getByLabel('Password', { exact: true }).fill('ana-pass');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Synced', { timeout: 30_000 });
  await expect.poll(() => serverSpanTexts('ana'), { timeout: 30_000 }).toEqual(['Coastlink', 'Dana Whitcombe']);

  // Disconnecting ends the session on the server: the browser keeps no way in.
  await dialog.getByRole('button', { name: 'Disconnect' }).click();
  await expect(syncState(ana)).toHaveAccessibleName('Team server: Not connected');
  const after = await ana.evaluate(async (url) => {
    const answer = await fetch(`${url}/_session`, { credentials: 'include' });
    return ((await answer.json()) as { userCtx: { name: string | null } }).userCtx.name;
  }, server.url);
  expect(after).toBeNull();
});
