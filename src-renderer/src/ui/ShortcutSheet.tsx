// Every key of the workbench (?): the keymap table (src-shared/keymap.ts) and the hotkeys the
// project's schema gives its labels, relation types and document label values.
import { KEYMAP, type KeyGroup } from '../../../src-shared/keymap';
import type { LabelSchema } from '../../../src-shared/domain';
import { Modal } from './Modal';

const GROUPS: readonly KeyGroup[] = ['Spans', 'Suggestions', 'Relations', 'Documents', 'Review', 'Files and history', 'Help'];

export function ShortcutSheet(props: { schema: LabelSchema; onClose: () => void }) {
  const { schema } = props;
  const schemaKeys = [
    ...schema.labels.filter((l) => l.hotkey !== '').map((l) => ({ keys: l.hotkey, description: `Label the selection ${l.name} (or relabel the selected span)` })),
    ...schema.relationTypes.filter((t) => t.hotkey !== '').map((t) => ({ keys: t.hotkey, description: `Start a ${t.name} relation from the selected span` })),
    ...schema.documentCategories.flatMap((c) =>
      c.values.filter((v) => v.hotkey !== '').map((v) => ({ keys: v.hotkey, description: `Document label ${c.name}: ${v.name} (on or off)` })),
    ),
  ];
  return (
    <Modal title="Keyboard shortcuts" onClose={props.onClose} wide>
      {/* It scrolls, so it takes the focus (first in the dialog): arrow keys and Page Down scroll it. */}
      <div className="shortcut-sheet" tabIndex={0} role="region" aria-label="All shortcuts">
        {GROUPS.map((group) => (
          <section key={group} aria-label={group}>
            <h3>{group}</h3>
            <dl>
              {KEYMAP.filter((b) => b.group === group).map((binding) => (
                <div key={binding.command} className="shortcut-sheet__row">
                  <dt>
                    <kbd>{binding.keys}</kbd>
                  </dt>
                  <dd>{binding.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <section aria-label="This project's hotkeys">
          <h3>This project’s hotkeys</h3>
          <dl>
            {schemaKeys.map((k) => (
              <div key={`${k.keys}-${k.description}`} className="shortcut-sheet__row">
                <dt>
                  <kbd>{k.keys}</kbd>
                </dt>
                <dd>{k.description}</dd>
              </div>
            ))}
          </dl>
          <p className="hint">Select text with the mouse, or with Shift+arrows (Ctrl for whole words) after clicking into the text.</p>
        </section>
      </div>
      <div className="modal__actions">
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
