// What a teammate's export holds before it is merged: whose annotations, which documents match,
// which are the same document with a slightly different text (shown word by word, merged with
// the spans that fall into changed text left out), which differ (never merged), which are new,
// a map from their labels to yours, and any problems.
import { useMemo, useState } from 'react';
import type { ReadOptions } from '../../../src-shared/formats/format-module';
import { showBidiControls } from '../../../src-shared/formats/bidi-controls';
import { formatImportIssue } from '../../../src-shared/formats/import';
import { refuses } from '../../../src-shared/formats/import-result';
import type { Result } from '../../../src-shared/result';
import type { NearMatch, TeammateMergeOptions, TeammatePlan } from '../app/import-teammate';
import type { TeammateSummary } from '../app/teammate-job';
import { ImportReadChoices } from './ImportReadChoices';
import { Modal } from './Modal';
import { ownValue, setOwn } from '../../../src-shared/own-keys';

/** "As is" in the label map: their label stays (added to the schema when you lack it, see below). */
const AS_IS = '';
/** "Leave out" in the label map (no label name is empty, so neither clashes with one). */
const LEAVE_OUT = '\u0000leave-out';

/** What differs, word by word: theirs marked as inserted, ours as deleted, unchanged text cut short. */
function TextDiff(props: { match: NearMatch }) {
  return (
    <p className="text-diff" tabIndex={0} aria-label={`What differs in “${props.match.title}”`}>
      {props.match.parts.map((part, i) =>
        part.kind === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === 'ours' ? (
          <del key={i} title="Only in your text">
            {part.text}
          </del>
        ) : (
          <ins key={i} title="Only in their text">
            {part.text}
          </ins>
        ),
      )}
    </p>
  );
}

