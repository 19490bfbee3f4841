// The `sync` part of `npm run bench`: team sync through a real pouchdb-server (the test
// harness's, test/support/team-server.ts, loaded through tsx), a lead and an annotator in two
// browser contexts of the bench's Chromium, each with its own IndexedDB.
//
//   initial push - a lead's 10,000-document project (imported as bench.mjs builds big projects)
//             connected to an empty database: Connect to the status `Synced` with every document
//             on the server; against a raw `_bulk_docs` upload from Node of the same server
//             documents (read back from the server, revisions dropped) to another empty database
//             with the same validate function, 100 a request (the app's batch size)
//   initial pull - an annotator's new project connected to that database: Connect to its list
//             showing all the documents; against reading the same documents from Node through
//             `_changes?include_docs=true`, 100 a request
//   span to teammate - the annotator labels a word (selection + hotkey); its keydown to the
//             lead's review view showing it (`[data-annotator="couch:ana"]`); against the raw
//             server round trip from Node: one annotations document written as the annotator
//             to the longpoll `_changes` answer a lead is waiting on
//
// Notes under the rows say where the time went: when the first pull and push requests left
// (before that, the app reads its own database), when the list and the status moved, the
// longest main-thread task. BENCH_SYNC_DOCS (10000), BENCH_SYNC_ROUNDS (5),
// BENCH_SYNC_TIMEOUT_MS (20 min), BENCH_SYNC_STALL_MS (3 min without a new document in the
// annotator's list counts as stuck); BENCH_SYNC_PROFILE=1 adds a CPU profile of each page's
// main thread during the initial sync, summed by function (self time; minified names).
import { tsImport } from 'tsx/esm/api';

const DOCUMENTS = Number(process.env.BENCH_SYNC_DOCS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_SYNC_ROUNDS ?? 5);
/** How long a sync may take before the bench gives up (a slow one is still measured). */
const TIMEOUT_MS = Number(process.env.BENCH_SYNC_TIMEOUT_MS ?? 20 * 60_000);
/** How long the annotator's list may stand still (status Synced or not) before the pull counts as stuck. */
const STALL_MS = Number(process.env.BENCH_SYNC_STALL_MS ?? 180_000);
const DATABASE = 'bench';
const BASELINE_DATABASE = 'bench-baseline';
const ANNOTATOR = { name: 'ana', password: 'ana-pass' };
const HARBOUR = 'Harbour city opens new tram line';
/** Documents a request in the baselines, as the app's replication sends them. */
const BATCH = 100;

/** Records in the page when the status bar's team server entry changes, and the main thread's long tasks. */
async function watchPage(page) {
  await page.evaluate(() => {
    const now = () => performance.timeOrigin + performance.now();
    const w = (window.__sync = { states: [], longest: 0, blocked: 0, listCounts: [] });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        w.longest = Math.max(w.longest, entry.duration);
        w.blocked += entry.duration;
      }
    }).observe({ type: 'longtask', buffered: false });
    const note = () => {
      const state = document.querySelector('[aria-label^="Team server:"]')?.getAttribute('aria-label') ?? '';
      if (w.states.at(-1)?.state !== state) w.states.push({ at: now(), state });
      const count = /^(\d+)(?: of \d+)? documents?/.exec(document.querySelector('.document-list__count')?.textContent ?? '');
      const n = count ? Number(count[1]) : -1;
      if (w.listCounts.at(-1)?.n !== n) w.listCounts.push({ at: now(), n });
    };
    note();
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-label'],
    });
  });
}

/** The page's requests to the team server, in order: when (epoch ms), method and path with query. */
function trackRequests(page, serverUrl) {
  const requests = [];
  const note = (request, finished) => {
    if (request.url().startsWith(serverUrl))
      requests.push({ at: Date.now(), method: request.method(), path: request.url().slice(serverUrl.length), finished });
  };
  page.on('request', (request) => note(request, false));
  page.on('requestfinished', (request) => note(request, true));
  return requests;
}

/** Seconds from `from` to the first request matching `test`, as text. */
function firstRequest(requests, from, test) {
  const found = requests.find((r) => r.at >= from && !r.finished && test(r));
  return found ? `${((found.at - from) / 1000).toFixed(1)} s` : 'never';
}

/**
 * BENCH_SYNC_PROFILE=1: a sampling CPU profile of the page's main thread (Chromium's profiler
 * through CDP) while `work` runs, summed by function: where the sync's time goes.
 */
