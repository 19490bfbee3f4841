// Reads an import file into document drafts: a `.txt` is one document; `.jsonl`/`.json` hold
// JSON objects, each read by the format module that claims it (registry.ts). (brat: brat.ts.)
// Never throws: every problem becomes an issue naming the file, the line and the reason, and
// a line with any problem is rejected whole.
import type { DocumentCategory, Label } from '../domain';
import { errorMessage } from '../result';
import { bidiControlNotes } from './bidi-controls';
import { looksLikeColumns, readColumnFile } from './conll2003';
import { decodeTextFile } from './decode';
import { mergeDraftInto } from './draft-merge';
import type { ReadOptions } from './format-module';
import { baseName, extensionOf } from './file-names';
import type { ImportIssue, ImportParseResult, ParsedDocument, ReadQuestion } from './import-result';
import { isObject, describe, jsonTooDeepAt, tryParseJson } from './json-values';
import { LabelIndex } from './label-index';
import { readPlainText } from './plain-text';
import { jsonReaderFor } from './registry';
import { limitRefusal, limitsOf } from '../limits';
import { withinSpanLimit } from './span-limit';
import { acceptableUnknownLabels, importedNamesProblem, withAcceptableNames, type KnownNames } from './imported-names';
import { pushAll } from '../push-all';

/** Extensions of column files (CoNLL-2003, WNUT-17, IOB/BIO dumps). */
const COLUMN_EXTENSIONS = new Set(['conll', 'iob', 'iob1', 'iob2', 'bio', 'bioes', 'tsv']);

/** One line for the user: `news.jsonl, line 7: span 2 [12, 9) has end before start`. */
export function formatImportIssue(issue: ImportIssue): string {
  if (issue.line === undefined) return `${issue.file}: ${issue.reason}`;
  return `${issue.file}, ${issue.lineKind ?? 'line'} ${issue.line}: ${issue.reason}`;
}

/**
 * `knownLabels`: the project's labels (a label's layer comes from them). `categories`: the
 * project's document categories, for formats whose document labels name no category.
 */
export function parseImportFile(
  fileName: string,
  bytes: Uint8Array,
  knownLabels: readonly Label[],
  categories: readonly DocumentCategory[] = [],
  options: ReadOptions = {},
): ImportParseResult {
  const file = baseName(fileName);
  const result: ImportParseResult = { file, documents: [], issues: [], unknownLabels: [] };
  if (bytes.length > limitsOf(options.limits).fileBytes) {
    result.issues.push({ file, reason: limitRefusal('fileBytes', options.limits, bytes.length) });
    return result;
  }
  try {
    readFile(file, bytes, knownLabels, categories, options, result);
    for (const document of result.documents) pushAll(result.issues, bidiControlNotes(document));
  } catch (error) {
    // Defensive: a bug here must cost one file, not the app.
    result.documents = [];
    result.unknownLabels = [];
    result.issues.push({ file, reason: `could not be read: ${errorMessage(error)}` });
  }
  return result;
}

