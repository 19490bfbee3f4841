import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../src-shared/annotations/apply';
import { invertChange, type Change } from '../../../src-shared/annotations/change';
import {
  addRelation,
  addSpans,
  deleteSchemaItem,
  editLabel,
  removeRelations,
  schemaChange,
  removeSpans,
  statusChange,
  toggleDocumentLabel,
  updateDocumentAnnotation,
  updateSpan,
} from '../../../src-shared/annotations/edits';
import { createState, recordsOf, statusIn, type AnnotationState } from '../../../src-shared/annotations/state';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { Relation, Span } from '../../../src-shared/domain';
import { UndoHistory } from '../../../src-shared/undo-history';

const TEXT = 'Ana Lima said the port of Haiti handled 75 ships in January.';

function span(id: string, label: string, start: number, end: number, annotator = 'ana', documentId = 'd1'): Span {
  const layer = label === 'CLAIM' ? 'claim' : 'entity';
  return { id, projectId: 'p', documentId, annotator, layer, label, start, end, text: TEXT.slice(start, end), attributes: {}, origin: 'manual', createdAt: 1, updatedAt: 1 };
}

function relation(id: string, type: string, from: string, to: string, annotator = 'ana'): Relation {
  return { id, projectId: 'p', documentId: 'd1', annotator, type, from, to, origin: 'manual', createdAt: 1, updatedAt: 1 };
}

