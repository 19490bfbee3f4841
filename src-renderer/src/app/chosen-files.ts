// Files the user chose or dropped, never read into memory by the window: a browser asked for
// the bytes of a 3 GB file allocates them all (or dies trying) before any check could run. The
// import worker reads them (a slice at a time, or whole within the file-size limit, refusing a
// larger one by name); the window reads only a bundle's first 4 KB to tell it apart.
import type { ImportFile, InputFile } from './import-documents';
import { BUNDLE_EXTENSION, isProjectBundle } from '../../../src-shared/formats/project-bundle';

/** A file as the browser hands it over (a `File`), not read yet. */
export interface UnreadFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** What a picker or a drop gives: browser files, or files already read (the desktop's open dialog). */
export type ChosenFile = InputFile | UnreadFile;

// Not `'bytes' in file`: a browser's File has a `bytes()` method of its own.
const isUnread = (file: ChosenFile): file is UnreadFile => !((file as { bytes?: unknown }).bytes instanceof Uint8Array);

/**
 * A chosen file as an import takes it (documents, a bundle, a teammate's work): a browser file
 * stays unread (the import worker reads it, so its size does not matter to the window); one
 * already read (the desktop's open dialog) keeps its bytes.
 */
export async function importFileOf(file: ChosenFile): Promise<ImportFile> {
  if (!isUnread(file)) return { name: file.name, body: file.bytes };
  if (file instanceof Blob) return { name: file.name, body: file };
  return { name: file.name, body: new Uint8Array(await file.arrayBuffer()) };
}

/** Whether a chosen file is a project bundle (by its name, or its first line), reading no more than that line. */
export async function isBundleFile(file: ChosenFile): Promise<boolean> {
  if (file.name.endsWith(`.${BUNDLE_EXTENSION}`)) return true;
  if (!isUnread(file)) return isProjectBundle(file.bytes);
  if (!(file instanceof Blob)) return false;
  return isProjectBundle(new Uint8Array(await file.slice(0, 4096).arrayBuffer()));
}