function readFile(
  file: string,
  bytes: Uint8Array,
  knownLabels: readonly Label[],
  categories: readonly DocumentCategory[],
  options: ReadOptions,
  result: ImportParseResult,
): void {
  const extension = extensionOf(file);
  const stem = extension ? file.slice(0, -(extension.length + 1)) : file;
  const columnFile = COLUMN_EXTENSIONS.has(extension);
  if (extension !== 'txt' && extension !== 'jsonl' && extension !== 'ndjson' && extension !== 'json' && !columnFile) {
    result.issues.push({
      file,
      reason: `unsupported file type${extension ? ` ".${extension}"` : ''}: import .txt, .jsonl, .json or CoNLL (.conll) files`,
    });
    return;
  }
  const decoded = decodeTextFile(bytes);
  if (!decoded.ok) {
    result.issues.push(
      decoded.line === undefined ? { file, reason: decoded.reason } : { file, line: decoded.line, reason: decoded.reason },
    );
    return;
  }
  const text = decoded.text;
  const labels = new LabelIndex(knownLabels);

  // CoNLL and other column files (CoNLL-2003's own files are .txt).
  if (columnFile || (extension === 'txt' && looksLikeColumns(text))) {
    readColumnFile(file, text, { ...options, defaultTitle: stem, labels, categories }, result);
    const named = withAcceptableNames(result.documents, { labels: labels.knownNames(), categories });
    result.documents = named.documents;
    pushAll(result.issues, named.issues);
    const within = withinSpanLimit(result.documents, options.limits);
    result.documents = within.documents;
    pushAll(result.issues, within.issues);
    if (result.documents.length === 0 && !result.issues.some((i) => i.severity !== 'note'))
      result.issues.push({ file, reason: 'no documents found: the file has no tokens' });
    result.unknownLabels = acceptableUnknownLabels(labels.unknown());
    return;
  }

  if (extension === 'txt') {
    const draft = readPlainText(text, stem);
    if ('reason' in draft) result.issues.push({ file, reason: draft.reason });
    else result.documents.push({ file, format: 'text', draft });
    return;
  }

  const entries = new JsonEntries(file, labels, categories, options, {
    issue: (issue) => result.issues.push(issue),
    document: (document) => result.documents.push(document),
  });
  const accept = entries.accept.bind(entries);

  let nonBlank = 0;
  const maxDepth = limitsOf(options.limits).jsonDepth;
  // A .json file is an array of documents or one document; if it is not JSON as a whole, it is JSONL.
  // Too deep for a whole read: one value nested across lines is refused at the line where it
  // passes the limit; a line nested that deep on its own is a JSONL line, refused below.
  const deepAt = extension === 'json' ? jsonTooDeepAt(text, maxDepth) : undefined;
  if (deepAt !== undefined && jsonTooDeepAt(lineOf(text, deepAt), maxDepth) === undefined) {
    result.issues.push({ file, line: deepAt, reason: limitRefusal('jsonDepth', options.limits) });
    return;
  }
  const parsedWhole = extension === 'json' && deepAt === undefined ? tryParseJson(text) : undefined;
  const whole = parsedWhole && 'value' in parsedWhole ? parsedWhole : undefined;
  if (whole && Array.isArray(whole.value)) {
    whole.value.forEach((item: unknown, index: number) => accept(item, index + 1, 'item', `${stem} #${index + 1}`));
    nonBlank = whole.value.length;
  } else if (whole) {
    accept(whole.value, undefined, 'item', stem);
    nonBlank = 1;
  } else {
    const lines = text.split('\n');
    lines.forEach((rawLine, index) => {
      const lineText = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
      if (lineText.trim() === '') return;
      nonBlank++;
      if (jsonTooDeepAt(lineText, maxDepth) !== undefined) {
        result.issues.push({ file, line: index + 1, reason: limitRefusal('jsonDepth', options.limits) });
        return;
      }
      const parsed = tryParseJson(lineText);
      if ('error' in parsed) {
        result.issues.push({ file, line: index + 1, reason: `invalid JSON: ${parsed.error}` });
        return;
      }
      accept(parsed.value, index + 1, 'line', `${stem} #${index + 1}`);
    });
  }

  const asks = entries.asks();
  if (asks) result.asks = asks;
  const within = withinSpanLimit(result.documents, options.limits, whole && Array.isArray(whole.value) ? 'item' : 'line');
  result.documents = within.documents;
  pushAll(result.issues, within.issues);
  if (result.documents.length === 0) {
    result.issues.push({
      file,
      reason: nonBlank === 0 ? 'no documents found: the file has no JSON objects' : 'no documents imported: every entry has a problem',
    });
  }
  result.unknownLabels = labels.unknown();
}

/** Line `line` (1-based) of a text. */
function lineOf(text: string, line: number): string {
  let start = 0;
  for (let n = 1; n < line; n++) start = text.indexOf('\n', start) + 1;
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? undefined : end);
}

interface EntrySink {
  issue(issue: ImportIssue): void;
  /** `open`: later entries of the file may still add to the document (JSON-MIN rows, claim sentences). */
  document(document: ParsedDocument, open: boolean): void;
}

/**
 * The JSON entries (lines, array items) of one file, read by the format module that claims each:
 * notes about the whole file said once, entries of one document (the same `mergeKey`) joined
 * into the first of them, and what the user could choose gathered. A whole-file read and the
 * CLI's line-by-line read share it, so both read a file the same way.
 */
class JsonEntries {
  private readonly fileNotes = new Set<string>();
  private readonly questions = new Set<ReadQuestion>();
  private readonly merged = new Map<string, { document: ParsedDocument; line: number | undefined; lineKind: 'line' | 'item' }>();
  private known: KnownNames | undefined;

  constructor(
    private readonly file: string,
    readonly labels: LabelIndex,
    private readonly categories: readonly DocumentCategory[],
    private readonly options: ReadOptions,
    private readonly sink: EntrySink,
  ) {}

