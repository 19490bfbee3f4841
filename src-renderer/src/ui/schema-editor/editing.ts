// What every part of the schema editor is given: the schema, and the ways to change it. Each
// action reports its own failure (to the user) and resolves to whether it succeeded.
import type { SchemaItemKind, SchemaItems } from '../../../../src-shared/annotations/change';
import { EXTRA_LABEL_COLORS } from '../../../../src-shared/default-schema';
import type { LabelSchema } from '../../../../src-shared/domain';

export interface SchemaEditing {
  schema: LabelSchema;
  /** Redefines an item (a new name is an undoable rename that rewrites every use). */
  save<K extends SchemaItemKind>(what: K, oldName: string, item: SchemaItems[K]): Promise<boolean>;
  /** Adds items: the schema with them (not an undo step). */
  add(to: LabelSchema): Promise<boolean>;
  /** Asks, with what it takes along, before deleting; `opener` gets the focus back if kept. */
  askDelete(what: SchemaItemKind, name: string, opener: HTMLElement): void;
}

/** A colour no label or relation type of the schema uses yet, for something new. */
export function unusedColor(schema: LabelSchema): string {
  const used = new Set([...schema.labels, ...schema.relationTypes].map((item) => item.color.toLowerCase()));
  return EXTRA_LABEL_COLORS.find((c) => !used.has(c)) ?? EXTRA_LABEL_COLORS[0] ?? '#8fd3c8';
}

/** An item with `description` set, or without the key when it is empty (so schemas stay minimal). */
export function withDescription<T extends { description?: string }>(item: T, description: string): T {
  const next = { ...item };
  if (description.trim() === '') delete next.description;
  else next.description = description.trim();
  return next;
}

/** "relation type SOURCE" -> "Relation type SOURCE", for names that start a sentence. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
