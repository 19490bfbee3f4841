// The platform bridge for the plain web build: a file input for opening, a download for saving.
import type { FileFilter, MenuCommand, OpenedFile, SaveStream, SpanwrightBridge } from '../../../src-shared/bridge';
import { createSessionSecretStore } from './session-secrets';
import { createWebBackupStore } from './web-backups';

declare const __APP_VERSION__: string;

function pickFiles(filters: FileFilter[]): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.addEventListener('change', () => resolve(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => resolve([]), { once: true });
    input.click();
  });
}

/**
 * Turns each chunk into a Blob as it comes, so the file's bytes leave the page's heap for the
 * browser's blob storage (which spills to disk) rather than piling up until commit; commit
 * joins them and hands the finished file to the browser as a download. Abort drops them, and
 * nothing is downloaded.
 */
function downloadStream(fileName: string): SaveStream {
  let parts: Blob[] = [];
  return {
    async write(chunk) {
      // A Blob copies its bytes: the caller may reuse its buffer once the promise resolves.
      // (Save streams are never handed shared memory.)
      parts.push(new Blob([chunk as string | Uint8Array<ArrayBuffer>]));
    },
    async commit() {
      const url = URL.createObjectURL(new Blob(parts, { type: 'application/jsonl;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
      parts = [];
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    async abort() {
      parts = [];
    },
  };
}

// One store for the page's lifetime: every bridge made in this session sees the same secrets.
const sessionSecrets = createSessionSecretStore();
const webBackups = createWebBackupStore();

export function createWebBridge(): SpanwrightBridge {
  return {
    platform: 'web',
    appVersion: async () => __APP_VERSION__,
    openFiles: async (filters): Promise<OpenedFile[]> => {
      const files = await pickFiles(filters);
      return Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
    },
    saveFile: async (suggestedName) => downloadStream(suggestedName),
    onMenuCommand: (_handler: (command: MenuCommand) => void) => () => undefined,
    secrets: sessionSecrets,
    backups: webBackups,
  };
}
