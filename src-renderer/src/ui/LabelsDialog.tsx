// Edit the label schema: rename (spans follow), recolour, change hotkeys, add, delete
// (asking first, with the number of spans that use the label).
import { useState } from 'react';
import type { Label, LabelSchema, LayerId } from '../../../src-shared/domain';
import { labelProblem } from '../../../src-shared/schema-rules';
import { Modal } from './Modal';

function LabelRow(props: {
  label: Label;
  schema: LabelSchema;
  onSave: (oldName: string, label: Label) => Promise<void>;
  onDelete: (label: Label) => void;
}) {
  const [draft, setDraft] = useState(props.label);
  const [problem, setProblem] = useState<string | null>(null);
  const changed = JSON.stringify(draft) !== JSON.stringify(props.label);
  const save = async () => {
    const reason = labelProblem(props.schema, draft, props.label.name);
    setProblem(reason);
    if (!reason) await props.onSave(props.label.name, draft);
  };
  return (
    <tr>
      <td>
        <input aria-label={`Name of ${props.label.name}`} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        {problem && <div role="alert" className="field-error">{problem}</div>}
      </td>
      <td>{props.label.layer}</td>
      <td>
        <input type="color" aria-label={`Colour of ${props.label.name}`} value={draft.color} onChange={(e) => setDraft({ ...draft, color: e.target.value })} />
      </td>
      <td>
        <input
          className="hotkey-input"
          aria-label={`Hotkey of ${props.label.name}`}
          value={draft.hotkey}
          maxLength={2}
          onChange={(e) => setDraft({ ...draft, hotkey: [...e.target.value].slice(-1).join('') })}
        />
      </td>
      <td className="row-actions">
        <button type="button" disabled={!changed} onClick={save}>
          Save
        </button>
        <button type="button" className="danger" onClick={() => props.onDelete(props.label)} aria-label={`Delete ${props.label.name}`}>
          Delete
        </button>
      </td>
    </tr>
  );
}

function GuidelinesEditor(props: { guidelines: string; onSave: (text: string) => Promise<void> }) {
  const [text, setText] = useState(props.guidelines);
  return (
    <section className="guidelines-editor" aria-label="Guidelines">
      <label className="field">
        <span>Guidelines (shown to annotators beside the labels, and saved in project bundles)</span>
        <textarea aria-label="Guidelines text" rows={5} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="button" disabled={text === props.guidelines} onClick={() => void props.onSave(text)}>
        Save guidelines
      </button>
    </section>
  );
}

export function LabelsDialog(props: {
  guidelines: string;
  onSaveGuidelines: (text: string) => Promise<void>;
  schema: LabelSchema;
  onSave: (oldName: string, label: Label) => Promise<void>;
  onAdd: (label: Label) => Promise<void>;
  countUses: (name: string) => Promise<number>;
  onDelete: (name: string) => Promise<void>;
  onClose: () => void;
}) {
  const [fresh, setFresh] = useState<Label>({ name: '', layer: 'entity', color: '#8fd3c8', hotkey: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ label: Label; uses: number } | null>(null);

  const add = async () => {
    const reason = labelProblem(props.schema, fresh);
    setProblem(reason);
    if (reason) return;
    await props.onAdd(fresh);
    setFresh({ name: '', layer: fresh.layer, color: '#8fd3c8', hotkey: '' });
  };

  return (
    <Modal title="Labels" onClose={props.onClose} wide>
      <table className="labels-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Layer</th>
            <th>Colour</th>
            <th>Hotkey</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {props.schema.labels.map((label) => (
            <LabelRow
              key={label.name}
              label={label}
              schema={props.schema}
              onSave={props.onSave}
              onDelete={async (l) => setConfirm({ label: l, uses: await props.countUses(l.name) })}
            />
          ))}
          <tr className="labels-table__new">
            <td>
              <input aria-label="New label name" placeholder="New label" value={fresh.name} onChange={(e) => setFresh({ ...fresh, name: e.target.value })} />
              {problem && <div role="alert" className="field-error">{problem}</div>}
            </td>
            <td>
              <select aria-label="New label layer" value={fresh.layer} onChange={(e) => setFresh({ ...fresh, layer: e.target.value as LayerId })}>
                <option value="entity">entity</option>
                <option value="claim">claim</option>
              </select>
            </td>
            <td>
              <input type="color" aria-label="New label colour" value={fresh.color} onChange={(e) => setFresh({ ...fresh, color: e.target.value })} />
            </td>
            <td>
              <input
                className="hotkey-input"
                aria-label="New label hotkey"
                value={fresh.hotkey}
                onChange={(e) => setFresh({ ...fresh, hotkey: [...e.target.value].slice(-1).join('') })}
              />
            </td>
            <td>
              <button type="button" className="primary" onClick={add}>
                Add label
              </button>
            </td>
          </tr>
        </tbody>
      </table>
      {confirm && (
        <div role="alertdialog" aria-label={`Delete ${confirm.label.name}?`} className="confirm">
          <p>
            Delete the label <strong>{confirm.label.name}</strong>?{' '}
            {confirm.uses === 0
              ? 'No span uses it.'
              : `${confirm.uses} ${confirm.uses === 1 ? 'span uses' : 'spans use'} it and will be deleted too.`}
          </p>
          <button type="button" onClick={() => setConfirm(null)}>
            Keep it
          </button>
          <button
            type="button"
            className="danger"
            onClick={async () => {
              await props.onDelete(confirm.label.name);
              setConfirm(null);
            }}
          >
            Delete label
          </button>
        </div>
      )}
      <GuidelinesEditor guidelines={props.guidelines} onSave={props.onSaveGuidelines} />
      <div className="modal__actions">
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
