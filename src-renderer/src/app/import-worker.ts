// Web worker: parses one import file and hashes its documents off the UI thread, so a
// large file never freezes the window.
import type { Label } from '../../../src-shared/domain';
import { parseImportFile } from '../../../src-shared/formats/import';
import { hashText } from '../../../src-shared/text-hash';
import type { ParsedFile } from './parse-files';

interface Request {
  name: string;
  bytes: Uint8Array;
  labels: Label[];
}

self.onmessage = (event: MessageEvent<Request>) => {
  const { name, bytes, labels } = event.data;
  const result = parseImportFile(name, bytes, labels);
  const reply: ParsedFile = { result, hashes: result.documents.map((d) => hashText(d.draft.text)) };
  self.postMessage(reply);
};
