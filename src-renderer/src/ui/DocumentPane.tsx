// The middle of the workbench: the open document's title, status and stepping, its document
// labels, the find bar, the relation-linking banner and the document view itself.
import type { ComponentProps, MutableRefObject } from 'react';
import { DOCUMENT_STATUSES, type DocumentRecord, type DocumentStatus, type LabelSchema, type Span } from '../../../src-shared/domain';
import type { AnnotationSession } from '../app/annotation-session';
import { DocumentLabels } from './DocumentLabels';
import { STATUS_NAMES } from './DocumentList';
import { DocumentView } from './document/DocumentView';
import { FindBar } from './FindBar';
import { typesFrom } from './SpanRelations';
import type { RelationLinking } from './useRelationLinking';
import type { useFind } from './useFind';

const clipText = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text).replace(/\s+/g, ' ');

/** What the document view shows and reports, apart from the document and its text. */
export type DocumentViewProps = Omit<ComponentProps<typeof DocumentView>, 'documentId' | 'text' | 'language' | 'find'>;

export function DocumentPane(props: {
  /** The open document, once it and its annotations are loaded. */
  record: DocumentRecord | undefined;
  text: string | undefined;
  loaded: boolean;
  /** Whether a document is chosen (then the pane says it is opening until it is shown). */
  opening: boolean;
  /** Whether the project has no documents at all (the empty state says how to import). */
  noDocuments: boolean;
  session: AnnotationSession;
  schema: LabelSchema;
  onStatusChange: (status: DocumentStatus) => void;
  /** Opens the document's details (title, source…; move to trash). */
  onEditDetails: () => void;
  onStep: (delta: 1 | -1) => void;
  canStepBack: boolean;
  canStepForward: boolean;
  find: ReturnType<typeof useFind>;
  onLabelAll: ComponentProps<typeof FindBar>['onLabelAll'];
  linking: RelationLinking;
  /** The document text's font size in CSS pixels (a setting). */
  fontSize: number;
  view: DocumentViewProps;
  articleRef: MutableRefObject<HTMLElement | null>;
}) {
  const { record, text, session, schema, find, linking } = props;
  return (
    <main className="document-pane" style={{ ['--document-font-size' as string]: `${props.fontSize}px` }}>
      {record && text !== undefined && props.loaded ? (
        <>
          <div className="document-header">
            <h1 title={record.meta.title}>{record.meta.title}</h1>
            <select
              aria-label="Document status"
              value={session.status}
              onChange={(e) => props.onStatusChange(e.target.value as DocumentStatus)}
            >
              {DOCUMENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_NAMES[s]}
                </option>
              ))}
            </select>
            <button type="button" onClick={props.onEditDetails} title="Title, source, date, language; move to trash">
              Details…
            </button>
            <button type="button" onClick={() => props.onStep(-1)} disabled={!props.canStepBack} aria-label="Previous document">
              ‹
            </button>
            <button type="button" onClick={() => props.onStep(1)} disabled={!props.canStepForward} aria-label="Next document">
              ›
            </button>
          </div>
          <DocumentLabels
            categories={schema.documentCategories}
            annotation={session.documentAnnotation}
            onToggle={session.toggleDocumentLabel}
          />
          {find.open && (
            <FindBar
              text={text}
              spans={session.spans}
              schema={schema}
              onMatches={find.setState}
              onClose={find.close}
              onLabelAll={props.onLabelAll}
            />
          )}
          <LinkingBanner linking={linking} schema={schema} />
          <DocumentView
            {...props.view}
            documentId={record.id}
            text={text}
            language={record.meta.language}
            articleRef={props.articleRef}
            find={find.state}
          />
        </>
      ) : (
        <div className="empty-state" aria-busy={props.opening}>
          {props.noDocuments ? (
            <>
              <h1>No documents yet</h1>
              <p>Import .txt, .jsonl or .json files (doccano and spaCy JSONL keep their spans), or drop them here.</p>
            </>
          ) : props.opening ? (
            // Chosen, its text and annotations still being read (a dense document takes a while).
            <p>{record ? `Opening “${record.meta.title}”…` : 'Opening the document…'}</p>
          ) : (
            <p>Choose a document from the list.</p>
          )}
        </div>
      )}
    </main>
  );
}

/** While a relation is being made: what is linked, and how to choose its type or target. */
function LinkingBanner({ linking, schema }: { linking: RelationLinking; schema: LabelSchema }) {
  if (!linking.linking && !linking.choosingFor) return null;
  return (
    <div className="linking-banner" role="status">
      {linking.linking ? (
        <>
          Linking <bdi>{linking.linking.from.label}</bdi> “{clipText(linking.linking.from.text)}” with{' '}
          <strong>
            <bdi>{linking.linking.type.name}</bdi>
          </strong>
          : click the target span, or step with [ and ] and press Enter. Esc cancels.
        </>
      ) : (
        <>
          Link {linking.choosingFor?.label} with:{' '}
          {typesFrom(schema, linking.choosingFor as Span).map((t, i) => (
            <button key={t.name} type="button" onClick={() => linking.choosingFor && linking.start(t, linking.choosingFor)}>
              {t.name} <kbd>{t.hotkey || String(i + 1)}</kbd>
            </button>
          ))}{' '}
          Esc cancels.
        </>
      )}
    </div>
  );
}
