// What the document view draws of relations: a link mark on every span that has one, the
// selected span's relations as arcs, and their other ends (or the target in hand while
// linking) lit up.
import { useMemo } from 'react';
import type { LabelSchema, Relation } from '../../../../src-shared/domain';
import type { RelationArc } from './RelationArcs';

export function useRelationView(relations: readonly Relation[], schema: LabelSchema, focusSpanId: string | undefined, linkingCandidate: string | null | undefined) {
  const linkCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const r of relations) {
      counts.set(r.from, (counts.get(r.from) ?? 0) + 1);
      counts.set(r.to, (counts.get(r.to) ?? 0) + 1);
    }
    return counts;
  }, [relations]);
  const focused = useMemo(() => (focusSpanId ? relations.filter((r) => r.from === focusSpanId || r.to === focusSpanId) : []), [focusSpanId, relations]);
  const arcs = useMemo(
    (): RelationArc[] =>
      focused.map((r) => {
        const type = schema.relationTypes.find((t) => t.name === r.type);
        return { id: r.id, from: r.from, to: r.to, type: r.type, color: type?.color ?? '#555555', directed: type?.directed ?? true };
      }),
    [schema.relationTypes, focused],
  );
  const relatedSpanIds = useMemo(() => {
    // While linking (candidate given, maybe null), only the target in hand is lit.
    if (linkingCandidate !== undefined) return linkingCandidate ? [linkingCandidate] : [];
    return focused.map((r) => (r.from === focusSpanId ? r.to : r.from));
  }, [focusSpanId, linkingCandidate, focused]);
  return { linkCounts, arcs, relatedSpanIds };
}
