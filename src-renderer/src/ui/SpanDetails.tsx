// The selected span: its label (changeable), text, offsets, attributes, note, relations and a
// delete button; plus the other spans under the last click, to reach nested ones.
import type { AttributeValue, Label, LabelSchema, Relation, RelationType, Span } from '../../../src-shared/domain';
import { showBidiControls } from '../../../src-shared/formats/bidi-controls';
import type { OffsetConverter } from '../../../src-shared/offsets';
import { AttributeField } from './AttributeField';
import { NoteField } from './NoteField';
import { SpanRelations } from './SpanRelations';
import { ownValue } from '../../../src-shared/own-keys';

export function SpanDetails(props: {
  span: Span;
  /** The document's text in code points, to show offsets as exports write them. */
  codePoints: OffsetConverter;
  schema: LabelSchema;
  others: readonly Span[];
  onRelabel: (label: Label) => void;
  onMoveEdge: (edge: 'start' | 'end', direction: -1 | 1) => void;
  onDelete: () => void;
  onSelect: (spanId: string) => void;
  relations: readonly Relation[];
  spansById: ReadonlyMap<string, Span>;
  onSetAttribute: (name: string, value: AttributeValue | undefined) => void;
  onSetNote: (note: string) => void;
  onStartLink: (type: RelationType) => void;
  onRemoveRelation: (relation: Relation) => void;
  onJump: (spanId: string) => void;
}) {
  const { span, schema } = props;
  const definitions = schema.labels.find((l) => l.name === span.label)?.attributes ?? [];
  const known = new Set(definitions.map((d) => d.name));
  const others = Object.entries(span.attributes).filter(([name]) => !known.has(name));
  return (
    <section className="span-details" aria-label="Selected span">
      <h3>Selected span</h3>
      <label className="field">
        <span>Label</span>
        <select
          aria-label="Span label"
          value={span.label}
          onChange={(e) => {
            const label = schema.labels.find((l) => l.name === e.target.value);
            if (label) props.onRelabel(label);
          }}
        >
          {schema.labels.map((l) => (
            <option key={l.name} value={l.name}>
              {showBidiControls(l.name)} ({l.layer})
            </option>
          ))}
          {!schema.labels.some((l) => l.name === span.label) && <option value={span.label}>{showBidiControls(span.label)}</option>}
        </select>
      </label>
      <blockquote className="span-details__text" tabIndex={0} aria-label="Text of the span">{span.text}</blockquote>
      <p className="span-details__meta">
        Characters {props.codePoints.toCodePoint(span.start)}–{props.codePoints.toCodePoint(span.end)} · {span.origin}
      </p>
      <div className="span-details__edges" role="group" aria-label="Boundaries">
        <span>Start</span>
        <button type="button" aria-label="Start one word earlier" title="Start one word earlier (Alt+Shift+←; one character: Ctrl+Alt+Shift+←)" onClick={() => props.onMoveEdge('start', -1)}>
          ←
        </button>
        <button type="button" aria-label="Start one word later" title="Start one word later (Alt+Shift+→; one character: Ctrl+Alt+Shift+→)" onClick={() => props.onMoveEdge('start', 1)}>
          →
        </button>
        <span>End</span>
        <button type="button" aria-label="End one word earlier" title="End one word earlier (Alt+←; one character: Ctrl+Alt+←)" onClick={() => props.onMoveEdge('end', -1)}>
          ←
        </button>
        <button type="button" aria-label="End one word later" title="End one word later (Alt+→; one character: Ctrl+Alt+→)" onClick={() => props.onMoveEdge('end', 1)}>
          →
        </button>
      </div>
      {(definitions.length > 0 || others.length > 0) && (
        <div className="span-details__attributes" role="group" aria-label="Attributes">
          <h4>Attributes</h4>
          {definitions.map((definition) => (
            <AttributeField
              key={definition.name}
              definition={definition}
              value={ownValue(span.attributes, definition.name)}
              onChange={(value) => props.onSetAttribute(definition.name, value)}
            />
          ))}
          {others.map(([name, value]) => (
            <p key={name} className="span-details__meta" title="Not defined for this label in the schema; kept and exported as it is">
              {name}: {Array.isArray(value) ? value.join(', ') : String(value)}
            </p>
          ))}
        </div>
      )}
      <NoteField label="Span note" note={span.note ?? ''} onSave={props.onSetNote} />
      <SpanRelations
        span={span}
        schema={schema}
        relations={props.relations}
        spansById={props.spansById}
        onJump={props.onJump}
        onRemove={props.onRemoveRelation}
        onStartLink={props.onStartLink}
      />
      <button type="button" className="danger" onClick={props.onDelete}>
        Delete span
      </button>
      {props.others.length > 0 && (
        <div className="span-details__others">
          <h4>Also here</h4>
          <ul>
            {props.others.map((other) => (
              <li key={other.id}>
                <button type="button" onClick={() => props.onSelect(other.id)}>
                  {other.label}: {other.text.length > 40 ? `${other.text.slice(0, 40)}…` : other.text}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
