// Web worker: computes the agreement report off the UI thread (tokenising a large project
// takes seconds, which must not freeze the window).
import { agreementReport, type AgreementDocument, type AgreementOptions, type AnnotatorLayer } from '../../../src-shared/agreement';

export interface AgreementRequest {
  documents: AgreementDocument[];
  layers: AnnotatorLayer[];
  options: AgreementOptions;
}

self.onmessage = (event: MessageEvent<AgreementRequest>) => {
  const { documents, layers, options } = event.data;
  try {
    self.postMessage({ ok: true, report: agreementReport(documents, layers, options) });
  } catch (error) {
    self.postMessage({ ok: false, reason: error instanceof Error ? error.message : String(error) });
  }
};
