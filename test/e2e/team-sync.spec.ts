// Team sync through a real CouchDB-compatible server (pouchdb-server, started here): a lead
// and an annotator in two browsers, each with its own IndexedDB, the server stopped and
// restarted mid-sync. Nothing shown as saved is lost.
import { expect, test, type Page } from '@playwright/test';
import { startTeamServer, type TeamServer } from '../support/team-server';
import { expectNoAccessibilityViolations } from './axe';
import { createProject, dragSelect, openApp, openDocument } from './helpers';
import { addLabel, connect, HARBOUR, newUser, palette, syncNow, syncState } from './team-steps';

const DATABASE = 'newsroom';
const SCHEMA_DATABASE = 'desk';

let server: TeamServer;

test.beforeAll(async () => {
  server = await startTeamServer();
  await server.addUser('ana', 'ana-pass');
  await server.addUser('max', 'max-pass');
  await server.createDatabase(DATABASE, { admins: [server.admin.name], members: ['ana'] });
  await server.createDatabase(SCHEMA_DATABASE, { admins: [server.admin.name, 'max'], members: [] });
});

test.afterAll(async () => {
  await server?.dispose();
});

/** Connects to this file's server. */
const connectTo = (page: Page, user: string, password: string, database = DATABASE) =>
  connect(page, { url: server.url, database, user, password });

test('a lead shares a project; an annotator joins, works offline while the server is down, and the lead sees every span', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const lead = await newUser(browser, baseURL, 'Rita');
  await connectTo(lead, server.admin.name, server.admin.password);

  // The annotator starts an empty project and connects it: the team's documents arrive.
  const ana = await newUser(browser, baseURL, 'Ana');
  await createProject(ana, 'Newsroom');
  await connectTo(ana, 'ana', 'ana-pass');
  const anaDocuments = ana.getByRole('list', { name: 'Documents' });
  await expect(anaDocuments.getByRole('listitem', { name: new RegExp(`^${HARBOUR}`) })).toBeVisible();
  const leadCount = await lead.getByRole('list', { name: 'Documents' }).getByRole('listitem').count();
  await expect(anaDocuments.getByRole('listitem')).toHaveCount(leadCount);

  // Ana labels a span; the lead sees it in review without importing anything.
  await openDocument(ana, HARBOUR);
  await dragSelect(ana, 'Coastlink');
  await ana.keyboard.press('o');
  await expect(ana.locator('[data-span-id][data-label="ORG"]', { hasText: 'Coastlink' }).first()).toBeVisible();
  await expect(syncState(ana)).toHaveAccessibleName('Team server: Synced', { timeout: 30_000 });

  await openDocument(lead, HARBOUR);
  await lead.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Review' }).click();
  const review = lead.getByRole('region', { name: 'Review' });
  await expect(review.getByRole('checkbox', { name: 'Ana' })).toBeVisible({ timeout: 30_000 });
  await expect(lead.locator('[data-annotator="couch:ana"]', { hasText: 'Coastlink' })).toHaveCount(1, { timeout: 30_000 });

  // The server goes down: Ana keeps working, her work waits, and nothing is lost.
  await server.stop();
  await dragSelect(ana, 'Quay Street station');
  await ana.keyboard.press('l');
  await expect(ana.getByText('All changes saved')).toBeVisible();
  await expect(syncState(ana)).toHaveAccessibleName(/Team server: (Offline|Sync error|Syncing…) · 1 waiting/, { timeout: 30_000 });
  await ana.screenshot({ path: 'test-results/team-sync-offline.png' });

  await server.restart();
  await syncState(ana).click();
  await ana.getByRole('dialog', { name: 'Team server' }).getByRole('button', { name: 'Sync now' }).click();
  await expect(ana.getByRole('dialog', { name: 'Team server' }).getByRole('status')).toHaveText('Synced', { timeout: 60_000 });
  await ana.getByRole('dialog', { name: 'Team server' }).getByRole('button', { name: 'Close' }).click();

  await expect(lead.locator('[data-annotator="couch:ana"]', { hasText: 'Quay Street station' })).toHaveCount(1, { timeout: 60_000 });
  await lead.screenshot({ path: 'test-results/team-sync-lead-review.png' });

  // The lead renames a label: the annotator's spans follow it, on her screen and back on the lead's.
  await lead.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Annotate' }).click();
  await lead.getByRole('button', { name: 'Labels', exact: true }).click();
  const labels = lead.getByRole('dialog', { name: 'Labels' });
  await labels.getByLabel('Name of ORG', { exact: true }).fill('COMPANY');
  await labels
    .getByRole('row')
    .filter({ has: lead.getByLabel('Name of ORG', { exact: true }) })
    .getByRole('button', { name: 'Save' })
    .click();
  await expect(labels.getByLabel('Name of COMPANY', { exact: true })).toBeVisible();
  await labels.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(ana.locator('[data-span-id][data-label="COMPANY"]', { hasText: 'Coastlink' }).first()).toBeVisible({ timeout: 30_000 });
  await expect(ana.locator('[data-span-id][data-label="ORG"]')).toHaveCount(0);
  await expect(palette(ana, 'ORG')).toHaveCount(0);
  await lead.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Review' }).click();
  await expect(lead.locator('[data-annotator="couch:ana"][data-label="COMPANY"]', { hasText: 'Coastlink' })).toHaveCount(1, {
    timeout: 30_000,
  });
  await expect(syncState(ana)).toHaveAccessibleName('Team server: Synced', { timeout: 30_000 });

  // The lead moves the document to the trash: it leaves the annotator's list (into her trash,
  // with her spans); restored, it comes back with them.
  await lead.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Annotate' }).click();
  await lead.getByRole('button', { name: 'Details…' }).click();
  const details = lead.getByRole('dialog', { name: 'Document details' });
  await details.getByRole('button', { name: 'Move to trash…' }).click();
  await details.getByRole('group', { name: 'Move to trash?' }).getByRole('button', { name: 'Move to trash' }).click();
  await expect(details).toBeHidden();
  await expect(anaDocuments.getByRole('listitem')).toHaveCount(leadCount - 1, { timeout: 30_000 });
  await lead.getByRole('button', { name: 'Trash (1)' }).click();
  const trash = lead.getByRole('dialog', { name: 'Trash' });
  await trash.getByRole('button', { name: `Restore ${HARBOUR}` }).click();
  await trash.getByRole('button', { name: 'Close' }).click();
  await expect(anaDocuments.getByRole('listitem')).toHaveCount(leadCount, { timeout: 30_000 });
  await openDocument(ana, HARBOUR);
  await expect(ana.locator('[data-span-id][data-label="COMPANY"]', { hasText: 'Coastlink' }).first()).toBeVisible();
  await expect(ana.locator('[data-span-id][data-label="LOC"]', { hasText: 'Quay Street station' }).first()).toBeVisible();
  await expect(syncState(ana)).toHaveAccessibleName('Team server: Synced', { timeout: 30_000 });
  await expect(syncState(lead)).toHaveAccessibleName('Team server: Synced', { timeout: 30_000 });

  // Reloading keeps everything (the web build asks for the password again).
  await ana.reload();
  await openApp(ana);
  await expect(syncState(ana)).toHaveAccessibleName('Team server: Not signed in');
  await openDocument(ana, HARBOUR);
  await expect(ana.locator('[data-span-id][data-label="LOC"]', { hasText: 'Quay Street station' }).first()).toBeVisible();
});

