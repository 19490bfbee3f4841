// The import report's choices about how to read the files, where the files do not say it
// themselves: the label list that names label ids (doccano 1.0, Hugging Face numeric tags; the
// CLI's --labels) and the unit of the offsets (the CLI's --offsets). A choice reads the files
// again and shows the new report; nothing is written until the user imports.
import { useEffect, useState } from 'react';
import type { ReadOptions } from '../../../src-shared/formats/format-module';
import { parseLabelListFile } from '../../../src-shared/formats/label-list';
import type { OffsetUnit } from '../../../src-shared/formats/restore-span';
import type { Result } from '../../../src-shared/result';
import type { ImportPlan } from '../app/import-documents';

const UNITS: ReadonlyArray<{ value: OffsetUnit | 'detect'; text: string }> = [
  { value: 'detect', text: 'Detect from the spans' },
  { value: 'codepoint', text: 'Code points (Python, spaCy, Label Studio)' },
  { value: 'utf16', text: 'UTF-16 code units (JavaScript, doccano)' },
];

export function ImportReadChoices(props: {
  plan: Pick<ImportPlan, 'asks' | 'options'>;
  /** The name of the label list file chosen, if any. */
  labelListFile: string | undefined;
  /** The files are being read again with a new choice. */
  busy: boolean;
  onReread: (options: ReadOptions, labelListFile?: string) => void;
  /** Reads a chosen label list within the file-size limit (side-file.ts). */
  readFile: (file: File) => Promise<Result<string>>;
}) {
  const { plan, busy } = props;
  const [error, setError] = useState<string | null>(null);
  // The unit chosen shows at once, while the files are read again; then the plan's.
  const [unit, setUnit] = useState<OffsetUnit | 'detect'>(plan.options.offsetUnit ?? 'detect');
  useEffect(() => setUnit(plan.options.offsetUnit ?? 'detect'), [plan.options.offsetUnit]);
  const askLabels = plan.asks.includes('labelList') || plan.options.labelList !== undefined;
  const askOffsets = plan.asks.includes('offsetUnit') || plan.options.offsetUnit !== undefined;
  if (!askLabels && !askOffsets) return null;

  const chooseLabelList = async (file: File | undefined) => {
    if (!file) return;
    const text = await props.readFile(file);
    if (!text.ok) {
      setError(text.error);
      return;
    }
    const list = parseLabelListFile(text.value);
    if (!list.ok) {
      setError(`${file.name} is not a label list: ${list.error}`);
      return;
    }
    setError(null);
    props.onReread({ ...plan.options, labelList: list.value }, file.name);
  };

  const chooseUnit = (value: OffsetUnit | 'detect') => {
    setUnit(value);
    const { offsetUnit: _previous, ...rest } = plan.options;
    props.onReread(value === 'detect' ? rest : { ...rest, offsetUnit: value }, props.labelListFile);
  };

  return (
    <section aria-label="How to read the files" aria-busy={busy}>
      <h3>How to read the files</h3>
      {askLabels && (
        <div className="import-choice">
          <p>
            {plan.options.labelList !== undefined
              ? `Label ids are named by ${props.labelListFile ?? 'the label list'} (${plan.options.labelList.size} ${plan.options.labelList.size === 1 ? 'label' : 'labels'}).`
              : 'Labels are given by number (doccano 1.0 label ids, Hugging Face tag numbers): choose the label list that names them.'}{' '}
            <span className="hint">
              doccano’s label export, a list of names (index = id, as Spanwright’s labels.json), or {'{"12": "LOC"}'}.
            </span>
          </p>
          <label className="button">
            {plan.options.labelList !== undefined ? 'Another label list…' : 'Choose the label list…'}
            <input
              className="visually-hidden"
              type="file"
              accept=".json"
              aria-label="Label list"
              onChange={(e) => {
                void chooseLabelList(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </label>
          {error && <p role="alert">{error}</p>}
        </div>
      )}
      {askOffsets && (
        <fieldset className="import-choice">
          <legend>Offsets count</legend>
          {UNITS.map((choice) => (
            <label key={choice.value} className="checkbox">
              <input
                type="radio"
                name="offset-unit"
                value={choice.value}
                checked={unit === choice.value}
                onChange={() => chooseUnit(choice.value)}
              />
              {choice.text}
            </label>
          ))}
        </fieldset>
      )}
      {busy && <p role="status">Reading the files again…</p>}
    </section>
  );
}
