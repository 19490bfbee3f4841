// A label's attributes (brat attributes, INCEpTION features): each with a name, a type, the
// values of choice types, whether it is required, and a description. Saved with the label.
import { useState } from 'react';
import { ATTRIBUTE_TYPES, type AttributeDefinition, type AttributeType, type Label } from '../../../../src-shared/domain';
import { attributeProblem } from '../../../../src-shared/schema-rules';
import { capitalised, withDescription, type SchemaEditing } from './editing';

const TYPE_NAMES: Record<AttributeType, string> = {
  choice: 'one of a list',
  'multi-choice': 'several of a list',
  boolean: 'yes / no',
  number: 'number',
  text: 'free text',
};

const hasValues = (type: AttributeType) => type === 'choice' || type === 'multi-choice';

interface Draft {
  name: string;
  type: AttributeType;
  /** The values as typed: separated by commas. */
  values: string;
  required: boolean;
  description: string;
}

const draftOf = (a: AttributeDefinition): Draft => ({
  name: a.name,
  type: a.type,
  values: a.values.join(', '),
  required: a.required,
  description: a.description ?? '',
});

const EMPTY: Draft = { name: '', type: 'choice', values: '', required: false, description: '' };

function definitionOf(draft: Draft, before?: AttributeDefinition): AttributeDefinition {
  const values = hasValues(draft.type)
    ? draft.values
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '')
    : [];
  return withDescription({ ...before, name: draft.name, type: draft.type, values, required: draft.required }, draft.description);
}

/** One attribute's fields; `subject` ("attribute kb_id of PERSON") names every input. */
function AttributeFields(props: {
  subject: string;
  attributes: readonly AttributeDefinition[];
  saved?: AttributeDefinition;
  submitLabel: string;
  onSubmit: (attribute: AttributeDefinition) => Promise<boolean>;
  onRemove?: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(props.saved ? draftOf(props.saved) : EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const changed = !props.saved || JSON.stringify(draft) !== JSON.stringify(draftOf(props.saved));
  const { subject } = props;
  const submit = async () => {
    const attribute = definitionOf(draft, props.saved);
    const reason = attributeProblem(props.attributes, attribute, props.saved?.name);
    setProblem(reason);
    if (reason) return;
    if ((await props.onSubmit(attribute)) && !props.saved) setDraft(EMPTY);
  };
  return (
    <li className="attribute-editor">
      <input
        aria-label={`Name of ${subject}`}
        placeholder="name"
        value={draft.name}
        onChange={(e) => setDraft({ ...draft, name: e.target.value })}
      />
      <select
        aria-label={`Type of ${subject}`}
        value={draft.type}
        onChange={(e) => setDraft({ ...draft, type: e.target.value as AttributeType })}
      >
        {ATTRIBUTE_TYPES.map((type) => (
          <option key={type} value={type}>
            {TYPE_NAMES[type]}
          </option>
        ))}
      </select>
      <input
        aria-label={`Values of ${subject}`}
        placeholder={hasValues(draft.type) ? 'values, separated by commas' : 'no values'}
        disabled={!hasValues(draft.type)}
        value={hasValues(draft.type) ? draft.values : ''}
        onChange={(e) => setDraft({ ...draft, values: e.target.value })}
      />
      <label className="checkbox attribute-editor__required">
        <input
          type="checkbox"
          aria-label={`${capitalised(subject)} is required`}
          checked={draft.required}
          onChange={(e) => setDraft({ ...draft, required: e.target.checked })}
        />
        <span aria-hidden="true">required</span>
      </label>
      <input
        aria-label={`Description of ${subject}`}
        placeholder="description"
        value={draft.description}
        onChange={(e) => setDraft({ ...draft, description: e.target.value })}
      />
      <span className="row-actions">
        <button type="button" aria-label={`${props.submitLabel}`} disabled={!changed} onClick={() => void submit()}>
          {props.saved ? 'Save' : 'Add'}
        </button>
        {props.onRemove && (
          <button type="button" className="danger" aria-label={`Remove ${subject}`} onClick={props.onRemove}>
            Remove
          </button>
        )}
      </span>
      {problem && (
        <div role="alert" className="field-error attribute-editor__error">
          {problem}
        </div>
      )}
    </li>
  );
}

export function AttributesEditor(props: { label: Label; editing: SchemaEditing; id: string; headingId: string }) {
  const { label, editing } = props;
  const attributes = label.attributes ?? [];
  const saveList = (list: AttributeDefinition[]) => editing.save('label', label.name, { ...label, attributes: list });
  return (
    <section className="attributes-panel" id={props.id} aria-labelledby={props.headingId}>
      <h4 id={props.headingId}>Attributes of {label.name}</h4>
      <p className="hint">
        Values an annotator gives each {label.name} span in the span details. A required attribute must be filled in before a document is
        done. Renaming an attribute or a value does not rewrite values already given.
      </p>
      <ul className="attribute-list">
        {attributes.map((attribute, index) => (
          <AttributeFields
            key={attribute.name}
            subject={`attribute ${attribute.name} of ${label.name}`}
            attributes={attributes}
            saved={attribute}
            submitLabel={`Save attribute ${attribute.name} of ${label.name}`}
            onSubmit={(next) => saveList(attributes.map((a, i) => (i === index ? next : a)))}
            onRemove={() => void saveList(attributes.filter((_, i) => i !== index))}
          />
        ))}
        <AttributeFields
          subject={`new attribute of ${label.name}`}
          attributes={attributes}
          submitLabel={`Add attribute to ${label.name}`}
          onSubmit={(next) => saveList([...attributes, next])}
        />
      </ul>
    </section>
  );
}
