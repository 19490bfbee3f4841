// The `export` part of `npm run bench`: a whole project exported through the dialog (Export ->
// summary -> Save -> the downloaded file), at 10,000 documents (and 100,000 with
// BENCH_EXPORT_100K=1; BENCH_EXPORT_ROUNDS, default 3), each document a ~300-character report
// with three spans. Measured:
//   time        - the Export click to the finished download (summary and save, both in the
//                 export worker)
//   longest main-thread task meanwhile (PerformanceObserver 'longtask'; target: under 100 ms)
//   peak window JS heap (performance.memory, sampled) and peak renderer memory (the RSS of
//   the renderer processes, which hold the window and its workers), above what they were
//   before the export
// Baseline, in the same page: a raw IndexedDB read of the same records (documents, texts and
// spans, 100 documents a transaction, as the export reads them) on the main thread, with its
// own longest task and peak heap.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { waitForQuiet } from './bench-list.mjs';

// BENCH_EXPORT_SIZES (e.g. 100000) replaces the sizes; BENCH_EXPORT_100K=1 adds 100,000 to 10,000.
const SIZES = process.env.BENCH_EXPORT_SIZES
  ? process.env.BENCH_EXPORT_SIZES.split(',')
      .map(Number)
      .filter((n) => n > 0)
  : [10_000, ...(process.env.BENCH_EXPORT_100K ? [100_000] : [])];
const ROUNDS = Number(process.env.BENCH_EXPORT_ROUNDS ?? 3);

/** Resident memory (bytes) of the renderer processes under the browser `root` (a pid), from /proc (Linux; 0 elsewhere). */
function rendererRss(root) {
  const read = (path) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '';
    }
  };
  try {
    const parent = new Map();
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const stat = read(`/proc/${pid}/stat`);
      parent.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    }
    const under = (pid) => {
      for (let at = pid; at > 1; at = parent.get(at) ?? 0) if (at === root) return true;
      return false;
    };
    let total = 0;
    for (const pid of parent.keys()) {
      if (!under(pid) || !read(`/proc/${pid}/cmdline`).includes('--type=renderer')) continue;
      total += Number(/VmRSS:\s+(\d+)/.exec(read(`/proc/${pid}/status`))?.[1] ?? 0) * 1024;
    }
    return total;
  } catch {
    return 0;
  }
}

/** Pids of this process's children: the browser a launch adds is the one new among them. */
export function childPids() {
  const children = new Set();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid) children.add(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/** Samples renderer memory every 100 ms until stopped; returns the peak. */
function sampleRss(root) {
  let peak = rendererRss(root);
  const timer = setInterval(() => (peak = Math.max(peak, rendererRss(root))), 100);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rendererRss(root));
  };
}

