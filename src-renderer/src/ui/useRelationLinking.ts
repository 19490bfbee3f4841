// Making a relation: from the selected span, choose a type (its key, or r and then the type),
// then the target: click a span, or step through the spans that may be targets with [ and ]
// and confirm with Enter. Escape cancels at any point.
import { useCallback, useMemo, useState } from 'react';
import { relationProblem } from '../../../src-shared/annotations/edits';
import type { LabelSchema, RelationType, Span } from '../../../src-shared/domain';
import type { AnnotationSession } from '../app/annotation-session';
import { typesFrom } from './SpanRelations';

export interface RelationLinking {
  /** The span a relation starts from and its type, while a target is being chosen. */
  linking: { type: RelationType; from: Span } | null;
  /** The span a type is being chosen for (after r, when several types fit). */
  choosingFor: Span | null;
  candidateId: string | null;
  /** Starts choosing a type for `from` (or starts linking at once when only one type fits). */
  begin(from: Span): void;
  start(type: RelationType, from: Span): void;
  step(direction: 1 | -1): void;
  /** Links to `target`; false (with a message) when it cannot be the target. */
  finish(target: Span): boolean;
  cancel(): void;
}

export function useRelationLinking(session: AnnotationSession, schema: LabelSchema, notify: (message: string, kind: 'info' | 'success' | 'error') => void): RelationLinking {
  const [linking, setLinking] = useState<{ type: RelationType; from: Span } | null>(null);
  const [choosingFor, setChoosingFor] = useState<Span | null>(null);
  const [candidateId, setCandidateId] = useState<string | null>(null);

  const candidates = useMemo(
    () => (linking ? session.spans.filter((s) => relationProblem(schema, linking.type.name, linking.from, s) === null) : []),
    [linking, schema, session.spans],
  );

  const start = useCallback(
    (type: RelationType, from: Span) => {
      setChoosingFor(null);
      const possible = session.spans.filter((s) => relationProblem(schema, type.name, from, s) === null);
      if (possible.length === 0) {
        notify(`No span in this document can be linked from ${from.label} with ${type.name}.`, 'info');
        return;
      }
      setLinking({ type, from });
      // Start at the first possible target after the source, in text order.
      setCandidateId((possible.find((s) => s.start >= from.end) ?? possible[0] ?? null)?.id ?? null);
    },
    [notify, schema, session.spans],
  );

  const begin = useCallback(
    (from: Span) => {
      const types = typesFrom(schema, from);
      if (types.length === 0) notify(`No relation type starts from ${from.label}.`, 'info');
      else if (types.length === 1 && types[0]) start(types[0], from);
      else setChoosingFor(from);
    },
    [notify, schema, start],
  );

  const step = useCallback(
    (direction: 1 | -1) => {
      if (candidates.length === 0) return;
      const at = candidates.findIndex((s) => s.id === candidateId);
      const next = candidates[(at + direction + candidates.length) % candidates.length];
      if (next) setCandidateId(next.id);
    },
    [candidateId, candidates],
  );

  const cancel = useCallback(() => {
    setLinking(null);
    setChoosingFor(null);
    setCandidateId(null);
  }, []);

  const finish = useCallback(
    (target: Span): boolean => {
      if (!linking) return false;
      const made = session.addRelation(linking.type.name, linking.from, target);
      if (typeof made === 'string') {
        notify(made, 'info');
        return false;
      }
      notify(`${linking.type.name}: ${linking.from.label} → ${target.label} “${target.text.length > 30 ? `${target.text.slice(0, 30)}…` : target.text}”`, 'success');
      cancel();
      return true;
    },
    [cancel, linking, notify, session],
  );

  return { linking, choosingFor, candidateId, begin, start, step, finish, cancel };
}
