// Names an import would bring into the project (labels, relation types, document categories and
// their values, annotators) pass the rules a typed name passes (schema-rules.ts,
// annotator-names.ts), so a file cannot put `<img …>` or a lone surrogate into the schema. A
// document holding such a name is refused whole, with the file, line and reason.
import { annotatorNameProblem } from '../annotator-names';
import type { Annotator, DocumentDraft, LabelSchema } from '../domain';
import { nameCharactersProblem } from '../name-characters';
import { nameProblem } from '../schema-rules';
import type { ImportIssue, ParsedDocument, UnknownLabel } from './import-result';
import { quote } from './json-values';

/** Names the project has already: they are its own, whatever rule they were made under. */
export interface KnownNames {
  /** A Set is used as it is (a reader checking many entries builds it once). */
  labels?: Iterable<string>;
  categories?: Iterable<{ name: string; values: ReadonlyArray<{ name: string }> }>;
}

interface NameUse {
  kind: string;
  name: string;
  problem: (name: string) => string | null;
}

function* namesIn(draft: DocumentDraft): Generator<NameUse> {
  const schemaRule = (what: string) => (name: string) => nameProblem(name, what);
  for (const span of draft.spans) yield { kind: 'label', name: span.label, problem: schemaRule('label') };
  for (const suggestion of draft.suggestions ?? []) yield { kind: 'label', name: suggestion.label, problem: schemaRule('label') };
  for (const relation of draft.relations ?? []) yield { kind: 'relation type', name: relation.type, problem: schemaRule('relation type') };
  for (const annotation of draft.documentAnnotations ?? []) {
    for (const [category, values] of Object.entries(annotation.labels)) {
      yield { kind: 'document category', name: category, problem: schemaRule('document category') };
      for (const value of values) yield { kind: `value of ${category}`, name: value, problem: schemaRule('value') };
    }
  }
  // No name is a state the app has too (shown as "Annotator 1a2b"); any name given must pass.
  for (const annotator of draft.annotators ?? []) {
    if (annotator.name.trim() !== '') yield { kind: 'annotator', name: annotator.name, problem: annotatorNameProblem };
  }
  // An annotator the file names only by id is shown by that id: it may hold no broken characters either.
  const ids = [
    ...draft.spans.map((s) => s.annotator),
    ...(draft.relations ?? []).map((r) => r.annotator),
    ...(draft.documentAnnotations ?? []).map((a) => a.annotator),
    ...(draft.suggestions ?? []).map((s) => s.annotator),
    ...Object.keys(draft.statuses ?? {}),
    ...(draft.annotators ?? []).map((a) => a.id),
  ];
  for (const id of ids) {
    if (id !== undefined) yield { kind: 'annotator id', name: id, problem: (text) => annotatorIdProblem(text) };
  }
}

function annotatorIdProblem(id: string): string | null {
  const characters = nameCharactersProblem(id);
  if (characters !== null) return `An annotator id is refused: ${characters}`;
  return /[<>]/u.test(id) ? 'An annotator id cannot hold < or >.' : null;
}

/** Why the document's names cannot enter the project (each name once), or null. */
export function importedNamesProblem(draft: DocumentDraft, known: KnownNames = {}): string | null {
  const knownLabels = known.labels instanceof Set ? (known.labels as ReadonlySet<string>) : new Set(known.labels ?? []);
  const knownCategories = new Map([...(known.categories ?? [])].map((c) => [c.name, new Set(c.values.map((v) => v.name))]));
  return problemsOf(
    namesIn(draft),
    (use) =>
      (use.kind === 'label' && knownLabels.has(use.name)) ||
      (use.kind === 'document category' && knownCategories.has(use.name)) ||
      (use.kind.startsWith('value of ') && knownCategories.get(use.kind.slice('value of '.length))?.has(use.name) === true),
  );
}

/** Every name that breaks its rule (each once), in words, or null; `known` names are the project's own and pass. */
function problemsOf(uses: Iterable<NameUse>, known: (use: NameUse) => boolean): string | null {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const use of uses) {
    const key = `${use.kind}\u0000${use.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A missing name is another problem, which readers and `spanwright validate` name in their own words.
    if (use.name.trim() === '' || known(use)) continue;
    const problem = use.problem(use.name);
    if (problem !== null) problems.push(`the ${use.kind} ${quote(use.name)} is not a name Spanwright accepts (${problem})`);
  }
  return problems.length === 0 ? null : problems.join('; ');
}

function* schemaNamesIn(schema: LabelSchema, annotators: readonly Annotator[]): Generator<NameUse> {
  const schemaRule = (what: string) => (name: string) => nameProblem(name, what);
  for (const label of schema.labels) {
    yield { kind: 'label', name: label.name, problem: schemaRule('label') };
    for (const attribute of label.attributes ?? []) {
      yield { kind: `attribute of ${label.name}`, name: attribute.name, problem: schemaRule('attribute') };
      for (const value of attribute.values) yield { kind: `value of ${attribute.name}`, name: value, problem: schemaRule('value') };
    }
  }
  for (const type of schema.relationTypes) yield { kind: 'relation type', name: type.name, problem: schemaRule('relation type') };
  for (const category of schema.documentCategories) {
    yield { kind: 'document category', name: category.name, problem: schemaRule('document category') };
    for (const value of category.values) yield { kind: `value of ${category.name}`, name: value.name, problem: schemaRule('value') };
  }
  for (const annotator of annotators) {
    yield { kind: 'annotator id', name: annotator.id, problem: annotatorIdProblem };
    if (annotator.name.trim() !== '') yield { kind: 'annotator', name: annotator.name, problem: annotatorNameProblem };
  }
}

/**
 * Why a project's schema and annotators from a file (a project bundle's header) cannot become a
 * new project, or null: every name passes the rules a typed one passes.
 */
export function schemaNamesProblem(schema: LabelSchema, annotators: readonly Annotator[] = []): string | null {
  return problemsOf(schemaNamesIn(schema, annotators), () => false);
}

/** The documents whose names pass, and one issue (file, line, reason) for each document refused. */
export function withAcceptableNames(
  documents: readonly ParsedDocument[],
  known: KnownNames = {},
  lineKind: 'line' | 'item' = 'line',
): { documents: ParsedDocument[]; issues: ImportIssue[] } {
  const kept: ParsedDocument[] = [];
  const issues: ImportIssue[] = [];
  for (const document of documents) {
    const problem = importedNamesProblem(document.draft, known);
    if (problem === null) {
      kept.push(document);
      continue;
    }
    const reason = `“${document.draft.meta.title}”: ${problem}`;
    issues.push(
      document.line === undefined ? { file: document.file, reason } : { file: document.file, line: document.line, lineKind, reason },
    );
  }
  return { documents: kept, issues };
}

/**
 * The unknown labels worth offering for adding: readers that count labels before documents are
 * refused (columns, brat) would otherwise offer the very names the refusals were about.
 */
export function acceptableUnknownLabels(unknown: readonly UnknownLabel[]): UnknownLabel[] {
  return unknown.filter((label) => nameProblem(label.name, 'label') === null);
}
