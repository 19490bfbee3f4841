// One button per label, grouped by layer, each showing its hotkey; and the Snap to words switch.
import type { Label, LabelSchema } from '../../../src-shared/domain';

const LAYER_TITLES = { entity: 'Entities', claim: 'Claims' } as const;

export function LabelPalette(props: {
  schema: LabelSchema;
  onApply: (label: Label) => void;
  counts: ReadonlyMap<string, number>;
  snapToWords: boolean;
  onSnapToWordsChange: (on: boolean) => void;
}) {
  return (
    <section className="palette" aria-label="Labels">
      <label
        className="checkbox"
        title="On: a selection takes whole words (Haiti in Haiti’s stays Haiti). Off, or with Alt held while selecting: exactly the selected characters. Ctrl+Alt+arrows move a span’s edge by one character."
        onMouseDown={(e) => e.preventDefault() /* keep the text selection */}
      >
        <input type="checkbox" role="switch" checked={props.snapToWords} onChange={(e) => props.onSnapToWordsChange(e.target.checked)} />
        Snap to words
      </label>
      {(['entity', 'claim'] as const).map((layer) => (
        <div key={layer} className="palette__group">
          <h3>{LAYER_TITLES[layer]}</h3>
          {props.schema.labels
            .filter((l) => l.layer === layer)
            .map((label) => (
              <button
                key={label.name}
                type="button"
                className={`label-button label-button--${layer}`}
                style={{ ['--label-color' as string]: label.color }}
                title={label.description ? `${label.name}: ${label.description}` : label.name}
                onMouseDown={(e) => e.preventDefault() /* keep the text selection */}
                onClick={() => props.onApply(label)}
              >
                <span className="label-button__swatch" aria-hidden="true" />
                <span className="label-button__name">{label.name}</span>
                {label.hotkey && <kbd aria-label={`hotkey ${label.hotkey}`}>{label.hotkey}</kbd>}
                <span className="label-button__count" aria-label={`${props.counts.get(label.name) ?? 0} in this document`}>
                  {props.counts.get(label.name) ?? 0}
                </span>
              </button>
            ))}
        </div>
      ))}
    </section>
  );
}
