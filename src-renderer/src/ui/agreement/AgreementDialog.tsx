// Agreement between annotators, for the open document or the documents of a scope (Done by
// every chosen annotator, annotated by every one, or all): span-level precision/recall/F1,
// kappas and alpha, a per-label F1 chart and a confusion heat map, relation P/R/F1, attribute
// and document-label kappas, all computed by the core (src-shared/agreement), with the
// documents used, and saved as CSV or JSON.
import { useEffect, useMemo, useState } from 'react';
import {
  DEFAULT_SCOPE,
  DOCUMENT_SCOPES,
  reportToCsv,
  reportToJson,
  SCOPE_LABELS,
  type AgreementReport,
  type ConfusionMatrix,
  type DocumentScope,
} from '../../../../src-shared/agreement';
import type { SpanwrightBridge } from '../../../../src-shared/bridge';
import type { LayerId } from '../../../../src-shared/domain';
import { showBidiControls } from '../../../../src-shared/formats/bidi-controls';
import { computeAgreement, loadAgreementInput, uniqueNames } from '../../app/agreement-input';
import type { SpanwrightDatabase } from '../../storage/database';
import { Modal } from '../Modal';
import { withoutYouMark } from '../useAnnotatorNames';
import { DocumentsUsed, LAYER_NAMES, PerDocumentTable } from './AgreementTables';
import {
  AttributeAgreementTable,
  DocumentLabelAgreementTable,
  fixed,
  RelationAgreementTable,
  ScoreCells,
} from './AnnotationAgreementTables';
import './agreement.css';
import { errorMessage } from '../../../../src-shared/result';

/** The open document alone, or the project's documents in a scope. */
type Scope = 'document' | DocumentScope;

function F1Bars(props: { labels: Array<{ label: string; f1: number }> }) {
  const width = 320;
  const bar = 18;
  const height = props.labels.length * (bar + 6) + 4;
  const summary = props.labels.map((l) => `${l.label} ${l.f1.toFixed(2)}`).join(', ');
  return (
    <svg className="f1-bars" width={width + 150} height={height} role="img" aria-label={`F1 per label: ${summary}`}>
      {props.labels.map((l, i) => (
        <g key={l.label} transform={`translate(0, ${i * (bar + 6) + 2})`}>
          <text x={0} y={bar - 5} className="f1-bars__label">
            {l.label}
          </text>
          <rect x={90} y={0} width={width} height={bar} className="f1-bars__track" />
          <rect x={90} y={0} width={Math.max(1, l.f1 * width)} height={bar} className="f1-bars__bar" />
          <text x={96 + width} y={bar - 5} className="f1-bars__value">
            {l.f1.toFixed(2)}
          </text>
        </g>
      ))}
    </svg>
  );
}

