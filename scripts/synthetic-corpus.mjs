// Writes a synthetic Spanwright JSONL corpus for benchmarks and large-input checks: news-like
// sentences in English, French and Indonesian (possessives, clitics, elision, hyphenated
// compounds), with emoji, CJK and Thai here and there, and word spans in code points. Nothing
// is taken from real texts; the same seed gives the same bytes.
//
//   node scripts/synthetic-corpus.mjs OUT.jsonl [--docs N] [--doc-bytes B] [--annotator NAME] [--seed S] [--vary P]
//
// --vary P: each span of a document is dropped or relabelled with probability P, so that
// files written for several annotators (same seed, other --annotator) differ a little.
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';

const WORDS = [
  'the',
  'council',
  'said',
  'tram',
  'budget',
  'Harbour',
  'city',
  'rose',
  'percent',
  'minister',
  'report',
  'on',
  'Monday',
  'a',
  'new',
  'line',
  "Haiti's",
  "don't",
  'they’re',
  'Port-au-Prince',
  'COVID-19',
  'e-mail',
  '3.5',
  '$12',
  'l’Assemblée',
  "d'Haïti",
  'qu’il',
  'jusqu’à',
  'anak-anak',
  'Jakarta-nya',
  'rumah',
  'kota',
  'José',
  'Zürich',
  'naïve',
  '(AFP)',
  'U.S.',
  'example.com',
  '—',
  '“quoted”',
  'Ølstad',
  'Łódź',
  'Δήμος',
  'Москва',
];
const RARE = ['😀', '🚋', '👍🏽', '🇫🇷', '北京是中国的首都。', 'สวัสดีครับ', 'é', 'Ａｂｃ', 'ok\u200bok'];
const LABELS = ['ORG', 'PER', 'LOC', 'MISC'];

/** A small seeded generator (mulberry32), so a corpus is the same on every machine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One document's text (about `bytes` UTF-8 bytes) and its spans (code points), from `next()`. */
function documentOf(next, bytes) {
  const parts = [];
  const spans = [];
  let size = 0;
  let codePoints = 0;
  while (size < bytes) {
    const sentence = [];
    const length = 8 + Math.floor(next() * 16);
    for (let i = 0; i < length; i++)
      sentence.push(next() < 0.02 ? RARE[Math.floor(next() * RARE.length)] : WORDS[Math.floor(next() * WORDS.length)]);
    const line = sentence.join(' ') + (next() < 0.15 ? '.\n' : '. ');
    // Spans on some words of the sentence: offsets counted in code points, as the file says.
    let at = codePoints;
    for (const word of sentence) {
      const length = [...word].length;
      if (next() < 0.12 && /^\p{L}/u.test(word))
        spans.push({ start: at, end: at + length, text: word, label: LABELS[Math.floor(next() * LABELS.length)] });
      at += length + 1;
    }
    parts.push(line);
    codePoints += [...line].length;
    size += Buffer.byteLength(line);
  }
  return { text: parts.join(''), spans };
}

/**
 * Writes `docs` documents to `path`; returns the bytes written. Each document's text and spans
 * depend on `seed` and its number only; `vary` and `annotator` change the spans each file keeps.
 */
export async function writeSyntheticCorpus(path, { docs = 1000, docBytes = 4000, annotator = 'ana', seed = 1, vary = 0 } = {}) {
  const out = createWriteStream(path);
  const pick = random(seed * 7919 + [...annotator].reduce((sum, c) => sum * 31 + c.codePointAt(0), 0));
  let written = 0;
  let batch = '';
  for (let d = 0; d < docs; d++) {
    const { text, spans } = documentOf(random(seed * 1_000_003 + d), docBytes);
    const kept = [];
    for (const span of spans) {
      if (vary > 0 && pick() < vary) {
        if (pick() < 0.5) continue;
        span.label = LABELS[Math.floor(pick() * LABELS.length)];
      }
      kept.push({
        id: `s${kept.length + 1}`,
        layer: 'entity',
        label: span.label,
        start: span.start,
        end: span.end,
        text: span.text,
        annotator,
        attributes: {},
        origin: 'manual',
      });
    }
    const line = JSON.stringify({
      format: 'spanwright',
      format_version: 2,
      offset_unit: 'codepoint',
      id: `doc-${d + 1}`,
      text,
      meta: { title: `Document ${d + 1}` },
      status: 'done',
      statuses: { [annotator]: 'done' },
      spans: kept,
      annotators: [{ id: annotator, name: annotator }],
    });
    batch += line + '\n';
    if (batch.length > 1 << 20 || d === docs - 1) {
      written += Buffer.byteLength(batch);
      if (!out.write(batch)) await new Promise((resolve) => out.once('drain', resolve));
      batch = '';
    }
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [path, ...rest] = process.argv.slice(2);
  if (!path) {
    console.error('Usage: node scripts/synthetic-corpus.mjs OUT.jsonl [--docs N] [--doc-bytes B] [--annotator NAME] [--seed S] [--vary P]');
    process.exit(2);
  }
  const options = {};
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i].replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase());
    options[name] = name === 'annotator' ? rest[i + 1] : Number(rest[i + 1]);
  }
  const bytes = await writeSyntheticCorpus(path, options);
  console.error(`${path}: ${options.docs ?? 1000} documents, ${(bytes / 1e6).toFixed(1)} MB`);
}
