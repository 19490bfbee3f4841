// brat standoff: one `<name>.txt` (the text, exactly) and `<name>.ann` per document, zipped,
// with `annotation.conf`; offsets as brat counts them: code points of the `.txt` read with
// universal newlines (a CRLF is one), a leading BOM one (UniversalNewlineOffsets). Read from
// zips, folders and loose `.txt`/`.ann` files by `parseBratFiles`.
import type { AttributeDefinition, AttributeValue, Label, RelationDraft, SourcedSpanDraft } from '../domain';
import { OffsetConverter, UniversalNewlineOffsets } from '../offsets';
import { errorMessage } from '../result';
import { decodeTextFile } from './decode';
import { relationsToWrite } from './export-relations';
import type { ExportDocument, ExportFile, FormatModule } from './format-module';
import type { OutSpan } from './export-spans';
import { baseName, extensionOf, isWindowsDeviceName } from './file-names';
import type { ImportIssue, ImportParseResult } from './import-result';
import { readJsonDocument } from './json-document';
import { LabelIndex } from './label-index';
import { setOwn } from './json-values';
import { isSingleWordLabel } from './label-names';
import type { LeftOutReport } from './left-out';
import { edgeProblem } from './restore-span';
import { compareText } from './stable-order';
import { unzipFiles } from './zip-archive';
import { limitRefusal, limitsOf, type LimitPolicy } from '../limits';
import { withinSpanLimit } from './span-limit';
import { acceptableUnknownLabels, withAcceptableNames } from './imported-names';
import { pushAll } from '../push-all';

// --- writing -------------------------------------------------------------------------------------

