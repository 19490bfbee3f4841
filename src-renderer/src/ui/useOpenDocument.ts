// Which document is open in a project: restored when the project opens (or the first one),
// remembered when it changes, and its text loaded with its remembered scroll position.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../src-shared/result';
import type { DocumentRecord } from '../../../src-shared/domain';
import type { SpanwrightDatabase } from '../storage/database';
import { readDocumentText } from '../storage/documents';
import { isNumber, isString, readSetting, rememberSetting, SETTING } from '../storage/settings';

export interface OpenDocument {
  documentId: string | null;
  /** Opens a document and remembers it as the project's open one. */
  open(documentId: string): void;
  record: DocumentRecord | undefined;
  /** A document is chosen and not gone: until it is shown, it is being opened. */
  opening: boolean;
  /** The open document's text, once loaded (undefined while another document's text is shown). */
  text: string | undefined;
  /** Where the text was scrolled to when it was last open. */
  scrollTop: number;
  /** The project once its open document's first reads are done (or it has none to open). */
  settledProject: string | null;
}

export function useOpenDocument(db: SpanwrightDatabase, projectId: string, reportError: (message: string) => void): OpenDocument {
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [openText, setOpenText] = useState<{ documentId: string; text: string; scrollTop: number } | null>(null);
  const [settled, setSettled] = useState<string | null>(null);
  // A document opened belongs to the project shown (a project switch first clears documentId).
  const projectOfDocument = useRef(projectId);
  projectOfDocument.current = projectId;
  // Read through a ref: a new reportError must not restore the project's document again.
  const report = useRef(reportError);
  report.current = reportError;
  // Tagged with the document asked for: the live query holds the previous document's answer
  // until the new one's comes, and a document gone (to the trash) answers undefined.
  const answer = useLiveQuery(async () => ({ documentId, record: documentId ? await db.documents.get(documentId) : undefined }), [db, documentId]);

  const open = useCallback(
    (id: string) => {
      setDocumentId(id);
      rememberSetting(db, SETTING.openDocument(projectId), id);
    },
    [db, projectId],
  );

  // Restore the document that was open in this project (or open the first one).
  useEffect(() => {
    let cancelled = false;
    setDocumentId(null);
    void (async () => {
      try {
        const remembered = await readSetting(db, SETTING.openDocument(projectId), isString);
        const exists = remembered ? await db.documents.get(remembered) : undefined;
        const first =
          exists ?? (await db.documents.where('[projectId+order]').between([projectId, -Infinity], [projectId, Infinity]).first());
        if (cancelled) return;
        if (first) setDocumentId(first.id);
        else setSettled(projectId);
      } catch (error) {
        if (cancelled) return;
        report.current(`The open document could not be found: ${errorMessage(error)}`);
        setSettled(projectId);
      }
    })();
    rememberSetting(db, SETTING.lastProjectId, projectId);
    return () => {
      cancelled = true;
    };
  }, [db, projectId]);

  // Load the open document's text and its remembered scroll position.
  useEffect(() => {
    let cancelled = false;
    if (!documentId) {
      setOpenText(null);
      return;
    }
    void (async () => {
      try {
        const [text, scrollTop] = await Promise.all([
          readDocumentText(db, documentId),
          readSetting(db, SETTING.scrollTop(documentId), isNumber),
        ]);
        if (cancelled) return;
        if (text === undefined) reportError('The text of this document is missing from the database.');
        else setOpenText({ documentId, text, scrollTop: scrollTop ?? 0 });
      } catch (error) {
        if (!cancelled) reportError(`The text of this document could not be read: ${errorMessage(error)}`);
      } finally {
        // Read or not, the project's other reads (its document list) need not wait any longer.
        if (!cancelled) setSettled(projectOfDocument.current);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [db, documentId, reportError]);

  const current = openText && openText.documentId === documentId ? openText : null;
  const settledProject = settled === projectId ? projectId : null;
  const answered = answer?.documentId === documentId;
  const record = answered ? answer.record : undefined;
  const opening = documentId !== null && (!answered || record !== undefined);
  return { documentId, open, record, opening, text: current?.text, scrollTop: openText?.scrollTop ?? 0, settledProject };
}
