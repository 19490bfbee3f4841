// Messages between the snapshot worker (snapshot-worker.ts) and the window (backups.ts).
import type { Annotator } from '../../../src-shared/domain';

/** The bundle's text comes back in pieces of about this many UTF-16 code units (whole lines). */
export const SNAPSHOT_PIECE_LENGTH = 256 * 1024;

export interface ToSnapshotWorker {
  databaseName: string;
  projectId: string;
  self: Annotator;
}

export type FromSnapshotWorker =
  | { type: 'piece'; text: string }
  /** Every piece was sent. */
  | { type: 'built'; projectName: string; documents: number; spans: number }
  | { type: 'failed'; reason: string };
