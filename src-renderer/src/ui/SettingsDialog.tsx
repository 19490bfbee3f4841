// Settings for every project on this computer: the colour theme, the size of the document text,
// and the import limits.
import { useId } from 'react';
import type { SpanwrightDatabase } from '../storage/database';
import { ImportLimitsSettings } from './ImportLimitsSettings';
import { Modal } from './Modal';
import { DOCUMENT_FONT_SIZE, THEMES, type Appearance, type ThemeChoice } from './useAppearance';

const THEME_NAMES: Record<ThemeChoice, string> = { system: 'As the system', light: 'Light', dark: 'Dark' };

export function SettingsDialog(props: { appearance: Appearance; db: SpanwrightDatabase; onClose: () => void }) {
  const { appearance } = props;
  const sizeId = useId();
  return (
    <Modal title="Settings" onClose={props.onClose}>
      <fieldset className="field settings__themes">
        <legend>Theme</legend>
        {THEMES.map((theme) => (
          <label key={theme} className="checkbox">
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={appearance.theme === theme}
              onChange={() => appearance.setTheme(theme)}
            />
            {THEME_NAMES[theme]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={sizeId}>Document text size</label>
        <div className="settings__size">
          <input
            id={sizeId}
            type="range"
            min={DOCUMENT_FONT_SIZE.min}
            max={DOCUMENT_FONT_SIZE.max}
            step={1}
            value={appearance.documentFontSize}
            aria-valuetext={`${appearance.documentFontSize} pixels`}
            onChange={(e) => appearance.setDocumentFontSize(Number(e.target.value))}
          />
          <output htmlFor={sizeId}>{appearance.documentFontSize} px</output>
        </div>
      </div>
      <ImportLimitsSettings db={props.db} />
      <p className="hint">These apply to every project and are remembered on this computer.</p>
      <div className="modal__actions">
        <button type="button" className="primary" onClick={props.onClose}>
          Done
        </button>
      </div>
    </Modal>
  );
}
