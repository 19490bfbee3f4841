// What a teammate's export holds before it is merged: whose layers, which documents match,
// which differ (never merged), which are new, and any problems.
import { useState } from 'react';
import type { ReadOptions } from '../../../src-shared/formats/format-module';
import { formatImportIssue } from '../../../src-shared/formats/import';
import { refuses } from '../../../src-shared/formats/import-result';
import type { TeammatePlan } from '../app/import-teammate';
import { ImportReadChoices } from './ImportReadChoices';
import { Modal } from './Modal';

export function TeammateImportDialog(props: {
  plan: TeammatePlan;
  onMerge: (options: { addNewDocuments: boolean; addUnknownLabels: boolean }) => void;
  onCancel: () => void;
  /** Reads the files again with the user's choices (a label list, the offsets' unit). */
  onReread?: (options: ReadOptions, labelListFile?: string) => void;
  labelListFile?: string;
  rereading?: boolean;
}) {
  const { plan } = props;
  const busy = props.rereading === true;
  const problems = plan.issues.filter(refuses);
  const notes = plan.issues.filter((issue) => !refuses(issue));
  const [addNewDocuments, setAddNewDocuments] = useState(false);
  const [addUnknownLabels, setAddUnknownLabels] = useState(true);
  const mergeable = plan.matches.length > 0 || (addNewDocuments && plan.unmatched.length > 0);
  return (
    <Modal title="Teammate work" onClose={props.onCancel} wide>
      {plan.annotators.length > 0 ? (
        <section aria-label="Annotators">
          <p>
            {plan.matches.length} matching {plan.matches.length === 1 ? 'document' : 'documents'}. Each annotator’s annotations replace what
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
      {props.onReread && <ImportReadChoices plan={plan} labelListFile={props.labelListFile} busy={busy} onReread={props.onReread} />}
      {plan.protectedSpans > 0 && (
        <p className="hint">
          {plan.protectedSpans} {plan.protectedSpans === 1 ? 'span is' : 'spans are'} yours or gold: your own annotations are never changed
          by an import.
        </p>
      )}
      {plan.mismatches.length > 0 && (
        <section aria-label="Different texts">
          <h3>Same document, different text (not merged)</h3>
          <ul className="issue-list" tabIndex={0}>
            {plan.mismatches.map((m, i) => (
              <li key={i}>
                <strong>{m.file}</strong>
                {m.line !== undefined && <>, line {m.line}</>}: “{m.title}”: {m.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {plan.unmatched.length > 0 && (
        <section aria-label="New documents">
          <label className="checkbox">
            <input type="checkbox" checked={addNewDocuments} onChange={(e) => setAddNewDocuments(e.target.checked)} />
            Also add {plan.unmatched.length} {plan.unmatched.length === 1 ? 'document' : 'documents'} this project does not have
          </label>
        </section>
      )}
      {plan.unknownLabels.length > 0 && (
        <section aria-label="Unknown labels">
          <label className="checkbox">
            <input type="checkbox" checked={addUnknownLabels} onChange={(e) => setAddUnknownLabels(e.target.checked)} />
            Add labels this project lacks: {plan.unknownLabels.map((u) => `${u.name} (${u.count})`).join(', ')}
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
          onClick={() => props.onMerge({ addNewDocuments, addUnknownLabels })}
        >
          Merge
        </button>
      </div>
    </Modal>
  );
}
