// Messages between the export worker (export-worker.ts) and the window (export-job.ts).
import type { AssignmentPlan } from '../../../src-shared/assignment';
import type { Annotator } from '../../../src-shared/domain';
import type { ExportRequest, ExportSummary } from './export-documents';

/** Output goes to the window in chunks of this size (UTF-8 bytes, transferred, not copied). */
export const EXPORT_CHUNK_BYTES = 1024 * 1024;
/**
 * Chunks the worker sends before it waits for the window to say one was written: the window
 * never holds more than this many megabytes of the file, however slow the disk.
 */
export const EXPORT_CHUNKS_IN_FLIGHT = 4;

export type ToExportWorker =
  | { type: 'summarize'; databaseName: string; documentIds: string[]; request: ExportRequest }
  /** A whole project's bundle (Export › Project bundle), built like a backup snapshot. */
  | { type: 'bundle'; databaseName: string; projectId: string; self: Annotator }
  /** The work packages of an assignment plan, one bundle per annotator in a zip. */
  | { type: 'assignment'; databaseName: string; projectId: string; plan: AssignmentPlan; self: Annotator }
  | { type: 'save' }
  /** One chunk was written to the save stream. */
  | { type: 'ack' };

export type FromExportWorker =
  | { type: 'progress'; done: number; total: number }
  /** `fileName` for bundles, whose name the worker makes (it reads the project). */
  | { type: 'summary'; summary: ExportSummary; fileName?: string }
  | { type: 'chunk'; bytes: Uint8Array }
  /** The last chunk was sent. */
  | { type: 'written' }
  | { type: 'failed'; reason: string };
