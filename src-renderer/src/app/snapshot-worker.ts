// Web worker: builds a project's bundle for a backup snapshot off the window's thread. It opens
// the project's database itself (only reading) and sends the text back in pieces of about
// SNAPSHOT_PIECE_LENGTH, each its own message, so the window never decodes the whole bundle, or
// holds the project's rows, in one task.
import { describeError } from '../../../src-shared/describe-error';
import { SpanwrightDatabase } from '../storage/database';
import { prepareProjectBundle } from './bundle-build';
import { SNAPSHOT_PIECE_LENGTH, type FromSnapshotWorker, type ToSnapshotWorker } from './snapshot-protocol';

const send = (message: FromSnapshotWorker) => self.postMessage(message);

async function build({ databaseName, projectId, self: annotator }: ToSnapshotWorker): Promise<void> {
  const db = new SpanwrightDatabase(databaseName);
  try {
    const project = await db.projects.get(projectId);
    if (!project) throw new Error('The project no longer exists.');
    const bundle = await prepareProjectBundle(db, project, annotator);
    let piece: string[] = [];
    let length = 0;
    for (const part of bundle.parts) {
      // A bundle is text (Spanwright JSONL lines); an export's parts may be bytes only for zips.
      const text = typeof part === 'string' ? part : new TextDecoder().decode(part);
      piece.push(text);
      length += text.length;
      if (length >= SNAPSHOT_PIECE_LENGTH) {
        send({ type: 'piece', text: piece.join('') });
        piece = [];
        length = 0;
      }
    }
    if (piece.length > 0) send({ type: 'piece', text: piece.join('') });
    send({ type: 'built', projectName: project.name, documents: bundle.summary.documents, spans: bundle.summary.spans });
  } finally {
    db.close();
  }
}

self.onmessage = (event: MessageEvent<ToSnapshotWorker>) => {
  build(event.data).catch((error: unknown) => send({ type: 'failed', reason: describeError(error) }));
};
