// Where a span's string is searched for in the open project: a worker that keeps the project's
// texts (same-string-worker.ts), started at the first search and ended when the project closes,
// so the window holds no texts and does no pass over the project per label. Without workers
// (unit tests in Node) the same texts and search run in the window.
import { sameStringCandidates } from '../../../src-shared/suggestions/same-string';
import type { Candidate } from '../../../src-shared/suggestions/candidates';
import type { SpanwrightDatabase } from '../storage/database';
import { ProjectTexts } from './project-texts';
import type { FromSameStringWorker, SameStringSpan, ToSameStringWorker } from './same-string-protocol';

export type { SameStringSpan } from './same-string-protocol';

export interface SameStringSearch {
  /** Candidates for the other occurrences of the span's text in the project as stored now (`sameStringCandidates`). */
  find(span: SameStringSpan, locale?: string): Promise<Candidate[]>;
  /** Ends the worker; finds still under way resolve with none. */
  close(): void;
}

/** The search in the window, over texts it keeps itself (where there are no workers). */
export function sameStringSearchInWindow(db: SpanwrightDatabase, projectId: string): SameStringSearch {
  const texts = new ProjectTexts(db, projectId);
  return {
    find: (span, locale) => texts.read((documents) => sameStringCandidates(documents, span, locale ? { locale } : {})),
    close: () => undefined,
  };
}

interface Pending {
  resolve: (candidates: Candidate[]) => void;
  reject: (error: Error) => void;
}

function sameStringSearchInWorker(databaseName: string, projectId: string): SameStringSearch {
  let worker: Worker | undefined;
  let lastId = 0;
  const waiting = new Map<number, Pending>();
  const end = (answer: (pending: Pending) => void) => {
    worker?.terminate();
    worker = undefined;
    for (const pending of waiting.values()) answer(pending);
    waiting.clear();
  };
  const start = (): Worker => {
    const started = new Worker(new URL('./same-string-worker.ts', import.meta.url), { type: 'module' });
    started.onmessage = (event: MessageEvent<FromSameStringWorker>) => {
      const answer = event.data;
      const pending = waiting.get(answer.id);
      waiting.delete(answer.id);
      if (answer.ok) pending?.resolve(answer.candidates);
      else pending?.reject(new Error(answer.reason));
    };
    // A worker that failed is ended; the next find starts another (which reads the texts again).
    started.onerror = (event) => {
      event.preventDefault();
      end((pending) => pending.reject(new Error(event.message || 'The same-string search failed.')));
    };
    return started;
  };
  return {
    find: (span, locale) =>
      new Promise<Candidate[]>((resolve, reject) => {
        worker ??= start();
        const id = ++lastId;
        waiting.set(id, { resolve, reject });
        const { documentId, label, start: from, end: to, text } = span;
        const message: ToSameStringWorker = { id, databaseName, projectId, span: { documentId, label, start: from, end: to, text } };
        if (locale) message.locale = locale;
        worker.postMessage(message);
      }),
    close: () => end((pending) => pending.resolve([])),
  };
}

export function openSameStringSearch(db: SpanwrightDatabase, projectId: string): SameStringSearch {
  return typeof Worker === 'undefined' ? sameStringSearchInWindow(db, projectId) : sameStringSearchInWorker(db.name, projectId);
}
