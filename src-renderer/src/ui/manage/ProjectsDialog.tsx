// The projects on this machine: rename one, or delete one after saving its bundle (deleting
// cannot be undone, so the bundle is offered first and the name must be typed).
import { useState } from 'react';
import type { Project } from '../../../../src-shared/domain';
import { Modal } from '../Modal';
import { errorMessage } from '../../../../src-shared/result';

export function ProjectsDialog(props: {
  projects: readonly Project[];
  currentId: string;
  documentCounts: ReadonlyMap<string, number>;
  onRename: (projectId: string, name: string) => Promise<void>;
  onSaveBundle: (project: Project) => Promise<void>;
  onDelete: (project: Project) => Promise<void>;
  /** Opens Restore from backup. */
  onOpenBackups?: () => void;
  onClose: () => void;
}) {
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<Project | null>(null);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const attempt = async (action: () => Promise<void>) => {
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <Modal title="Projects" onClose={props.onClose} wide>
      <ul className="project-list" aria-label="Projects">
        {props.projects.map((project) => {
          const documents = props.documentCounts.get(project.id);
          return (
            <li key={project.id} aria-current={project.id === props.currentId ? 'true' : undefined}>
              {editing?.id === project.id ? (
                <form
                  className="project-list__rename"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void attempt(async () => {
                      await props.onRename(project.id, editing.name);
                      setEditing(null);
                    });
                  }}
                >
                  <input
                    aria-label="Project name"
                    value={editing.name}
                    onChange={(e) => setEditing({ id: project.id, name: e.target.value })}
                    autoFocus
                  />
                  <button type="submit" className="primary">
                    Save
                  </button>
                  <button type="button" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <>
                  <div className="project-list__what">
                    <strong>
                      <bdi>{project.name}</bdi>
                    </strong>
                    <span className="hint">
                      {documents === undefined ? '' : `${documents} ${documents === 1 ? 'document' : 'documents'}`}
                      {project.id === props.currentId ? ' · open' : ''}
                    </span>
                  </div>
                  <button
                    type="button"
                    onClick={() => setEditing({ id: project.id, name: project.name })}
                    aria-label={`Rename ${project.name}`}
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => {
                      setTyped('');
                      setDeleting(project);
                    }}
                    disabled={props.projects.length === 1}
                    title={props.projects.length === 1 ? 'The only project cannot be deleted: create another first.' : undefined}
                    aria-label={`Delete ${project.name}`}
                  >
                    Delete…
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {deleting && (
        <div className="confirm-box" role="group" aria-label="Delete project?">
          <p>
            Deleting “{deleting.name}” removes its documents, everyone’s annotations in it, its trash and its history from this machine. It
            cannot be undone. Save a project bundle first to keep a copy you can open again.
          </p>
          <button type="button" onClick={() => void attempt(() => props.onSaveBundle(deleting))}>
            Save a project bundle…
          </button>
          <label>
            Type the project’s name to delete it
            <input value={typed} onChange={(e) => setTyped(e.target.value)} aria-label="Project name to delete" />
          </label>
          <div className="modal__actions">
            <button type="button" onClick={() => setDeleting(null)}>
              Keep it
            </button>
            <button
              type="button"
              className="danger"
              disabled={typed.trim() !== deleting.name.trim()}
              onClick={() =>
                void attempt(async () => {
                  await props.onDelete(deleting);
                  setDeleting(null);
                })
              }
            >
              Delete project
            </button>
          </div>
        </div>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="modal__actions">
        {props.onOpenBackups && (
          <button type="button" className="modal__left-action" onClick={props.onOpenBackups}>
            Restore from backup…
          </button>
        )}
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
