// Shown when an import found problems: every issue with file, line and reason, duplicates,
// and unknown labels; the user imports the good part (in one transaction) or nothing. Where the
// files leave it open (label ids, the offsets' unit), the user chooses and the report is read again.
import { useState } from 'react';
import type { ReadOptions } from '../../../src-shared/formats/format-module';
import { refuses, type ImportIssue } from '../../../src-shared/formats/import-result';
import type { Result } from '../../../src-shared/result';
import type { ImportPlan } from '../app/import-documents';
import { ImportReadChoices } from './ImportReadChoices';
import { Modal } from './Modal';

const MAX_LISTED = 200;

function IssueList(props: { label: string; heading: (count: number) => string; issues: readonly ImportIssue[] }) {
  if (props.issues.length === 0) return null;
  return (
    <section aria-label={props.label}>
      <h3>{props.heading(props.issues.length)}</h3>
      <ul className="issue-list" tabIndex={0}>
        {props.issues.slice(0, MAX_LISTED).map((issue, i) => (
          <li key={i}>
            <strong>{issue.file}</strong>
            {issue.line !== undefined && (
              <>
                , {issue.lineKind ?? 'line'} {issue.line}
              </>
            )}
            : {issue.reason}
          </li>
        ))}
        {props.issues.length > MAX_LISTED && <li>… and {props.issues.length - MAX_LISTED} more</li>}
      </ul>
    </section>
  );
}

export function ImportReportDialog(props: {
  plan: ImportPlan;
  onImport: (addUnknownLabels: boolean) => void;
  onCancel: () => void;
  /** Reads the files again with the user's choices (absent: the report offers none). */
  onReread?: (options: ReadOptions, labelListFile?: string) => void;
  /** The label list file the plan was read with. */
  labelListFile?: string;
  /** Reads a label list chosen in the dialog, within the file-size limit. */
  readFile?: (file: File) => Promise<Result<string>>;
  /** The files are being read again. */
  rereading?: boolean;
}) {
  const { plan } = props;
  const [addLabels, setAddLabels] = useState(true);
  const good = plan.documents;
  const busy = props.rereading === true;
  return (
    <Modal title="Import report" onClose={props.onCancel} wide>
      <p>
        {plan.files.length === 1 ? plan.files[0]?.name : `${plan.files.length} files`}: {good} {good === 1 ? 'document' : 'documents'} can be
        imported.
      </p>
      {props.onReread && props.readFile && (
        <ImportReadChoices plan={plan} labelListFile={props.labelListFile} busy={busy} onReread={props.onReread} readFile={props.readFile} />
      )}
      <IssueList
        label="Problems"
        heading={(n) => `${n} ${n === 1 ? 'problem' : 'problems'} (these lines are left out)`}
        issues={plan.issues.filter(refuses)}
      />
      <IssueList
        label="Not imported"
        heading={(n) => `${n} ${n === 1 ? 'thing' : 'things'} the files hold that are not imported (their documents are)`}
        issues={plan.issues.filter((issue) => !refuses(issue))}
      />
      {plan.duplicates.length > 0 && (
        <section aria-label="Duplicates">
          <h3>
            {plan.duplicates.length} duplicate {plan.duplicates.length === 1 ? 'document' : 'documents'} (not imported again)
          </h3>
          <ul className="issue-list" tabIndex={0}>
            {plan.duplicates.slice(0, MAX_LISTED).map((d, i) => (
              <li key={i}>
                <strong>{d.file}</strong>
                {d.line !== undefined && <>, line {d.line}</>}: “<bdi>{d.title}</bdi>” has the same text as “<bdi>{d.duplicateOf}</bdi>”
              </li>
            ))}
          </ul>
        </section>
      )}
      {plan.unknownLabels.length > 0 && (
        <section aria-label="Unknown labels">
          <h3>Labels not in this project</h3>
          <label className="checkbox">
            <input type="checkbox" checked={addLabels} onChange={(e) => setAddLabels(e.target.checked)} />
            Add {plan.unknownLabels.length === 1 ? 'this label' : `these ${plan.unknownLabels.length} labels`} to the project:{' '}
            {plan.unknownLabels.map((u) => `${u.name} (${u.layer}, ${u.count} ${u.count === 1 ? 'span' : 'spans'})`).join(', ')}
          </label>
          {!addLabels && <p className="hint">Spans with these labels will be left out.</p>}
        </section>
      )}
      <div className="modal__actions">
        <button type="button" onClick={props.onCancel}>
          {good > 0 ? 'Import nothing' : 'Close'}
        </button>
        {good > 0 && (
          <button type="button" className="primary" disabled={busy} onClick={() => props.onImport(addLabels)}>
            Import {good} {good === 1 ? 'document' : 'documents'}
          </button>
        )}
      </div>
    </Modal>
  );
}
