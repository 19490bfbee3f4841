// The top bar: project, mode, files, dialogs, undo and redo.
import type { RefObject } from 'react';
import type { Project } from '../../../src-shared/domain';
import { IMPORT_EXTENSIONS, type InputFile } from '../app/import-documents';
import { FilePickerButton } from './FilePickerButton';

export type WorkbenchDialog = 'export' | 'labels' | 'new-project' | 'identity' | 'agreement' | 'shortcuts';

export function TopBar(props: {
  projects: readonly Project[];
  projectId: string;
  onProjectChange: (projectId: string) => void;
  mode: 'annotate' | 'review';
  onModeChange: (mode: 'annotate' | 'review') => void;
  fileInput: RefObject<HTMLInputElement | null>;
  onImport: (files: InputFile[]) => void | Promise<void>;
  onImportTeammates: (files: InputFile[]) => void | Promise<void>;
  onOpenDialog: (dialog: WorkbenchDialog) => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
}) {
  return (
    <header className="topbar">
      <div className="brand" aria-hidden="true">
        Spanwright
      </div>
      <label className="project-picker">
        <span className="visually-hidden">Project</span>
        <select aria-label="Project" value={props.projectId} onChange={(e) => props.onProjectChange(e.target.value)}>
          {props.projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => props.onOpenDialog('new-project')}>
        New project
      </button>
      <div className="mode-switch" role="group" aria-label="Mode">
        <button type="button" aria-pressed={props.mode === 'annotate'} onClick={() => props.onModeChange('annotate')}>
          Annotate
        </button>
        <button type="button" aria-pressed={props.mode === 'review'} onClick={() => props.onModeChange('review')}>
          Review
        </button>
      </div>
      <span className="topbar__spacer" />
      <FilePickerButton
        label="Import documents"
        text="Import documents…"
        accept={IMPORT_EXTENSIONS.map((extension) => `.${extension}`).join(',')}
        inputRef={props.fileInput}
        onFiles={props.onImport}
      />
      <FilePickerButton label="Import teammate work" text="Teammate work…" accept=".jsonl,.json" onFiles={props.onImportTeammates} />
      <button type="button" onClick={() => props.onOpenDialog('export')}>
        Export
      </button>
      <button type="button" onClick={() => props.onOpenDialog('labels')}>
        Labels
      </button>
      <button type="button" onClick={() => props.onOpenDialog('agreement')}>
        Agreement
      </button>
      <button type="button" onClick={() => props.onOpenDialog('shortcuts')} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
        ?
      </button>
      <button type="button" onClick={props.onUndo} disabled={!props.canUndo} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" onClick={props.onRedo} disabled={!props.canRedo} title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
    </header>
  );
}
