// Proposals in files: Prodigy tasks answered reject or ignore, and Label Studio predictions,
// import as suggestions (rejected, pending), never as spans, so no export shows them as gold.
// Files count code points; drafts hold UTF-16 offsets (🚋 is two units).
import { describe, expect, it } from 'vitest';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { DocumentDraft } from '../../../src-shared/domain';
import { parseImportFile } from '../../../src-shared/formats/import';
import { recordsOfDraft } from '../fixtures/records';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const TEXT = '🚋 Ana Ruiz met Garry Conille in Lyon.';

function prodigy(answer: string, label = 'PERSON') {
  return JSON.stringify({
    text: TEXT,
    spans: [
      { start: 2, end: 10, label },
      { start: 15, end: 28, label: 'PERSON' },
    ],
    answer,
    _view_id: 'ner_manual',
  });
}


describe('Prodigy answers', () => {
  it('accept gives spans; reject gives rejected suggestions; ignore gives pending suggestions', () => {
    const file = [prodigy('accept'), prodigy('reject'), prodigy('ignore')].join('\n');
    const result = parseImportFile('news.jsonl', utf8(file), defaultSchema().labels);
    expect(result.issues).toEqual([]);
    const [accepted, rejected, ignored] = result.documents.map((d) => d.draft);
    expect(accepted?.spans).toHaveLength(2);
    expect(accepted?.suggestions).toBeUndefined();
    expect(rejected?.spans).toEqual([]);
    expect(rejected?.suggestions).toEqual([
      { label: 'PERSON', start: 3, end: 11, status: 'rejected' },
      { label: 'PERSON', start: 16, end: 29, status: 'rejected' },
    ]);
    expect(ignored?.suggestions?.map((s) => s.status)).toEqual(['pending', 'pending']);

    const made = recordsOfDraft(rejected as DocumentDraft);
    expect(made.spans).toEqual([]);
    expect(made.records.map((r) => r.kind)).toEqual(['suggestion', 'suggestion']);
    expect(made.records[0]?.value).toMatchObject({
      annotator: 'me',
      label: 'PERSON',
      text: 'Ana Ruiz',
      source: 'imported',
      status: 'rejected',
      layer: 'entity',
    });
  });

  it('counts suggestions of labels the project lacks, like spans', () => {
    const result = parseImportFile('news.jsonl', utf8(prodigy('reject', 'NOPE')), defaultSchema().labels);
    const made = recordsOfDraft(result.documents[0]?.draft as DocumentDraft);
    expect(made.droppedSuggestions).toBe(1);
    expect(made.records).toHaveLength(1);
  });
});

describe('Label Studio predictions', () => {
  it('are pending suggestions with their score; a task’s annotations stay spans', () => {
    const region = (start: number, end: number, text: string, label: string, score?: number) => ({
      id: `r${start}`,
      from_name: 'label',
      to_name: 'text',
      type: 'labels',
      value: { start, end, text, labels: [label] },
      ...(score === undefined ? {} : { score }),
    });
    const tasks = [
      {
        id: 1,
        data: { text: TEXT },
        predictions: [
          { model_version: 'v1', score: 0.5, result: [region(2, 10, 'Ana Ruiz', 'PERSON', 0.9), region(32, 36, 'Lyon', 'LOC')] },
        ],
      },
      { id: 2, data: { text: TEXT }, annotations: [{ result: [region(32, 36, 'Lyon', 'LOC')] }] },
    ];
    const result = parseImportFile('tasks.json', utf8(JSON.stringify(tasks)), defaultSchema().labels);
    expect(result.issues).toEqual([]);
    const [predicted, annotated] = result.documents.map((d) => d.draft);
    expect(predicted?.spans).toEqual([]);
    expect(predicted?.suggestions).toEqual([
      { label: 'PERSON', start: 3, end: 11, status: 'pending', score: 0.9 },
      { label: 'LOC', start: 33, end: 37, status: 'pending', score: 0.5 },
    ]);
    expect(annotated?.spans.map((s) => s.label)).toEqual(['LOC']);
    const made = recordsOfDraft(predicted as DocumentDraft);
    expect(made.records.map((r) => [r.kind, (r.value as { text: string }).text])).toEqual([
      ['suggestion', 'Ana Ruiz'],
      ['suggestion', 'Lyon'],
    ]);
  });
});