function must(state: AnnotationState, change: Change | null): AnnotationState {
  if (change === null) throw new Error('no change');
  const result = applyChange(state, change);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** A comparable picture of a state. */
function snapshot(state: AnnotationState) {
  return {
    schema: state.schema,
    records: [...recordsOf(state)].map((r) => JSON.stringify(r)).sort(),
    statuses: [...state.statuses].sort(),
  };
}

function danglingRelations(state: AnnotationState): Relation[] {
  return [...state.annotations.relation.values()].filter((r) => !state.annotations.span.has(r.from) || !state.annotations.span.has(r.to));
}

const base = () => createState(defaultSchema());

describe('the change model', () => {
  it('a first span moves the document to in progress, and undo brings back the span but not a stale status', () => {
    const person = span('s1', 'PERSON', 0, 8);
    const change = addSpans(base(), [person]);
    const after = must(base(), change);
    expect(statusIn(after, 'd1', 'ana')).toBe('in_progress');
    const undone = must(after, invertChange(change as Change));
    expect(snapshot(undone)).toEqual(snapshot(base()));
  });

  it('deleting a span removes its relations, and one undo brings both back', () => {
    let state = must(base(), addSpans(base(), [span('c', 'CLAIM', 0, 60), span('p', 'PERSON', 0, 8)]));
    const link = addRelation(state, relation('r', 'SOURCE', 'c', 'p'));
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    state = must(state, link.value);
    const deletion = removeSpans(state, [state.annotations.span.get('p') as Span]) as Change;
    const deleted = must(state, deletion);
    expect(deleted.annotations.relation.size).toBe(0);
    expect(snapshot(must(deleted, invertChange(deletion)))).toEqual(snapshot(state));
  });

  it('refuses a change that would leave a relation pointing at a missing span', () => {
    let state = must(base(), addSpans(base(), [span('c', 'CLAIM', 0, 60), span('p', 'PERSON', 0, 8)]));
    const link = addRelation(state, relation('r', 'SOURCE', 'c', 'p'));
    if (!link.ok) throw new Error(link.error);
    state = must(state, link.value);
    const bare: Change = { type: 'edit', removed: [{ kind: 'span', value: state.annotations.span.get('p') as Span }], added: [] };
    const result = applyChange(state, bare);
    expect(result).toEqual({ ok: false, error: 'Removing the span would leave relation SOURCE pointing at nothing.' });
  });

  it('checks relation ends against the schema', () => {
    const state = must(base(), addSpans(base(), [span('c', 'CLAIM', 0, 60), span('l', 'LOC', 26, 31)]));
    const result = addRelation(state, relation('r', 'SOURCE', 'c', 'l'));
    expect(result).toEqual({ ok: false, error: 'SOURCE goes from CLAIM to PERSON, ORG, not from CLAIM to LOC.' });
    expect(addRelation(state, relation('r', 'ABOUT', 'c', 'l')).ok).toBe(true);
  });

  it('refuses to remove a record that was changed in the meantime', () => {
    const person = span('s1', 'PERSON', 0, 8);
    const state = must(base(), addSpans(base(), [person]));
    const changed = must(state, updateSpan(person, { ...person, label: 'ORG' }));
    expect(applyChange(changed, removeSpans(state, [person]) as Change)).toMatchObject({ ok: false });
  });

  it('renames a label in the schema, in relation type ends and in every span; the inverse restores all', () => {
    const state = must(base(), addSpans(base(), [span('s1', 'PERSON', 0, 8), span('s2', 'ORG', 10, 14)]));
    const person = state.schema.labels.find((l) => l.name === 'PERSON');
    if (!person) throw new Error('no PERSON');
    const change = editLabel(state.schema, 'PERSON', { ...person, name: 'PER', color: '#000000' }) as Change;
    const renamed = must(state, change);
    expect(renamed.annotations.span.get('s1')?.label).toBe('PER');
    expect(renamed.schema.relationTypes.find((t) => t.name === 'SOURCE')?.targets).toEqual(['PER', 'ORG']);
    expect(renamed.schema.labels.find((l) => l.name === 'PER')?.color).toBe('#000000');
    expect(snapshot(must(renamed, invertChange(change)))).toEqual(snapshot(state));
  });

  it('deleting a label takes its spans and their relations; undo restores label, spans and relations', () => {
    let state = must(base(), addSpans(base(), [span('c', 'CLAIM', 0, 60), span('p', 'PERSON', 0, 8)]));
    const link = addRelation(state, relation('r', 'SOURCE', 'c', 'p'));
    if (!link.ok) throw new Error(link.error);
    state = must(state, link.value);
    const change = deleteSchemaItem(state, 'label', 'PERSON', 5) as Change;
    const deleted = must(state, change);
    expect([...deleted.annotations.span.keys()]).toEqual(['c']);
    expect(deleted.annotations.relation.size).toBe(0);
    expect(deleted.schema.labels.some((l) => l.name === 'PERSON')).toBe(false);
    expect(snapshot(must(deleted, invertChange(change)))).toEqual(snapshot(state));
  });

  it('recolouring one label leaves the undo of another label’s rename valid', () => {
    const state = must(base(), addSpans(base(), [span('s1', 'PERSON', 0, 8)]));
    const person = state.schema.labels.find((l) => l.name === 'PERSON');
    if (!person) throw new Error('no PERSON');
    const rename = editLabel(state.schema, 'PERSON', { ...person, name: 'PER' }) as Change;
    const renamed = must(state, rename);
    const recoloured = renamed.schema.labels.map((l) => (l.name === 'ORG' ? { ...l, color: '#123456' } : l));
    const after = must(renamed, schemaChange(renamed.schema, { ...renamed.schema, labels: [...recoloured, { name: 'NEW', layer: 'entity', color: '#000000', hotkey: '' }] }));
    const undone = must(after, invertChange(rename));
    expect(undone.annotations.span.get('s1')?.label).toBe('PERSON');
    expect(undone.schema.labels.map((l) => l.name)).toEqual(['PERSON', 'ORG', 'LOC', 'DATE', 'QUANTITY', 'EVENT', 'CLAIM', 'NEW']);
    expect(undone.schema.labels.find((l) => l.name === 'ORG')?.color).toBe('#123456');
  });

  it('turns any schema into any other item by item, and back', () => {
    const nameArbitrary = fc.constantFrom('A', 'B', 'C', 'D', 'E');
    const labels = fc.uniqueArray(fc.record({ name: nameArbitrary, color: fc.constantFrom('#111111', '#222222') }), { selector: (l) => l.name, maxLength: 5 });
    fc.assert(
      fc.property(labels, labels, (from, to) => {
        const schemaOf = (list: typeof from) => ({ ...defaultSchema(), labels: list.map((l) => ({ ...l, layer: 'entity' as const, hotkey: '' })) });
        const start = createState(schemaOf(from));
        const change = schemaChange(start.schema, schemaOf(to));
        if (!change) return;
        const changed = must(start, change);
        expect(changed.schema).toEqual(schemaOf(to));
        expect(must(changed, invertChange(change)).schema).toEqual(schemaOf(from));
      }),
    );
  });

  it('deleting the only allowed source of a relation type deletes the type and its relations; undo restores all', () => {
    let state = must(base(), addSpans(base(), [span('c', 'CLAIM', 0, 60), span('p', 'PERSON', 0, 8), span('o', 'ORG', 10, 14)]));
    const link = addRelation(state, relation('r', 'SOURCE', 'c', 'p'));
    if (!link.ok) throw new Error(link.error);
    state = must(state, link.value);
    const change = deleteSchemaItem(state, 'label', 'CLAIM', 5) as Change;
    const deleted = must(state, change);
    expect(deleted.schema.relationTypes.map((t) => t.name)).toEqual([]);
    expect(deleted.annotations.relation.size).toBe(0);
    expect(snapshot(must(deleted, invertChange(change)))).toEqual(snapshot(state));
    // Deleting PERSON only narrows SOURCE's targets to ORG.
    const narrowed = must(state, deleteSchemaItem(state, 'label', 'PERSON', 5));
    expect(narrowed.schema.relationTypes.find((t) => t.name === 'SOURCE')?.targets).toEqual(['ORG']);
  });

  it('keeps document labels per annotator; an emptied annotation is removed', () => {
    const owner = { projectId: 'p', documentId: 'd1', annotator: 'ana' };
    const topic = { name: 'topic', multiple: true };
    const set = updateDocumentAnnotation(base(), owner, (labels, note) => ({ labels: toggleDocumentLabel(labels, topic, 'health'), note }), 3);
    const state = must(base(), set);
    expect([...state.annotations.document.values()].map((d) => d.labels)).toEqual([{ topic: ['health'] }]);
    const cleared = must(state, updateDocumentAnnotation(state, owner, (labels, note) => ({ labels: toggleDocumentLabel(labels, topic, 'health'), note }), 4));
    expect(cleared.annotations.document.size).toBe(0);
  });
});

// ---- properties: random edits, undos and redos

type Step =
  | { op: 'add'; label: string; at: number; length: number; annotator: string }
  | { op: 'remove'; pick: number }
  | { op: 'relabel'; pick: number; label: string }
  | { op: 'link'; pick: number; other: number; type: string }
  | { op: 'unlink'; pick: number }
  | { op: 'document-label'; value: string; annotator: string }
  | { op: 'status'; annotator: string; status: 'todo' | 'in_progress' | 'done' | 'skipped' }
  | { op: 'delete-label'; label: string }
  | { op: 'undo' }
  | { op: 'redo' };

const LABELS = ['PERSON', 'ORG', 'LOC', 'CLAIM'];
const ANNOTATORS = ['ana', 'ben'];
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('add' as const), label: fc.constantFrom(...LABELS), at: fc.nat(50), length: fc.integer({ min: 1, max: 10 }), annotator: fc.constantFrom(...ANNOTATORS) }),
  fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('relabel' as const), pick: fc.nat(), label: fc.constantFrom(...LABELS) }),
  fc.record({ op: fc.constant('link' as const), pick: fc.nat(), other: fc.nat(), type: fc.constantFrom('SOURCE', 'ABOUT') }),
  fc.record({ op: fc.constant('unlink' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('document-label' as const), value: fc.constantFrom('health', 'crime'), annotator: fc.constantFrom(...ANNOTATORS) }),
  fc.record({ op: fc.constant('status' as const), annotator: fc.constantFrom(...ANNOTATORS), status: fc.constantFrom('todo' as const, 'in_progress' as const, 'done' as const, 'skipped' as const) }),
  fc.record({ op: fc.constant('delete-label' as const), label: fc.constantFrom(...LABELS) }),
  fc.constant({ op: 'undo' as const }),
  fc.constant({ op: 'redo' as const }),
);

