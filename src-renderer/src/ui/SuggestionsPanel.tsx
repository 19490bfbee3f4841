// The open document's suggestions: how many, accept all (or a label's), rules files to run,
// and the tagger with its precision and recall on the held-out fifth of your Done documents.
import { useState } from 'react';
import type { LabelSchema } from '../../../src-shared/domain';
import { showBidiControls } from '../../../src-shared/formats/bidi-controls';
import type { SuggestionFlow } from './useSuggestionFlow';

const percent = (x: number) => `${Math.round(x * 100)} %`;

export function SuggestionsPanel(props: { flow: SuggestionFlow; schema: LabelSchema }) {
  const { flow, schema } = props;
  const [termLabel, setTermLabel] = useState(schema.labels[0]?.name ?? '');
  const byLabel = new Map<string, number>();
  for (const s of flow.suggestions) byLabel.set(s.label, (byLabel.get(s.label) ?? 0) + 1);
  const readFile = (file: File | undefined, label?: string) => {
    if (!file) return;
    void flow.importRules(file, label);
  };
  return (
    <section className="suggestions-panel" aria-label="Suggestions">
      <h3>Suggestions</h3>
      <p>
        {flow.suggestions.length === 0 ? 'None in this document.' : `${flow.suggestions.length} in this document.`} Select with {'{'} and{' '}
        {'}'}; Enter, Tab or a click accepts; Backspace or x rejects.
      </p>
      {flow.suggestions.length > 0 && (
        <div className="suggestions-panel__accept">
          <button type="button" onClick={() => flow.acceptAll()}>
            Accept all ({flow.suggestions.length})
          </button>
          {[...byLabel].map(([label, count]) => (
            <button key={label} type="button" onClick={() => flow.acceptAll(label)}>
              Accept all {label} ({count})
            </button>
          ))}
        </div>
      )}
      <details>
        <summary>Rules and tagger</summary>
        <label className="button">
          Patterns file…
          <input
            className="visually-hidden"
            type="file"
            accept=".jsonl,.json"
            aria-label="Suggestion patterns file"
            onChange={(e) => {
              readFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
        <div>
          <label>
            Term list for{' '}
            <select value={termLabel} onChange={(e) => setTermLabel(e.target.value)} aria-label="Label of the term list">
              {schema.labels.map((l) => (
                <option key={l.name} value={l.name}>
                  {showBidiControls(l.name)}
                </option>
              ))}
            </select>
          </label>{' '}
          <label className="button">
            Term list…
            <input
              className="visually-hidden"
              type="file"
              accept=".txt"
              aria-label="Suggestion term list"
              onChange={(e) => {
                readFile(e.target.files?.[0], termLabel);
                e.target.value = '';
              }}
            />
          </label>
        </div>
        <button type="button" onClick={flow.retrain} disabled={flow.training}>
          {flow.training ? 'Training…' : 'Train the tagger on Done documents'}
        </button>
        {flow.evaluation && (
          <p role="status">
            {flow.evaluation.heldOutDocuments === 0
              ? `Trained on ${flow.evaluation.trainingDocuments} Done documents; too few to hold a fifth out.`
              : `Held-out fifth (${flow.evaluation.heldOutDocuments} documents): precision ${percent(flow.evaluation.overall.precision)}, recall ${percent(flow.evaluation.overall.recall)}.`}
          </p>
        )}
      </details>
    </section>
  );
}
