// The selected span: its label (changeable), text, offsets, and a delete button;
// plus the other spans under the last click, to reach nested ones.
import type { Label, LabelSchema, Span } from '../../../src-shared/domain';
import { toCodePointOffset } from '../../../src-shared/offsets';

export function SpanDetails(props: {
  span: Span;
  /** The document's text, to show offsets as exports write them (code points). */
  documentText: string;
  schema: LabelSchema;
  others: readonly Span[];
  onRelabel: (label: Label) => void;
  onMoveEdge: (edge: 'start' | 'end', direction: -1 | 1) => void;
  onDelete: () => void;
  onSelect: (spanId: string) => void;
}) {
  const { span, schema } = props;
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
              {l.name} ({l.layer})
            </option>
          ))}
          {!schema.labels.some((l) => l.name === span.label) && <option value={span.label}>{span.label}</option>}
        </select>
      </label>
      <blockquote className="span-details__text">{span.text}</blockquote>
      <p className="span-details__meta">
        Characters {toCodePointOffset(props.documentText, span.start)}–{toCodePointOffset(props.documentText, span.end)} · {span.origin}
      </p>
      <div className="span-details__edges" role="group" aria-label="Boundaries">
        <span>Start</span>
        <button type="button" aria-label="Start one word earlier" title="Start one word earlier (Alt+Shift+←)" onClick={() => props.onMoveEdge('start', -1)}>
          ←
        </button>
        <button type="button" aria-label="Start one word later" title="Start one word later (Alt+Shift+→)" onClick={() => props.onMoveEdge('start', 1)}>
          →
        </button>
        <span>End</span>
        <button type="button" aria-label="End one word earlier" title="End one word earlier (Alt+←)" onClick={() => props.onMoveEdge('end', -1)}>
          ←
        </button>
        <button type="button" aria-label="End one word later" title="End one word later (Alt+→)" onClick={() => props.onMoveEdge('end', 1)}>
          →
        </button>
      </div>
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
