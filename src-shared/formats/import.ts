// Reads an import file into document drafts: a `.txt` is one document; `.jsonl`/`.json` hold
// JSON objects, each read by the format module that claims it (registry.ts). (brat: brat.ts.)
// Never throws: every problem becomes an issue naming the file, the line and the reason, and
// a line with any problem is rejected whole.
import type { DocumentCategory, DocumentDraft, Label } from '../domain';
import { errorMessage } from '../result';
import { looksLikeColumns, readColumnFile } from './conll2003';
import { decodeTextFile } from './decode';
import { mergeDraftInto } from './draft-merge';
import type { ReadOptions } from './format-module';
import { baseName, extensionOf } from './file-names';
import type { ImportIssue, ImportParseResult, ReadQuestion } from './import-result';
import { isObject, describe, tryParseJson } from './json-values';
import { LabelIndex } from './label-index';
import { readPlainText } from './plain-text';
import { jsonReaderFor } from './registry';

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
  try {
    readFile(file, bytes, knownLabels, categories, options, result);
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
    if (result.documents.length === 0 && !result.issues.some((i) => i.severity !== 'note'))
      result.issues.push({ file, reason: 'no documents found: the file has no tokens' });
    result.unknownLabels = labels.unknown();
    return;
  }

  if (extension === 'txt') {
    const draft = readPlainText(text, stem);
    if ('reason' in draft) result.issues.push({ file, reason: draft.reason });
    else result.documents.push({ file, format: 'text', draft });
    return;
  }

  const fileNotes = new Set<string>();
  const asks = new Set<ReadQuestion>();
  const merged = new Map<string, { draft: DocumentDraft; line: number | undefined; lineKind: 'line' | 'item' }>();
  const accept = (value: unknown, line: number | undefined, lineKind: 'line' | 'item', title: string): void => {
    const at = line === undefined ? {} : { line, lineKind };
    // spaCy 2's training data: ["text", {"entities": [[start, end, "LABEL"]]}], the pairs its docs show.
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && isObject(value[1]) && !('text' in value[1]))
      value = { ...value[1], text: value[0] };
    if (!isObject(value)) {
      result.issues.push({ file, ...at, reason: `not a JSON object (found ${describe(value)})` });
      return;
    }
    const parsed = jsonReaderFor(value).read(value, { ...options, defaultTitle: title, labels, categories, ask: (q) => asks.add(q) });
    if ('reason' in parsed) {
      result.issues.push({ file, ...at, reason: parsed.reason });
      return;
    }
    for (const note of parsed.fileNotes ?? []) {
      if (fileNotes.has(note)) continue;
      fileNotes.add(note);
      result.issues.push({ file, reason: note, severity: 'note' });
    }
    // Entries that are parts of one document (JSON-MIN rows of one task) join the first of them.
    const first = parsed.mergeKey === undefined ? undefined : merged.get(parsed.mergeKey);
    if (first) {
      const refused = mergeDraftInto(first.draft, parsed.draft);
      if (refused !== undefined) {
        result.issues.push({ file, ...at, reason: `same document as ${first.lineKind} ${first.line ?? 1} (its id), but ${refused}` });
        return;
      }
      labels.count(parsed.draft.spans);
      for (const note of parsed.notes ?? []) result.issues.push({ file, ...at, reason: note, severity: 'note' });
      return;
    }
    labels.count(parsed.draft.spans);
    for (const note of parsed.notes ?? []) result.issues.push({ file, ...at, reason: note, severity: 'note' });
    if (parsed.mergeKey !== undefined) merged.set(parsed.mergeKey, { draft: parsed.draft, line, lineKind });
    result.documents.push(
      line === undefined
        ? { file, format: parsed.format, draft: parsed.draft }
        : { file, line, format: parsed.format, draft: parsed.draft },
    );
  };

  let nonBlank = 0;
  // A .json file is an array of documents or one document; if it is not JSON as a whole, it is JSONL.
  const parsedWhole = extension === 'json' ? tryParseJson(text) : undefined;
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
      const parsed = tryParseJson(lineText);
      if ('error' in parsed) {
        result.issues.push({ file, line: index + 1, reason: `invalid JSON: ${parsed.error}` });
        return;
      }
      accept(parsed.value, index + 1, 'line', `${stem} #${index + 1}`);
    });
  }

  if (asks.size > 0) result.asks = [...asks].sort();
  if (result.documents.length === 0) {
    result.issues.push({
      file,
      reason: nonBlank === 0 ? 'no documents found: the file has no JSON objects' : 'no documents imported: every entry has a problem',
    });
  }
  result.unknownLabels = labels.unknown();
}
