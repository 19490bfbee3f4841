// The open document's spans in text order (label, text, position), filtered by label; a click
// or Enter selects a span and brings it into view.
import { useMemo, useState } from 'react';
import type { Span } from '../../../src-shared/domain';
import { showBidiControls } from '../../../src-shared/formats/bidi-controls';
import type { OffsetConverter } from '../../../src-shared/offsets';

const clip = (text: string) => (text.length > 48 ? `${text.slice(0, 48)}…` : text).replace(/\s+/g, ' ');

export function SpanList(props: { spans: readonly Span[]; codePoints: OffsetConverter; selectedId: string | undefined; onJump: (spanId: string) => void }) {
  const [label, setLabel] = useState('');
  // The list is built only while it is open: a closed list costs nothing per keystroke.
  const [open, setOpen] = useState(false);
  const labels = useMemo(() => (open ? [...new Set(props.spans.map((s) => s.label))].sort() : []), [open, props.spans]);
  const shown = !open ? [] : label === '' ? props.spans : props.spans.filter((s) => s.label === label);
  return (
    <details className="span-list" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Spans in this document ({props.spans.length})
      </summary>
      <select aria-label="Show spans of label" value={label} onChange={(e) => setLabel(e.target.value)}>
        <option value="">All labels</option>
        {labels.map((name) => (
          <option key={name} value={name}>
            {showBidiControls(name)} ({props.spans.filter((s) => s.label === name).length})
          </option>
        ))}
      </select>
      <ol aria-label="Spans in this document">
        {shown.map((span) => (
          <li key={span.id}>
            <button type="button" aria-current={span.id === props.selectedId ? 'true' : undefined} onClick={() => props.onJump(span.id)}>
              <strong>
                <bdi>{span.label}</bdi>
              </strong>{' '}
              {clip(span.text)} <span className="span-list__at">{props.codePoints.toCodePoint(span.start)}</span>
            </button>
          </li>
        ))}
      </ol>
    </details>
  );
}
