// The window's side of an export run in export-worker.ts: starts the worker, hands back the
// summary as a savable export, and writes the chunks the worker streams into the save stream as
// they come, answering each once written (the worker's backpressure).
import type { SaveStream } from '../../../src-shared/bridge';
import type { SpanwrightDatabase } from '../storage/database';
import type { AssignmentPlan } from '../../../src-shared/assignment';
import type { Annotator, Project } from '../../../src-shared/domain';
import { BUNDLE_EXTENSION } from '../../../src-shared/formats/project-bundle';
import { prepareAssignmentBundles } from './assign-work';
import { prepareProjectBundle } from './bundle-build';
import {
  ExportCancelledError,
  exportFileName,
  prepareExportInWindow,
  savableFromParts,
  type ExportRequest,
  type PreparedExport,
  type SavableExport,
} from './export-documents';
import type { FromExportWorker, ToExportWorker } from './export-protocol';

/** How often a running summary checks whether the dialog still wants it. */
const CANCEL_POLL_MS = 100;

export interface ExportJobOptions {
  databaseName: string;
  documentIds: string[];
  request: ExportRequest;
  projectName: string;
  onProgress?: (done: number, total: number) => void;
  /** Polled while summarising: true stops the worker and resolves null. */
  isCancelled?: () => boolean;
}

/**
 * Summarises the export in a worker; resolves to an export to save (the worker stays, idle, to
 * write it), or null when cancelled. Rejects with the reason when the data cannot be exported.
 */
export function prepareExportInWorker(options: ExportJobOptions): Promise<SavableExport | null> {
  return runExportWorker(
    { type: 'summarize', databaseName: options.databaseName, documentIds: options.documentIds, request: options.request },
    () => exportFileName(options.projectName, options.request),
    options,
  );
}

/** Starts the worker with `start`, resolves at its summary to an export to save (or null when cancelled). */
function runExportWorker(
  start: ToExportWorker,
  fileName: (summary: Extract<FromExportWorker, { type: 'summary' }>) => string,
  options: Pick<ExportJobOptions, 'onProgress' | 'isCancelled'>,
): Promise<SavableExport | null> {
  const worker = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
  const post = (message: ToExportWorker) => worker.postMessage(message);
  let listener: ((message: FromExportWorker) => void) | null = null;
  let stopped = false;
  let onStop: (() => void) | null = null;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    worker.terminate();
    onStop?.();
  };
  worker.onmessage = (event: MessageEvent<FromExportWorker>) => listener?.(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    listener?.({ type: 'failed', reason: event.message || 'The export worker failed.' });
  };

  return new Promise<SavableExport | null>((resolve, reject) => {
    const poll = setInterval(() => {
      if (options.isCancelled?.()) {
        clearInterval(poll);
        stop();
        resolve(null);
      }
    }, CANCEL_POLL_MS);
    listener = (message) => {
      if (message.type === 'progress') options.onProgress?.(message.done, message.total);
      else if (message.type === 'failed') {
        clearInterval(poll);
        stop();
        reject(new Error(message.reason));
      } else if (message.type === 'summary') {
        clearInterval(poll);
        listener = null;
        resolve({
          fileName: fileName(message),
          summary: message.summary,
          writeTo: (stream, onProgress) => {
            if (stopped) return Promise.reject(new ExportCancelledError());
            return streamInto(
              stream,
              (handler) => (listener = handler),
              post,
              (cancel) => (onStop = cancel),
              onProgress,
            );
          },
          discard: stop,
        });
      }
    };
    post(start);
  });
}

/** Writes the worker's chunks in order, acknowledging each; commits at the end, aborts on failure or cancel. */
async function streamInto(
  stream: SaveStream,
  listen: (handler: (message: FromExportWorker) => void) => void,
  post: (message: ToExportWorker) => void,
  onStop: (cancel: () => void) => void,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      // Writes run one after another, in the order the chunks came.
      let writing = Promise.resolve();
      onStop(() => reject(new ExportCancelledError()));
      listen((message) => {
        if (message.type === 'progress') onProgress?.(message.done, message.total);
        else if (message.type === 'failed') reject(new Error(message.reason));
        else if (message.type === 'chunk') {
          writing = writing.then(async () => {
            await stream.write(message.bytes);
            post({ type: 'ack' });
          });
          writing.catch(reject);
        } else if (message.type === 'written') writing.then(resolve, reject);
      });
      post({ type: 'save' });
    });
    await stream.commit();
  } catch (error) {
    await stream.abort();
    throw error;
  }
}

/**
 * The app's export of the chosen documents: in a worker, so the window never stalls however
 * large the project; on this thread only where there are no workers (Node, unit tests).
 */
export function prepareSavableExport(
  db: SpanwrightDatabase,
  options: Omit<ExportJobOptions, 'databaseName'>,
): Promise<SavableExport | null> {
  if (typeof Worker === 'undefined')
    return prepareExportInWindow(db, options.documentIds, options.request, options.projectName, options.onProgress, options.isCancelled);
  return prepareExportInWorker({ ...options, databaseName: db.name });
}

/**
 * A whole project's bundle to save: built in the export worker and streamed into the save
 * stream, so the window neither reads the project nor holds the file; in the window only where
 * there are no workers.
 */
export function prepareSavableBundle(db: SpanwrightDatabase, project: Project, self: Annotator): Promise<SavableExport> {
  return prepareWholeFile(
    db,
    { type: 'bundle', databaseName: db.name, projectId: project.id, self },
    `${project.name}.${BUNDLE_EXTENSION}`,
    () => prepareProjectBundle(db, project, self),
  );
}

/** The work packages of an assignment (a zip of bundles), the same way. */
export function prepareSavableAssignment(db: SpanwrightDatabase, project: Project, plan: AssignmentPlan, self: Annotator): Promise<SavableExport> {
  return prepareWholeFile(
    db,
    { type: 'assignment', databaseName: db.name, projectId: project.id, plan, self },
    `${project.name}_assignments.zip`,
    () => prepareAssignmentBundles(db, project, plan, self),
  );
}

async function prepareWholeFile(
  db: SpanwrightDatabase,
  start: ToExportWorker,
  fallbackName: string,
  inWindow: () => Promise<PreparedExport>,
): Promise<SavableExport> {
  if (typeof Worker === 'undefined') return savableFromParts(await inWindow());
  const savable = await runExportWorker(start, (summary) => summary.fileName ?? fallbackName, {});
  // Only a cancel resolves null, and these have none.
  if (!savable) throw new Error('The file was not built.');
  return savable;
}
