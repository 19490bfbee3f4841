// Your name as teammates will see it on your annotations (the id behind it never changes), and,
// on a shared workstation, who is annotating: another annotator already here, or a new one.
import { useState } from 'react';
import { annotatorNameProblem, MAX_ANNOTATOR_NAME_LENGTH } from '../../../src-shared/annotator-names';
import { GOLD_ANNOTATOR, type Annotator } from '../../../src-shared/domain';
import { showBidiControls } from '../../../src-shared/formats/bidi-controls';
import { Modal } from './Modal';
import { displayName } from './useAnnotatorNames';

export function IdentityForm(props: { annotator: Annotator; onSave: (name: string) => void; submitLabel: string }) {
  const [name, setName] = useState(props.annotator.name);
  const trimmed = name.trim();
  // The rule imports apply to teammates' names too (annotator-names.ts).
  const problem = trimmed ? annotatorNameProblem(trimmed) : null;
  return (
    <form
      className="identity-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (trimmed && problem === null) props.onSave(trimmed);
      }}
    >
      <label className="field">
        <span>Your name</span>
        <input
          aria-label="Your name"
          value={name}
          maxLength={MAX_ANNOTATOR_NAME_LENGTH}
          placeholder="e.g. Ana Ruiz"
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={!trimmed || problem !== null}>
        {props.submitLabel}
      </button>
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
    </form>
  );
}

/** Another annotator (chosen from those here, or a new name), for a shared workstation. */
function SwitchAnnotatorForm(props: {
  annotator: Annotator;
  annotators: readonly Annotator[];
  onSwitch: (to: Annotator | { name: string }) => void;
}) {
  const others = props.annotators
    .filter((a) => a.id !== props.annotator.id && a.id !== GOLD_ANNOTATOR.id)
    .sort((a, b) => displayName(a).localeCompare(displayName(b)));
  const [choice, setChoice] = useState(others[0]?.id ?? '');
  const [name, setName] = useState('');
  const chosen = others.find((a) => a.id === choice);
  const trimmed = name.trim();
  const problem = trimmed ? annotatorNameProblem(trimmed) : null;
  // A name already here is that annotator (two ids for one person would split their work).
  const existing = props.annotators.find((a) => a.id !== GOLD_ANNOTATOR.id && a.name.trim().toLowerCase() === trimmed.toLowerCase());
  return (
    <section aria-label="Switch annotator" className="switch-annotator">
      <h3>Switch annotator</h3>
      <p className="hint">On a shared computer: annotate as someone else. Each annotator’s spans and statuses stay theirs.</p>
      {others.length > 0 && (
        <form
          className="identity-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen) props.onSwitch(chosen);
          }}
        >
          <label className="field">
            <span>Annotator</span>
            <select aria-label="Annotator" value={choice} onChange={(e) => setChoice(e.target.value)}>
              {others.map((a) => (
                <option key={a.id} value={a.id}>
                  {showBidiControls(displayName(a))}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={!chosen}>
            Switch
          </button>
        </form>
      )}
      <form
        className="identity-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (existing) props.onSwitch(existing);
          else if (trimmed && problem === null) props.onSwitch({ name: trimmed });
        }}
      >
        <label className="field">
          <span>New annotator</span>
          <input
            aria-label="New annotator’s name"
            value={name}
            maxLength={MAX_ANNOTATOR_NAME_LENGTH}
            placeholder="e.g. Ben Ode"
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button type="submit" disabled={!trimmed || existing?.id === props.annotator.id || (!existing && problem !== null)}>
          {existing ? `Switch to ${displayName(existing)}` : 'Add and switch'}
        </button>
        {!existing && problem && (
          <p role="alert" className="field-error">
            {problem}
          </p>
        )}
      </form>
    </section>
  );
}

export function IdentityDialog(props: {
  annotator: Annotator;
  onSave: (name: string) => void;
  onClose: () => void;
  /** Everyone whose work is here (for switching); without it, only renaming is offered. */
  annotators?: readonly Annotator[];
  onSwitch?: (to: Annotator | { name: string }) => void;
}) {
  return (
    <Modal title="Who is annotating?" onClose={props.onClose}>
      <p className="hint">
        Your name goes with every span you make, so reviewers can tell teammates apart. Your annotator id ({props.annotator.id.slice(0, 8)}
        …) stays the same when you rename yourself.
      </p>
      <IdentityForm annotator={props.annotator} onSave={props.onSave} submitLabel="Save name" />
      {props.onSwitch && <SwitchAnnotatorForm annotator={props.annotator} annotators={props.annotators ?? []} onSwitch={props.onSwitch} />}
    </Modal>
  );
}