/** A fresh page whose demo project also holds `count` documents with three spans each, written straight into IndexedDB. */
async function pageWithProject(context, baseUrl, count) {
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByRole('list', { name: 'Documents' }).waitFor();
  await page.evaluate(async (count) => {
    const open = indexedDB.open('spanwright');
    const db = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const projects = await new Promise((resolve, reject) => {
      const request = db.transaction('projects').objectStore('projects').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const projectId = projects[0].id;
    const now = Date.now();
    for (let from = 0; from < count; from += 10_000) {
      const tx = db.transaction(['documents', 'texts', 'spans'], 'readwrite');
      for (let i = from; i < Math.min(count, from + 10_000); i++) {
        const id = `bench-${String(i).padStart(6, '0')}`;
        const text = `Report ${i}: Mayor Ana Ruiz said the tram line in Valdeluz carried ${i} passengers. The council met on Monday; the harbour budget rose by ${i % 97} percent, the minister said in a new report on the city's transport. 🚋 Residents of Valdeluz asked for a second line.`;
        tx.objectStore('documents').put({
          id,
          projectId,
          sourceId: id,
          order: 100 + i,
          meta: { title: `Report ${i}` },
          textHash: `bench-hash-${i}`,
          textLength: text.length,
          statuses: { teammate: 'done' },
          spanCounts: { teammate: 3 },
          createdAt: now,
          updatedAt: now,
        });
        tx.objectStore('texts').put({ documentId: id, text });
        const span = (n, piece, label, layer) => ({
          projectId,
          id: `${id}-s${n}`,
          documentId: id,
          annotator: 'teammate',
          layer,
          label,
          start: text.indexOf(piece),
          end: text.indexOf(piece) + piece.length,
          text: piece,
          attributes: {},
          origin: 'imported',
          createdAt: now,
          updatedAt: now,
        });
        tx.objectStore('spans').put(span(1, 'Ana Ruiz', 'PERSON', 'entity'));
        tx.objectStore('spans').put(span(2, 'Valdeluz', 'LOC', 'entity'));
        tx.objectStore('spans').put(span(3, 'the tram line in Valdeluz carried', 'CLAIM', 'claim'));
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
    }
    db.close();
  }, count);
  await page.reload();
  await page.getByText(`${count + 4} documents`, { exact: true }).waitFor({ timeout: 600_000 });
  return page;
}

/** Starts watching the main thread's long tasks and heap in the page. */
async function watchPage(page) {
  await page.evaluate(() => {
    const w = window;
    w.__exportBench?.stop();
    const m = { longest: 0, heapBefore: performance.memory?.usedJSHeapSize ?? 0, heapPeak: 0 };
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) m.longest = Math.max(m.longest, entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    const timer = setInterval(() => (m.heapPeak = Math.max(m.heapPeak, performance.memory?.usedJSHeapSize ?? 0)), 20);
    m.stop = () => {
      observer.disconnect();
      clearInterval(timer);
    };
    w.__exportBench = m;
  });
}

async function readWatch(page) {
  return page.evaluate(() => {
    const m = window.__exportBench;
    m.stop();
    m.heapPeak = Math.max(m.heapPeak, performance.memory?.usedJSHeapSize ?? 0);
    return { longest: m.longest, heap: Math.max(0, m.heapPeak - m.heapBefore) };
  });
}

/** Lets the page settle and collects garbage, so each run starts from the same heap. */
async function settle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  await page.waitForTimeout(1000);
}

/** The baseline: the same records read raw from IndexedDB, 100 documents a transaction, on the main thread. */
async function rawRead(page, root) {
  await settle(page);
  const rssBefore = rendererRss(root);
  const rss = sampleRss(root);
  await watchPage(page);
  const elapsed = await page.evaluate(async () => {
    const started = performance.now();
    const open = indexedDB.open('spanwright');
    const db = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (request) =>
      new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const ids = await all(db.transaction('documents').objectStore('documents').getAllKeys());
    let read = 0;
    for (let at = 0; at < ids.length; at += 100) {
      const range = IDBKeyRange.bound(ids[at], ids[Math.min(ids.length, at + 100) - 1]);
      const tx = db.transaction(['documents', 'texts', 'spans']);
      const [documents, texts, spans] = await Promise.all([
        all(tx.objectStore('documents').getAll(range)),
        all(tx.objectStore('texts').getAll(range)),
        all(tx.objectStore('spans').index('documentId').getAll(range)),
      ]);
      read += documents.length + texts.length + spans.length;
    }
    db.close();
    if (read === 0) throw new Error('nothing read');
    return performance.now() - started;
  });
  const watched = await readWatch(page);
  return { elapsed, ...watched, rss: Math.max(0, rss() - rssBefore) };
}

/** One export through the dialog: Export -> summary -> Save -> the download finished. */
async function exportOnce(page, count, root) {
  await settle(page);
  const rssBefore = rendererRss(root);
  const rss = sampleRss(root);
  await watchPage(page);
  const started = Date.now();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption({ label: 'Spanwright JSONL' });
  await dialog.getByLabel('Annotations').selectOption({ label: 'All annotators' });
  await dialog
    .getByRole('region', { name: 'Export summary' })
    .getByText(`${count + 4} documents`)
    .waitFor({ timeout: 900_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 900_000 }),
    dialog.getByRole('button', { name: 'Save' }).click(),
  ]);
  await download.path();
  const elapsed = Date.now() - started;
  await dialog.waitFor({ state: 'hidden' });
  const watched = await readWatch(page);
  const size = statSync(await download.path()).size;
  await download.delete();
  return { elapsed, ...watched, rss: Math.max(0, rss() - rssBefore), size };
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const max = (values) => Math.max(...values);

/** Rows for bench.mjs's table ([name, values, baseline values]), and notes (memory, file size). */
export async function exportBench(launch, { baseUrl }) {
  const rows = [];
  const notes = [];
  for (const count of SIZES) {
    const n = count.toLocaleString('en');
    console.error(`bench export: ${n} documents`);
    // Its own browser, so the memory sampler counts this page's renderer alone.
    const { context, pid: root, close } = await launch();
    try {
      const page = await pageWithProject(context, baseUrl, count);
      // Not the start-up's work (the backup snapshot of the whole project, 3 s after opening).
      await waitForQuiet(page);
      const raw = [];
      const exported = [];
      for (let round = 0; round < ROUNDS; round++) {
        raw.push(await rawRead(page, root));
        exported.push(await exportOnce(page, count, root));
      }
      rows.push([`export ${n} docs: raw IndexedDB read (baseline)`, raw.map((r) => r.elapsed)]);
      rows.push([`export ${n} docs: Export -> file saved`, exported.map((r) => r.elapsed), raw.map((r) => r.elapsed)]);
      rows.push([`  longest main-thread task, raw read (baseline)`, raw.map((r) => r.longest)]);
      rows.push([`  longest main-thread task, export (target < 100)`, exported.map((r) => r.longest), raw.map((r) => r.longest)]);
      notes.push(
        `${n} docs: file ${mb(exported[0].size)}; peak window JS heap above the start ${mb(max(exported.map((r) => r.heap)))} (raw read: ${mb(max(raw.map((r) => r.heap)))}); ` +
          `peak renderer memory above the start ${mb(max(exported.map((r) => r.rss)))} (raw read: ${mb(max(raw.map((r) => r.rss)))})`,
      );
      await page.close();
    } finally {
      await close();
    }
  }
  return { rows, notes };
}
