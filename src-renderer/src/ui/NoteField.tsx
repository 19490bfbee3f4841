// A free-text note (on a span or a document): saved when the field is left, or with Ctrl+Enter.
import { useEffect, useState } from 'react';

export function NoteField(props: { label: string; note: string; onSave: (note: string) => void; placeholder?: string }) {
  const [draft, setDraft] = useState(props.note);
  useEffect(() => setDraft(props.note), [props.note]);
  const save = () => {
    if (draft.trim() !== props.note) props.onSave(draft.trim());
  };
  return (
    <label className="field note-field">
      <span>{props.label}</span>
      <textarea
        aria-label={props.label}
        rows={2}
        value={draft}
        placeholder={props.placeholder ?? 'A question or doubt for the reviewer'}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save();
          if (e.key === 'Escape') setDraft(props.note);
        }}
      />
    </label>
  );
}
