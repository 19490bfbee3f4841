// The open project's document index (app/document-index.ts), kept current from the change log.
import { useEffect, useRef, useState } from 'react';
import { followProjectDocuments } from '../app/document-index-feed';
import type { DocumentIndex } from '../app/document-index';
import type { SpanwrightDatabase } from '../storage/database';
import { errorMessage } from '../../../src-shared/result';

export interface DocumentIndexState {
  index: DocumentIndex;
  /** The index's version when this state was made: a dependency that changes with every patch. */
  version: number;
}

/** Undefined until the project's documents are read, and while `projectId` is null (not yet wanted). */
export function useDocumentIndex(
  db: SpanwrightDatabase,
  projectId: string | null,
  reportError: (message: string) => void,
): DocumentIndexState | undefined {
  const [state, setState] = useState<{ projectId: string; index: DocumentIndex; version: number }>();
  const report = useRef(reportError);
  report.current = reportError;
  useEffect(() => {
    if (projectId === null) return undefined;
    return followProjectDocuments(
      db,
      projectId,
      (index) => setState({ projectId, index, version: index.version }),
      (error) => report.current(`The document list could not be read: ${errorMessage(error)}`),
    );
  }, [db, projectId]);
  return state && state.projectId === projectId ? state : undefined;
}
