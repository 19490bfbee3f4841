// Web worker: trains the suggestion tagger on the Done documents and tags the others, off the
// UI thread (a retrain on a large project takes seconds, which must not freeze typing).
import { trainAndSuggest, type TaggerInput } from '../../../src-shared/suggestions/evaluation';
import { errorMessage } from '../../../src-shared/result';

self.onmessage = (event: MessageEvent<TaggerInput>) => {
  try {
    self.postMessage({ ok: true, ...trainAndSuggest(event.data) });
  } catch (error) {
    self.postMessage({ ok: false, reason: errorMessage(error) });
  }
};
