// The agreement view's tables of documents: which documents the figures used (with the scope),
// and the per-document figures, sortable by any column.
import { useEffect, useMemo, useState } from 'react';
import { keptOutReason, scopeSentence, type AgreementReport } from '../../../../src-shared/agreement';
import type { LayerId } from '../../../../src-shared/domain';
import { fixed } from './AnnotationAgreementTables';
import { ownValue } from '../../../../src-shared/own-keys';

export const LAYER_NAMES: Record<LayerId, string> = { entity: 'Entities', claim: 'Claims' };

/**
 * The scope's sentence ("Documents Done by every annotator: 3 compared, 1 without spans from
 * anyone, 4 out of scope") and, on demand, the documents by name and how each was used. Open
 * from the start when nothing was compared, so that the reason is in sight.
 */
export function DocumentsUsed(props: { report: AgreementReport; titles: ReadonlyMap<string, string>; thisDocument: boolean }) {
  const { report, titles } = props;
  const nothing = report.scope.compared.length === 0;
  const [open, setOpen] = useState(nothing);
  useEffect(() => {
    if (nothing) setOpen(true);
  }, [nothing, report]);
  if (props.thisDocument) return <p className="agreement-documents">{nothing ? 'This document: no spans from anyone' : 'This document'}</p>;
  const rows: Array<[string, string]> = [
    ...report.scope.compared.map((id): [string, string] => [id, 'Compared']),
    ...report.scope.withoutSpans.map((id): [string, string] => [id, 'Left out: no spans from anyone']),
    ...report.scope.outOfScope.map((id): [string, string] => [
      id,
      `Out of scope: ${keptOutReason(report.scope.scope, ownValue(report.scope.keptOutBy, id) ?? [])}`,
    ]),
  ];
  return (
    <div className="agreement-documents">
      <p>{scopeSentence(report.scope)}</p>
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>Documents used</summary>
        {/* Rendered only when open: a project may have thousands of documents. */}
        {open && (
          <table className="agreement-table">
            <caption>Documents</caption>
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Used</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([id, use]) => (
                <tr key={id}>
                  <th scope="row">{titles.get(id) ?? id}</th>
                  <td className="agreement-table__text">{use}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </div>
  );
}

type SortKey = 'document' | 'exact' | 'overlap' | 'relation' | LayerId;

interface DocumentRow {
  id: string;
  title: string;
  values: Record<Exclude<SortKey, 'document'>, number | null>;
}

/** Figures of each compared document for one pair; a click (or Enter, Space) on a column's header sorts by it, again reverses. */
export function PerDocumentTable(props: {
  report: AgreementReport;
  pairIndex: number;
  mode: 'exact' | 'overlap';
  hasRelations: boolean;
  titles: ReadonlyMap<string, string>;
}) {
  const { report, pairIndex, mode, hasRelations, titles } = props;
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'document', descending: false });
  const rows = useMemo(() => {
    const list = report.perDocument.map((d): DocumentRow => {
      const pair = d.pairs[pairIndex];
      const kappa = (layer: LayerId) => pair?.cohenKappa.find((k) => k.layer === layer)?.kappa ?? null;
      return {
        id: d.documentId,
        title: titles.get(d.documentId) ?? d.documentId,
        values: {
          exact: pair?.exact.overall.f1 ?? null,
          overlap: pair?.overlap.overall.f1 ?? null,
          relation: d.relations[pairIndex]?.[mode].overall.f1 ?? null,
          entity: kappa('entity'),
          claim: kappa('claim'),
        },
      };
    });
    const direction = sort.descending ? -1 : 1;
    const byTitle = (a: DocumentRow, b: DocumentRow) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    return list.sort((a, b) => {
      if (sort.key === 'document') return direction * byTitle(a, b);
      const x = a.values[sort.key];
      const y = b.values[sort.key];
      // n/a last whichever the direction; ties in title order.
      if (x === null || y === null) return x === y ? byTitle(a, b) : x === null ? 1 : -1;
      return direction * (x - y) || byTitle(a, b);
    });
  }, [report, pairIndex, mode, titles, sort]);

  const columns: Array<{ key: SortKey; label: string }> = [
    { key: 'document', label: 'Document' },
    { key: 'exact', label: 'Exact F1' },
    { key: 'overlap', label: 'Overlap F1' },
    ...(hasRelations ? [{ key: 'relation' as const, label: `Relation F1 (${mode})` }] : []),
    ...report.layers.map((layer) => ({ key: layer, label: `κ ${LAYER_NAMES[layer].toLowerCase()}` })),
  ];
  return (
    <table className="agreement-table">
      <caption>Per document</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th
              key={column.key}
              scope="col"
              aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : undefined}
            >
              <button
                type="button"
                className="agreement-sort"
                onClick={() => setSort((current) => ({ key: column.key, descending: current.key === column.key && !current.descending }))}
              >
                {column.label}
                <span aria-hidden="true" className="agreement-sort__arrow">
                  {sort.key === column.key ? (sort.descending ? '▼' : '▲') : ''}
                </span>
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">{row.title}</th>
            <td>{fixed(row.values.exact)}</td>
            <td>{fixed(row.values.overlap)}</td>
            {hasRelations && <td>{fixed(row.values.relation)}</td>}
            {report.layers.map((layer) => (
              <td key={layer}>{fixed(row.values[layer])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
