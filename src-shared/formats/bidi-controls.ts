// Bidirectional control characters (U+202A–U+202E, U+2066–U+2069) in the names an import brings:
// they can make a title or a name read in another order ("cod.exe" shown as "exe.doc"). The app
// shows names isolated, so the file is imported, with a note saying where they are.
import { quote } from './json-values';
import type { ImportIssue, ParsedDocument } from './import-result';

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/**
 * The text with each bidi control shown as `[U+202E]`, for where isolation is impossible: an
 * `<option>` holds only text (no <bdi>, and browsers draw its popup without the page's CSS). An
 * isolate around the name (U+2068…U+2069) would keep it from reordering the words beside it, but
 * not itself ("cod.exe" still shown as "exe.doc"), and would change every option's text; this
 * leaves names without controls as they are and shows the others in the order they are stored.
 */
export function showBidiControls(text: string): string {
  return hasBidiControls(text)
    ? text.replace(/[\u202A-\u202E\u2066-\u2069]/gu, (c) => `[U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}]`)
    : text;
}

/** One note per document naming its title, labels and annotators that hold bidi controls. */
export function bidiControlNotes(document: ParsedDocument): ImportIssue[] {
  const { draft } = document;
  const where: string[] = [];
  if (hasBidiControls(draft.meta.title)) where.push(`the title ${quote(draft.meta.title)}`);
  const labels = new Set([...draft.spans.map((s) => s.label), ...(draft.relations ?? []).map((r) => r.type)]);
  for (const label of labels) if (hasBidiControls(label)) where.push(`the label ${quote(label)}`);
  const annotators = new Set([
    ...draft.spans.flatMap((s) => (s.annotator === undefined ? [] : [s.annotator])),
    ...Object.keys(draft.statuses ?? {}),
    ...(draft.annotators ?? []).flatMap((a) => [a.id, a.name]),
  ]);
  for (const annotator of annotators) if (hasBidiControls(annotator)) where.push(`the annotator ${quote(annotator)}`);
  if (where.length === 0) return [];
  const issue: ImportIssue = {
    file: document.file,
    reason: `${where.join(', ')} ${where.length === 1 ? 'holds' : 'hold'} bidirectional control characters (U+202A–U+202E, U+2066–U+2069), which can make text read in another order; imported, shown isolated`,
    severity: 'note',
  };
  if (document.line !== undefined) issue.line = document.line;
  return [issue];
}
