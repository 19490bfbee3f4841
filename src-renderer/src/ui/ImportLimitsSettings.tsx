// Settings › Import limits: one field per limit (sizes in MB), each checked as typed and stored
// when valid; "Restore defaults" puts every limit back.
import { useId, useState } from 'react';
import { checkLimit, DEFAULT_LIMITS, LIMIT_INFO, LIMIT_NAMES, type InputLimits, type LimitName } from '../../../src-shared/limits';
import { errorMessage } from '../../../src-shared/result';
import type { SpanwrightDatabase } from '../storage/database';
import { useInputLimits } from './useInputLimits';

const MB = 1_000_000;

/** What a field shows: sizes in MB, counts as they are. */
const shown = (name: LimitName, value: number): string => String(LIMIT_INFO[name].unit === 'bytes' ? value / MB : value);

function parseField(name: LimitName, text: string): { value: number } | { error: string } {
  const number = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(number)) return { error: 'Type a number.' };
  const value = LIMIT_INFO[name].unit === 'bytes' ? Math.round(number * MB) : number;
  const checked = checkLimit(name, value);
  return checked.ok ? { value: checked.value } : { error: `${checked.error}.` };
}

export function ImportLimitsSettings(props: { db: SpanwrightDatabase }) {
  const { limits, save } = useInputLimits(props.db);
  const baseId = useId();
  // What each field holds while typed (it may not be a valid limit yet), and why not.
  const [drafts, setDrafts] = useState<Partial<Record<LimitName, string>>>({});
  const [errors, setErrors] = useState<Partial<Record<LimitName, string>>>({});
  if (!limits) return null;

  const store = (next: InputLimits) => save(next).catch((error: unknown) => setErrors({ fileBytes: errorMessage(error) }));
  const change = (name: LimitName, text: string) => {
    setDrafts((d) => ({ ...d, [name]: text }));
    const parsed = parseField(name, text);
    setErrors((e) => ({ ...e, [name]: 'error' in parsed ? parsed.error : undefined }));
    if ('value' in parsed && parsed.value !== limits[name]) void store({ ...limits, [name]: parsed.value });
  };
  const isDefault = LIMIT_NAMES.every((name) => limits[name] === DEFAULT_LIMITS[name]);

  return (
    <fieldset className="field settings__limits">
      <legend>Import limits</legend>
      <p className="hint">
        A file past a limit is refused with a message that names it, so a broken or hostile file (a zip bomb) cannot hang the window. Raise
        a limit only for files you trust.
      </p>
      {LIMIT_NAMES.map((name) => {
        const id = `${baseId}-${name}`;
        const error = errors[name];
        return (
          <div key={name} className="settings__limit">
            <label htmlFor={id}>{LIMIT_INFO[name].label}</label>
            <input
              id={id}
              type="number"
              inputMode="decimal"
              min={LIMIT_INFO[name].unit === 'bytes' ? 0 : LIMIT_INFO[name].min}
              step="any"
              value={drafts[name] ?? shown(name, limits[name])}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => change(name, e.target.value)}
              onBlur={() => {
                if (!error) setDrafts((d) => ({ ...d, [name]: undefined }));
              }}
            />
            <span className="settings__unit">{LIMIT_INFO[name].unit === 'bytes' ? 'MB' : name === 'zipRatio' ? 'times' : ''}</span>
            {error && (
              <p id={`${id}-error`} role="alert" className="field-error settings__limit-error">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <button
        type="button"
        disabled={isDefault}
        onClick={() => {
          setDrafts({});
          setErrors({});
          void store({ ...DEFAULT_LIMITS });
        }}
      >
        Restore default limits
      </button>
    </fieldset>
  );
}
