// Assign documents: the lead names the annotators, picks the documents and the share done by
// two (for agreement), and saves one work bundle per annotator. The plan stays with the project,
// which then shows, per annotator, what is assigned, what came back and what is still missing.
import { useMemo, useState } from 'react';
import { assignmentProblem, assignmentProgress, type AssignmentPlan, type AssignmentRequest } from '../../../../src-shared/assignment';
import type { Annotator, DocumentRecord } from '../../../../src-shared/domain';
import { Modal } from '../Modal';
import { spanCountOf, statusOf } from '../../../../src-shared/document-rules';
import { errorMessage } from '../../../../src-shared/result';

const MISSING_SHOWN = 6;

/** What the project holds of a named annotator's work on a document (ids are per machine, names are shared). */
function workByName(documents: readonly DocumentRecord[], annotators: readonly Annotator[]) {
  const idsByName = new Map<string, string[]>();
  for (const a of annotators) {
    const key = a.name.trim().toLocaleLowerCase();
    idsByName.set(key, [...(idsByName.get(key) ?? []), a.id]);
  }
  const byId = new Map(documents.map((d) => [d.id, d]));
  return (documentId: string, name: string) => {
    const doc = byId.get(documentId);
    if (!doc) return undefined;
    const ids = idsByName.get(name.trim().toLocaleLowerCase()) ?? [];
    return {
      any: ids.some((id) => spanCountOf(doc, id) > 0 || Object.hasOwn(doc.statuses, id)),
      done: ids.some((id) => statusOf(doc, id) === 'done'),
    };
  };
}

export function AssignDialog(props: {
  documents: readonly DocumentRecord[];
  filtered: readonly DocumentRecord[];
  annotators: readonly Annotator[];
  plan: AssignmentPlan | undefined;
  onAssign: (request: AssignmentRequest) => Promise<void>;
  onSaveAgain: () => Promise<void>;
  onClose: () => void;
}) {
  const [planning, setPlanning] = useState(props.plan === undefined);
  const [names, setNames] = useState(props.plan?.annotators.join('\n') ?? '');
  const [scope, setScope] = useState<'all' | 'filtered'>('all');
  const [overlapPercent, setOverlapPercent] = useState(String(Math.round((props.plan?.overlap ?? 0.2) * 100)));
  const [seed, setSeed] = useState(String(props.plan?.seed ?? 1));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const chosen = scope === 'all' ? props.documents : props.filtered;
  const request: AssignmentRequest = {
    documentIds: chosen.map((d) => d.id),
    annotators: names
      .split('\n')
      .map((n) => n.trim())
      .filter((n) => n !== ''),
    overlap: Number(overlapPercent) / 100,
    seed: Number(seed),
  };
  const invalid = assignmentProblem(request);
  const shared = request.annotators.length < 2 || invalid ? 0 : Math.round(request.overlap * chosen.length);
  const titles = useMemo(() => new Map(props.documents.map((d) => [d.id, d.meta.title])), [props.documents]);
  const progress = useMemo(
    () => (props.plan ? assignmentProgress(props.plan, workByName(props.documents, props.annotators)) : []),
    [props.plan, props.documents, props.annotators],
  );

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Assign documents" onClose={props.onClose} wide>
      {props.plan && !planning && (
        <section aria-label="Assignment progress">
          <p className="hint">
            Assigned {new Date(props.plan.createdAt).toLocaleString()} · {Math.round(props.plan.overlap * 100)} % done by two · seed{' '}
            {props.plan.seed}. Work comes back through <em>Teammate work…</em> (matched by the annotator’s name).
          </p>
          <table className="assignment-table">
            <thead>
              <tr>
                <th scope="col">Annotator</th>
                <th scope="col">Assigned</th>
                <th scope="col">Returned</th>
                <th scope="col">Done</th>
                <th scope="col">Still missing</th>
              </tr>
            </thead>
            <tbody>
              {progress.map((row) => (
                <tr key={row.annotator}>
                  <th scope="row">{row.annotator}</th>
                  <td>{row.assigned}</td>
                  <td>{row.returned}</td>
                  <td>{row.done}</td>
                  <td>
                    {row.missing.length === 0
                      ? 'nothing'
                      : row.missing
                          .slice(0, MISSING_SHOWN)
                          .map((id) => titles.get(id) ?? 'a removed document')
                          .join('; ') + (row.missing.length > MISSING_SHOWN ? `; and ${row.missing.length - MISSING_SHOWN} more` : '')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="modal__actions">
            <button type="button" className="modal__left-action" onClick={() => setPlanning(true)}>
              New assignment…
            </button>
            <button type="button" onClick={() => void run(props.onSaveAgain)} disabled={busy}>
              Save the bundles again
            </button>
            <button type="button" onClick={props.onClose}>
              Close
            </button>
          </div>
        </section>
      )}
      {planning && (
        <form
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            if (!invalid)
              void run(async () => {
                await props.onAssign(request);
                setPlanning(false);
              });
          }}
        >
          <label>
            Annotators, one per line
            <textarea rows={4} value={names} onChange={(e) => setNames(e.target.value)} placeholder={'Ana\nBen\nChandra'} />
          </label>
          <fieldset className="field">
            <legend>Documents</legend>
            <label className="checkbox">
              <input type="radio" name="assign-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
              All ({props.documents.length})
            </label>
            <label className="checkbox">
              <input type="radio" name="assign-scope" checked={scope === 'filtered'} onChange={() => setScope('filtered')} />
              The list as filtered ({props.filtered.length})
            </label>
          </fieldset>
          <label>
            Done by two, for agreement (%)
            <input type="number" min={0} max={100} step={1} value={overlapPercent} onChange={(e) => setOverlapPercent(e.target.value)} />
          </label>
          <label>
            Seed (the same seed gives the same plan)
            <input type="number" step={1} value={seed} onChange={(e) => setSeed(e.target.value)} />
          </label>
          <p className="hint" aria-live="polite">
            {invalid ??
              `${chosen.length} documents to ${request.annotators.length} ${request.annotators.length === 1 ? 'annotator' : 'annotators'}: about ${Math.round((chosen.length + shared) / request.annotators.length)} each; ${shared} done by two. One bundle each, saved in one zip.`}
          </p>
          {props.plan && <p className="hint">A new assignment replaces the current one (the work already returned stays).</p>}
          {problem && (
            <p className="form-error" role="alert">
              {problem}
            </p>
          )}
          <div className="modal__actions">
            <button type="button" onClick={props.plan ? () => setPlanning(false) : props.onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={invalid !== null || busy}>
              Assign and save bundles
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
