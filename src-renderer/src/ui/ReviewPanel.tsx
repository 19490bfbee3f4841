// Review of one document: which annotators to compare, progress, and the review item in
// hand with each annotator's version to accept into gold, or reject.
import type { Span } from '../../../src-shared/domain';
import type { ReviewItem, ReviewKind } from '../../../src-shared/review/compare-spans';
import type { DocumentLabelReviewItem, RelationReviewItem } from '../../../src-shared/review/compare-relations';
import type { ReviewState } from '../app/review-state';
import { REFERENCE_STYLES } from './document/nodes';

export const KIND_NAMES: Record<ReviewKind, string> = {
  agreement: 'Agreement',
  attributes: 'Same span, other attributes',
  label: 'Same span, other label',
  boundary: 'Different boundaries',
  missing: 'Not everyone marked this',
};

function excerpt(text: string, start: number, end: number): string {
  const piece = text.slice(start, end).replace(/\s+/g, ' ');
  return piece.length > 80 ? `${piece.slice(0, 80)}…` : piece;
}

export function ReviewPanel(props: {
  review: ReviewState;
  text: string;
  names: ReadonlyMap<string, string>;
  current: number;
  onSelect: (index: number) => void;
  onAccept: (item: ReviewItem, version: number) => void;
  onReject: (item: ReviewItem) => void;
  onAcceptAgreements: () => void;
  onStep: (direction: 1 | -1) => void;
  onAcceptRelation: (item: RelationReviewItem) => void;
  onAcceptDocumentLabels: (item: DocumentLabelReviewItem, version: number) => void;
  onRejectKey: (key: string) => void;
}) {
  const { review, text, names } = props;
  const item = review.items[props.current];
  const settled = item ? review.settled[props.current] : false;
  const name = (id: string) => names.get(id) ?? id;
  const spansById = new Map<string, Span>(review.referenceSpans.map((span) => [span.id, span]));
  const attributesOf = (id: string) => {
    const span = spansById.get(id);
    const entries = Object.entries(span?.attributes ?? {});
    return entries.length === 0 ? '' : entries.map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`).join(' · ');
  };
  return (
    <section className="review" aria-label="Review">
      <h3>Review</h3>
      {review.annotators.length === 0 ? (
        <p className="hint">
          No annotations to compare in this document yet. Import your teammates’ exports with <em>Teammate work…</em>, then
          build the gold annotations here.
        </p>
      ) : (
        <>
          <fieldset className="review__annotators">
            <legend>Compare</legend>
            {review.annotators.map((id, slot) => (
              <label key={id} className="checkbox">
                <input type="checkbox" checked={review.enabled.has(id)} onChange={() => review.toggle(id)} />
                {/* The outline their spans have in the text (the legend). */}
                <span className={`review__swatch span--annotator-${slot % REFERENCE_STYLES}`} aria-hidden="true" />
                {name(id)}
              </label>
            ))}
          </fieldset>
          <p className="review__progress" aria-live="polite">
            {review.disagreementsLeft === 0 ? 'No disagreements left' : `${review.disagreementsLeft} ${review.disagreementsLeft === 1 ? 'disagreement' : 'disagreements'} left`}
            {review.agreementsLeft > 0 && ` · ${review.agreementsLeft} ${review.agreementsLeft === 1 ? 'agreement' : 'agreements'} to accept`}
          </p>
          {review.agreementsLeft > 0 && (
            <button type="button" onClick={props.onAcceptAgreements} title="Accept all agreements (Shift+Enter)">
              Accept all agreements
            </button>
          )}
          <div className="review__nav">
            <button type="button" onClick={() => props.onStep(-1)} aria-label="Previous disagreement" title="Previous disagreement (b)">
              ‹ Previous
            </button>
            <button type="button" onClick={() => props.onStep(1)} aria-label="Next disagreement" title="Next disagreement (n)">
              Next ›
            </button>
          </div>
          {item && (
            <div className={`review-item review-item--${item.kind}`} role="group" aria-label="Review item">
              <div className="review-item__head">
                <span className="review-item__kind">
                  {KIND_NAMES[item.kind]} <span className="review-item__position">· item {props.current + 1} of {review.items.length}</span>
                </span>
                <span className="review-item__state">{review.rejected.has(item.key) ? 'Rejected' : settled ? 'In gold' : 'Open'}</span>
              </div>
              <blockquote>{excerpt(text, item.start, item.end)}</blockquote>
              <ol className="review-item__versions">
                {item.versions.map((version, index) => (
                  <li key={version.annotator}>
                    <span className="review-item__who">{name(version.annotator)}</span>
                    {version.spans.length === 0 ? (
                      <span className="hint">nothing</span>
                    ) : (
                      <ul>
                        {version.spans.map((span) => (
                          <li key={span.id}>
                            <strong>{span.label}</strong> “{excerpt(text, span.start, span.end)}”
                            {attributesOf(span.id) && <div className="review-item__attributes">{attributesOf(span.id)}</div>}
                            {spansById.get(span.id)?.note && <div className="review-item__note">Note: {spansById.get(span.id)?.note}</div>}
                          </li>
                        ))}
                      </ul>
                    )}
                    <button type="button" onClick={() => props.onAccept(item, index)} title={`Accept (${index + 1})`}>
                      Accept {name(version.annotator)}’s
                    </button>
                  </li>
                ))}
              </ol>
              <button type="button" className="danger" onClick={() => props.onReject(item)} title="Reject (x)">
                {review.rejected.has(item.key) ? 'Undo reject' : 'Reject all'}
              </button>
            </div>
          )}
          {review.relationItems.length > 0 && (
            <section className="review__relations" aria-label="Relations to review">
              <h4>Relations</h4>
              <ul>
                {review.relationItems.map((relationItem, index) => {
                  const { from, to } = relationItem.example;
                  const state = review.rejected.has(relationItem.key) ? 'Rejected' : review.relationSettled[index] ? 'In gold' : 'Open';
                  return (
                    <li key={relationItem.key} className={`review-relation review-relation--${relationItem.kind}`}>
                      <div>
                        <strong>{relationItem.type}</strong> {from.label} “{excerpt(text, from.start, from.end)}” → {to.label} “{excerpt(text, to.start, to.end)}”
                      </div>
                      <div className="review-relation__meta">
                        {relationItem.kind === 'agreement' ? 'Everyone' : relationItem.annotators.map(name).join(', ')} · {state}
                      </div>
                      <button type="button" onClick={() => props.onAcceptRelation(relationItem)} disabled={review.relationSettled[index] && !review.rejected.has(relationItem.key)}>
                        Accept relation
                      </button>
                      <button type="button" className="danger" onClick={() => props.onRejectKey(relationItem.key)}>
                        {review.rejected.has(relationItem.key) ? 'Undo reject' : 'Reject'}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
          {review.documentLabelItems.length > 0 && (
            <section className="review__document-labels" aria-label="Document labels to review">
              <h4>Document labels</h4>
              {review.documentLabelItems.map((labelItem, index) => (
                <div key={labelItem.category} className="review-document-label" role="group" aria-label={`Document label ${labelItem.category}`}>
                  <div>
                    <strong>{labelItem.category}</strong> · {labelItem.kind === 'agreement' ? 'agreement' : 'disagreement'} ·{' '}
                    {review.documentLabelSettled[index] ? 'in gold' : 'open'}
                  </div>
                  <ul>
                    {labelItem.versions.map((version, v) => (
                      <li key={version.annotator}>
                        {name(version.annotator)}: {version.values.length === 0 ? <span className="hint">nothing</span> : version.values.join(', ')}{' '}
                        {version.values.length > 0 && (
                          <button type="button" onClick={() => props.onAcceptDocumentLabels(labelItem, v)}>
                            Accept {name(version.annotator)}’s
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          )}
          {review.documentNotes.length > 0 && (
            <section className="review__notes" aria-label="Document notes">
              <h4>Notes on this document</h4>
              <ul>
                {review.documentNotes.map((n) => (
                  <li key={n.annotator}>
                    <strong>{name(n.annotator)}:</strong> {n.note}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <ol className="review__items" aria-label="Review items">
            {review.items.map((it, index) => (
              <li key={it.key}>
                <button
                  type="button"
                  aria-current={index === props.current ? 'true' : undefined}
                  className={`review__item-button${review.settled[index] ? ' is-settled' : ''}${it.kind === 'agreement' ? ' is-agreement' : ''}`}
                  onClick={() => props.onSelect(index)}
                >
                  <span>{review.settled[index] ? '✓' : it.kind === 'agreement' ? '=' : '≠'}</span> {excerpt(text, it.start, it.end)}
                </button>
              </li>
            ))}
          </ol>
          <p className="hint">Keys: n / b next and previous disagreement, 1–9 accept a version, x reject, Shift+Enter accept all agreements. Select text to add a gold span with a label key.</p>
        </>
      )}
    </section>
  );
}
