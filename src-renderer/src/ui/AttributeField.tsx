// One span attribute, edited as its definition says: a list for a choice, boxes for several
// choices, yes/no, a number or free text. Text and numbers are saved when the field is left
// (or on Enter), so typing never writes a change per key.
import { useEffect, useState } from 'react';
import type { AttributeDefinition, AttributeValue } from '../../../src-shared/domain';
import { showBidiControls } from '../../../src-shared/formats/bidi-controls';

export function AttributeField(props: { definition: AttributeDefinition; value: AttributeValue | undefined; onChange: (value: AttributeValue | undefined) => void }) {
  const { definition, value, onChange } = props;
  const name = `${definition.name}${definition.required ? ' (required)' : ''}`;
  switch (definition.type) {
    case 'choice':
      return (
        <label className="field attribute-field">
          <span>{name}</span>
          <select aria-label={definition.name} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
            <option value="">—</option>
            {definition.values.map((v) => (
              <option key={v} value={v}>
                {showBidiControls(v)}
              </option>
            ))}
            {typeof value === 'string' && value !== '' && !definition.values.includes(value) && <option value={value}>{showBidiControls(value)} (not in the schema)</option>}
          </select>
        </label>
      );
    case 'multi-choice': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset className="attribute-field attribute-field--multi">
          <legend>{name}</legend>
          {definition.values.map((v) => (
            <label key={v}>
              <input
                type="checkbox"
                checked={chosen.includes(v)}
                onChange={(e) => onChange(e.target.checked ? [...chosen, v] : chosen.filter((x) => x !== v))}
              />
              {v}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'boolean':
      return (
        <label className="field attribute-field">
          <span>{name}</span>
          <select
            aria-label={definition.name}
            value={value === true ? 'yes' : value === false ? 'no' : ''}
            onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'yes')}
          >
            <option value="">—</option>
            <option value="yes">yes</option>
            <option value="no">no</option>
          </select>
        </label>
      );
    case 'number':
    case 'text':
      return <TypedAttribute definition={definition} label={name} value={value} onChange={onChange} />;
  }
}

function TypedAttribute(props: { definition: AttributeDefinition; label: string; value: AttributeValue | undefined; onChange: (value: AttributeValue | undefined) => void }) {
  const shown = props.value === undefined ? '' : String(props.value);
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const isNumber = props.definition.type === 'number';
  const save = () => {
    if (draft === shown) return;
    if (draft.trim() === '') props.onChange(undefined);
    else if (isNumber) {
      const number = Number(draft);
      if (Number.isFinite(number)) props.onChange(number);
      else setDraft(shown);
    } else props.onChange(draft);
  };
  return (
    <label className="field attribute-field">
      <span>{props.label}</span>
      <input
        aria-label={props.definition.name}
        type={isNumber ? 'number' : 'text'}
        value={draft}
        placeholder={props.definition.description ?? ''}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save();
          if (e.key === 'Escape') setDraft(shown);
        }}
      />
    </label>
  );
}