function pickFrom<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

function build(state: AnnotationState, step: Step, serial: number): Change | null {
  const spans = [...state.annotations.span.values()];
  switch (step.op) {
    case 'add': {
      const start = Math.min(step.at, TEXT.length - 1);
      const label = state.schema.labels.find((l) => l.name === step.label);
      if (!label) return null;
      return addSpans(state, [{ ...span(`s${serial}`, step.label, start, Math.min(TEXT.length, start + step.length), step.annotator), layer: label.layer }]);
    }
    case 'remove': {
      const target = pickFrom(spans, step.pick);
      return target ? removeSpans(state, [target]) : null;
    }
    case 'relabel': {
      const target = pickFrom(spans, step.pick);
      return target && state.schema.labels.some((l) => l.name === step.label) ? updateSpan(target, { ...target, label: step.label }) : null;
    }
    case 'link': {
      const from = pickFrom(spans, step.pick);
      const to = pickFrom(spans, step.other);
      if (!from || !to) return null;
      const made = addRelation(state, relation(`r${serial}`, step.type, from.id, to.id, from.annotator));
      return made.ok ? made.value : null;
    }
    case 'unlink': {
      const target = pickFrom([...state.annotations.relation.values()], step.pick);
      return target ? removeRelations([target]) : null;
    }
    case 'document-label':
      return updateDocumentAnnotation(
        state,
        { projectId: 'p', documentId: 'd1', annotator: step.annotator },
        (labels, note) => ({ labels: toggleDocumentLabel(labels, { name: 'topic', multiple: true }, step.value), note }),
        serial,
      );
    case 'status':
      return statusChange(state, 'd1', step.annotator, step.status);
    case 'delete-label':
      return state.schema.labels.some((l) => l.name === step.label) ? deleteSchemaItem(state, 'label', step.label, serial) : null;
    case 'undo':
    case 'redo':
      return null;
  }
}

