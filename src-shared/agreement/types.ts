// The inputs of the agreement metrics: what each annotator marked, per document, and the texts.
import type { LayerId } from '../domain';

/** One annotator's span. Offsets are half-open [start, end) in one unit for all spans (the app uses UTF-16). */
export interface AgreementSpan {
  documentId: string;
  layer: LayerId;
  label: string;
  start: number;
  end: number;
}

/** Everything one annotator marked, over all documents. */
export interface AnnotatorLayer {
  annotator: string;
  spans: AgreementSpan[];
}

/** A document every annotator worked on: tokens for the token-level figures come from its text. */
export interface AgreementDocument {
  id: string;
  text: string;
}

/** The label of a token that no span covers. */
export const OUTSIDE = 'O';
