// The `import` part of `npm run bench`: a JSONL file of 10,000 documents (and 100,000 with
// BENCH_IMPORT_100K=1; BENCH_IMPORT_SIZES replaces the sizes) imported through the UI into the
// demo project, each document a ~300-character report with three spans. Measured:
//   time       - the file chosen to the "Imported N documents" message (both passes, in the
//                import worker: the report's reading, then the write in one transaction)
//   longest main-thread task meanwhile and until the window is quiet after it (PerformanceObserver
//                'longtask'; target: under 100 ms)
// Baseline, in the same page: raw IndexedDB writes of the same records (a document row, its
// text and three span rows each; 2,000 documents a transaction, as the import writes them) from
// the main thread, into a database of their own, with their own longest task.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForQuiet } from './bench-list.mjs';

const SIZES = process.env.BENCH_IMPORT_SIZES
  ? process.env.BENCH_IMPORT_SIZES.split(',')
      .map(Number)
      .filter((n) => n > 0)
  : [10_000, ...(process.env.BENCH_IMPORT_100K ? [100_000] : [])];

/** The report `i`, its three spans (UTF-16 offsets equal code points here: no emoji before them). */
function report(i) {
  const text = `Report ${i}: Mayor Ana Ruiz said the tram line in Valdeluz carried ${i} passengers. The council met on Monday; the harbour budget rose by ${i % 97} percent, the minister said in a new report on the city's transport. Residents of Valdeluz asked for a second line.`;
  const at = (piece) => text.indexOf(piece);
  return {
    text,
    label: [
      [at('Ana Ruiz'), at('Ana Ruiz') + 8, 'PERSON'],
      [at('Valdeluz'), at('Valdeluz') + 8, 'LOC'],
      [at('Monday'), at('Monday') + 6, 'DATE'],
    ],
  };
}

function corpusFile(dir, count) {
  const lines = [];
  for (let i = 0; i < count; i++) lines.push(JSON.stringify(report(i)));
  const path = join(dir, `import-${count}.jsonl`);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** Starts counting the page's long tasks from now; `longest()` in the page reads the longest. */
const watchLongTasks = (page) =>
  page.evaluate(() => {
    window.__longest = 0;
    window.__observer?.disconnect();
    window.__observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    });
    window.__observer.observe({ type: 'longtask' });
  });

async function importOnce(page, path, count) {
  await watchLongTasks(page);
  const start = Date.now();
  await page.getByLabel('Import documents').setInputFiles(path);
  await page.getByText(`Imported ${count} documents`).waitFor({ timeout: 3_600_000 });
  const elapsed = Date.now() - start;
  // The window's work goes on after the message (the list and the review progress take the new
  // documents in): its long tasks count too.
  await waitForQuiet(page);
  return { elapsed, longest: await page.evaluate(() => window.__longest) };
}

/** The same records written with IndexedDB alone, into a database of their own. */
async function rawWrite(page, count) {
  await watchLongTasks(page);
  const elapsed = await page.evaluate(async (count) => {
    const name = `bench-raw-${Math.random()}`;
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('documents', { keyPath: 'id' }).createIndex('projectId', 'projectId');
      open.result.createObjectStore('texts', { keyPath: 'documentId' });
      open.result.createObjectStore('spans', { keyPath: ['projectId', 'id'] }).createIndex('documentId', 'documentId');
    };
    const db = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const start = performance.now();
    for (let from = 0; from < count; from += 2_000) {
      const tx = db.transaction(['documents', 'texts', 'spans'], 'readwrite', { durability: 'strict' });
      for (let i = from; i < Math.min(count, from + 2_000); i++) {
        const id = `raw-${i}`;
        const text = `Report ${i}: Mayor Ana Ruiz said the tram line in Valdeluz carried ${i} passengers. The council met on Monday; the harbour budget rose by ${i % 97} percent, the minister said in a new report on the city's transport. Residents of Valdeluz asked for a second line.`;
        const now = Date.now();
        tx.objectStore('documents').put({
          id,
          projectId: 'p',
          sourceId: id,
          order: i,
          meta: { title: `import #${i + 1}` },
          textHash: `h${i}`,
          textLength: text.length,
          statuses: { me: 'in_progress' },
          spanCounts: { me: 3 },
          createdAt: now,
          updatedAt: now,
        });
        tx.objectStore('texts').put({ documentId: id, text });
        for (const [n, piece, label] of [
          [0, 'Ana Ruiz', 'PERSON'],
          [1, 'Valdeluz', 'LOC'],
          [2, 'Monday', 'DATE'],
        ]) {
          const s = text.indexOf(piece);
          tx.objectStore('spans').put({
            projectId: 'p',
            id: `${id}-${n}`,
            documentId: id,
            annotator: 'me',
            layer: label === 'CLAIM' ? 'claim' : 'entity',
            label,
            start: s,
            end: s + piece.length,
            text: piece,
            origin: 'imported',
            createdAt: now,
            updatedAt: now,
          });
        }
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
    }
    const elapsed = performance.now() - start;
    db.close();
    indexedDB.deleteDatabase(name);
    return elapsed;
  }, count);
  return { elapsed, longest: await page.evaluate(() => window.__longest) };
}

export async function importBench(browser, { baseUrl }) {
  const rows = [];
  const notes = [];
  const dir = mkdtempSync(join(tmpdir(), 'spanwright-bench-import-'));
  try {
    for (const count of SIZES) {
      const n = count.toLocaleString('en');
      console.error(`bench import: ${n} documents`);
      const path = corpusFile(dir, count);
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(baseUrl);
        await page.getByRole('list', { name: 'Documents' }).waitFor();
        await waitForQuiet(page);
        const raw = await rawWrite(page, count);
        const imported = await importOnce(page, path, count);
        rows.push([`import ${n} docs: raw IndexedDB writes (baseline)`, [raw.elapsed]]);
        rows.push([`import ${n} docs: file chosen -> imported`, [imported.elapsed], [raw.elapsed]]);
        rows.push([`  longest main-thread task, raw writes (baseline)`, [raw.longest]]);
        rows.push([`  longest main-thread task, import (target < 100)`, [imported.longest], [raw.longest]]);
        notes.push(
          `${n} docs: ${((count / imported.elapsed) * 1000).toFixed(0)} documents/s imported (both passes), raw writes ${((count / raw.elapsed) * 1000).toFixed(0)}/s`,
        );
      } finally {
        await context.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, notes };
}
