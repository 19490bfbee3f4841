// Web worker: runs both passes of a document import (import-job.ts), a bundle's restore
// (bundle-job.ts) and a teammate merge (teammate-job.ts), off the window's thread. It
// reads the files itself (a browser File a slice at a time) and opens the project's database
// itself, so no document ever crosses to the window: only progress, the summary and the outcome.
import { describeError } from '../../../src-shared/describe-error';
import { SpanwrightDatabase } from '../storage/database';
import { assertLentPermit } from '../storage/write-permits';
import { writeBundle } from './bundle-job';
import { ImportCancelledError, summarizeImport, writeImport } from './import-job';
import type { FromImportWorker, ToImportWorker } from './import-protocol';
import { mergeTeammates, planTeammates } from './teammate-job';

const send = (message: FromImportWorker) => self.postMessage(message);
const progress = (done: number, total: number) => send({ type: 'progress', done, total });
let cancelled = false;

/** A connection whose writes survive a power cut once they say they are done (durable.ts): every import writes through one. */
const durable = (databaseName: string) => new SpanwrightDatabase(databaseName, { chromeTransactionDurability: 'strict' });

async function handle(message: ToImportWorker): Promise<void> {
  switch (message.type) {
    case 'cancel':
      cancelled = true;
      return;
    case 'summarize': {
      const db = new SpanwrightDatabase(message.databaseName);
      send({ type: 'summary', summary: await summarizeImport(db, message.input, progress) });
      return;
    }
    case 'write': {
      const assertWriter = (open: SpanwrightDatabase) => assertLentPermit(open, message.input.projectId, message.permit);
      const outcome = await writeImport(
        durable(message.databaseName),
        message.input,
        message.choices,
        assertWriter,
        progress,
        () => cancelled,
      );
      send({ type: 'written', outcome });
      return;
    }
    case 'bundle': {
      send({ type: 'restored', outcome: await writeBundle(durable(message.databaseName), message.input, progress, () => cancelled) });
      return;
    }
    case 'teammate-plan': {
      const db = new SpanwrightDatabase(message.databaseName);
      send({ type: 'teammate-summary', summary: await planTeammates(db, message.input, progress) });
      return;
    }
    case 'teammate-merge': {
      const assertWriter = (open: SpanwrightDatabase) => assertLentPermit(open, message.input.projectId, message.permit);
      send({
        type: 'merged',
        outcome: await mergeTeammates(durable(message.databaseName), message.input, message.merge, assertWriter, progress),
      });
    }
  }
}

self.onmessage = (event: MessageEvent<ToImportWorker>) => {
  handle(event.data).catch((error: unknown) =>
    send(error instanceof ImportCancelledError ? { type: 'cancelled' } : { type: 'failed', reason: describeError(error) }),
  );
};
