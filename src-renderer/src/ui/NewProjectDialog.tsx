// Asks for the name of a new project. It stays open, its button busy, until the project is
// written and shown, so nothing chosen meanwhile lands in the project still on screen.
import { useState } from 'react';
import { Modal } from './Modal';
import { errorMessage } from '../../../src-shared/result';

export function NewProjectDialog(props: { onCreate: (name: string) => Promise<void>; onClose: () => void }) {
  const [name, setName] = useState('');
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<string>();
  const trimmed = name.trim();
  return (
    <Modal title="New project" onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!trimmed || creating) return;
          setCreating(true);
          setFailure(undefined);
          props.onCreate(trimmed).catch((error: unknown) => {
            setCreating(false);
            setFailure(`The project could not be created: ${errorMessage(error)}`);
          });
        }}
      >
        <label className="field">
          <span>Project name</span>
          <input autoFocus value={name} maxLength={120} readOnly={creating} onChange={(e) => setName(e.target.value)} />
        </label>
        {failure && (
          <p role="alert" className="field-error">
            {failure}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!trimmed || creating}>
            {creating ? 'Creating…' : 'Create project'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