async function profiled(page, what, notes, work) {
  if (!process.env.BENCH_SYNC_PROFILE) return work();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const perSample = (profile.endTime - profile.startTime) / 1000 / profile.samples.length;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  for (const id of profile.samples) {
    const { functionName, url, lineNumber, columnNumber } = nodes.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').at(-1)}:${lineNumber + 1}:${columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + perSample);
  }
  const total = profile.samples.length * perSample;
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15);
  notes.push(`${what}: main-thread profile, ${(total / 1000).toFixed(1)} s, self time by function:`);
  for (const [key, ms] of top)
    notes.push(`  ${(ms / 1000).toFixed(1).padStart(6)} s ${((100 * ms) / total).toFixed(0).padStart(3)}%  ${key}`);
  return result;
}

async function setName(page, name) {
  const welcome = page.getByRole('region', { name: 'Welcome' });
  await welcome.getByLabel('Your name').fill(name);
  await welcome.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: `Annotating as ${name}` }).waitFor();
}

/** Fills in the Team server dialog and presses Connect; returns the press's time (epoch ms). */
async function connect(page, url, user, password) {
  await page.getByRole('button', { name: /^Team server:/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Team server' });
  await dialog.getByLabel('Server address').fill(url);
  await dialog.getByLabel('Database').fill(DATABASE);
  await dialog.getByLabel('User name').fill(user);
  await dialog.getByLabel('Password', { exact: true }).fill(password);
  const pressed = Date.now();
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await dialog.getByRole('status').waitFor({ timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  return pressed;
}

async function openDocument(page, title) {
  await page.getByLabel('Filter documents').fill(title);
  await page
    .getByRole('list', { name: 'Documents' })
    .getByRole('listitem', { name: new RegExp(`^${title}`) })
    .click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.waitForFunction(() => document.querySelector('[role="article"] [data-offset]'));
}

/**
 * Waits until the annotator's list shows `want` documents, saying how far it got on stderr
 * every 30 s (a 10,000-document pull takes minutes). Returns the count it stopped at when the
 * list stands still for STALL_MS or the whole wait passes TIMEOUT_MS.
 */
async function waitForList(page, want, pressed) {
  let last = -2;
  let changed = Date.now();
  let said = Date.now();
  for (;;) {
    const { n, state, lost } = await page.evaluate(() =>
      window.__sync
        ? { n: window.__sync.listCounts.at(-1)?.n ?? -1, state: window.__sync.states.at(-1)?.state, lost: null }
        : { n: -1, state: '', lost: `${location.href} ${document.title} ${document.readyState}` },
    );
    if (lost) throw new Error(`the annotator's page lost its watcher (a new document?): ${lost}`);
    if (n === want) return n;
    if (n !== last) [last, changed] = [n, Date.now()];
    if (Date.now() - said > 30_000) {
      console.error(`sync: after ${((Date.now() - pressed) / 1000).toFixed(0)} s the annotator lists ${n} of ${want} documents (${state})`);
      said = Date.now();
    }
    if (Date.now() - changed > STALL_MS || Date.now() - pressed > TIMEOUT_MS) return n;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** JSON from the team server as `auth` (an Authorization header value). */
async function couch(server, auth, method, path, body) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Accept: 'application/json', Authorization: auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

/** Polls the server's document count (each second: the server has work enough) until the page says `Synced`; when each count was first seen. */
async function pushTimeline(page, server, admin, pressed) {
  const counts = [];
  let synced = false;
  const done = page
    .waitForFunction(() => window.__sync.states.at(-1)?.state === 'Team server: Synced', null, { timeout: TIMEOUT_MS, polling: 250 })
    .then(() => (synced = true));
  while (!synced) {
    const { total_rows: n } = await couch(server, admin, 'GET', `/${DATABASE}/_all_docs?limit=0`);
    if (counts.at(-1)?.n !== n) counts.push({ at: Date.now() - pressed, n });
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 1000))]);
  }
  const { total_rows: final } = await couch(server, admin, 'GET', `/${DATABASE}/_all_docs?limit=0`);
  if (counts.at(-1)?.n !== final) counts.push({ at: Date.now() - pressed, n: final });
  return counts;
}

/** The raw upload: the documents the lead's push left on the server, written again to an empty database. */
async function bulkDocsBaseline(server, admin) {
  // Read a page at a time: one _all_docs of 30,000 documents can outlast fetch's 300 s header timeout on a busy machine.
  const docs = [];
  for (let since = 0; ; ) {
    const page = await couch(server, admin, 'GET', `/${DATABASE}/_changes?include_docs=true&limit=${BATCH}&since=${since}`);
    for (const { doc } of page.results) {
      if (!doc || doc._deleted) continue;
      const { _rev, ...rest } = doc;
      void _rev;
      docs.push(rest);
    }
    since = page.last_seq;
    if (page.results.length < BATCH) break;
  }
  const design = docs.filter((d) => d._id.startsWith('_design/'));
  const team = docs.filter((d) => !d._id.startsWith('_design/'));
  await server.createDatabase(BASELINE_DATABASE, { admins: [server.admin.name], members: [ANNOTATOR.name] });
  for (const doc of design) await couch(server, admin, 'PUT', `/${BASELINE_DATABASE}/${doc._id}`, doc);
  const started = Date.now();
  for (let from = 0; from < team.length; from += BATCH) {
    await couch(server, admin, 'POST', `/${BASELINE_DATABASE}/_bulk_docs`, { docs: team.slice(from, from + BATCH) });
  }
  return { elapsed: Date.now() - started, count: team.length, bytes: JSON.stringify(team).length };
}

/** The raw download: every document of the database through the changes feed, as the annotator. */
async function changesBaseline(server, auth) {
  const started = Date.now();
  let since = 0;
  let count = 0;
  for (;;) {
    const page = await couch(server, auth, 'GET', `/${DATABASE}/_changes?include_docs=true&limit=${BATCH}&since=${since}`);
    count += page.results.length;
    since = page.last_seq;
    if (page.results.length < BATCH) break;
  }
  return { elapsed: Date.now() - started, count };
}

/** One annotations document written as the annotator, to the answer of a lead's waiting longpoll. */
async function roundTripBaseline(server, admin, auth, rounds) {
  const times = [];
  for (let round = 0; round < rounds; round++) {
    const { last_seq: since } = await couch(server, admin, 'GET', `/${BASELINE_DATABASE}/_changes?limit=0&descending=true`);
    const heard = couch(server, admin, 'GET', `/${BASELINE_DATABASE}/_changes?feed=longpoll&include_docs=true&since=${since}`);
    const started = performance.now();
    const id = `annotations:probe-${round}:${ANNOTATOR.name}`;
    await couch(server, auth, 'PUT', `/${BASELINE_DATABASE}/${encodeURIComponent(id)}`, {
      kind: 'annotations',
      owner: ANNOTATOR.name,
      spans: [],
    });
    await heard;
    times.push(performance.now() - started);
  }
  return times;
}

/** The annotator labels a word no span holds yet; the keydown to the lead's review showing it. */
async function spanToTeammate(annotator, lead, round) {
  const word = await annotator.evaluate((round) => {
    const pieces = [...document.querySelectorAll('[role="article"] [data-offset]')].filter((p) => !p.closest('[data-span-id]'));
    const words = pieces.flatMap((piece) => [...(piece.textContent ?? '').matchAll(/\b[a-z]{5,}\b/g)].map((m) => ({ piece, m })));
    const { piece, m } = words[(round * 7) % words.length];
    const range = document.createRange();
    range.setStart(piece.firstChild, m.index);
    range.setEnd(piece.firstChild, m.index + m[0].length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    window.__keydown = 0;
    addEventListener('keydown', () => (window.__keydown = performance.timeOrigin + performance.now()), { capture: true, once: true });
    return m[0];
  }, round);
  await lead.evaluate((word) => {
    const seen = (window.__seen = { at: 0 });
    const known = new Set([...document.querySelectorAll('[data-annotator="couch:ana"]')].map((e) => e.dataset.spanId));
    const observer = new MutationObserver(() => {
      const fresh = [...document.querySelectorAll('[data-annotator="couch:ana"]')].some(
        (e) => !known.has(e.dataset.spanId) && e.textContent.includes(word),
      );
      if (fresh) {
        seen.at = performance.timeOrigin + performance.now();
        observer.disconnect();
      }
    });
    // The whole page: review may draw the document anew.
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, word);
  await annotator.waitForTimeout(50);
  await annotator.keyboard.press('o');
  await lead.waitForFunction(() => window.__seen.at > 0, null, { timeout: 60_000, polling: 100 });
  const seen = await lead.evaluate(() => window.__seen.at);
  return { keydown: await annotator.evaluate(() => window.__keydown), seen };
}

/** Median milliseconds from each round's keydown to the first matching request after it (Node's clock: ±a few ms). */
function medianStep(rounds, requests, test) {
  const steps = rounds.map((round) => requests.find((r) => r.at >= round.keydown && test(r))?.at - round.keydown).filter((ms) => ms >= 0);
  return steps.length === 0 ? 'never' : `${percentile(steps, 50).toFixed(0)} ms`;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Rows for bench.mjs's table, and notes on where the time went. */
export async function syncBench(browser, { baseUrl, pageWithDocuments }) {
  const { startTeamServer, basicAuthorization } = await tsImport('../test/support/team-server.ts', import.meta.url);
  const server = await startTeamServer();
  const admin = basicAuthorization(server.admin.name, server.admin.password);
  const member = basicAuthorization(ANNOTATOR.name, ANNOTATOR.password);
  const rows = [];
  const notes = [];
  const pages = [];
  try {
    await server.addUser(ANNOTATOR.name, ANNOTATOR.password);
    await server.createDatabase(DATABASE, { admins: [server.admin.name], members: [ANNOTATOR.name] });

    // The lead: a big project, connected to the empty database.
    const lead = await pageWithDocuments(browser, DOCUMENTS);
    pages.push(lead);
    await setName(lead, 'Rita');
    await watchPage(lead);
    const leadRequests = trackRequests(lead, server.url);
    const { leadPressed, counts } = await profiled(lead, "lead's initial push", notes, async () => {
      const pressed = await connect(lead, server.url, server.admin.name, server.admin.password);
      return { leadPressed: pressed, counts: await pushTimeline(lead, server, admin, pressed) };
    });
    const leadSync = await lead.evaluate(() => window.__sync);
    const leadSynced = leadSync.states.findLast((s) => s.state === 'Team server: Synced').at - leadPressed;
    const serverDocs = counts.at(-1).n;
    const allThere = counts.find((c) => c.n === serverDocs).at;
    const push = Math.max(leadSynced, allThere);
    const firstOnServer = counts.find((c) => c.n > 1)?.at ?? push;
    notes.push(
      `initial push: ${serverDocs} server documents for ${DOCUMENTS + 4} app documents; ` +
        `first pull request (_changes) after ${firstRequest(leadRequests, leadPressed, (r) => r.path.includes('/_changes'))}, ` +
        `first push request (_revs_diff/_bulk_docs) after ${firstRequest(leadRequests, leadPressed, (r) => r.method === 'POST' && /_revs_diff|_bulk_docs/.test(r.path))}, ` +
        `first on the server after ${(firstOnServer / 1000).toFixed(1)} s, all after ${(allThere / 1000).toFixed(1)} s, Synced after ${(leadSynced / 1000).toFixed(1)} s; lead's longest main-thread task ${leadSync.longest.toFixed(0)} ms, ${(leadSync.blocked / 1000).toFixed(1)} s of long tasks`,
    );

    const upload = await bulkDocsBaseline(server, admin);
    rows.push([`sync: raw _bulk_docs of ${upload.count} docs (baseline)`, [upload.elapsed]]);
    rows.push([`sync: lead's ${DOCUMENTS} docs Connect -> Synced`, [push], [upload.elapsed]]);

    // The annotator: a new, empty project, connected to the same database.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const annotator = await context.newPage();
    pages.push(annotator);
    annotator.on('pageerror', (error) => console.error(`sync: the annotator's page failed: ${error.message}`));
    annotator.on('crash', () => console.error("sync: the annotator's page crashed"));
    annotator.on(
      'framenavigated',
      (frame) => frame === annotator.mainFrame() && console.error(`sync: the annotator's page navigated to ${frame.url()}`),
    );
    await annotator.goto(baseUrl);
    await annotator.getByRole('list', { name: 'Documents' }).waitFor();
    await setName(annotator, 'Ana');
    await annotator.getByRole('button', { name: 'New project' }).click();
    const newProject = annotator.getByRole('dialog', { name: 'New project' });
    await newProject.getByLabel('Project name').fill('Bench team');
    await newProject.getByRole('button', { name: 'Create project' }).click();
    await newProject.waitFor({ state: 'hidden' });
    await watchPage(annotator);
    const annotatorRequests = trackRequests(annotator, server.url);
    const { annotatorPressed, listed } = await profiled(annotator, "annotator's initial pull", notes, async () => {
      const pressed = await connect(annotator, server.url, ANNOTATOR.name, ANNOTATOR.password);
      const listed = await waitForList(annotator, DOCUMENTS + 4, pressed);
      if (listed === DOCUMENTS + 4) await annotator.getByRole('button', { name: 'Team server: Synced' }).waitFor({ timeout: TIMEOUT_MS });
      return { annotatorPressed: pressed, listed };
    });
    const pulled = await annotator.evaluate(() => window.__sync);
    if (listed !== DOCUMENTS + 4) {
      const problems = await annotator.evaluate(() => document.querySelector('[aria-label^="Team server:"]')?.getAttribute('title') ?? '');
      notes.push(
        `initial pull STUCK: the annotator's list stopped at ${listed} of ${DOCUMENTS + 4} documents after ${((Date.now() - annotatorPressed) / 1000).toFixed(0)} s ` +
          `(status ${pulled.states.at(-1)?.state}${problems ? `: ${problems}` : ''}); states ${pulled.states.map((st) => `${st.state.replace('Team server: ', '')} at ${((st.at - annotatorPressed) / 1000).toFixed(1)} s`).join(', ')}`,
      );
      return { rows, notes };
    }
    const pull = pulled.listCounts.find((c) => c.n === DOCUMENTS + 4).at - annotatorPressed;
    const firstInList = pulled.listCounts.find((c) => c.n > 0);
    const annotatorSynced = pulled.states.findLast((s) => s.state === 'Team server: Synced');
    if (!annotatorSynced) {
      await annotator.getByRole('button', { name: /^Team server:/ }).click();
      const problems = await annotator
        .locator('.team-server__problems li')
        .allTextContents()
        .then((t) => t.join('\n'))
        .catch(() => '');
      throw new Error(
        `the annotator never showed Synced (last: ${pulled.states.at(-1)?.state}): ${problems.slice(0, 600).replace(/\n/g, ' | ')}`,
      );
    }
    notes.push(
      `initial pull: first pull request (_changes) after ${firstRequest(annotatorRequests, annotatorPressed, (r) => r.path.includes('/_changes'))}, ` +
        `live sync (longpoll _changes) from ${firstRequest(annotatorRequests, annotatorPressed, (r) => r.path.includes('feed=longpoll'))}, ` +
        `${annotatorRequests.filter((r) => r.at >= annotatorPressed && !r.finished).length} requests; first document in the list after ${firstInList ? ((firstInList.at - annotatorPressed) / 1000).toFixed(1) : '?'} s, all ${DOCUMENTS + 4} after ${(pull / 1000).toFixed(1)} s; ` +
        `status Synced after ${((annotatorSynced.at - annotatorPressed) / 1000).toFixed(1)} s; ` +
        `annotator's longest main-thread task ${pulled.longest.toFixed(0)} ms, ${(pulled.blocked / 1000).toFixed(1)} s of long tasks`,
    );
    const download = await changesBaseline(server, member);
    rows.push([`sync: raw _changes of ${download.count} docs (baseline)`, [download.elapsed]]);
    rows.push([`sync: annotator's Connect -> ${DOCUMENTS} docs listed`, [pull], [download.elapsed]]);

    // Span to teammate: the annotator labels, the lead reviews.
    await openDocument(annotator, HARBOUR);
    await openDocument(lead, HARBOUR);
    await lead.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Review' }).click();
    await lead.getByRole('region', { name: 'Review' }).waitFor();
    await lead.getByRole('article', { name: 'Document text' }).waitFor();
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push(await spanToTeammate(annotator, lead, round));
      await annotator.getByRole('button', { name: 'Team server: Synced' }).waitFor({ timeout: 60_000 });
    }
    const raw = await roundTripBaseline(server, admin, member, ROUNDS);
    rows.push(['sync: raw write -> longpoll _changes (baseline)', raw]);
    rows.push(["sync: span key -> in lead's review", rounds.map((r) => r.seen - r.keydown), raw]);
    notes.push(
      `span to teammate, medians from the keydown: annotator's push (_bulk_docs) sent ${medianStep(rounds, annotatorRequests, (r) => !r.finished && r.method === 'POST' && r.path.includes('/_bulk_docs'))}, ` +
        `lead's longpoll _changes answered ${medianStep(rounds, leadRequests, (r) => r.finished && r.path.includes('/_changes') && r.path.includes('feed=longpoll'))}, ` +
        `shown in the lead's review ${percentile(
          rounds.map((r) => r.seen - r.keydown),
          50,
        ).toFixed(0)} ms`,
    );
  } catch (error) {
    // What was measured before a failure is still worth printing.
    notes.push(
      `sync part FAILED: ${error instanceof Error ? `${error.message.split('\n')[0]} (${(error.stack ?? '').split('\n').slice(1, 3).join(' ').trim()})` : String(error)}`,
    );
  } finally {
    for (const page of pages) await page.context().close();
    await server.dispose();
  }
  return { rows, notes };
}
