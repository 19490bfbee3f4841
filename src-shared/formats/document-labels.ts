// Document labels read from formats that give a flat list of classes (doccano `label`/`cats`,
// spaCy `cats`, Prodigy `accept`): each value goes in the project's category that offers it.
import type { DocumentAnnotationDraft, DocumentCategory } from '../domain';
import { setOwn } from './json-values';

/** The category of values that no category of the project offers (the app lists it as unknown). */
export const UNCATEGORISED = 'class';

/** Values by category: the first of the project's categories that offers a value, else UNCATEGORISED. */
export function categorise(values: readonly string[], categories: readonly DocumentCategory[]): Record<string, string[]> {
  const labels: Record<string, string[]> = {};
  for (const value of values) {
    const category = categories.find((candidate) => candidate.values.some((offered) => offered.name === value))?.name ?? UNCATEGORISED;
    const chosen = Object.hasOwn(labels, category) ? (labels[category] ?? []) : [];
    if (!chosen.includes(value)) setOwn(labels, category, [...chosen, value]);
  }
  return labels;
}

/** The document annotation of an importer (no annotator: whoever imports the file). */
export function importedDocumentLabels(values: readonly string[], categories: readonly DocumentCategory[]): DocumentAnnotationDraft[] {
  return values.length === 0 ? [] : [{ labels: categorise(values, categories), note: '' }];
}