function LabelMapTable(props: {
  theirs: TeammatePlan['theirLabels'];
  ours: readonly string[];
  choice: Readonly<Record<string, string>>;
  onChoose: (label: string, to: string) => void;
}) {
  return (
    <table className="export-labels">
      <caption>Their labels</caption>
      <thead>
        <tr>
          <th>Their label</th>
          <th>Spans</th>
          <th>As</th>
        </tr>
      </thead>
      <tbody>
        {props.theirs.map((label) => (
          <tr key={label.name}>
            <td>{label.name}</td>
            <td>{label.count}</td>
            <td>
              <select
                aria-label={`Their ${label.name} as`}
                value={ownValue(props.choice, label.name) ?? AS_IS}
                onChange={(e) => props.onChoose(label.name, e.target.value)}
              >
                <option value={AS_IS}>{showBidiControls(props.ours.includes(label.name) ? label.name : `${label.name} (as is)`)}</option>
                {props.ours
                  .filter((name) => name !== label.name)
                  .map((name) => (
                    <option key={name} value={name}>
                      {showBidiControls(name)}
                    </option>
                  ))}
                <option value={LEAVE_OUT}>Leave out</option>
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TeammateImportDialog(props: {
  plan: TeammateSummary;
  onMerge: (options: TeammateMergeOptions) => void;
  onCancel: () => void;
  /** Reads the files again with the user's choices (a label list, the offsets' unit). */
  onReread?: (options: ReadOptions, labelListFile?: string) => void;
  labelListFile?: string;
  /** Reads a label list chosen in the dialog, within the file-size limit. */
  readFile?: (file: File) => Promise<Result<string>>;
  rereading?: boolean;
}) {
  const { plan } = props;
  const busy = props.rereading === true;
  const problems = plan.issues.filter(refuses);
  const notes = plan.issues.filter((issue) => !refuses(issue));
  const [addNewDocuments, setAddNewDocuments] = useState(false);
  const [addUnknownLabels, setAddUnknownLabels] = useState(true);
  const [labelChoice, setLabelChoice] = useState<Record<string, string>>({});
  const labelMap = useMemo(() => {
    const map: Record<string, string | null> = {};
    for (const [label, to] of Object.entries(labelChoice)) {
      if (to === LEAVE_OUT) setOwn(map, label, null);
      else if (to !== AS_IS) setOwn(map, label, to);
    }
    return map;
  }, [labelChoice]);
  const unknownLabels = plan.unknownLabels.filter((u) => !Object.hasOwn(labelMap, u.name));
  const mergeable = plan.matched > 0 || (addNewDocuments && plan.newDocuments > 0);
  return (
    <Modal title="Teammate work" onClose={props.onCancel} wide>
      {plan.annotators.length > 0 ? (
        <section aria-label="Annotators">
          <p>
            {plan.matched} matching {plan.matched === 1 ? 'document' : 'documents'}. Each annotator’s annotations replace what
            an earlier import of theirs put there:
          </p>
          <ul>
            {plan.annotators.map((a) => (
              <li key={a.id}>
                <strong>{a.name}</strong>: {a.spans} {a.spans === 1 ? 'span' : 'spans'} in {a.documents}{' '}
                {a.documents === 1 ? 'document' : 'documents'}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p>No teammate annotations match documents of this project.</p>
      )}
      {props.onReread && props.readFile && (
        <ImportReadChoices plan={plan} labelListFile={props.labelListFile} busy={busy} onReread={props.onReread} readFile={props.readFile} />
      )}
      {plan.protectedSpans > 0 && (
        <p className="hint">
          {plan.protectedSpans} {plan.protectedSpans === 1 ? 'span is' : 'spans are'} yours or gold: your own annotations are never changed
          by an import.
        </p>
      )}
      {plan.nearMatches.length > 0 && (
        <section aria-label="Same document, different text">
          <h3>Same document, different text (merged)</h3>
          <p className="hint">
            Their spans are carried onto your text where the words around them are unchanged; a span in text that differs is left out.
          </p>
          {plan.nearMatches.map((m, i) => (
            <div key={i} className="near-match">
              <p>
                <strong>
                  <bdi>{m.title}</bdi>
                </strong>{' '}
                ({m.file}
                {m.line !== undefined && <>, line {m.line}</>}): {Math.floor(m.similarity * 100)} % alike
              </p>
              <TextDiff match={m} />
              {m.leftOut.length > 0 && (
                <p className="hint">
                  Left out ({m.leftOut.length} {m.leftOut.length === 1 ? 'span' : 'spans'} in changed text):{' '}
                  {m.leftOut.map((s) => `${s.label} “${s.text}” (${s.annotator})`).join(', ')}
                  {m.leftOutRelations > 0 && `, and ${m.leftOutRelations} ${m.leftOutRelations === 1 ? 'relation' : 'relations'} at them`}
                </p>
              )}
            </div>
          ))}
        </section>
      )}
      {plan.mismatches.length > 0 && (
        <section aria-label="Different texts">
          <h3>Same id, a different text (not merged)</h3>
          <ul className="issue-list" tabIndex={0}>
            {plan.mismatches.map((m, i) => (
              <li key={i}>
                <strong>{m.file}</strong>
                {m.line !== undefined && <>, line {m.line}</>}: “<bdi>{m.title}</bdi>”: {m.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {plan.newDocuments > 0 && (
        <section aria-label="New documents">
          <label className="checkbox">
            <input type="checkbox" checked={addNewDocuments} onChange={(e) => setAddNewDocuments(e.target.checked)} />
            Also add {plan.newDocuments} {plan.newDocuments === 1 ? 'document' : 'documents'} this project does not have
          </label>
        </section>
      )}
      {plan.theirLabels.length > 0 && (
        <section aria-label="Label map">
          <LabelMapTable
            theirs={plan.theirLabels}
            ours={plan.ourLabels}
            choice={labelChoice}
            onChoose={(label, to) => setLabelChoice({ ...labelChoice, [label]: to })}
          />
        </section>
      )}
      {unknownLabels.length > 0 && (
        <section aria-label="Unknown labels">
          <label className="checkbox">
            <input type="checkbox" checked={addUnknownLabels} onChange={(e) => setAddUnknownLabels(e.target.checked)} />
            Add labels this project lacks: {unknownLabels.map((u) => `${u.name} (${u.count})`).join(', ')}
          </label>
        </section>
      )}
      {problems.length > 0 && (
        <section aria-label="Problems">
          <h3>Problems (these lines are left out)</h3>
          <ul className="issue-list" tabIndex={0}>
            {problems.slice(0, 200).map((issue, i) => (
              <li key={i}>{formatImportIssue(issue)}</li>
            ))}
          </ul>
        </section>
      )}
      {notes.length > 0 && (
        <section aria-label="Not imported">
          <h3>What the files hold that is not imported (their documents are)</h3>
          <ul className="issue-list" tabIndex={0}>
            {notes.slice(0, 200).map((issue, i) => (
              <li key={i}>{formatImportIssue(issue)}</li>
            ))}
          </ul>
        </section>
      )}
      <div className="modal__actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={!mergeable || busy}
          onClick={() => props.onMerge({ addNewDocuments, addUnknownLabels, labelMap })}
        >
          Merge
        </button>
      </div>
    </Modal>
  );
}