/** Characters Python's str.splitlines() breaks at: an .ann text field must hold none of them. */
// eslint-disable-next-line no-control-regex -- the file/group/record separators are line breaks to Python
const LINE_BREAKS = /[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/u;

/** A file name from a document title (or id): letters, digits, `.`, `_`, `-`; unique ignoring case. */
export function bratDocumentName(id: string, used: Set<string>): string {
  let base = Array.from(id.replace(/[^\p{L}\p{N}._-]+/gu, '_'))
    .slice(0, 100)
    .join('')
    .replace(/^[._]+|[._]+$/gu, '');
  if (base === '') base = 'document';
  if (isWindowsDeviceName(base)) base = `_${base}`;
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
  used.add(name.toLowerCase());
  return name;
}

/** What annotation.conf must declare: the relation types and attributes (with their values) written. */
interface Declared {
  relationTypes: Set<string>;
  /** Attribute name -> values written ('' for a binary attribute). */
  attributes: Map<string, Set<string>>;
}

/** An attribute value as brat writes it: `''` for a binary attribute set to true, else one value per `A` line. */
function attributeValues(value: AttributeValue): string[] | undefined {
  if (value === true) return [''];
  if (value === false) return [];
  const values = Array.isArray(value) ? value : [String(value)];
  return values.every((v) => v !== '' && !/\s/u.test(v)) ? values : undefined;
}

/** A note on one `#` line: brat's fields hold no line break. */
const oneLine = (text: string): string => text.replace(new RegExp(LINE_BREAKS.source, 'gu'), ' ');

/**
 * `<name>.txt` (the text exactly) and `<name>.ann`: a `T` line per span, then `A` lines
 * (attributes), `R` lines (relations between written spans) and `#` AnnotatorNotes on spans and
 * relations. A span that runs over a line break is written in brat's discontinuous form, split
 * at the breaks, its fragments' texts joined with a space (the offsets still cover it exactly);
 * so is a discontinuous span imported as parts linked by FRAGMENT relations.
 */
function writeDocument(
  doc: ExportDocument,
  spans: readonly OutSpan[],
  used: Set<string>,
  declared: Declared,
  report: LeftOutReport,
): ExportFile[] {
  // Named after the title (what a person looks for in the folder), else the id.
  const name = bratDocumentName(doc.meta.title.trim() || doc.id, used);
  // brat reads the .txt with universal newlines: a CRLF is one character in its offsets.
  const offsets = new UniversalNewlineOffsets(doc.text);
  const textBound: string[] = [];
  const written: Array<{ out: OutSpan; id: string }> = [];
  const { laterParts, links } = discontinuousSpans(doc, spans);
  for (const out of spans) {
    if (!isSingleWordLabel(out.label)) {
      report.add('label-unsupported', out);
      continue;
    }
    // A later part of a discontinuous span is written as fragments of its first part's line.
    if (laterParts.has(out.span.id)) continue;
    const fragments = [out, ...(links.get(out.span.id) ?? [])].flatMap((part) => lineFragments(doc.text, part.span));
    if (fragments.length === 0) {
      report.add('only-line-breaks', out);
      continue;
    }
    const where = fragments.map((f) => `${offsets.fromUtf16(f.start)} ${offsets.fromUtf16(f.end)}`).join(';');
    const text = fragments.map((f) => doc.text.slice(f.start, f.end)).join(' ');
    const id = `T${textBound.length + 1}`;
    textBound.push(`${id}\t${out.label} ${where}\t${text}\n`);
    written.push({ out, id });
  }
  const tIds = new Map(written.map(({ out, id }) => [out.span.id, id]));

  const attributes: string[] = [];
  for (const { out, id } of written) {
    const entries = Object.entries(out.span.attributes).sort(([a], [b]) => compareText(a, b));
    let unsupported = false;
    for (const [attribute, value] of entries) {
      const values = attributeValues(value);
      if (values === undefined || !isSingleWordLabel(attribute)) {
        unsupported = true;
        continue;
      }
      for (const v of values) {
        attributes.push(`A${attributes.length + 1}\t${attribute} ${id}${v === '' ? '' : ` ${v}`}\n`);
        const known = declared.attributes.get(attribute) ?? new Set<string>();
        known.add(v);
        declared.attributes.set(attribute, known);
      }
    }
    if (unsupported) report.add('attribute-unsupported', out);
  }

  const relations: string[] = [];
  const relationIds = new Map<string, string>();
  for (const { relation, from, to } of relationsToWrite(doc, report)) {
    // Written as the discontinuous span's fragments.
    if (relation.type === FRAGMENT && laterParts.has(relation.to) && links.has(relation.from)) continue;
    if (!isSingleWordLabel(relation.type)) {
      report.addRelation('relation-type-unsupported', relation, from, to);
      continue;
    }
    const id = `R${relations.length + 1}`;
    relations.push(`${id}\t${relation.type} Arg1:${tIds.get(from.span.id) ?? ''} Arg2:${tIds.get(to.span.id) ?? ''}\n`);
    relationIds.set(relation.id, id);
    declared.relationTypes.add(relation.type);
  }

  const notes: string[] = [];
  const note = (target: string, text: string | undefined): void => {
    if (text !== undefined && text !== '') notes.push(`#${notes.length + 1}\tAnnotatorNotes ${target}\t${oneLine(text)}\n`);
  };
  for (const { out, id } of written) note(id, out.span.note);
  for (const relation of doc.relations ?? []) {
    const id = relationIds.get(relation.id);
    if (id !== undefined) note(id, relation.note);
  }
  return [
    { path: `${name}.txt`, content: doc.text },
    { path: `${name}.ann`, content: [...textBound, ...attributes, ...relations, ...notes].join('') },
  ];
}

/** A span's pieces between line breaks (brat's text fields hold none), UTF-16. */
function lineFragments(text: string, span: { start: number; end: number }): Array<{ start: number; end: number }> {
  const fragments: Array<{ start: number; end: number }> = [];
  let from = span.start;
  for (let at = span.start; at <= span.end; at++) {
    if (at === span.end || LINE_BREAKS.test(text.charAt(at))) {
      if (at > from) fragments.push({ start: from, end: at });
      from = at + 1;
    }
  }
  return fragments;
}

/**
 * The spans that are parts of one brat discontinuous span, as the import made them (the later
 * parts linked to the first by FRAGMENT relations), so that they are written back as one `T`
 * line (`T1\tGPE 0 5;16 21\tNorth Korea`). A part is joined only when it is written with the
 * first part's label, annotator and layer, carries no attribute, note or other relation (a `T`
 * line holds those once), and the parts do not overlap; otherwise it stays a span of its own
 * and the FRAGMENT relation an `R` line.
 */
function discontinuousSpans(doc: ExportDocument, spans: readonly OutSpan[]): { laterParts: Set<string>; links: Map<string, OutSpan[]> } {
  const byId = new Map(spans.map((out) => [out.span.id, out]));
  const relations = doc.relations ?? [];
  const relationCount = new Map<string, number>();
  for (const relation of relations)
    for (const end of new Set([relation.from, relation.to])) relationCount.set(end, (relationCount.get(end) ?? 0) + 1);
  const candidates = new Map<string, OutSpan[]>();
  for (const relation of relations) {
    if (relation.type !== FRAGMENT) continue;
    const first = byId.get(relation.from);
    const part = byId.get(relation.to);
    if (!first || !part || first === part) continue;
    const alike = part.label === first.label && part.span.annotator === first.span.annotator && part.span.layer === first.span.layer;
    const bare = Object.keys(part.span.attributes).length === 0 && (part.span.note ?? '') === '' && relationCount.get(part.span.id) === 1;
    if (alike && bare) candidates.set(first.span.id, [...(candidates.get(first.span.id) ?? []), part]);
  }
  const anyPart = new Set([...candidates.values()].flatMap((parts) => parts.map((part) => part.span.id)));
  const laterParts = new Set<string>();
  const links = new Map<string, OutSpan[]>();
  for (const [firstId, parts] of candidates) {
    const first = byId.get(firstId);
    // A first part that is itself a later part of another span: its chain is left as relations.
    if (!first || anyPart.has(firstId)) continue;
    const ordered = [first, ...parts].sort((a, b) => a.span.start - b.span.start);
    // brat's fragments go in order, without overlapping; the first part comes first.
    if (ordered[0] !== first || ordered.some((out, i) => i > 0 && out.span.start < (ordered[i - 1]?.span.end ?? 0))) continue;
    links.set(firstId, ordered.slice(1));
    for (const part of parts) laterParts.add(part.span.id);
  }
  return { laterParts, links };
}

/**
 * brat's annotation.conf: the labels as entity types; `<OVERLAP>` lets spans overlap in any
 * way; the relation types and attributes written, on any entity.
 */
function bratConfig(labels: readonly string[], declared: Declared): string {
  const entities = labels.filter(isSingleWordLabel);
  const relations = [...declared.relationTypes].sort(compareText).map((type) => `${type}\tArg1:<ENTITY>, Arg2:<ENTITY>`);
  const attributes = [...declared.attributes.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([attribute, values]) => {
      const named = [...values].filter((v) => v !== '').sort(compareText);
      return named.length === 0 ? `${attribute}\tArg:<ENTITY>` : `${attribute}\tArg:<ENTITY>, Value:${named.join('|')}`;
    });
  return [
    '[entities]',
    ...entities,
    '',
    '[relations]',
    '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    ...relations,
    '',
    '[events]',
    '',
    '[attributes]',
    ...attributes,
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
    holds: { relations: true, attributes: true, spanNotes: true, documentLabels: false, documentNotes: false, annotators: false },
  },
  createWriter: () => {
    const used = new Set<string>();
    const declared: Declared = { relationTypes: new Set(), attributes: new Map() };
    return {
      write: (doc, spans, report) => ({ files: writeDocument(doc, spans, used, declared, report) }),
      closingFiles: (labels) => [{ path: 'annotation.conf', content: bratConfig(labels, declared) }],
    };
  },
};

// --- reading -------------------------------------------------------------------------------------

export interface InputFile {
  /** The file's name (a path is fine: only its last part is shown). */
  name: string;
  bytes: Uint8Array;
  /** Set when the bytes were left unread, the file being larger than the file-size limit: its size (`bytes` is empty). */
  size?: number;
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

/** The relation type that links the parts of a brat span with text between its fragments. */
export const FRAGMENT = 'FRAGMENT';

/** Lines that hold what Spanwright cannot keep: events and normalisations (links to knowledge bases). */
const OTHER_KINDS: Record<string, string> = { E: 'event', N: 'normalization' };
const NOTE_ON_OTHER = 'note on an event or normalization';
const LINK_TO_OTHER = 'relation, attribute or equivalence on an event';
/** Why each kind of skipped line is not imported. */
const NOT_KEPT: Record<string, string> = {
  event: 'Spanwright has no events',
  normalization: 'Spanwright has no normalizations (put a knowledge-base id in an attribute such as kb_id)',
  [NOTE_ON_OTHER]: 'Spanwright keeps notes on spans and relations only',
  [LINK_TO_OTHER]: 'Spanwright has no events',
};

/**
 * Imports the brat documents among `files` (each a `.zip`, `.txt` or `.ann`): a `.txt` and the
 * `.ann` of the same name (in the same archive) make a document; a `.txt` alone has no spans.
 * Offsets are as brat counts them (UniversalNewlineOffsets); an `.ann` whose offsets only fit
 * plain code points (a CRLF as two, as Spanwright wrote before) is read that way, with a note.
 * `keepPaths`: loose files are paired by their whole path (`news/a.txt` with `news/a.ann`, a
 * folder's files), not by their base name.
 */
export function parseBratFiles(
  files: readonly InputFile[],
  knownLabels: readonly Label[],
  options: { keepPaths?: boolean; limits?: LimitPolicy } = {},
): ImportParseResult {
  const file = files.length === 1 ? baseName(files[0]?.name ?? 'brat') : `${files.length} brat files`;
  const result: ImportParseResult = { file, documents: [], issues: [], unknownLabels: [] };
  const labels = new LabelIndex(knownLabels);
  try {
    const pairs = collectPairs(files, result.issues, options.keepPaths === true, options.limits);
    for (const pair of pairs) readPair(pair, labels, result);
    const named = withAcceptableNames(result.documents, { labels: labels.knownNames() });
    result.documents = named.documents;
    pushAll(result.issues, named.issues);
    const within = withinSpanLimit(result.documents, options.limits);
    result.documents = within.documents;
    pushAll(result.issues, within.issues);
  } catch (error) {
    result.documents = [];
    result.issues.push({ file, reason: `could not be read: ${errorMessage(error)}` });
  }
  if (result.documents.length === 0) result.issues.push({ file, reason: 'no documents imported: no .txt file with a good .ann was found' });
  result.unknownLabels = acceptableUnknownLabels(labels.unknown());
  return result;
}

function collectPairs(files: readonly InputFile[], issues: ImportIssue[], keepPaths: boolean, limits: LimitPolicy | undefined): Pair[] {
  const pairs = new Map<string, Pair>();
  const add = (container: string, path: string, display: string, bytes: Uint8Array): void => {
    const name = baseName(path);
    if (name.startsWith('.') || path.startsWith('__MACOSX/') || CONFIG_FILES.has(name)) return;
    const extension = extensionOf(name);
    if (extension !== 'txt' && extension !== 'ann') {
      issues.push({ file: display, reason: 'not imported: brat documents are .txt and .ann files', severity: 'note' });
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
    const size = input.size ?? input.bytes.length;
    if (size > limitsOf(limits).fileBytes) {
      issues.push({ file: keepPaths ? input.name : name, reason: limitRefusal('fileBytes', limits, size) });
      continue;
    }
    if (extensionOf(name) === 'zip') {
      // A zip past a limit is refused whole: nothing of a zip bomb is imported.
      const unzipped = unzipFiles(input.bytes, limits);
      if ('reason' in unzipped) {
        issues.push({ file: unzipped.entry === undefined ? name : `${name}/${unzipped.entry}`, reason: unzipped.reason });
        continue;
      }
      for (const entry of unzipped.files) add(name, entry.path, `${name}/${entry.path}`, entry.bytes);
    } else {
      const path = keepPaths ? input.name : name;
      add('', path, path, input.bytes);
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
  let read: AnnRead = {
    spans: [],
    discontinuous: [],
    fragmentLinks: [],
    relations: [],
    attributes: [],
    notes: [],
    problems: [],
    skipped: new Map(),
  };
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
    const annText = ann.ok ? ann.text : '';
    const bom = pair.txt.bytes[0] === 0xef && pair.txt.bytes[1] === 0xbb && pair.txt.bytes[2] === 0xbf;
    read = readAnn(text, annText, { bom });
    // Files Spanwright wrote before it counted as brat does (a CRLF as two): their texts tell.
    if (read.problems.length > 0 && (bom || text.includes('\r'))) {
      const asCodePoints = readAnn(text, annText, { codePoints: true });
      if (asCodePoints.problems.length === 0) {
        read = asCodePoints;
        result.issues.push({
          file: pair.ann.display,
          reason: `offsets count ${bom ? 'no byte order mark' : 'a CRLF as two characters'}, not as brat does; read that way, as every span's text matches`,
          severity: 'note',
        });
      }
    }
    for (const problem of read.problems) result.issues.push({ file: pair.ann.display, line: problem.line, reason: problem.reason });
    if (read.problems.length > 0) {
      result.issues.push({
        file: pair.txt.display,
        reason: `not imported: ${pair.name}.ann has ${read.problems.length} bad line${read.problems.length > 1 ? 's' : ''}`,
      });
      return;
    }
  }
  const restored = readJsonDocument(
    { id: pair.name, text, meta: { title: pair.name }, spans: read.spans.map(({ start, end, label }) => ({ start, end, label })) },
    { defaultTitle: pair.name, labels, categories: [] },
  );
  for (const { line, id, parts } of read.discontinuous)
    result.issues.push({
      file: pair.ann?.display ?? pair.txt.display,
      line,
      reason: `${id} is discontinuous, with text between its fragments: imported as ${parts} spans of its label, the later ones linked to the first by ${FRAGMENT} relations (Spanwright spans are continuous; the brat export joins them again)`,
      severity: 'note',
    });
  if ('reason' in restored) {
    result.issues.push({ file: pair.txt.display, reason: restored.reason });
    return;
  }
  const draft = restored.draft;
  // readJsonDocument keeps the order of the T lines: a T id's span is at its line's index.
  const index = new Map(read.spans.map((span, at) => [span.id, at]));
  const spanOf = (id: string): SourcedSpanDraft | undefined => draft.spans[index.get(id) ?? -1];
  const grouped = new Map<string, Map<string, Array<string | true>>>();
  for (const { target, name, value } of read.attributes) {
    const byName = grouped.get(target) ?? new Map<string, Array<string | true>>();
    byName.set(name, [...(byName.get(name) ?? []), value]);
    grouped.set(target, byName);
  }
  for (const [target, byName] of grouped) {
    const span = spanOf(target);
    if (!span) continue;
    const defined = labels.attributesOf(span.label);
    const attributes: Record<string, AttributeValue> = {};
    for (const [name, values] of byName)
      setOwn(
        attributes,
        name,
        attributeValue(
          values,
          defined.find((d) => d.name === name),
        ),
      );
    span.attributes = attributes;
  }
  const relations: RelationDraft[] = [];
  const relationIndex = new Map<string, number>();
  for (const { from, to } of read.fragmentLinks) {
    const first = index.get(from);
    const part = index.get(to);
    if (first !== undefined && part !== undefined) relations.push({ type: FRAGMENT, from: first, to: part, origin: 'imported' });
  }
  for (const relation of read.relations) {
    const from = index.get(relation.from);
    const to = index.get(relation.to);
    if (from === undefined || to === undefined) continue;
    if (relation.id !== undefined) relationIndex.set(relation.id, relations.length);
    relations.push({ type: relation.type, from, to, origin: 'imported' });
  }
  for (const { target, text: note } of read.notes) {
    const span = spanOf(target);
    const relation = relations[relationIndex.get(target) ?? -1];
    if (span) span.note = span.note === undefined ? note : `${span.note}\n${note}`;
    else if (relation) relation.note = relation.note === undefined ? note : `${relation.note}\n${note}`;
  }
  if (relations.length > 0) draft.relations = relations;
  for (const [kind, count] of read.skipped) {
    result.issues.push({
      file: pair.ann?.display ?? pair.txt.display,
      reason: `${count} ${kind} line${count > 1 ? 's' : ''} not imported: ${NOT_KEPT[kind] ?? 'Spanwright cannot keep it'}`,
      severity: 'note',
    });
  }
  labels.count(draft.spans);
  result.documents.push({ file: pair.txt.display, format: 'brat', draft });
}

/**
 * An attribute's value from its `A` lines (`true` for a binary one), typed by the label's
 * definition when the project has one: yes/no, number, one or several choices, text.
 */
function attributeValue(values: ReadonlyArray<string | true>, definition: AttributeDefinition | undefined): AttributeValue {
  const strings = values.map((v) => (v === true ? 'true' : v));
  switch (definition?.type) {
    case 'boolean':
      return strings[0] !== 'false';
    case 'number': {
      const number = Number(strings[0]);
      return Number.isFinite(number) ? number : (strings[0] ?? '');
    }
    case 'multi-choice':
      return strings;
    case 'choice':
    case 'text':
      return strings[0] ?? '';
    case undefined:
      if (values.length === 1) return values[0] ?? '';
      return strings;
  }
}

interface AnnRead {
  /** Code points of the stored text, in the order of their lines (a discontinuous span's later parts: `T1\u00002`...). */
  spans: Array<{ id: string; start: number; end: number; label: string }>;
  /** Discontinuous spans with text between their fragments, read as parts. */
  discontinuous: Array<{ line: number; id: string; parts: number }>;
  /** From the first part of such a span to each later part. */
  fragmentLinks: Array<{ from: string; to: string }>;
  /** `R` lines, and `*` equivalences as relations from the first member to each other one. */
  relations: Array<{ id?: string; type: string; from: string; to: string }>;
  /** `A`/`M` lines: `true` for a binary attribute. */
  attributes: Array<{ target: string; name: string; value: string | true }>;
  /** `#` lines on T or R annotations. */
  notes: Array<{ target: string; text: string }>;
  problems: Array<{ line: number; reason: string }>;
  /** Lines of kinds Spanwright does not keep, counted by kind. */
  skipped: Map<string, number>;
}

const TEXT_BOUND = /^(T[^\t]*)\t([^\t ]+) ([^\t]+)\t(.*)$/u;
const FRAGMENTS = /^\d+ \d+(;\d+ \d+)*$/u;
const RELATION = /^(R[^\t]*)\t(\S+) \S+:(\S+) \S+:(\S+)\s*$/u;
const EQUIVALENCE = /^\*[^\t]*\t(\S+)((?: \S+)+)\s*$/u;
const ATTRIBUTE = /^([AM][^\t]*)\t(\S+) (\S+)(?: (\S+))?\s*$/u;
const NOTE = /^#[^\t]*\t\S+ (\S+)\t(.*)$/u;

/**
 * Reads an `.ann` file against its text: `T` (spans), `R` and `*` (relations), `A`/`M`
 * (attributes) and `#` (notes). Relations, attributes and notes must point at annotations of
 * the file (a note on an event or normalisation is counted as not imported).
 */
export function readAnn(text: string, ann: string, counting: { bom?: boolean; codePoints?: boolean } = {}): AnnRead {
  const converter = new OffsetConverter(text);
  // As brat counts (universal newlines, a BOM kept), or plain code points of the stored text.
  const counted = counting.codePoints
    ? { length: converter.codePointLength, toUtf16: (n: number) => converter.toUtf16(n) }
    : new UniversalNewlineOffsets(text, counting.bom === true);
  const read: AnnRead = {
    spans: [],
    discontinuous: [],
    fragmentLinks: [],
    relations: [],
    attributes: [],
    notes: [],
    problems: [],
    skipped: new Map(),
  };
  const ids = new Set<string>();
  /** Ids of T lines that are themselves reported: what points at them is not reported again. */
  const failed = new Set<string>();
  /** Ids of E and N lines: what points at them is counted as not imported, not refused. */
  const otherIds = new Set<string>();
  const pending: Array<{ line: number; check: () => string | undefined }> = [];
  const skip = (kind: string): void => {
    read.skipped.set(kind, (read.skipped.get(kind) ?? 0) + 1);
  };
  ann.split('\n').forEach((rawLine, index) => {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line.trim() === '') return;
    const lineNumber = index + 1;
    const problem = (reason: string): void => {
      read.problems.push({ line: lineNumber, reason });
    };
    const kind = line.charAt(0);
    const other = OTHER_KINDS[kind];
    if (other) {
      ids.add(line.split('\t', 1)[0] ?? '');
      otherIds.add(line.split('\t', 1)[0] ?? '');
      skip(other);
      return;
    }
    if (kind === 'R' || kind === '*') {
      const relation = kind === 'R' ? RELATION.exec(line) : null;
      const equivalence = kind === '*' ? EQUIVALENCE.exec(line) : null;
      if (relation) {
        const [, id = '', type = '', from = '', to = ''] = relation;
        if (ids.has(id)) return problem(`annotation id ${id} is used twice`);
        ids.add(id);
        read.relations.push({ id, type, from, to });
        pending.push({ line: lineNumber, check: () => spanIds(id, [from, to]) });
        return;
      }
      if (equivalence) {
        const [, type = '', members = ''] = equivalence;
        const [first = '', ...others] = members.trim().split(' ');
        if (others.length === 0) return problem('malformed equivalence: expected "*<tab>Equiv T1 T2 ..." with two or more annotations');
        for (const other of others) read.relations.push({ type, from: first, to: other });
        pending.push({ line: lineNumber, check: () => spanIds('*', [first, ...others]) });
        return;
      }
      return problem(
        kind === 'R'
          ? 'malformed relation: expected "R1<tab>TYPE Arg1:T1 Arg2:T2"'
          : 'malformed equivalence: expected "*<tab>Equiv T1 T2 ..."',
      );
    }
    if (kind === 'A' || kind === 'M') {
      const match = ATTRIBUTE.exec(line);
      if (!match) return problem('malformed attribute: expected "A1<tab>NAME T1" or "A1<tab>NAME T1 VALUE"');
      const [, id = '', name = '', target = '', value] = match;
      if (ids.has(id)) return problem(`annotation id ${id} is used twice`);
      ids.add(id);
      read.attributes.push({ target, name, value: value ?? true });
      pending.push({ line: lineNumber, check: () => spanIds(id, [target]) });
      return;
    }
    if (kind === '#') {
      const match = NOTE.exec(line);
      if (!match) return problem('malformed note: expected "#1<tab>AnnotatorNotes T1<tab>text"');
      const [, target = '', note = ''] = match;
      read.notes.push({ target, text: note });
      return;
    }
    const match = TEXT_BOUND.exec(line);
    if (!match) {
      problem(
        line.startsWith('T')
          ? 'malformed text-bound annotation: expected "T1<tab>LABEL start end<tab>text"'
          : `unknown annotation kind ${JSON.stringify(kind)}`,
      );
      return;
    }
    const [, id = '', label = '', offsets = '', spanText = ''] = match;
    if (ids.has(id)) return problem(`annotation id ${id} is used twice`);
    ids.add(id);
    failed.add(id); // until the line is read whole
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
      const from = counted.toUtf16(start);
      const to = counted.toUtf16(end);
      if (from === undefined || to === undefined)
        return problem(`${where} is out of range: the text is ${counted.length} characters long (as brat counts them)`);
      utf16.push([from, to]);
    }
    const first = utf16[0];
    const last = utf16[utf16.length - 1];
    if (!first || !last) return problem(`${id} has no offsets`);
    // Fragments with only white space between them (a span over a line break) are one span;
    // with text between them, each run of them is a part of its own.
    const parts: Array<[number, number, number, number]> = []; // utf16 start, end; file start, end
    utf16.forEach(([from, to], i) => {
      const previous = parts[parts.length - 1];
      const fileStart = fragments[i]?.[0] ?? 0;
      const fileEnd = fragments[i]?.[1] ?? 0;
      if (previous && text.slice(previous[1], from).trim() === '') {
        previous[1] = to;
        previous[3] = fileEnd;
      } else parts.push([from, to, fileStart, fileEnd]);
    });
    // The text field joins the fragments with a space (brat's own writer); one covering the
    // whole extent is accepted too.
    const joined = utf16.map(([from, to]) => text.slice(from, to)).join(' ');
    const covered = text.slice(first[0], last[1]);
    if (spanText !== joined && spanText !== covered) {
      return problem(`${id} text ${JSON.stringify(spanText)} does not match the text at its offsets ${JSON.stringify(joined)}`);
    }
    for (const [from, to, fileStart, fileEnd] of parts) {
      const edges = edgeProblem(text, `${id} [${fileStart}, ${fileEnd})`, [
        [from, fileStart],
        [to, fileEnd],
      ]);
      if (edges !== undefined) return problem(edges);
    }
    failed.delete(id);
    parts.forEach(([from, to], n) => {
      const partId = n === 0 ? id : `${id}\u0000${n + 1}`;
      read.spans.push({ id: partId, start: converter.toCodePoint(from), end: converter.toCodePoint(to), label });
      if (n > 0) read.fragmentLinks.push({ from: id, to: partId });
    });
    if (parts.length > 1) read.discontinuous.push({ line: lineNumber, id, parts: parts.length });
  });

  // Relations and attributes may come before the T lines they point at: checked at the end.
  const textBound = new Set(read.spans.map((span) => span.id));
  const relationIds = new Set(read.relations.flatMap((relation) => (relation.id === undefined ? [] : [relation.id])));
  function spanIds(owner: string, targets: readonly string[]): string | undefined {
    const missing = targets.find((target) => !textBound.has(target));
    if (missing === undefined || failed.has(missing)) return undefined;
    if (otherIds.has(missing)) {
      skip(LINK_TO_OTHER);
      return undefined;
    }
    return ids.has(missing)
      ? `${owner} points at ${missing}, which is not a text-bound annotation (Spanwright links spans only)`
      : `${owner} points at ${missing}, which is not in this file`;
  }
  for (const { line, check } of pending) {
    const reason = check();
    if (reason !== undefined) read.problems.push({ line, reason });
  }
  read.notes = read.notes.filter((note) => {
    if (textBound.has(note.target) || relationIds.has(note.target)) return true;
    skip(NOTE_ON_OTHER);
    return false;
  });
  read.problems.sort((a, b) => a.line - b.line);
  return read;
}
