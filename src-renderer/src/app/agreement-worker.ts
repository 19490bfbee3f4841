// Web worker: computes the agreement report off the UI thread (tokenising a large project
// takes seconds, which must not freeze the window).
import { agreementReport, type AgreementDocument, type AgreementOptions, type AnnotationSet } from '../../../src-shared/agreement';
import { errorMessage } from '../../../src-shared/result';

export interface AgreementRequest {
  documents: AgreementDocument[];
  annotationSets: AnnotationSet[];
  options: AgreementOptions;
}

self.onmessage = (event: MessageEvent<AgreementRequest>) => {
  const { documents, annotationSets, options } = event.data;
  try {
    self.postMessage({ ok: true, report: agreementReport(documents, annotationSets, options) });
  } catch (error) {
    self.postMessage({ ok: false, reason: errorMessage(error) });
  }
};
