// Relation types (brat's [relations], INCEpTION's relation layers): name (a rename is undoable
// and follows into every relation), colour, hotkey, directed or not, the labels a relation may
// start from and point at, description; add; delete (asking first).
import { useState } from 'react';
import type { Label, RelationType } from '../../../../src-shared/domain';
import { relationTypeProblem } from '../../../../src-shared/schema-rules';
import { HotkeyInput } from './HotkeyInput';
import { capitalised, unusedColor, withDescription, type SchemaEditing } from './editing';

/** Tick boxes for the labels at one end; none ticked means any label. */
function LabelChoice(props: {
  legend: string;
  name: string;
  labels: readonly Label[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
}) {
  return (
    <fieldset className="label-choice" aria-label={props.name}>
      <legend>{props.legend}</legend>
      {props.labels.map((label) => (
        <label key={label.name} className="label-chip" style={{ ['--label-color' as string]: label.color }}>
          <input
            type="checkbox"
            checked={props.chosen.includes(label.name)}
            onChange={(e) =>
              // Kept in schema order, whatever order they were ticked in.
              props.onChange(
                props.labels.map((l) => l.name).filter((n) => (n === label.name ? e.target.checked : props.chosen.includes(n))),
              )
            }
          />
          {label.name}
        </label>
      ))}
      {props.chosen.length === 0 && <span className="hint">any label</span>}
    </fieldset>
  );
}

const EMPTY = (color: string): RelationType => ({ name: '', color, hotkey: '', directed: true, sources: [], targets: [] });

function RelationTypeForm(props: { editing: SchemaEditing; saved?: RelationType }) {
  const { editing, saved } = props;
  const { schema } = editing;
  const [draft, setDraft] = useState<RelationType>(() => saved ?? EMPTY(unusedColor(schema)));
  const [description, setDescription] = useState(saved?.description ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  // A redefinition from elsewhere (a label rename rewrites the ends) replaces the form's values.
  const [shown, setShown] = useState(saved);
  if (saved && JSON.stringify(shown) !== JSON.stringify(saved)) {
    setShown(saved);
    setDraft(saved);
    setDescription(saved.description ?? '');
  }
  const subject = saved ? `relation type ${saved.name}` : 'the new relation type';
  const next = withDescription(draft, description);
  const changed = !saved || JSON.stringify(next) !== JSON.stringify(saved);
  const submit = async () => {
    const reason = relationTypeProblem(schema, next, saved?.name);
    setProblem(reason);
    if (reason) return;
    if (saved) {
      await editing.save('relation-type', saved.name, next);
    } else if (await editing.add({ ...schema, relationTypes: [...schema.relationTypes, next] })) {
      setDraft(EMPTY(unusedColor({ ...schema, relationTypes: [...schema.relationTypes, next] })));
      setDescription('');
    }
  };
  return (
    <section className={saved ? 'schema-card' : 'schema-card schema-card--new'} aria-label={capitalised(subject)}>
      {!saved && <h4>New relation type</h4>}
      <div className="schema-card__line">
        <label className="field field--inline">
          <span>Name</span>
          <input
            aria-label={`Name of ${subject}`}
            placeholder="e.g. BASED_IN"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </label>
        <label className="field field--inline">
          <span>Colour</span>
          <input
            type="color"
            aria-label={`Colour of ${subject}`}
            value={draft.color}
            onChange={(e) => setDraft({ ...draft, color: e.target.value })}
          />
        </label>
        <label className="field field--inline">
          <span>Hotkey</span>
          <HotkeyInput label={`Hotkey of ${subject}`} value={draft.hotkey} onChange={(hotkey) => setDraft({ ...draft, hotkey })} />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            aria-label={`${capitalised(subject)} is directed`}
            checked={draft.directed}
            onChange={(e) => setDraft({ ...draft, directed: e.target.checked })}
          />
          <span aria-hidden="true">directed (source → target)</span>
        </label>
        <span className="row-actions schema-card__actions">
          <button
            type="button"
            className={saved ? undefined : 'primary'}
            aria-label={saved ? `Save ${subject}` : undefined}
            disabled={!changed}
            onClick={() => void submit()}
          >
            {saved ? 'Save' : 'Add relation type'}
          </button>
          {saved && (
            <button
              type="button"
              className="danger"
              aria-label={`Delete ${subject}`}
              onClick={(e) => editing.askDelete('relation-type', saved.name, e.currentTarget)}
            >
              Delete
            </button>
          )}
        </span>
      </div>
      {problem && (
        <div role="alert" className="field-error">
          {problem}
        </div>
      )}
      <LabelChoice
        legend={draft.directed ? 'From (source labels)' : 'One end (labels)'}
        name={`Source labels of ${subject}`}
        labels={schema.labels}
        chosen={draft.sources}
        onChange={(sources) => setDraft({ ...draft, sources })}
      />
      <LabelChoice
        legend={draft.directed ? 'To (target labels)' : 'Other end (labels)'}
        name={`Target labels of ${subject}`}
        labels={schema.labels}
        chosen={draft.targets}
        onChange={(targets) => setDraft({ ...draft, targets })}
      />
      <label className="field field--inline schema-card__description">
        <span>Description</span>
        <input aria-label={`Description of ${subject}`} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
    </section>
  );
}

export function RelationTypesTab(props: { editing: SchemaEditing }) {
  const { relationTypes } = props.editing.schema;
  return (
    <>
      {relationTypes.length === 0 && <p className="hint">No relation types yet.</p>}
      {relationTypes.map((type) => (
        <RelationTypeForm key={type.name} editing={props.editing} saved={type} />
      ))}
      <RelationTypeForm editing={props.editing} />
    </>
  );
}
