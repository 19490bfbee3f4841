// Export: format, whose annotations, which documents, layers and labels (with renaming), an
// optional train/dev/test split, and a summary of what will be written and what the format
// cannot hold, before saving (a download in the web build).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LabelSchema, LayerId } from '../../../src-shared/domain';
import { showBidiControls } from '../../../src-shared/formats/bidi-controls';
import { defaultLayers, FORMATS, formatInfo, type FormatId } from '../../../src-shared/formats/registry';
import { countLeftOut, describeLeftOutCount, LEFT_OUT_REASON_TEXT, leftOutItemTexts } from '../../../src-shared/formats/left-out-messages';
import { ExportCancelledError, type ExportSummary, type SavableExport } from '../app/export-documents';
import { Modal } from './Modal';
import { ProgressBar } from './ProgressBar';
import { ownValue, setOwn } from '../../../src-shared/own-keys';
import { errorMessage } from '../../../src-shared/result';

export type ExportScope = 'all' | 'filtered';

/** Whose annotations: one annotator's id (yours, gold, a teammate's) or 'all'. */
export type AnnotationSetChoice = string;

export interface ExportChoices {
  format: FormatId;
  annotations: AnnotationSetChoice;
  scope: ExportScope;
  layers: LayerId[];
  labelMap: Record<string, string | null>;
  split: { ratios: { train: number; dev: number; test: number }; seed: number; stratify: boolean } | null;
}

const REASONS = LEFT_OUT_REASON_TEXT;

/** Parts of a split given a share that got no document (a share of 0 is meant to be empty). */
export function emptySplitParts(summary: ExportSummary, ratios: ExportChoices['split']): string[] {
  if (!summary.splitCounts || !ratios) return [];
  return (['train', 'dev', 'test'] as const).filter((name) => ratios.ratios[name] > 0 && summary.splitCounts?.[name] === 0);
}

function LeftOutList(props: { entries: ExportSummary['leftOut'] }) {
  // A long list scrolls (styles.css): focusable, so the keyboard can scroll it.
  return (
    <ul tabIndex={0}>
      {props.entries.slice(0, 200).map((l, i) => (
        <li key={i}>
          <strong>{l.title}</strong>: {REASONS[l.reason]}: {leftOutItemTexts(l).join(', ')}
        </li>
      ))}
    </ul>
  );
}

function Summary(props: { summary: ExportSummary }) {
  const { summary } = props;
  const dropped = summary.leftOut.filter((l) => l.dropped);
  const changed = summary.leftOut.filter((l) => !l.dropped);
  const count = (list: typeof summary.leftOut) => describeLeftOutCount(countLeftOut(list));
  return (
    <section className="export-summary" aria-label="Export summary">
      <p>
        <strong>{summary.documents}</strong> {summary.documents === 1 ? 'document' : 'documents'}, <strong>{summary.spans}</strong>{' '}
        {summary.spans === 1 ? 'span' : 'spans'}
        {summary.splitCounts &&
          ` (train ${summary.splitCounts.train}, dev ${summary.splitCounts.dev}, test ${summary.splitCounts.test} documents)`}
      </p>
      {summary.spansPerLabel.length > 0 && (
        <p className="export-summary__labels">
          {summary.spansPerLabel.map((l) => (
            <span key={l.label}>
              {l.label} {l.count}
            </span>
          ))}
        </p>
      )}
      {dropped.length > 0 && (
        <details className="export-summary__left-out">
          <summary>
            {count(dropped)} left out, in {new Set(dropped.map((l) => l.documentId)).size}{' '}
            {new Set(dropped.map((l) => l.documentId)).size === 1 ? 'document' : 'documents'}
          </summary>
          <LeftOutList entries={dropped} />
        </details>
      )}
      {changed.length > 0 && (
        <details className="export-summary__warnings">
          <summary>{count(changed)} written with a change (warnings)</summary>
          <LeftOutList entries={changed} />
        </details>
      )}
      {summary.emptyDocuments.length > 0 && (
        <p className="hint">
          {summary.emptyDocuments.length} {summary.emptyDocuments.length === 1 ? 'document has' : 'documents have'} no span in this export.
        </p>
      )}
    </section>
  );
}

