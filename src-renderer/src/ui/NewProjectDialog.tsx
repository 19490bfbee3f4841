// Asks for the name of a new project.
import { useState } from 'react';
import { Modal } from './Modal';

export function NewProjectDialog(props: { onCreate: (name: string) => void; onClose: () => void }) {
  const [name, setName] = useState('');
  const trimmed = name.trim();
  return (
    <Modal title="New project" onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (trimmed) props.onCreate(trimmed);
        }}
      >
        <label className="field">
          <span>Project name</span>
          <input autoFocus value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="modal__actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!trimmed}>
            Create project
          </button>
        </div>
      </form>
    </Modal>
  );
}
