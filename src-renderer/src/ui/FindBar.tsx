// Find in the document (Ctrl/Cmd+F): text, case and whole-word options, the matches drawn in
// the text and beside the scrollbar, Enter / Shift+Enter to step, and "Label all matches"
// with a label, previewed with a count and undone in one step.
import { useEffect, useMemo, useRef, useState } from 'react';
import { findAll, unlabelledMatches, type TextMatch } from '../../../src-shared/find';
import type { Label, LabelSchema, Span } from '../../../src-shared/domain';
import { showBidiControls } from '../../../src-shared/formats/bidi-controls';

export interface FindState {
  matches: TextMatch[];
  current: number;
}

export function FindBar(props: {
  text: string;
  spans: readonly Span[];
  schema: LabelSchema;
  onMatches: (state: FindState) => void;
  onLabelAll: (label: Label, matches: TextMatch[]) => void;
  onClose: () => void;
}) {
  const [query, setQuery] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const [current, setCurrent] = useState(0);
  const [labelName, setLabelName] = useState(props.schema.labels[0]?.name ?? '');
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => findAll(props.text, query, { caseSensitive, wholeWord }), [props.text, query, caseSensitive, wholeWord]);
  const unlabelled = useMemo(() => unlabelledMatches(matches, props.spans), [matches, props.spans]);
  const { onMatches } = props;

  useEffect(() => input.current?.focus(), []);
  useEffect(() => setCurrent(0), [query, caseSensitive, wholeWord]);
  useEffect(() => onMatches({ matches, current: Math.min(current, Math.max(0, matches.length - 1)) }), [matches, current, onMatches]);

  const step = (direction: 1 | -1) => {
    if (matches.length > 0) setCurrent((at) => (at + direction + matches.length) % matches.length);
  };
  const label = props.schema.labels.find((l) => l.name === labelName);
  return (
    <div
      className="find-bar"
      role="search"
      aria-label="Find in document"
      onKeyDown={(e) => {
        // Esc closes the bar from any of its controls.
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onClose();
        }
      }}
    >
      <input
        ref={input}
        type="search"
        aria-label="Find"
        placeholder="Find in document"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          }
        }}
      />
      <span className="find-bar__count" aria-live="polite">
        {query === '' ? '' : matches.length === 0 ? 'No matches' : `${Math.min(current, matches.length - 1) + 1} of ${matches.length}`}
      </span>
      <button type="button" onClick={() => step(-1)} disabled={matches.length === 0} aria-label="Previous match" title="Previous match (Shift+Enter)">
        ↑
      </button>
      <button type="button" onClick={() => step(1)} disabled={matches.length === 0} aria-label="Next match" title="Next match (Enter)">
        ↓
      </button>
      <label className="checkbox">
        <input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} />
        Match case
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={wholeWord} onChange={(e) => setWholeWord(e.target.checked)} />
        Whole words
      </label>
      <select aria-label="Label for all matches" value={labelName} onChange={(e) => setLabelName(e.target.value)}>
        {props.schema.labels.map((l) => (
          <option key={l.name} value={l.name}>
            {showBidiControls(l.name)}
          </option>
        ))}
      </select>
      <button type="button" disabled={!label || unlabelled.length === 0} onClick={() => label && props.onLabelAll(label, unlabelled)}>
        Label all matches{unlabelled.length > 0 ? ` (${unlabelled.length})` : ''}
      </button>
      {matches.length > unlabelled.length && <span className="hint">{matches.length - unlabelled.length} already labelled</span>}
      <button type="button" onClick={props.onClose} aria-label="Close find" title="Close (Esc)">
        ×
      </button>
    </div>
  );
}