  accept(value: unknown, line: number | undefined, lineKind: 'line' | 'item', title: string): void {
    const { file, sink, labels } = this;
    const at = line === undefined ? {} : { line, lineKind };
    // spaCy 2's training data: ["text", {"entities": [[start, end, "LABEL"]]}], the pairs its docs show.
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && isObject(value[1]) && !('text' in value[1]))
      value = { ...value[1], text: value[0] };
    if (!isObject(value)) {
      sink.issue({ file, ...at, reason: `not a JSON object (found ${describe(value)})` });
      return;
    }
    const parsed = jsonReaderFor(value).read(value, {
      ...this.options,
      defaultTitle: title,
      labels,
      categories: this.categories,
      ask: (q) => this.questions.add(q),
    });
    if ('reason' in parsed) {
      sink.issue({ file, ...at, reason: parsed.reason });
      return;
    }
    // A name no one could type (imported-names.ts) refuses the entry before it counts or merges.
    this.known ??= { labels: labels.knownNames(), categories: this.categories };
    const badNames = importedNamesProblem(parsed.draft, this.known);
    if (badNames !== null) {
      sink.issue({ file, ...at, reason: badNames });
      return;
    }
    for (const note of parsed.fileNotes ?? []) {
      if (this.fileNotes.has(note)) continue;
      this.fileNotes.add(note);
      sink.issue({ file, reason: note, severity: 'note' });
    }
    // Entries that are parts of one document (JSON-MIN rows of one task) join the first of them.
    const first = parsed.mergeKey === undefined ? undefined : this.merged.get(parsed.mergeKey);
    if (first) {
      const into = first.document.draft;
      const refused = parsed.mergeInto ? parsed.mergeInto(into) : mergeDraftInto(into, parsed.draft);
      if (refused !== undefined) {
        sink.issue({ file, ...at, reason: `same document as ${first.lineKind} ${first.line ?? 1} (its id), but ${refused}` });
        return;
      }
      if (line !== undefined) (first.document.joinedLines ??= []).push(line);
      labels.count(parsed.draft.spans);
      for (const note of parsed.notes ?? []) sink.issue({ file, ...at, reason: note, severity: 'note' });
      return;
    }
    labels.count(parsed.draft.spans);
    for (const note of parsed.notes ?? []) sink.issue({ file, ...at, reason: note, severity: 'note' });
    const document: ParsedDocument =
      line === undefined
        ? { file, format: parsed.format, draft: parsed.draft }
        : { file, line, format: parsed.format, draft: parsed.draft };
    if (parsed.mergeKey !== undefined) this.merged.set(parsed.mergeKey, { document, line, lineKind });
    sink.document(document, parsed.mergeKey !== undefined);
  }

  asks(): ReadQuestion[] | undefined {
    return this.questions.size > 0 ? [...this.questions].sort() : undefined;
  }
}

/** One line's reading in a streamed JSONL file: its issues, and the documents no later line can change. */
export interface JsonLineRead {
  issues: ImportIssue[];
  documents: ParsedDocument[];
}

/** A JSONL file read one line at a time (the CLI streams large files), exactly as `parseImportFile` reads it whole. */
export interface JsonLineReader {
  /** Reads line `line` (its bytes without the '\n', a '\r' or a first line's BOM removed or not). */
  readLine(bytes: Uint8Array, line: number): JsonLineRead;
  /**
   * After the last line: the documents held back because later lines could still add to them
   * (JSON-MIN rows of one task, the sentences of one claim detection document), with every
   * document read after the first of them, so the documents keep the file's order.
   */
  end(): {
    documents: ParsedDocument[];
    /** The held documents refused (too many spans once every line joined them). */
    issues: ImportIssue[];
    asks?: ReadQuestion[];
    unknownLabels: ImportParseResult['unknownLabels'];
  };
}

export function createJsonLineReader(
  fileName: string,
  knownLabels: readonly Label[],
  categories: readonly DocumentCategory[] = [],
  options: ReadOptions = {},
): JsonLineReader {
  const file = fileName;
  const base = baseName(fileName);
  const extension = extensionOf(base);
  const stem = extension ? base.slice(0, -(extension.length + 1)) : base;
  const maxDepth = limitsOf(options.limits).jsonDepth;
  let issues: ImportIssue[] = [];
  let ready: ParsedDocument[] = [];
  const held: ParsedDocument[] = [];
  const entries = new JsonEntries(file, new LabelIndex(knownLabels), categories, options, {
    issue: (issue) => issues.push(issue),
    document: (document, open) => {
      pushAll(issues, bidiControlNotes(document));
      (open || held.length > 0 ? held : ready).push(document);
    },
  });
  return {
    readLine(bytes, line) {
      issues = [];
      ready = [];
      if (bytes.length === 0) return { issues, documents: ready };
      const decoded = decodeTextFile(bytes);
      if (!decoded.ok) {
        // The decoder counts in the line as if it were a file: say where in the line.
        const reason = decoded.reason.replace(/at line 1, byte (\d+) of the file/, 'at byte $1 of the line');
        issues.push({ file, line, reason });
      } else {
        const lineText = decoded.text.endsWith('\r') ? decoded.text.slice(0, -1) : decoded.text;
        if (lineText.trim() !== '') {
          const parsed = jsonTooDeepAt(lineText, maxDepth) === undefined ? tryParseJson(lineText) : undefined;
          if (parsed === undefined) issues.push({ file, line, reason: limitRefusal('jsonDepth', options.limits) });
          else if ('error' in parsed) issues.push({ file, line, reason: `invalid JSON: ${parsed.error}` });
          else entries.accept(parsed.value, line, 'line', `${stem} #${line}`);
        }
      }
      const within = withinSpanLimit(ready, options.limits);
      pushAll(issues, within.issues);
      return { issues, documents: within.documents };
    },
    end() {
      const asks = entries.asks();
      const within = withinSpanLimit(held, options.limits);
      return { ...within, unknownLabels: entries.labels.unknown(), ...(asks ? { asks } : {}) };
    },
  };
}
