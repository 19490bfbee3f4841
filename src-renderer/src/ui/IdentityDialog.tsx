// Your name as teammates will see it on your annotations. The id behind it never changes.
import { useState } from 'react';
import type { Annotator } from '../../../src-shared/domain';
import { Modal } from './Modal';

export function IdentityForm(props: { annotator: Annotator; onSave: (name: string) => void; submitLabel: string }) {
  const [name, setName] = useState(props.annotator.name);
  const trimmed = name.trim();
  return (
    <form
      className="identity-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (trimmed) props.onSave(trimmed);
      }}
    >
      <label className="field">
        <span>Your name</span>
        <input aria-label="Your name" value={name} maxLength={80} placeholder="e.g. Ana Ruiz" onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={!trimmed}>
        {props.submitLabel}
      </button>
    </form>
  );
}

export function IdentityDialog(props: { annotator: Annotator; onSave: (name: string) => void; onClose: () => void }) {
  return (
    <Modal title="Who is annotating?" onClose={props.onClose}>
      <p className="hint">
        Your name goes with every span you make, so reviewers can tell teammates apart. Your annotator id ({props.annotator.id.slice(0, 8)}…)
        stays the same when you rename yourself.
      </p>
      <IdentityForm annotator={props.annotator} onSave={props.onSave} submitLabel="Save name" />
    </Modal>
  );
}
