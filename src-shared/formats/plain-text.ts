// Plain text: a `.txt` file is one document, exactly as stored, titled by the file name.
import type { DocumentDraft } from '../domain';
import type { ReadOnlyFormat } from './format-module';

export const plainText: ReadOnlyFormat = { id: 'text', name: 'Plain text', extensions: ['txt'] };

/** The document of a `.txt` file, or why there is none. */
export function readPlainText(text: string, title: string): DocumentDraft | { reason: string } {
  if (text.trim() === '') return { reason: 'file contains only white space' };
  return { text, meta: { title }, spans: [] };
}
