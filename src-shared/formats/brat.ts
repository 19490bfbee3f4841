// brat standoff: one `<name>.txt` (the text, exactly) and `<name>.ann` per document, zipped,
// with `annotation.conf`; offsets in code points of the `.txt` (CRLF counts two). Read from
// zips or loose `.txt`/`.ann` files by `parseBratFiles`.
import type { Label } from '../domain';
import { OffsetConverter } from '../offsets';
import { errorMessage } from '../result';
import { decodeTextFile } from './decode';
import type { ExportDocument, ExportFile, FormatModule } from './format-module';
import type { OutSpan } from './export-spans';
import { baseName, extensionOf } from './file-names';
import type { ImportIssue, ImportParseResult } from './import-result';
import { readJsonDocument } from './json-document';
import { LabelIndex } from './label-index';
import { isSingleWordLabel } from './label-names';
import type { LeftOutReport } from './left-out';
import { edgeProblem } from './restore-span';
import { unzipFiles } from './zip-archive';

// --- writing -------------------------------------------------------------------------------------

/** Characters Python's str.splitlines() breaks at: an .ann text field must hold none of them. */
// eslint-disable-next-line no-control-regex -- the file/group/record separators are line breaks to Python
const LINE_BREAKS = /[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/u;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/iu;

/** A file name from a document id: letters, digits, `.`, `_`, `-`; unique ignoring case. */
export function bratDocumentName(id: string, used: Set<string>): string {
  let base = Array.from(id.replace(/[^\p{L}\p{N}._-]+/gu, '_'))
    .slice(0, 100)
    .join('')
    .replace(/^[._]+|[._]+$/gu, '');
  if (base === '') base = 'document';
  if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
  used.add(name.toLowerCase());
  return name;
}

/**
 * `<name>.txt` (the text exactly) and `<name>.ann` with one `T` line per span. A span that
 * runs over a line break is written in brat's discontinuous form, split at the breaks, its
 * fragments' texts joined with a space (the offsets still cover it exactly).
 */
function writeDocument(doc: ExportDocument, spans: readonly OutSpan[], used: Set<string>, report: LeftOutReport): ExportFile[] {
  const name = bratDocumentName(doc.id, used);
  const converter = new OffsetConverter(doc.text);
  const lines: string[] = [];
  for (const out of spans) {
    if (!isSingleWordLabel(out.label)) {
      report.add('label-unsupported', out);
      continue;
    }
    const fragments: Array<{ start: number; end: number }> = [];
    let from = out.span.start;
    for (let at = out.span.start; at <= out.span.end; at++) {
      if (at === out.span.end || LINE_BREAKS.test(doc.text.charAt(at))) {
        if (at > from) fragments.push({ start: from, end: at });
        from = at + 1;
      }
    }
    if (fragments.length === 0) {
      report.add('only-line-breaks', out);
      continue;
    }
    const offsets = fragments.map((f) => `${converter.toCodePoint(f.start)} ${converter.toCodePoint(f.end)}`).join(';');
    const text = fragments.map((f) => doc.text.slice(f.start, f.end)).join(' ');
    lines.push(`T${lines.length + 1}\t${out.label} ${offsets}\t${text}\n`);
  }
  return [
    { path: `${name}.txt`, content: doc.text },
    { path: `${name}.ann`, content: lines.join('') },
  ];
}

/** brat's annotation.conf: the labels as entity types; `<OVERLAP>` lets spans overlap in any way. */
function bratConfig(labels: readonly string[]): string {
  const entities = labels.filter(isSingleWordLabel);
  return [
    '[entities]',
    ...entities,
    '',
    '[relations]',
    '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    '',
    '[attributes]',
    '',
  ].join('\n');
}

export const brat: FormatModule = {
  info: {
    id: 'brat',
    name: 'brat standoff (zip)',
    extension: 'zip',
    layers: ['entity', 'claim'],
    layerMode: 'many',
    overlaps: true,
    shape: 'files',
    importable: true,
    keepsText: true,
    holds: { relations: false, attributes: false, spanNotes: false, documentLabels: false, documentNotes: false, annotators: false },
  },
  createWriter: () => {
    const used = new Set<string>();
    return {
      write: (doc, spans, report) => ({ files: writeDocument(doc, spans, used, report) }),
      closingFiles: (labels) => [{ path: 'annotation.conf', content: bratConfig(labels) }],
    };
  },
};

// --- reading -------------------------------------------------------------------------------------

export interface InputFile {
  /** The file's name (a path is fine: only its last part is shown). */
  name: string;
  bytes: Uint8Array;
}

interface Entry {
  /** What issues name: `notes.txt`, or `corpus.zip/news/notes.ann`. */
  display: string;
  bytes: Uint8Array;
}

interface Pair {
  /** The document's name: the file name without `.txt`/`.ann`. */
  name: string;
  txt?: Entry;
  ann?: Entry;
}

/** brat's configuration files, read by brat itself and not needed here. */
const CONFIG_FILES = new Set(['annotation.conf', 'visual.conf', 'tools.conf', 'kb_shortcuts.conf']);

/** Lines that hold what Spanwright cannot keep (relations, events, attributes, normalisations, notes). */
const OTHER_KINDS: Record<string, string> = {
  R: 'relation',
  '*': 'relation',
  E: 'event',
  A: 'attribute',
  M: 'attribute',
  N: 'normalization',
  '#': 'note',
};

/**
 * Imports the brat documents among `files` (each a `.zip`, `.txt` or `.ann`): a `.txt` and the
 * `.ann` of the same name (in the same archive) make a document; a `.txt` alone has no spans.
 * Offsets are code points of the `.txt` as stored (CRLF counts as two).
 */
export function parseBratFiles(files: readonly InputFile[], knownLabels: readonly Label[]): ImportParseResult {
  const file = files.length === 1 ? baseName(files[0]?.name ?? 'brat') : `${files.length} brat files`;
  const result: ImportParseResult = { file, documents: [], issues: [], unknownLabels: [] };
  const labels = new LabelIndex(knownLabels);
  try {
    const pairs = collectPairs(files, result.issues);
    for (const pair of pairs) readPair(pair, labels, result);
  } catch (error) {
    result.documents = [];
    result.issues.push({ file, reason: `could not be read: ${errorMessage(error)}` });
  }
  if (result.documents.length === 0) result.issues.push({ file, reason: 'no documents imported: no .txt file with a good .ann was found' });
  result.unknownLabels = labels.unknown();
  return result;
}

function collectPairs(files: readonly InputFile[], issues: ImportIssue[]): Pair[] {
  const pairs = new Map<string, Pair>();
  const add = (container: string, path: string, display: string, bytes: Uint8Array): void => {
    const name = baseName(path);
    if (name.startsWith('.') || path.startsWith('__MACOSX/') || CONFIG_FILES.has(name)) return;
    const extension = extensionOf(name);
    if (extension !== 'txt' && extension !== 'ann') {
      issues.push({ file: display, reason: 'not imported: brat documents are .txt and .ann files' });
      return;
    }
    const stem = path.slice(0, -4);
    const key = `${container}\u0000${stem}`;
    const pair = pairs.get(key) ?? { name: baseName(stem) };
    pair[extension] = { display, bytes };
    pairs.set(key, pair);
  };
  for (const input of files) {
    const name = baseName(input.name);
    if (extensionOf(name) === 'zip') {
      const unzipped = unzipFiles(input.bytes);
      if ('reason' in unzipped) {
        issues.push({ file: name, reason: unzipped.reason });
        continue;
      }
      for (const entry of unzipped.files) add(name, entry.path, `${name}/${entry.path}`, entry.bytes);
    } else {
      add('', name, name, input.bytes);
    }
  }
  return [...pairs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, pair]) => pair);
}

