// One training of the tagger over a project as stored: its input read, the model trained and
// run, and the text each candidate covers. Runs in the tagger worker (in the window only where
// there are no workers: unit tests in Node).
import { coveredIn } from '../../../src-shared/suggestions/candidates';
import { trainAndSuggest } from '../../../src-shared/suggestions/evaluation';
import type { SpanwrightDatabase } from '../storage/database';
import { readTaggerInput } from './tagger-input';
import type { TaggerResult } from './tagger-protocol';

export async function trainOnProject(
  db: SpanwrightDatabase,
  projectId: string,
  annotator: string,
  labels: ReadonlySet<string>,
  locale?: string,
): Promise<TaggerResult> {
  const input = await readTaggerInput(db, projectId, annotator, labels, locale);
  const { evaluation, candidates } = trainAndSuggest(input);
  const coveredText = coveredIn(new Map(input.targets.map((t) => [t.id, t.text])));
  return { evaluation, candidates, covered: candidates.map(coveredText) };
}
