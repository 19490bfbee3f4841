// A document's title and details (source, URL, date, language), and moving it to the trash
// (saying whose annotations go with it; the trash gives them all back).
import { useState } from 'react';
import type { DocumentMeta, DocumentRecord } from '../../../../src-shared/domain';
import { usesByAnnotator } from '../schema-editor/DeleteConfirmation';
import { Modal } from '../Modal';
import { errorMessage } from '../../../../src-shared/result';

const FIELDS = [
  ['source', 'Source'],
  ['url', 'URL'],
  ['date', 'Date'],
  ['language', 'Language (BCP 47, e.g. en, id, es)'],
] as const;

export function DocumentDetailsDialog(props: {
  record: DocumentRecord;
  names: ReadonlyMap<string, string>;
  /** Saves the details; returns why not, if they cannot be saved. */
  onSave: (meta: DocumentMeta) => string | null;
  onMoveToTrash: () => Promise<void>;
  onClose: () => void;
}) {
  const { record } = props;
  const [meta, setMeta] = useState<DocumentMeta>(record.meta);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const spanCounts = new Map(Object.entries(record.spanCounts).filter(([, n]) => n > 0));
  const spans = [...spanCounts.values()].reduce((a, b) => a + b, 0);

  const setField = (name: (typeof FIELDS)[number][0], value: string) => {
    const next: DocumentMeta = { ...meta };
    if (value.trim() === '') delete next[name];
    else next[name] = value;
    setMeta(next);
  };

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    const why = props.onSave({ ...meta, title: meta.title.trim() });
    if (why) setProblem(why);
    else props.onClose();
  };

  const moveToTrash = async () => {
    setBusy(true);
    try {
      await props.onMoveToTrash();
      props.onClose();
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <Modal title="Document details" onClose={props.onClose}>
      <form className="form-grid" onSubmit={save}>
        <label>
          Title
          <input value={meta.title} onChange={(e) => setMeta({ ...meta, title: e.target.value })} required />
        </label>
        {FIELDS.map(([name, label]) => (
          <label key={name}>
            {label}
            <input value={meta[name] ?? ''} onChange={(e) => setField(name, e.target.value)} />
          </label>
        ))}
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        {confirming ? (
          <div className="confirm-box" role="group" aria-label="Move to trash?">
            <p>
              “<bdi>{record.meta.title}</bdi>” goes to the trash
              {spans === 0 ? '' : ` with its ${spans} ${spans === 1 ? 'span' : 'spans'} (${usesByAnnotator(spanCounts, props.names)})`}, and
              every relation, document label and note on it. <em>Trash</em> restores it as it was; Ctrl+Z undoes.
            </p>
            <div className="modal__actions">
              <button type="button" onClick={() => setConfirming(false)} autoFocus>
                Keep it
              </button>
              <button type="button" className="danger" onClick={() => void moveToTrash()} disabled={busy}>
                Move to trash
              </button>
            </div>
          </div>
        ) : (
          <div className="modal__actions">
            <button type="button" className="danger modal__left-action" onClick={() => setConfirming(true)}>
              Move to trash…
            </button>
            <button type="button" onClick={props.onClose}>
              Cancel
            </button>
            <button type="submit" className="primary">
              Save
            </button>
          </div>
        )}
      </form>
    </Modal>
  );
}
