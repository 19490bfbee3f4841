// Restore from backup: the automatic snapshots, newest first, with when, why and what they
// hold; one is restored as a new project, or in place of its project after a confirmation
// (a snapshot of the project as it is now is taken first), or saved as a file.
import { useState } from 'react';
import { BACKUP_REASON_TEXT, BACKUPS_KEPT, type BackupInfo } from '../../../../src-shared/backups';
import type { Project } from '../../../../src-shared/domain';
import { errorMessage } from '../../../../src-shared/result';
import type { RestoreOutcome, RestoreProgress, RestoreTarget } from '../../app/backups';
import { ImportCancelledError } from '../../app/import-job';
import { Modal } from '../Modal';
import { ProgressBar } from '../ProgressBar';

const when = (time: number) => new Date(time).toLocaleString();
const counted = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function BackupsDialog(props: {
  backups: readonly BackupInfo[] | null;
  /** Where the snapshots are kept, in words. */
  location: string;
  projects: readonly Project[];
  currentId: string;
  onRestore: (backup: BackupInfo, target: RestoreTarget, progress: RestoreProgress) => Promise<RestoreOutcome>;
  onRestored: (outcome: RestoreOutcome) => void;
  onDownload: (backup: BackupInfo) => Promise<void>;
  onClose: () => void;
}) {
  const [chosen, setChosen] = useState<BackupInfo | null>(null);
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** A restore under way: how far it is, and how to stop it. */
  const [restoring, setRestoring] = useState<{ done: number; total: number; cancel: () => void } | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const names = new Map(props.projects.map((p) => [p.id, p.name]));
  const currentName = names.get(props.currentId);
  // A project restored in place gets a new id and keeps its name: the backups of the one it
  // replaced (gone now) are still its history.
  const ofThisProject = (b: BackupInfo) => b.projectId === props.currentId || (!names.has(b.projectId) && b.projectName === currentName);
  const current = props.backups?.filter(ofThisProject) ?? [];
  const others = props.backups?.filter((b) => !ofThisProject(b)) ?? [];
  // What "in place" replaces: the open project for its own backups, else the backup's project while it exists.
  const replacedId =
    chosen === null ? undefined : ofThisProject(chosen) ? props.currentId : names.has(chosen.projectId) ? chosen.projectId : undefined;
  const replaced = replacedId === undefined ? undefined : names.get(replacedId);

  const act = async (work: () => Promise<void>) => {
    setProblem(null);
    setCancelled(false);
    setBusy(true);
    try {
      await work();
    } catch (error) {
      if (error instanceof ImportCancelledError) setCancelled(true);
      else setProblem(errorMessage(error));
    } finally {
      setBusy(false);
      setRestoring(null);
    }
  };

  const restore = (backup: BackupInfo, target: RestoreTarget) =>
    act(async () => {
      const controller = new AbortController();
      const cancel = () => controller.abort();
      setRestoring({ done: 0, total: 0, cancel });
      const outcome = await props.onRestore(backup, target, {
        signal: controller.signal,
        onProgress: (done, total) => setRestoring({ done, total, cancel }),
      });
      setChosen(null);
      props.onRestored(outcome);
    });

  const row = (backup: BackupInfo) => (
    <li key={backup.id} aria-current={chosen?.id === backup.id ? 'true' : undefined}>
      <div className="trash-list__what">
        <strong>{when(backup.createdAt)}</strong>
        <span className="hint">
          {BACKUP_REASON_TEXT[backup.reason]} · <bdi>{backup.projectName}</bdi> · {counted(backup.documents, 'document', 'documents')},{' '}
          {counted(backup.spans, 'span', 'spans')} · {size(backup.bytes)}
        </span>
      </div>
      <button
        type="button"
        onClick={() => {
          setChosen(backup);
          setReplace(false);
          setProblem(null);
        }}
        aria-label={`Restore the backup of ${when(backup.createdAt)}`}
      >
        Restore…
      </button>
      <button
        type="button"
        onClick={() => void act(() => props.onDownload(backup))}
        aria-label={`Download the backup of ${when(backup.createdAt)}`}
      >
        Download
      </button>
    </li>
  );

  return (
    <Modal title="Restore from backup" onClose={props.onClose} wide>
      <p className="hint">
        A backup of a project is taken before every import, database upgrade and delete in Labels, and once a day. The newest{' '}
        {BACKUPS_KEPT.import} of imports, {BACKUPS_KEPT['schema-delete']} of deletes, {BACKUPS_KEPT.daily} daily, {BACKUPS_KEPT.upgrade} of
        upgrades and {BACKUPS_KEPT['before-restore']} taken before a restore are kept per project. Kept in: {props.location || '…'}.
      </p>
      {props.backups === null ? (
        <p role="status">Reading the backups…</p>
      ) : props.backups.length === 0 ? (
        <p className="hint">No backup has been taken yet.</p>
      ) : (
        <>
          <h3>This project</h3>
          {current.length === 0 ? (
            <p className="hint">None of this project yet.</p>
          ) : (
            <ul className="trash-list" aria-label="Backups of this project">
              {current.map(row)}
            </ul>
          )}
          {others.length > 0 && (
            <>
              <h3>Other projects</h3>
              <ul className="trash-list" aria-label="Backups of other projects">
                {others.map(row)}
              </ul>
            </>
          )}
        </>
      )}
      {chosen && (
        <div className="confirm-box" role="group" aria-label="Restore this backup?">
          <p>
            Restore <bdi>{chosen.projectName}</bdi> as it was on {when(chosen.createdAt)}:{' '}
            {counted(chosen.documents, 'document', 'documents')}, {counted(chosen.spans, 'span', 'spans')}.
          </p>
          <label className="checkbox">
            <input type="radio" name="restore-target" checked={!replace} onChange={() => setReplace(false)} />
            As a new project (the current one stays as it is)
          </label>
          {replaced !== undefined && (
            <label className="checkbox">
              <input type="radio" name="restore-target" checked={replace} onChange={() => setReplace(true)} />
              <span>
                In place of <bdi>{replaced}</bdi> (a backup of it as it is now is taken first)
              </span>
            </label>
          )}
          <div className="modal__actions">
            <button type="button" onClick={() => setChosen(null)} disabled={busy}>
              Cancel
            </button>
            <button
              type="button"
              className={replace ? 'danger' : 'primary'}
              disabled={busy}
              onClick={() =>
                void restore(chosen, replace && replacedId !== undefined ? { kind: 'replace', projectId: replacedId } : { kind: 'new-project' })
              }
            >
              {replace ? `Replace ${replaced ?? ''}` : 'Restore as a new project'}
            </button>
          </div>
        </div>
      )}
      {restoring ? (
        <ProgressBar label="Restoring" done={restoring.done} total={restoring.total} onCancel={restoring.cancel} />
      ) : (
        busy && <p role="status">Working…</p>
      )}
      {cancelled && <p role="status">The restore was cancelled; nothing was changed.</p>}
      {problem && (
        <p role="alert" className="form-error">
          {problem}
        </p>
      )}
      <div className="modal__actions">
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