function readPair(pair: Pair, labels: LabelIndex, result: ImportParseResult): void {
  if (!pair.txt) {
    if (pair.ann) result.issues.push({ file: pair.ann.display, reason: `not imported: no ${pair.name}.txt beside it` });
    return;
  }
  const decoded = decodeTextFile(pair.txt.bytes);
  if (!decoded.ok) {
    result.issues.push(
      decoded.line === undefined
        ? { file: pair.txt.display, reason: decoded.reason }
        : { file: pair.txt.display, line: decoded.line, reason: decoded.reason },
    );
    return;
  }
  const text = decoded.text;
  const spans: Array<{ start: number; end: number; label: string }> = [];
  let skipped = new Map<string, number>();
  if (pair.ann) {
    const ann = decodeTextFile(pair.ann.bytes);
    if (!ann.ok && ann.reason !== 'file is empty') {
      result.issues.push(
        ann.line === undefined
          ? { file: pair.ann.display, reason: ann.reason }
          : { file: pair.ann.display, line: ann.line, reason: ann.reason },
      );
      return;
    }
    const read = readAnn(text, ann.ok ? ann.text : '');
    for (const problem of read.problems) result.issues.push({ file: pair.ann.display, line: problem.line, reason: problem.reason });
    if (read.problems.length > 0) {
      result.issues.push({
        file: pair.txt.display,
        reason: `not imported: ${pair.name}.ann has ${read.problems.length} bad line${read.problems.length > 1 ? 's' : ''}`,
      });
      return;
    }
    spans.push(...read.spans);
    skipped = read.skipped;
  }
  const restored = readJsonDocument(
    { id: pair.name, text, meta: { title: pair.name }, spans },
    { defaultTitle: pair.name, labels, categories: [] },
  );
  if ('reason' in restored) {
    result.issues.push({ file: pair.txt.display, reason: restored.reason });
    return;
  }
  for (const [kind, count] of skipped) {
    result.issues.push({
      file: pair.ann?.display ?? pair.txt.display,
      reason: `${count} ${kind} line${count > 1 ? 's' : ''} not imported: Spanwright keeps only text-bound (T) annotations`,
    });
  }
  labels.count(restored.draft.spans);
  result.documents.push({ file: pair.txt.display, format: 'brat', draft: restored.draft });
}

