// Asks before a schema item goes, saying what goes with it and whose work that is
// ("3 spans use it ... By annotator: 2 of Ana (you), 1 of Gold"), and that undo brings it back.
// A backup of the project is written before the delete; if it fails, this asks again.
import { useEffect, useRef } from 'react';
import type { SchemaItemKind } from '../../../../src-shared/annotations/change';

export interface PendingDelete {
  what: SchemaItemKind;
  name: string;
  /** What deleting it takes along, per annotator id. */
  uses: ReadonlyMap<string, number>;
  opener: HTMLElement;
  /** Set while the backup taken before a delete is written. */
  backingUp?: boolean;
  /** Why the backup before the delete could not be written: the user decides whether to delete anyway. */
  backupProblem?: string;
}

const NOUNS: Record<SchemaItemKind, { item: string; use: [string, string] }> = {
  label: { item: 'label', use: ['span', 'spans'] },
  'relation-type': { item: 'relation type', use: ['relation', 'relations'] },
  category: { item: 'category', use: ['document', 'documents'] },
};

export const totalUses = (uses: ReadonlyMap<string, number>): number => [...uses.values()].reduce((a, b) => a + b, 0);

const counted = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;

/** "2 of Ana (you), 1 of Gold": most first, then by name. */
export function usesByAnnotator(uses: ReadonlyMap<string, number>, names: ReadonlyMap<string, string>): string {
  return [...uses]
    .map(([id, n]) => ({ name: names.get(id) ?? id, n }))
    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
    .map(({ name, n }) => `${n} of ${name}`)
    .join(', ');
}

function consequence(pending: PendingDelete): string {
  const n = totalUses(pending.uses);
  const { use } = NOUNS[pending.what];
  if (n === 0) return pending.what === 'category' ? 'No document is labelled with it.' : `No ${use[0]} uses it.`;
  if (pending.what === 'category')
    return `${counted(n, use)} ${n === 1 ? 'is' : 'are'} labelled with it; those labels will be deleted too.`;
  return `${counted(n, use)} ${n === 1 ? 'uses' : 'use'} it and will be deleted too.`;
}

/** The message once it is done ("Deleted QUANTITY and its 3 spans."). */
export function deletedMessage(pending: PendingDelete): string {
  const n = totalUses(pending.uses);
  const { item, use } = NOUNS[pending.what];
  const named = pending.what === 'label' ? pending.name : `the ${item} ${pending.name}`;
  if (n === 0) return `Deleted ${named}.`;
  if (pending.what === 'category') return `Deleted ${named} and its labels on ${counted(n, use)}.`;
  return `Deleted ${named} and its ${counted(n, use)}.`;
}

export function DeleteConfirmation(props: {
  pending: PendingDelete;
  names: ReadonlyMap<string, string>;
  onKeep: () => void;
  onDelete: () => void;
}) {
  const { pending } = props;
  const keep = useRef<HTMLButtonElement>(null);
  // Focus moves here, so the question is read out and Enter never deletes by accident.
  useEffect(() => keep.current?.focus(), [pending]);
  const { item } = NOUNS[pending.what];
  const n = totalUses(pending.uses);
  return (
    <div role="alertdialog" aria-label={`Delete ${pending.name}?`} className="confirm">
      <p>
        Delete the {item} <strong>{pending.name}</strong>? {consequence(pending)}
      </p>
      {n > 0 && <p>By annotator: {usesByAnnotator(pending.uses, props.names)}.</p>}
      {pending.backupProblem !== undefined && (
        <p role="alert">
          The backup before this delete could not be written: {pending.backupProblem}. Delete without a backup?
        </p>
      )}
      {pending.backingUp && <p role="status">Writing a backup of the project first…</p>}
      <p className="hint">
        Undo (Ctrl+Z) brings the {item}
        {n > 0 ? ` and ${pending.what === 'category' ? 'those labels' : `its ${NOUNS[pending.what].use[1]}`}` : ''} back.
      </p>
      <button type="button" ref={keep} onClick={props.onKeep}>
        Keep it
      </button>
      <button type="button" className="danger" onClick={props.onDelete} disabled={pending.backingUp}>
        {pending.backupProblem === undefined ? `Delete ${item}` : 'Delete without a backup'}
      </button>
    </div>
  );
}
