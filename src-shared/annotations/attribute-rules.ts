// Span attributes against their definitions in the schema: which values fit, and which spans
// still lack a required attribute (marking a document done warns and names them).
import type { AttributeDefinition, AttributeValue, LabelSchema, Span } from '../domain';
import { ownValue } from '../own-keys';

/** Why `value` does not fit the attribute, or null when it does. */
export function attributeValueProblem(definition: AttributeDefinition, value: AttributeValue): string | null {
  switch (definition.type) {
    case 'choice':
      return typeof value === 'string' && definition.values.includes(value) ? null : `${definition.name} is one of ${definition.values.join(', ')}.`;
    case 'multi-choice':
      return Array.isArray(value) && value.every((v) => definition.values.includes(v)) && new Set(value).size === value.length
        ? null
        : `${definition.name} takes values among ${definition.values.join(', ')}.`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${definition.name} is yes or no.`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `${definition.name} is a number.`;
    case 'text':
      return typeof value === 'string' ? null : `${definition.name} is text.`;
  }
}

/** Whether an attribute counts as filled in (an empty text or an empty multi-choice does not). */
export function hasAttributeValue(value: AttributeValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export interface MissingAttributes {
  span: Span;
  /** Names of the required attributes the span lacks. */
  missing: string[];
}

/** Spans that lack a required attribute of their label, in text order. */
export function missingRequiredAttributes(schema: LabelSchema, spans: Iterable<Span>): MissingAttributes[] {
  const required = new Map(schema.labels.map((l) => [l.name, (l.attributes ?? []).filter((a) => a.required).map((a) => a.name)]));
  const found: MissingAttributes[] = [];
  for (const span of spans) {
    const missing = (required.get(span.label) ?? []).filter((name) => !hasAttributeValue(ownValue(span.attributes, name)));
    if (missing.length > 0) found.push({ span, missing });
  }
  return found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
}

/** The span's attributes with one set (or removed when `value` is undefined or empty). */
export function withAttribute(attributes: Readonly<Record<string, AttributeValue>>, name: string, value: AttributeValue | undefined): Record<string, AttributeValue> {
  const next = { ...attributes };
  if (value === undefined || !hasAttributeValue(value)) delete next[name];
  else next[name] = value;
  return next;
}