interface AnnRead {
  /** Code points. */
  spans: Array<{ start: number; end: number; label: string }>;
  problems: Array<{ line: number; reason: string }>;
  /** Lines of kinds Spanwright does not keep, counted by kind. */
  skipped: Map<string, number>;
}

const TEXT_BOUND = /^(T[^\t]*)\t([^\t ]+) ([^\t]+)\t(.*)$/u;
const FRAGMENTS = /^\d+ \d+(;\d+ \d+)*$/u;

/** Reads the `T` lines of an `.ann` file against its text. */
export function readAnn(text: string, ann: string): AnnRead {
  const converter = new OffsetConverter(text);
  const read: AnnRead = { spans: [], problems: [], skipped: new Map() };
  const ids = new Set<string>();
  ann.split('\n').forEach((rawLine, index) => {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line.trim() === '') return;
    const lineNumber = index + 1;
    const problem = (reason: string): void => {
      read.problems.push({ line: lineNumber, reason });
    };
    const other = OTHER_KINDS[line.charAt(0)];
    if (other) {
      read.skipped.set(other, (read.skipped.get(other) ?? 0) + 1);
      return;
    }
    const match = TEXT_BOUND.exec(line);
    if (!match) {
      problem(
        line.startsWith('T')
          ? 'malformed text-bound annotation: expected "T1<tab>LABEL start end<tab>text"'
          : `unknown annotation kind ${JSON.stringify(line.charAt(0))}`,
      );
      return;
    }
    const [, id = '', label = '', offsets = '', spanText = ''] = match;
    if (ids.has(id)) return problem(`annotation id ${id} is used twice`);
    ids.add(id);
    if (!FRAGMENTS.test(offsets))
      return problem(`${id} offsets ${JSON.stringify(offsets)} are malformed: expected "start end" or "start end;start end"`);
    const fragments = offsets.split(';').map((fragment) => fragment.split(' ').map(Number) as [number, number]);
    const utf16: Array<[number, number]> = [];
    let previousEnd = -1;
    for (const [start, end] of fragments) {
      const where = `${id} [${start}, ${end})`;
      if (end <= start) return problem(`${where} is empty or has end before start`);
      if (start < previousEnd) return problem(`${where}: fragments must be in order and must not overlap`);
      previousEnd = end;
      const from = converter.toUtf16(start);
      const to = converter.toUtf16(end);
      if (from === undefined || to === undefined)
        return problem(`${where} is out of range: the text is ${converter.codePointLength} code points long`);
      utf16.push([from, to]);
    }
    const first = utf16[0];
    const last = utf16[utf16.length - 1];
    if (!first || !last) return problem(`${id} has no offsets`);
    for (let i = 1; i < utf16.length; i++) {
      const gap = text.slice(utf16[i - 1]?.[1] ?? 0, utf16[i]?.[0] ?? 0);
      if (gap.trim() !== '') {
        return problem(
          `${id} is discontinuous with text between its fragments (${JSON.stringify(gap.length > 40 ? `${gap.slice(0, 40)}…` : gap)}): Spanwright spans are continuous`,
        );
      }
    }
    const joined = utf16.map(([from, to]) => text.slice(from, to)).join(' ');
    const covered = text.slice(first[0], last[1]);
    if (spanText !== joined && spanText !== covered) {
      return problem(`${id} text ${JSON.stringify(spanText)} does not match the text at its offsets ${JSON.stringify(joined)}`);
    }
    const edges = edgeProblem(text, `${id} [${fragments[0]?.[0]}, ${fragments[fragments.length - 1]?.[1]})`, [
      [first[0], fragments[0]?.[0] ?? 0],
      [last[1], fragments[fragments.length - 1]?.[1] ?? 0],
    ]);
    if (edges !== undefined) return problem(edges);
    read.spans.push({ start: fragments[0]?.[0] ?? 0, end: fragments[fragments.length - 1]?.[1] ?? 0, label });
  });
  return read;
}
