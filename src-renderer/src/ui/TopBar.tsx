// The top bar: the panel toggles, project, mode, files, dialogs, undo and redo. Where they
// would not fit on one row, the file and dialog actions fold into one "More" menu.
import { useRef, type RefObject } from 'react';
import type { Project } from '../../../src-shared/domain';
import { showBidiControls } from '../../../src-shared/formats/bidi-controls';
import { IMPORT_EXTENSIONS } from '../app/import-documents';
import type { ChosenFile } from '../app/chosen-files';
import { ActionsMenu } from './ActionsMenu';
import { FilePickerButton } from './FilePickerButton';
import { GearIcon, PanelIcon, UndoIcon } from './icons';
import { readDroppedFiles } from './useImportFlows';
import { useMediaQuery } from './useMediaQuery';
import type { Panels } from './usePanels';

export type WorkbenchDialog =
  | 'export'
  | 'labels'
  | 'new-project'
  | 'projects'
  | 'identity'
  | 'agreement'
  | 'shortcuts'
  | 'settings'
  | 'trash'
  | 'document-details'
  | 'assign'
  | 'team-server'
  | 'backups';

const DOCUMENT_ACCEPT = IMPORT_EXTENSIONS.map((extension) => `.${extension}`).join(',');
const TEAMMATE_ACCEPT = '.jsonl,.json';
/** Below this width every action no longer fits on one row: they fold into the menu. */
const COMPACT_TOP_BAR = '(max-width: 1320px)';

