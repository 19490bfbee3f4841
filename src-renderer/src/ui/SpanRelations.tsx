// The relations of the selected span, each with its other end (click or Enter jumps there),
// and a button per relation type that may start from this span.
import type { LabelSchema, Relation, RelationType, Span } from '../../../src-shared/domain';

const clip = (text: string) => (text.length > 36 ? `${text.slice(0, 36)}…` : text).replace(/\s+/g, ' ');

/** Relation types a relation may start from a span of this label. */
export function typesFrom(schema: LabelSchema, span: Span): RelationType[] {
  return schema.relationTypes.filter(
    (t) => t.sources.length === 0 || t.sources.includes(span.label) || (!t.directed && (t.targets.length === 0 || t.targets.includes(span.label))),
  );
}

export function SpanRelations(props: {
  span: Span;
  schema: LabelSchema;
  relations: readonly Relation[];
  spansById: ReadonlyMap<string, Span>;
  onJump: (spanId: string) => void;
  onRemove: (relation: Relation) => void;
  onStartLink: (type: RelationType) => void;
}) {
  const { span, schema } = props;
  const mine = props.relations.filter((r) => r.from === span.id || r.to === span.id);
  const startable = typesFrom(schema, span);
  return (
    <div className="span-relations">
      <h4>Relations</h4>
      {mine.length === 0 && <p className="hint">None yet.</p>}
      <ul aria-label="Relations of the selected span">
        {mine.map((relation) => {
          const outgoing = relation.from === span.id;
          const other = props.spansById.get(outgoing ? relation.to : relation.from);
          const type = schema.relationTypes.find((t) => t.name === relation.type);
          const arrow = type && !type.directed ? '—' : outgoing ? '→' : '←';
          const text = other ? `${relation.type} ${arrow} ${other.label} “${clip(other.text)}”` : `${relation.type} ${arrow} (missing span)`;
          return (
            <li key={relation.id} className="span-relations__item">
              <button
                type="button"
                className="span-relations__jump"
                style={{ borderLeftColor: type?.color ?? '#555' }}
                disabled={!other}
                onClick={() => other && props.onJump(other.id)}
                title={relation.note ? `Note: ${relation.note}` : undefined}
              >
                {text}
              </button>
              <button type="button" className="danger" aria-label={`Delete relation ${text}`} title="Delete relation" onClick={() => props.onRemove(relation)}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {startable.length > 0 && (
        <div className="span-relations__start" role="group" aria-label="Link this span">
          {startable.map((type) => (
            <button key={type.name} type="button" onClick={() => props.onStartLink(type)} title={`Link with ${type.name}${type.hotkey ? ` (key ${type.hotkey})` : ' (key r)'}`}>
              {type.name} {type.directed ? '→' : '—'}…
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
