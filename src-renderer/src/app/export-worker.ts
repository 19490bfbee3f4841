// Web worker: runs an export off the window's thread. It opens the project's database itself
// (only reading, a batch of documents at a time), sends the summary first, and on `save`
// streams the file to the window in chunks, waiting for the window to write them
// (EXPORT_CHUNKS_IN_FLIGHT), so neither side holds the whole file and the window never stalls.
import { describeError } from '../../../src-shared/describe-error';
import { SpanwrightDatabase } from '../storage/database';
import type { Project } from '../../../src-shared/domain';
import { prepareAssignmentBundles } from './assign-work';
import { prepareProjectBundle } from './bundle-build';
import { planExport, summarizeExport, writeExport, type ExportPlan, type PreparedExport } from './export-documents';
import { EXPORT_CHUNK_BYTES, EXPORT_CHUNKS_IN_FLIGHT, type FromExportWorker, type ToExportWorker } from './export-protocol';

let db: SpanwrightDatabase | null = null;
let plan: ExportPlan | null = null;
/** A project bundle or work packages, built whole here (a bundle's lines, a zip), then streamed on `save`. */
let bundle: PreparedExport | null = null;
let inFlight = 0;
let acked: (() => void) | null = null;

function send(message: FromExportWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

const progress = (done: number, total: number) => send({ type: 'progress', done, total });

/** UTF-8 bytes gathered into EXPORT_CHUNK_BYTES pieces, each sent once full. */
function createChunker(): { write(chunk: string | Uint8Array): Promise<void>; end(): void } {
  const encoder = new TextEncoder();
  let buffer = new Uint8Array(EXPORT_CHUNK_BYTES);
  let used = 0;
  const post = async (): Promise<void> => {
    if (inFlight >= EXPORT_CHUNKS_IN_FLIGHT) await new Promise<void>((resolve) => (acked = resolve));
    const bytes = buffer.subarray(0, used);
    inFlight++;
    send({ type: 'chunk', bytes }, [bytes.buffer]);
    buffer = new Uint8Array(EXPORT_CHUNK_BYTES);
    used = 0;
  };
  return {
    async write(chunk) {
      let bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
      while (bytes.length > 0) {
        const room = EXPORT_CHUNK_BYTES - used;
        buffer.set(bytes.subarray(0, room), used);
        used += Math.min(room, bytes.length);
        bytes = bytes.subarray(room);
        if (used === EXPORT_CHUNK_BYTES) await post();
      }
    },
    end() {
      const bytes = buffer.subarray(0, used);
      if (used > 0) send({ type: 'chunk', bytes }, [bytes.buffer]);
      send({ type: 'written' });
    },
  };
}

async function readProject(db: SpanwrightDatabase, projectId: string): Promise<Project> {
  const project = await db.projects.get(projectId);
  if (!project) throw new Error('The project no longer exists.');
  return project;
}

async function handle(message: ToExportWorker): Promise<void> {
  switch (message.type) {
    case 'summarize': {
      db = new SpanwrightDatabase(message.databaseName);
      plan = await planExport(db, message.documentIds, message.request);
      if (!plan) return;
      const summary = await summarizeExport(db, plan, progress);
      if (summary) send({ type: 'summary', summary });
      return;
    }
    case 'bundle':
    case 'assignment': {
      const opened = new SpanwrightDatabase(message.databaseName);
      db = opened;
      const project = await readProject(opened, message.projectId);
      bundle =
        message.type === 'bundle'
          ? await prepareProjectBundle(opened, project, message.self)
          : await prepareAssignmentBundles(opened, project, message.plan, message.self);
      send({ type: 'summary', summary: bundle.summary, fileName: bundle.fileName });
      return;
    }
    case 'save': {
      const chunker = createChunker();
      if (bundle) {
        const parts = bundle.parts;
        for (const [i, part] of parts.entries()) {
          await chunker.write(part);
          if (i % 1000 === 0) progress(i, parts.length);
        }
      } else {
        if (!db || !plan) throw new Error('Nothing to save: the export was not prepared.');
        await writeExport(db, plan, (chunk) => chunker.write(chunk), progress);
      }
      chunker.end();
      return;
    }
    case 'ack': {
      inFlight--;
      const resolve = acked;
      acked = null;
      resolve?.();
      return;
    }
  }
}

self.onmessage = (event: MessageEvent<ToExportWorker>) => {
  handle(event.data).catch((error: unknown) => send({ type: 'failed', reason: describeError(error) }));
};
