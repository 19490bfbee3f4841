// Shared steps for the team sync specs: a person in a browser of their own, a new project,
// connecting to a team server through the Team server dialog, labels, and where the sync
// status shows.
import { expect, type Browser, type Page } from '@playwright/test';
import { openApp } from './helpers';

export const HARBOUR = 'Harbour city opens new tram line';
const VIEWPORT = { width: 1400, height: 900 };

export const syncState = (page: Page) => page.getByRole('button', { name: /^Team server:/ });
export const teamDialog = (page: Page) => page.getByRole('dialog', { name: 'Team server' });
export const palette = (page: Page, label: string) => page.getByRole('button', { name: new RegExp(`^${label} hotkey`) });

export async function welcome(page: Page, name: string): Promise<void> {
  await page.getByRole('region', { name: 'Welcome' }).getByLabel('Your name').fill(name);
  await page.getByRole('region', { name: 'Welcome' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: `Annotating as ${name}` })).toBeVisible();
}

/** Someone new, in a browser context (and IndexedDB) of their own, named on the welcome box. */
export async function newUser(browser: Browser, baseURL: string | undefined, name: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: VIEWPORT });
  const page = await context.newPage();
  await openApp(page);
  await welcome(page, name);
  return page;
}


export interface ServerLogin {
  url: string;
  database: string;
  user: string;
  password: string;
}

/** Fills the Team server dialog and presses Connect; leaves the dialog open. */
export async function pressConnect(page: Page, login: ServerLogin): Promise<void> {
  if (!(await teamDialog(page).isVisible())) await syncState(page).click();
  const dialog = teamDialog(page);
  await dialog.getByLabel('Server address').fill(login.url);
  await dialog.getByLabel('Database').fill(login.database);
  await dialog.getByLabel('User name').fill(login.user);
  await dialog.getByLabel('Password', { exact: true }).fill(login.password);
  await dialog.getByRole('button', { name: 'Connect' }).click();
}

/** Connects and waits until the first sync is done. */
export async function connect(page: Page, login: ServerLogin): Promise<void> {
  await pressConnect(page, login);
  await expect(teamDialog(page).getByRole('status')).toHaveText('Synced', { timeout: 30_000 });
  await teamDialog(page).getByRole('button', { name: 'Close' }).click();
}

export async function addLabel(page: Page, name: string, hotkey: string): Promise<void> {
  await page.getByRole('button', { name: 'Labels', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Labels' });
  await dialog.getByLabel('New label name').fill(name);
  await dialog.getByLabel('New label layer').selectOption('entity');
  await dialog.getByLabel('New label hotkey').fill(hotkey);
  await dialog.getByRole('button', { name: 'Add label' }).click();
  await expect(dialog.getByLabel(`Name of ${name}`, { exact: true })).toHaveValue(name);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

/** Sync now, from the dialog, and wait until the server has everything. */
export async function syncNow(page: Page): Promise<void> {
  await syncState(page).click();
  const dialog = teamDialog(page);
  await dialog.getByRole('button', { name: 'Sync now' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Synced', { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
}
