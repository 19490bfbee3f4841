// Asked before a document is marked done while spans still lack a required attribute:
// names every such span (a click jumps to it), and lets the annotator go on or mark it done anyway.
import type { MissingAttributes } from '../../../src-shared/annotations/attribute-rules';
import { Modal } from './Modal';

export function MissingAttributesDialog(props: { missing: readonly MissingAttributes[]; onJump: (spanId: string) => void; onConfirm: () => void; onCancel: () => void }) {
  const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text).replace(/\s+/g, ' ');
  return (
    <Modal title="Required attributes are missing" onClose={props.onCancel}>
      <p>
        {props.missing.length} {props.missing.length === 1 ? 'span lacks' : 'spans lack'} a required attribute:
      </p>
      <ul className="missing-attributes" aria-label="Spans with missing attributes">
        {props.missing.map(({ span, missing }) => (
          <li key={span.id}>
            <button type="button" className="link-button" onClick={() => props.onJump(span.id)}>
              {span.label} “{clip(span.text)}”
            </button>{' '}
            lacks {missing.join(', ')}
          </li>
        ))}
      </ul>
      <div className="modal__actions">
        <button type="button" onClick={props.onCancel}>
          Keep working
        </button>
        <button type="button" className="danger" onClick={props.onConfirm}>
          Mark done anyway
        </button>
      </div>
    </Modal>
  );
}