describe('the change model, over random sessions', () => {
  it('applying a change and then its inverse restores the state exactly', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 40 }), (steps) => {
        let state = base();
        steps.forEach((step, serial) => {
          const change = build(state, step, serial);
          if (!change) return;
          const next = applyChange(state, change);
          expect(next.ok).toBe(true);
          if (!next.ok) return;
          const back = applyChange(next.value, invertChange(change));
          expect(back.ok).toBe(true);
          if (back.ok) expect(snapshot(back.value)).toEqual(snapshot(state));
          state = next.value;
        });
      }),
      { numRuns: 200 },
    );
  });

  it('edits, undos and redos never leave a relation pointing at a missing span', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 60 }), (steps) => {
        let state = base();
        const history = new UndoHistory<Change>();
        steps.forEach((step, serial) => {
          if (step.op === 'undo' || step.op === 'redo') {
            const entry = step.op === 'undo' ? history.takeUndo() : history.takeRedo();
            if (!entry) return;
            const result = applyChange(state, step.op === 'undo' ? invertChange(entry) : entry);
            // The history is linear over one state, so replaying it always fits.
            expect(result.ok).toBe(true);
            if (result.ok) state = result.value;
          } else {
            const change = build(state, step, serial);
            if (!change) return;
            const result = applyChange(state, change);
            expect(result.ok).toBe(true);
            if (!result.ok) return;
            state = result.value;
            history.record(change);
          }
          expect(danglingRelations(state)).toEqual([]);
        });
      }),
      { numRuns: 200 },
    );
  });
});
