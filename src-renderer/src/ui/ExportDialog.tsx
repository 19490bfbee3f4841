// Export: choose a format and which documents, then save (a download in the web build).
import { useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../../../src-shared/formats/export';
import { Modal } from './Modal';
import { ProgressBar } from './ProgressBar';

export type ExportScope = 'all' | 'filtered';

/** Whose annotations: one annotator's id (yours, gold, a teammate's) or 'all'. */
export type ExportLayer = string;

export function ExportDialog(props: {
  totalCount: number;
  filteredCount: number;
  /** Choices for whose annotations to export, yours first. */
  layers: ReadonlyArray<{ id: ExportLayer; name: string }>;
  progress: { done: number; total: number } | null;
  onSave: (format: ExportFormat, scope: ExportScope, layer: ExportLayer) => void;
  onClose: () => void;
}) {
  const [format, setFormat] = useState<ExportFormat>('spanwright');
  const [scope, setScope] = useState<ExportScope>('all');
  const [layer, setLayer] = useState<ExportLayer>(props.layers[0]?.id ?? 'all');
  const busy = props.progress !== null;
  return (
    <Modal title="Export" onClose={props.onClose}>
      <label className="field">
        <span>Format</span>
        <select aria-label="Format" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} disabled={busy}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Annotations</span>
        <select aria-label="Annotations" value={layer} onChange={(e) => setLayer(e.target.value)} disabled={busy}>
          {props.layers.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field" disabled={busy}>
        <legend>Documents</legend>
        <label className="checkbox">
          <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />
          All documents ({props.totalCount})
        </label>
        <label className="checkbox">
          <input type="radio" name="scope" checked={scope === 'filtered'} onChange={() => setScope('filtered')} />
          Documents in the filter ({props.filteredCount})
        </label>
      </fieldset>
      <p className="hint">Offsets are Unicode code points, so in Python text[start:end] is each span's text.</p>
      {props.progress && <ProgressBar label="Export progress" done={props.progress.done} total={props.progress.total} />}
      <div className="modal__actions">
        <button type="button" onClick={props.onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => props.onSave(format, scope, layer)}>
          Save
        </button>
      </div>
    </Modal>
  );
}