export function TopBar(props: {
  projects: readonly Project[];
  projectId: string;
  onProjectChange: (projectId: string) => void;
  mode: 'annotate' | 'review';
  onModeChange: (mode: 'annotate' | 'review') => void;
  fileInput: RefObject<HTMLInputElement | null>;
  onImport: (files: ChosenFile[]) => void | Promise<void>;
  onImportTeammates: (files: ChosenFile[]) => void | Promise<void>;
  onOpenDialog: (dialog: WorkbenchDialog) => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  panels: Panels;
}) {
  const { panels } = props;
  const compact = useMediaQuery(COMPACT_TOP_BAR);
  const teammateInput = useRef<HTMLInputElement>(null);
  return (
    <header className="topbar">
      <PanelToggle panels={panels} side="left" />
      {!panels.narrow && (
        <div className="brand" aria-hidden="true">
          Spanwright
        </div>
      )}
      <label className="project-picker">
        <span className="visually-hidden">Project</span>
        <select aria-label="Project" value={props.projectId} onChange={(e) => props.onProjectChange(e.target.value)}>
          {props.projects.map((p) => (
            <option key={p.id} value={p.id}>
              {showBidiControls(p.name)}
            </option>
          ))}
        </select>
      </label>
      {!compact && (
        <>
          <button type="button" onClick={() => props.onOpenDialog('new-project')}>
            New project
          </button>
          <button type="button" onClick={() => props.onOpenDialog('projects')} title="Rename or delete projects">
            Projects…
          </button>
        </>
      )}
      <div className="mode-switch" role="group" aria-label="Mode">
        <button type="button" aria-pressed={props.mode === 'annotate'} onClick={() => props.onModeChange('annotate')}>
          Annotate
        </button>
        <button type="button" aria-pressed={props.mode === 'review'} onClick={() => props.onModeChange('review')}>
          Review
        </button>
      </div>
      <span className="topbar__spacer" />
      {compact ? (
        <>
          {/* The menu's import items open these pickers. */}
          <HiddenFilePicker label="Import documents" accept={DOCUMENT_ACCEPT} inputRef={props.fileInput} onFiles={props.onImport} />
          <HiddenFilePicker
            label="Import teammate work"
            accept={TEAMMATE_ACCEPT}
            inputRef={teammateInput}
            onFiles={props.onImportTeammates}
          />
          <button
            type="button"
            className="icon-button"
            onClick={props.onUndo}
            disabled={!props.canUndo}
            aria-label="Undo"
            title="Undo (Ctrl+Z)"
          >
            <UndoIcon />
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={props.onRedo}
            disabled={!props.canRedo}
            aria-label="Redo"
            title="Redo (Ctrl+Shift+Z)"
          >
            <UndoIcon redo />
          </button>
          <ActionsMenu
            label="More actions"
            text="More"
            actions={[
              { label: 'New project…', onSelect: () => props.onOpenDialog('new-project') },
              { label: 'Import documents…', onSelect: () => props.fileInput.current?.click() },
              { label: 'Import teammate work…', onSelect: () => teammateInput.current?.click() },
              { label: 'Export…', onSelect: () => props.onOpenDialog('export') },
              { label: 'Labels…', onSelect: () => props.onOpenDialog('labels') },
              { label: 'Agreement…', onSelect: () => props.onOpenDialog('agreement') },
              { label: 'Rename or delete projects…', onSelect: () => props.onOpenDialog('projects') },
              { label: 'Restore from backup…', onSelect: () => props.onOpenDialog('backups') },
              { label: 'Team server…', onSelect: () => props.onOpenDialog('team-server') },
              { label: 'Keyboard shortcuts', onSelect: () => props.onOpenDialog('shortcuts') },
              { label: 'Settings…', onSelect: () => props.onOpenDialog('settings') },
            ]}
          />
        </>
      ) : (
        <>
          <FilePickerButton
            label="Import documents"
            text="Import documents…"
            accept={DOCUMENT_ACCEPT}
            inputRef={props.fileInput}
            onFiles={props.onImport}
          />
          <FilePickerButton label="Import teammate work" text="Teammate work…" accept={TEAMMATE_ACCEPT} onFiles={props.onImportTeammates} />
          <button type="button" onClick={() => props.onOpenDialog('export')}>
            Export
          </button>
          <button type="button" onClick={() => props.onOpenDialog('labels')}>
            Labels
          </button>
          <button type="button" onClick={() => props.onOpenDialog('agreement')}>
            Agreement
          </button>
          <button
            type="button"
            onClick={() => props.onOpenDialog('shortcuts')}
            title="Keyboard shortcuts (?)"
            aria-label="Keyboard shortcuts"
          >
            ?
          </button>
          <button type="button" onClick={props.onUndo} disabled={!props.canUndo} title="Undo (Ctrl+Z)">
            Undo
          </button>
          <button type="button" onClick={props.onRedo} disabled={!props.canRedo} title="Redo (Ctrl+Shift+Z)">
            Redo
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={() => props.onOpenDialog('settings')}
            aria-label="Settings"
            title="Settings: theme, text size, import limits"
          >
            <GearIcon />
          </button>
        </>
      )}
      <PanelToggle panels={panels} side="right" />
    </header>
  );
}

/** The button that shows or hides a side's panel: the document list (left) or the side panel (right). */
function PanelToggle(props: { panels: Panels; side: 'left' | 'right' }) {
  const { panels, side } = props;
  const left = side === 'left';
  const open = left ? panels.listOpen : panels.sideOpen;
  const name = left ? 'document list' : 'side panel';
  return (
    <button
      ref={left ? panels.listToggle : panels.sideToggle}
      type="button"
      className="icon-button"
      aria-label={left ? 'Document list' : 'Side panel'}
      aria-expanded={open}
      aria-controls={left ? panels.listId : panels.sideId}
      title={`${open ? 'Hide' : 'Show'} the ${name}`}
      onClick={left ? panels.toggleList : panels.toggleSide}
    >
      <PanelIcon side={side} open={open} />
    </button>
  );
}

/** A file input with no button of its own (a menu item opens it). */
function HiddenFilePicker(props: {
  label: string;
  accept: string;
  inputRef: RefObject<HTMLInputElement | null>;
  onFiles: (files: ChosenFile[]) => unknown;
}) {
  return (
    <input
      ref={props.inputRef}
      hidden
      type="file"
      multiple
      accept={props.accept}
      aria-label={props.label}
      onChange={(e) => {
        const files = e.target.files;
        if (files) void readDroppedFiles(files).then(props.onFiles);
        e.target.value = '';
      }}
    />
  );
}
