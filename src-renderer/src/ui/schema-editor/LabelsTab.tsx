// The labels of the schema: rename (spans follow, undoable), recolour, hotkey, description,
// attributes; add; delete (asking first).
import { useId, useState } from 'react';
import type { Label, LayerId } from '../../../../src-shared/domain';
import { labelProblem } from '../../../../src-shared/schema-rules';
import { AttributesEditor } from './AttributesEditor';
import { HotkeyInput } from './HotkeyInput';
import { unusedColor, withDescription, type SchemaEditing } from './editing';

/** The fields of a label this row edits; attributes have their own editor. */
type Draft = Pick<Label, 'name' | 'color' | 'hotkey'> & { description: string };

const draftOf = (label: Label): Draft => ({
  name: label.name,
  color: label.color,
  hotkey: label.hotkey,
  description: label.description ?? '',
});

const COLUMNS = 7;

function LabelRow(props: { label: Label; editing: SchemaEditing }) {
  const { label, editing } = props;
  const [draft, setDraft] = useState(() => draftOf(label));
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const changed = JSON.stringify(draft) !== JSON.stringify(draftOf(label));
  const count = label.attributes?.length ?? 0;
  const save = async () => {
    const next = withDescription({ ...label, name: draft.name, color: draft.color, hotkey: draft.hotkey }, draft.description);
    const reason = labelProblem(editing.schema, next, label.name);
    setProblem(reason);
    if (!reason) await editing.save('label', label.name, next);
  };
  return (
    <>
      <tr>
        <td>
          <input aria-label={`Name of ${label.name}`} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          {problem && (
            <div role="alert" className="field-error">
              {problem}
            </div>
          )}
        </td>
        <td>{label.layer}</td>
        <td>
          <input
            type="color"
            aria-label={`Colour of ${label.name}`}
            value={draft.color}
            onChange={(e) => setDraft({ ...draft, color: e.target.value })}
          />
        </td>
        <td>
          <HotkeyInput label={`Hotkey of ${label.name}`} value={draft.hotkey} onChange={(hotkey) => setDraft({ ...draft, hotkey })} />
        </td>
        <td>
          <input
            className="schema-editor__description"
            aria-label={`Description of ${label.name}`}
            placeholder="description"
            value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
          />
        </td>
        <td>
          <button
            type="button"
            className="disclosure"
            aria-expanded={open}
            aria-controls={panelId}
            aria-label={`Attributes of ${label.name}`}
            onClick={() => setOpen(!open)}
          >
            {count === 0 ? 'no attributes' : count === 1 ? '1 attribute' : `${count} attributes`}
          </button>
        </td>
        <td className="row-actions">
          <button type="button" disabled={!changed} onClick={() => void save()}>
            Save
          </button>
          <button
            type="button"
            className="danger"
            onClick={(e) => editing.askDelete('label', label.name, e.currentTarget)}
            aria-label={`Delete ${label.name}`}
          >
            Delete
          </button>
        </td>
      </tr>
      {open && (
        <tr className="labels-table__attributes">
          <td colSpan={COLUMNS}>
            <AttributesEditor label={label} editing={editing} id={panelId} headingId={headingId} />
          </td>
        </tr>
      )}
    </>
  );
}

function NewLabelRow(props: { editing: SchemaEditing }) {
  const { schema } = props.editing;
  const blank = (layer: LayerId): Label => ({ name: '', layer, color: unusedColor(schema), hotkey: '' });
  const [fresh, setFresh] = useState<Label>(() => blank('entity'));
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = async () => {
    const label = withDescription(fresh, description);
    const reason = labelProblem(schema, label);
    setProblem(reason);
    if (reason) return;
    if (await props.editing.add({ ...schema, labels: [...schema.labels, label] })) {
      setFresh({ ...blank(fresh.layer), color: unusedColor({ ...schema, labels: [...schema.labels, label] }) });
      setDescription('');
    }
  };
  return (
    <tr className="labels-table__new">
      <td>
        <input
          aria-label="New label name"
          placeholder="New label"
          value={fresh.name}
          onChange={(e) => setFresh({ ...fresh, name: e.target.value })}
        />
        {problem && (
          <div role="alert" className="field-error">
            {problem}
          </div>
        )}
      </td>
      <td>
        <select aria-label="New label layer" value={fresh.layer} onChange={(e) => setFresh({ ...fresh, layer: e.target.value as LayerId })}>
          <option value="entity">entity</option>
          <option value="claim">claim</option>
        </select>
      </td>
      <td>
        <input
          type="color"
          aria-label="New label colour"
          value={fresh.color}
          onChange={(e) => setFresh({ ...fresh, color: e.target.value })}
        />
      </td>
      <td>
        <HotkeyInput label="New label hotkey" value={fresh.hotkey} onChange={(hotkey) => setFresh({ ...fresh, hotkey })} />
      </td>
      <td>
        <input
          className="schema-editor__description"
          aria-label="New label description"
          placeholder="description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </td>
      <td />
      <td>
        <button type="button" className="primary" onClick={() => void add()}>
          Add label
        </button>
      </td>
    </tr>
  );
}

export function LabelsTab(props: { editing: SchemaEditing }) {
  return (
    <table className="labels-table">
      <thead>
        <tr>
          <th>Name</th>
          <th>Layer</th>
          <th>Colour</th>
          <th>Hotkey</th>
          <th>Description</th>
          <th>Attributes</th>
          <th>
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.editing.schema.labels.map((label) => (
          <LabelRow key={label.name} label={label} editing={props.editing} />
        ))}
        <NewLabelRow editing={props.editing} />
      </tbody>
    </table>
  );
}