function HeatMap(props: { matrix: ConfusionMatrix; rowName: string; columnName: string }) {
  // Scale colours without the outside/outside cell, which dwarfs every other count.
  const outside = props.matrix.labels.length - 1;
  const max = Math.max(
    1,
    ...props.matrix.counts.flatMap((row, r) => row.filter((_, c) => !(r === outside && c === outside && props.matrix.labels[r] === 'O'))),
  );
  return (
    <table className="heat-map">
      <caption>
        Confusion matrix (tokens): rows {props.rowName}, columns {props.columnName}
      </caption>
      <thead>
        <tr>
          <th />
          {props.matrix.labels.map((l) => (
            <th key={l} scope="col">
              {l}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.matrix.labels.map((row, r) => (
          <tr key={row}>
            <th scope="row">{row}</th>
            {props.matrix.labels.map((column, c) => {
              const count = props.matrix.counts[r]?.[c] ?? 0;
              return (
                <td
                  key={column}
                  style={{ ['--heat' as string]: String(Math.min(1, count / max)) }}
                  className={r === c ? 'heat-map__diagonal' : undefined}
                >
                  {count}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AgreementDialog(props: {
  db: SpanwrightDatabase;
  projectId: string;
  documentId: string | null;
  /** Annotators with spans in the project (ids), and display names. */
  annotators: readonly string[];
  names: ReadonlyMap<string, string>;
  bridge: SpanwrightBridge;
  onClose: () => void;
}) {
  const { db, projectId, documentId, names } = props;
  const [scope, setScope] = useState<Scope>(DEFAULT_SCOPE);
  const [layer, setLayer] = useState<LayerId | 'both'>('both');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(props.annotators.filter((a) => a !== 'gold')));
  const [mode, setMode] = useState<'exact' | 'overlap'>('exact');
  const [pairIndex, setPairIndex] = useState(0);
  const [result, setResult] = useState<{ report: AgreementReport; titles: Map<string, string> } | null>(null);
  const [computing, setComputing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const selected = useMemo(() => props.annotators.filter((a) => chosen.has(a)), [props.annotators, chosen]);
  const display = useMemo(() => uniqueNames(props.annotators, names), [props.annotators, names]);
  // Reports and saved files name annotators as files do: "Rita", not "Rita (you)".
  const reportNames = useMemo(() => new Map([...names].map(([id, name]) => [id, withoutYouMark(name)])), [names]);

  useEffect(() => {
    let cancelled = false;
    let cancelComputation: () => void = () => undefined;
    setComputing(true);
    setFailure(null);
    const thisDocument = scope === 'document' && documentId !== null;
    loadAgreementInput(db, projectId, thisDocument ? [documentId] : null, selected, reportNames)
      .then((input) => {
        if (cancelled) return;
        // Tokenising a big project takes seconds: the core runs in a worker.
        const documentScope: DocumentScope = scope === 'document' ? 'all' : scope;
        const computation = computeAgreement(input, layer === 'both' ? { scope: documentScope } : { layer, scope: documentScope });
        cancelComputation = computation.cancel;
        return computation.report.then((report) => {
          if (cancelled) return;
          setResult({ report, titles: input.titles });
          setPairIndex(0);
        });
      })
      .catch((error: unknown) => !cancelled && setFailure(errorMessage(error)))
      .finally(() => !cancelled && setComputing(false));
    return () => {
      cancelled = true;
      cancelComputation();
    };
  }, [db, projectId, documentId, scope, layer, selected, reportNames]);

  const report = result?.report;
  const pair = report?.pairs[pairIndex];
  const scores = pair ? pair[mode] : null;
  const hasRelations = report?.relationCounts.some((count) => count > 0) ?? false;
  const relations = report?.relations[pairIndex];
  const attributes = report?.attributes[pairIndex];
  const documentLabels = report && report.documentLabels.overall.length > 0;

  const save = async (kind: 'csv' | 'json') => {
    if (!report) return;
    try {
      const stream = await props.bridge.saveFile(`agreement.${kind}`, [{ name: kind.toUpperCase(), extensions: [kind] }]);
      if (!stream) return;
      try {
        await stream.write(kind === 'csv' ? reportToCsv(report) : reportToJson(report));
        await stream.commit();
      } catch (error) {
        await stream.abort();
        throw error;
      }
    } catch (error) {
      setFailure(`Not saved: ${errorMessage(error)}`);
    }
  };

  return (
    <Modal title="Agreement" onClose={props.onClose} wide>
      <div className="agreement-controls">
        <label>
          Documents{' '}
          <select aria-label="Documents" value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
            {DOCUMENT_SCOPES.map((item) => (
              <option key={item} value={item}>
                {SCOPE_LABELS[item]}
              </option>
            ))}
            {documentId && <option value="document">This document</option>}
          </select>
        </label>
        <label>
          Layer{' '}
          <select aria-label="Layer" value={layer} onChange={(e) => setLayer(e.target.value as LayerId | 'both')}>
            <option value="both">Entities and claims</option>
            <option value="entity">Entities</option>
            <option value="claim">Claims</option>
          </select>
        </label>
        <label>
          Match{' '}
          <select aria-label="Match" value={mode} onChange={(e) => setMode(e.target.value as 'exact' | 'overlap')}>
            <option value="exact">Exact</option>
            <option value="overlap">Overlap</option>
          </select>
        </label>
        <fieldset className="agreement-controls__annotators">
          <legend>Annotators</legend>
          {props.annotators.map((id) => (
            <label key={id} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.has(id)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(id);
                  else next.delete(id);
                  setChosen(next);
                }}
              />
              {display.get(id)}
            </label>
          ))}
        </fieldset>
      </div>
      {computing && <p aria-live="polite">Computing…</p>}
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
      {report && result && <DocumentsUsed report={report} titles={result.titles} thisDocument={scope === 'document'} />}
      {report && report.message && (
        <p className="hint">
          {report.message[0]?.toUpperCase() + report.message.slice(1)}
          {report.annotators.length < 2 ? ': choose at least two.' : '.'}
        </p>
      )}
      {report && report.pairs.length > 0 && pair && scores && (
        <>
          {report.pairs.length > 1 && (
            <label className="field">
              <span>Pair</span>
              <select aria-label="Pair" value={pairIndex} onChange={(e) => setPairIndex(Number(e.target.value))}>
                {report.pairs.map((p, i) => (
                  <option key={i} value={i}>
                    {showBidiControls(p.reference)} vs {showBidiControls(p.candidate)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="agreement-grid">
            <table className="agreement-table">
              <caption>
                Span agreement ({mode}): {pair.reference} (reference) vs {pair.candidate}
              </caption>
              <thead>
                <tr>
                  <th>Label</th>
                  <th>TP</th>
                  <th>FP</th>
                  <th>FN</th>
                  <th>Precision</th>
                  <th>Recall</th>
                  <th>F1</th>
                </tr>
              </thead>
              <tbody>
                {scores.labels.map((l) => (
                  <tr key={`${l.layer}/${l.label}`}>
                    <th scope="row">{l.label}</th>
                    <ScoreCells score={l} />
                  </tr>
                ))}
                <tr className="agreement-table__overall">
                  <th scope="row">Overall</th>
                  <ScoreCells score={scores.overall} />
                </tr>
              </tbody>
            </table>
            <F1Bars labels={scores.labels.map((l) => ({ label: l.label, f1: l.f1 }))} />
          </div>
          {hasRelations && relations && <RelationAgreementTable pair={relations} mode={mode} />}
          {attributes && attributes.attributes.length > 0 && <AttributeAgreementTable pair={attributes} />}
          <table className="agreement-table">
            <caption>Kappa</caption>
            <thead>
              <tr>
                <th>Annotators</th>
                {report.layers.map((l) => (
                  <th key={l}>{LAYER_NAMES[l]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.pairs.map((p, i) => (
                <tr key={i}>
                  <th scope="row">
                    Cohen’s κ, {p.reference} / {p.candidate}
                  </th>
                  {report.layers.map((l) => (
                    <td key={l}>{fixed(p.cohenKappa.find((k) => k.layer === l)?.kappa)}</td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row">Fleiss’ κ, all</th>
                {report.layers.map((l) => (
                  <td key={l}>{fixed(report.overall.find((g) => g.layer === l)?.fleissKappa)}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">Krippendorff’s α, all</th>
                {report.layers.map((l) => (
                  <td key={l}>{fixed(report.overall.find((g) => g.layer === l)?.krippendorffAlpha)}</td>
                ))}
              </tr>
            </tbody>
          </table>
          {documentLabels &&
            (report.scope.compared.length + report.scope.withoutSpans.length > 1 ? (
              <DocumentLabelAgreementTable report={report} />
            ) : (
              <p className="hint">Document labels are compared over several documents: choose more than this document.</p>
            ))}
          <div className="agreement-heat-maps">
            {pair.confusion.map((c) => (
              <HeatMap key={c.layer} matrix={c.tokens} rowName={pair.reference} columnName={pair.candidate} />
            ))}
          </div>
          {scope !== 'document' && report.perDocument.length > 1 && result && (
            <PerDocumentTable report={report} pairIndex={pairIndex} mode={mode} hasRelations={hasRelations} titles={result.titles} />
          )}
        </>
      )}
      <div className="modal__actions">
        <button type="button" onClick={() => void save('csv')} disabled={!report}>
          Save CSV
        </button>
        <button type="button" onClick={() => void save('json')} disabled={!report}>
          Save JSON
        </button>
        <button type="button" className="primary" onClick={props.onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