export function ExportDialog(props: {
  schema: LabelSchema;
  totalCount: number;
  filteredCount: number;
  /** Choices for whose annotations to export, yours first. */
  /** Whose annotations can be exported: yours, gold, each teammate's, everyone's. */
  annotationSets: ReadonlyArray<{ id: AnnotationSetChoice; name: string }>;
  prepare: (
    choices: ExportChoices,
    onProgress: (done: number, total: number) => void,
    isCancelled: () => boolean,
  ) => Promise<SavableExport | null>;
  /** Asks where, then writes the file; rejects with ExportCancelledError once the export is discarded (no file is left). */
  save: (prepared: SavableExport, onProgress: (done: number, total: number) => void) => Promise<void>;
  /** Saves the whole project (schema, guidelines, every layer) as one bundle file. */
  saveBundle: () => Promise<void>;
  onClose: () => void;
}) {
  const [format, setFormat] = useState<FormatId>('spanwright');
  const [annotations, setAnnotations] = useState<AnnotationSetChoice>(props.annotationSets[0]?.id ?? 'all');
  const [scope, setScope] = useState<ExportScope>('all');
  const [layers, setLayers] = useState<LayerId[]>(defaultLayers('spanwright'));
  const [renames, setRenames] = useState<Record<string, string>>({});
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [splitOn, setSplitOn] = useState(false);
  const [ratios, setRatios] = useState({ train: 80, dev: 10, test: 10 });
  const [seed, setSeed] = useState(42);
  const [stratify, setStratify] = useState(true);
  const [prepared, setPrepared] = useState<{ key: string; result: SavableExport } | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The bundle is written from memory and cannot be stopped half-way; an export can.
  const [savingBundle, setSavingBundle] = useState(false);
  const info = formatInfo(format);

  const choices: ExportChoices = useMemo(() => {
    const labelMap: Record<string, string | null> = {};
    for (const label of props.schema.labels) {
      if (excluded.has(label.name)) setOwn(labelMap, label.name, null);
      else {
        const rename = ownValue(renames, label.name)?.trim();
        if (rename && rename !== label.name) setOwn(labelMap, label.name, rename);
      }
    }
    return { format, annotations, scope, layers, labelMap, split: splitOn ? { ratios, seed, stratify } : null };
  }, [annotations, excluded, format, layers, props.schema.labels, ratios, renames, scope, seed, splitOn, stratify]);
  const key = JSON.stringify(choices);

  // Every export prepared holds a worker until discarded: the one replaced, and all of them when
  // the dialog closes (Cancel during a save aborts its stream, so no partial file is left).
  const held = useRef(new Set<SavableExport>());
  // The export being saved is never discarded by a newer summary of the same choices (the list
  // changed meanwhile), only by closing the dialog.
  const beingSaved = useRef<SavableExport | null>(null);
  const closed = useRef(false);
  const hold = (result: SavableExport): SavableExport => {
    held.current.add(result);
    return result;
  };
  const release = useCallback((result: SavableExport | undefined) => {
    if (!result || result === beingSaved.current) return;
    held.current.delete(result);
    result.discard();
  }, []);
  const replacePrepared = useCallback(
    (next: { key: string; result: SavableExport }) =>
      setPrepared((previous) => {
        if (previous && previous.result !== next.result) release(previous.result);
        return next;
      }),
    [release],
  );

  // Prepare (and so summarise) a moment after the choices settle; a newer choice cancels.
  const generation = useRef(0);
  useEffect(
    () => () => {
      closed.current = true;
      generation.current++;
      for (const result of held.current) result.discard();
      held.current.clear();
    },
    [],
  );
  const { prepare } = props;
  useEffect(() => {
    const mine = ++generation.current;
    setFailure(null);
    const timer = setTimeout(() => {
      setProgress({ done: 0, total: 1 });
      prepare(
        choices,
        (done, total) => mine === generation.current && setProgress({ done, total }),
        () => mine !== generation.current,
      ).then(
        (result) => {
          if (mine !== generation.current) return release(result ?? undefined);
          setProgress(null);
          if (result) replacePrepared({ key: JSON.stringify(choices), result: hold(result) });
        },
        (error: unknown) => {
          if (mine !== generation.current) return;
          setProgress(null);
          setFailure(errorMessage(error));
        },
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [choices, prepare, release, replacePrepared]);

  const current = prepared && prepared.key === key ? prepared.result : null;
  const emptyParts = current ? emptySplitParts(current.summary, choices.split) : [];

  const save = async () => {
    setSaving(true);
    setFailure(null);
    try {
      // Saving right after a change: prepare now rather than wait for the summary (only closing the dialog stops it).
      const onProgress = (done: number, total: number) => setProgress({ done, total });
      const fresh = current ? null : await prepare(choices, onProgress, () => closed.current);
      const result = current ?? (fresh && hold(fresh));
      setProgress(null);
      if (!result) return;
      // An empty part of a split is shown first (the summary warns); the next Save saves.
      if (!current && emptySplitParts(result.summary, choices.split).length > 0) {
        replacePrepared({ key, result });
        return;
      }
      beingSaved.current = result;
      await props.save(result, onProgress);
    } catch (error) {
      if (!(error instanceof ExportCancelledError)) setFailure(errorMessage(error));
    } finally {
      beingSaved.current = null;
      setProgress(null);
      setSaving(false);
    }
  };

  const chooseFormat = (id: FormatId) => {
    setFormat(id);
    setLayers(defaultLayers(id));
  };

  const labelsShown = props.schema.labels.filter((l) => layers.includes(l.layer));

  return (
    <Modal title="Export" onClose={props.onClose} wide>
      <div className="export-grid">
        <div>
          <label className="field">
            <span>Format</span>
            <select aria-label="Format" value={format} onChange={(e) => chooseFormat(e.target.value as FormatId)} disabled={saving}>
              {FORMATS.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Annotations</span>
            <select aria-label="Annotations" value={annotations} onChange={(e) => setAnnotations(e.target.value)} disabled={saving}>
              {props.annotationSets.map((l) => (
                <option key={l.id} value={l.id}>
                  {showBidiControls(l.name)}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="field" disabled={saving}>
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
          <fieldset className="field" disabled={saving}>
            <legend>Layers</legend>
            {(['entity', 'claim'] as const).map((layer) => (
              <label key={layer} className="checkbox">
                <input
                  type={info.layerMode === 'one' ? 'radio' : 'checkbox'}
                  name="export-layer"
                  disabled={!info.layers.includes(layer)}
                  checked={layers.includes(layer)}
                  onChange={(e) =>
                    setLayers(
                      info.layerMode === 'one' ? [layer] : e.target.checked ? [...layers, layer] : layers.filter((l) => l !== layer),
                    )
                  }
                />
                {layer === 'entity' ? 'Entities' : 'Claims'}
                {!info.layers.includes(layer) && <span className="hint"> (not in this format)</span>}
              </label>
            ))}
          </fieldset>
          <fieldset className="field" disabled={saving}>
            <legend>Split</legend>
            <label className="checkbox">
              <input type="checkbox" checked={splitOn} onChange={(e) => setSplitOn(e.target.checked)} />
              Split into train / dev / test (by document, in a zip)
            </label>
            {splitOn && (
              <div className="split-fields">
                {(['train', 'dev', 'test'] as const).map((name) => (
                  <label key={name}>
                    {name} %
                    <input
                      type="number"
                      min={0}
                      aria-label={`${name} share`}
                      value={ratios[name]}
                      onChange={(e) => setRatios({ ...ratios, [name]: Math.max(0, Number(e.target.value) || 0) })}
                    />
                  </label>
                ))}
                <label>
                  seed
                  <input
                    type="number"
                    aria-label="Split seed"
                    value={seed}
                    onChange={(e) => setSeed(Math.trunc(Number(e.target.value) || 0))}
                  />
                </label>
                <label className="checkbox">
                  <input type="checkbox" checked={stratify} onChange={(e) => setStratify(e.target.checked)} />
                  stratify by labels present
                </label>
              </div>
            )}
          </fieldset>
        </div>
        <div>
          <table className="export-labels">
            <caption>Labels</caption>
            <thead>
              <tr>
                <th>Export</th>
                <th>Label</th>
                <th>As</th>
              </tr>
            </thead>
            <tbody>
              {labelsShown.map((label) => (
                <tr key={label.name}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Export ${label.name}`}
                      checked={!excluded.has(label.name)}
                      onChange={(e) => {
                        const next = new Set(excluded);
                        if (e.target.checked) next.delete(label.name);
                        else next.add(label.name);
                        setExcluded(next);
                      }}
                    />
                  </td>
                  <td>{label.name}</td>
                  <td>
                    <input
                      aria-label={`Export ${label.name} as`}
                      placeholder={label.name}
                      value={ownValue(renames, label.name) ?? ''}
                      disabled={excluded.has(label.name)}
                      onChange={(e) => setRenames({ ...renames, [label.name]: e.target.value })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <p className="hint">
        Offsets are Unicode code points, so in Python text[start:end] is each span’s text.
        {info.id === 'hf-token' && ' The zip holds the data and labels.json, the tag list.'}
        {info.id === 'brat' && ' The zip holds a .txt and .ann pair per document and annotation.conf.'}
      </p>
      {progress && <ProgressBar label="Export progress" done={progress.done} total={progress.total} />}
      {current && <Summary summary={current.summary} />}
      {emptyParts.length > 0 && (
        <p role="alert" className="field-error">
          The {emptyParts.join(' and ')} {emptyParts.length === 1 ? 'part is' : 'parts are'} empty: too few documents for these shares.
          Change the shares, or save anyway.
        </p>
      )}
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
      <div className="modal__actions">
        <button
          type="button"
          className="modal__left-action"
          disabled={saving}
          title="The whole project in one file: label schema, guidelines, every document and every annotator's work. Import it to restore the project."
          onClick={() => {
            setSaving(true);
            setSavingBundle(true);
            props
              .saveBundle()
              .catch((error: unknown) => setFailure(errorMessage(error)))
              .finally(() => {
                setSaving(false);
                setSavingBundle(false);
              });
          }}
        >
          Project bundle
        </button>
        <button type="button" onClick={props.onClose} disabled={savingBundle}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={saving || layers.length === 0} onClick={() => void save()}>
          {emptyParts.length > 0 ? 'Save anyway' : 'Save'}
        </button>
      </div>
    </Modal>
  );
}