test('two leads change the labels while the server is down: both end with the same labels, the other version is kept and a lead picks it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const rita = await newUser(browser, baseURL, 'Rita');
  await connectTo(rita, server.admin.name, server.admin.password, SCHEMA_DATABASE);
  const max = await newUser(browser, baseURL, 'Max');
  await createProject(max, 'Desk');
  await connectTo(max, 'max', 'max-pass', SCHEMA_DATABASE);
  await expect(max.getByRole('list', { name: 'Documents' }).getByRole('listitem', { name: new RegExp(`^${HARBOUR}`) })).toBeVisible();

  await server.stop();
  await addLabel(rita, 'VEHICLE', 'v');
  await addLabel(max, 'WEAPON', 'w');
  await server.restart();
  await syncNow(rita);
  await syncNow(max);
  await syncNow(rita);

  // CouchDB chose one version for both; the other is kept, waiting for a lead.
  for (const page of [rita, max]) await expect(syncState(page)).toHaveAccessibleName(/1 to settle/, { timeout: 30_000 });
  const ritaHasVehicle = (await palette(rita, 'VEHICLE').count()) === 1;
  const shown = ritaHasVehicle ? 'VEHICLE' : 'WEAPON';
  const other = ritaHasVehicle ? 'WEAPON' : 'VEHICLE';
  for (const page of [rita, max]) {
    await expect(palette(page, shown)).toHaveCount(1);
    await expect(palette(page, other)).toHaveCount(0);
  }

  await syncState(max).click();
  const conflicts = max.getByRole('dialog', { name: 'Team server' }).getByRole('region', { name: 'Conflicts' });
  await expect(conflicts).toContainText('Labels, relation types and document categories');
  await expect(conflicts).toContainText(`Other version: labels PERSON, ORG, LOC, DATE, QUANTITY, EVENT, CLAIM, ${other}`);
  await max.screenshot({ path: 'test-results/team-sync-conflict.png' });
  await expectNoAccessibilityViolations(max, 'team server dialog with a conflict');
  await conflicts.getByRole('button', { name: 'Use this one' }).click();
  await expect(conflicts).toBeHidden();
  await max.getByRole('dialog', { name: 'Team server' }).getByRole('button', { name: 'Close' }).click();

  for (const page of [max, rita]) {
    await expect(palette(page, other)).toHaveCount(1, { timeout: 30_000 });
    await expect(palette(page, shown)).toHaveCount(0);
    await expect(syncState(page)).toHaveAccessibleName('Team server: Synced', { timeout: 30_000 });
  }
});
