// The project's trash: removed documents, restored as they were (one undoable step) or
// deleted for good after a confirmation.
import { useState } from 'react';
import type { TrashedDocument } from '../../storage/database';
import { Modal } from '../Modal';

const when = (time: number) => new Date(time).toLocaleString();

export function TrashDialog(props: {
  entries: readonly TrashedDocument[] | undefined;
  names: ReadonlyMap<string, string>;
  onRestore: (entries: readonly TrashedDocument[]) => Promise<void>;
  onDeleteForever: (documentIds: readonly string[]) => Promise<void>;
  onClose: () => void;
}) {
  const entries = props.entries ?? [];
  const [forever, setForever] = useState<readonly TrashedDocument[] | null>(null);
  const annotationsOf = (entry: TrashedDocument) => entry.annotations.filter((a) => a.kind === 'span').length;

  return (
    <Modal title="Trash" onClose={props.onClose} wide>
      {entries.length === 0 ? (
        <p className="hint">
          The trash is empty. Documents you remove (Document details › Move to trash) wait here until you restore them.
        </p>
      ) : (
        <ul className="trash-list" aria-label="Removed documents">
          {entries.map((entry) => (
            <li key={entry.documentId}>
              <div className="trash-list__what">
                <strong>
                  <bdi>{entry.document.record.meta.title}</bdi>
                </strong>
                <span className="hint">
                  {annotationsOf(entry)} {annotationsOf(entry) === 1 ? 'span' : 'spans'} · removed {when(entry.removedAt)} by{' '}
                  <bdi>{props.names.get(entry.removedBy) ?? entry.removedBy}</bdi>
                </span>
              </div>
              <button
                type="button"
                onClick={() => void props.onRestore([entry])}
                aria-label={`Restore ${entry.document.record.meta.title}`}
              >
                Restore
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => setForever([entry])}
                aria-label={`Delete ${entry.document.record.meta.title} for good`}
              >
                Delete for good…
              </button>
            </li>
          ))}
        </ul>
      )}
      {forever && (
        <div className="confirm-box" role="group" aria-label="Delete for good?">
          <p>
            {forever.length === 1 ? `“${forever[0]?.document.record.meta.title}”` : `${forever.length} documents`} and{' '}
            {forever.length === 1 ? 'its' : 'their'} annotations will be gone for good: this cannot be undone.
          </p>
          <div className="modal__actions">
            <button type="button" onClick={() => setForever(null)} autoFocus>
              Keep
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => void props.onDeleteForever(forever.map((e) => e.documentId)).then(() => setForever(null))}
            >
              Delete for good
            </button>
          </div>
        </div>
      )}
      <div className="modal__actions">
        {entries.length > 1 && !forever && (
          <>
            <button type="button" className="danger modal__left-action" onClick={() => setForever(entries)}>
              Empty the trash…
            </button>
            <button type="button" onClick={() => void props.onRestore(entries)}>
              Restore all
            </button>
          </>
        )}
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
