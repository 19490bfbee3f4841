// Agreement on what goes beyond spans: relation P/R/F1, span attribute kappas and document-label
// kappas, one table each, named by their captions so that tests and screen readers find them.
import type { AgreementReport, AttributePairAgreement, RelationPairAgreement } from '../../../../src-shared/agreement';

export const fixed = (value: number | null | undefined) => (value === null || value === undefined ? 'n/a' : value.toFixed(3));

/** The six cells of a P/R/F1 row: true and false positives, false negatives, precision, recall, F1. */
export function ScoreCells(props: { score: { tp: number; fp: number; fn: number; precision: number | null; recall: number | null; f1: number | null } }) {
  const { score } = props;
  return (
    <>
      <td>{score.tp}</td>
      <td>{score.fp}</td>
      <td>{score.fn}</td>
      <td>{fixed(score.precision)}</td>
      <td>{fixed(score.recall)}</td>
      <td>{fixed(score.f1)}</td>
    </>
  );
}

export function RelationAgreementTable(props: { pair: RelationPairAgreement; mode: 'exact' | 'overlap' }) {
  const { pair, mode } = props;
  const scores = pair[mode];
  return (
    <table className="agreement-table">
      <caption>
        Relation agreement ({mode} ends): {pair.reference} (reference) vs {pair.candidate}
      </caption>
      <thead>
        <tr>
          <th>Type</th>
          <th>TP</th>
          <th>FP</th>
          <th>FN</th>
          <th>Precision</th>
          <th>Recall</th>
          <th>F1</th>
        </tr>
      </thead>
      <tbody>
        {scores.types.map((t) => (
          <tr key={t.type}>
            <th scope="row">{t.type}</th>
            <ScoreCells score={t} />
          </tr>
        ))}
        <tr className="agreement-table__overall">
          <th scope="row">Overall</th>
          <ScoreCells score={scores.overall} />
        </tr>
      </tbody>
    </table>
  );
}

export function AttributeAgreementTable(props: { pair: AttributePairAgreement }) {
  const { pair } = props;
  return (
    <table className="agreement-table">
      <caption>
        Attribute agreement (spans matched exactly): {pair.reference} vs {pair.candidate}
      </caption>
      <thead>
        <tr>
          <th>Label and attribute</th>
          <th>Spans</th>
          <th>Items</th>
          <th>Cohen’s κ</th>
        </tr>
      </thead>
      <tbody>
        {pair.attributes.map((a) => (
          <tr key={`${a.layer}/${a.label}/${a.attribute}`}>
            <th scope="row">
              {a.label} {a.attribute}
              {a.multiple ? ' (per value)' : ''}
            </th>
            <td>{a.spans}</td>
            <td>{a.items}</td>
            <td>{fixed(a.kappa)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DocumentLabelAgreementTable(props: { report: AgreementReport }) {
  const { pairs, overall } = props.report.documentLabels;
  const group = props.report.annotators.length > 2;
  // Document labels count every document in scope, also those nobody put a span on.
  const documents = props.report.scope.compared.length + props.report.scope.withoutSpans.length;
  return (
    <table className="agreement-table">
      <caption>
        Document label agreement ({documents} document{documents === 1 ? '' : 's'})
      </caption>
      <thead>
        <tr>
          <th>Category</th>
          <th>Items</th>
          {pairs.map((p, i) => (
            <th key={i}>
              Cohen’s κ, {p.reference} / {p.candidate}
            </th>
          ))}
          {group && <th>Fleiss’ κ, all</th>}
          {group && <th>Krippendorff’s α, all</th>}
        </tr>
      </thead>
      <tbody>
        {overall.map((c, index) => (
          <tr key={c.category}>
            <th scope="row">
              {c.category}
              {c.multiple ? ' (per value)' : ''}
            </th>
            <td>{c.items}</td>
            {pairs.map((p, i) => (
              <td key={i}>{fixed(p.categories[index]?.kappa)}</td>
            ))}
            {group && <td>{fixed(c.fleissKappa)}</td>}
            {group && <td>{fixed(c.krippendorffAlpha)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
