// The right-hand side of the workbench: welcome, label palette, guidelines, the review panel,
// the selected span's details, suggestions, the span list, project progress and the document note.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, useState } from 'react';
import type { Annotator, Label, LabelSchema, Span } from '../../../src-shared/domain';
import { OffsetConverter } from '../../../src-shared/offsets';
import type { useAdjudication } from '../app/adjudication';
import type { AnnotationSession } from '../app/annotation-session';
import type { ReviewState } from '../app/review-state';
import type { SpanwrightDatabase } from '../storage/database';
import { countSpansPerLabel } from '../storage/spans';
import { IdentityForm } from './IdentityDialog';
import { LabelPalette } from './LabelPalette';
import { NoteField } from './NoteField';
import { ProjectProgress } from './ProjectProgress';
import { ReviewPanel } from './ReviewPanel';
import { SpanDetails } from './SpanDetails';
import { countSpans, updateCounts, type SpanCounts } from './span-counts';
import { SpanList } from './SpanList';
import { SuggestionsPanel } from './SuggestionsPanel';
import type { RelationLinking } from './useRelationLinking';
import type { Snapping } from './useSnapping';
import type { SuggestionFlow } from './useSuggestionFlow';

export function Sidebar(props: {
  db: SpanwrightDatabase;
  projectId: string;
  annotator: Annotator;
  onRenameAnnotator: (name: string) => Promise<void>;
  /** Whose annotations are edited (yours, or gold's when reviewing). */
  editedAnnotator: string;
  mode: 'annotate' | 'review';
  schema: LabelSchema;
  guidelines: string | undefined;
  onApplyLabel: (label: Label) => void;
  snapping: Snapping;
  session: AnnotationSession;
  /** Whether a document is open and its annotations loaded. */
  documentOpen: boolean;
  text: string | undefined;
  selectedSpanIds: readonly string[];
  spansById: ReadonlyMap<string, Span>;
  onSelectSpans: (spanIds: string[]) => void;
  onDeleteSelected: () => void;
  onJump: (spanId: string) => void;
  linking: RelationLinking;
  suggestionFlow: SuggestionFlow;
  review: ReviewState;
  reviewIndex: number;
  onReviewSelect: (index: number) => void;
  onReviewStep: (direction: 1 | -1) => void;
  adjudication: ReturnType<typeof useAdjudication>;
  names: ReadonlyMap<string, string>;
  /** The project's documents, and how many each annotator has done. */
  progress: { total: number; doneCount: (annotator: string) => number };
  projectAnnotators: readonly string[];
}) {
  const { db, projectId, annotator, mode, schema, session, text, selectedSpanIds, spansById, review, adjudication } = props;
  const selectedSpan = selectedSpanIds[0] ? spansById.get(selectedSpanIds[0]) : undefined;
  // Offsets are shown in code points, as exports write them: counted once per text, not from
  // the start of the text for every span shown (a 1 MB text would be scanned on every label).
  const codePoints = useMemo(() => new OffsetConverter(text ?? ''), [text]);
  const [progressOpen, setProgressOpen] = useState(false);
  const projectLabelCounts = useLiveQuery(
    () =>
      progressOpen
        ? countSpansPerLabel(
            db,
            projectId,
            props.editedAnnotator,
            schema.labels.map((l) => l.name),
          )
        : Promise.resolve(undefined),
    [db, projectId, props.editedAnnotator, schema.labels, progressOpen],
  );
  const labelCounts = useLabelCounts(session.spansById);

  return (
    <aside className="sidebar">
      {annotator.name.trim() === '' && (
        <section className="welcome" aria-label="Welcome">
          <h3>Welcome to Spanwright</h3>
          <p className="hint">Tell your teammates who made your annotations:</p>
          <IdentityForm annotator={annotator} submitLabel="Save" onSave={(name) => void props.onRenameAnnotator(name)} />
        </section>
      )}
      {mode === 'review' && <p className="mode-note">Reviewing: labels go into the gold annotations.</p>}
      <LabelPalette
        schema={schema}
        onApply={props.onApplyLabel}
        counts={labelCounts}
        snapToWords={props.snapping.snapToWords}
        onSnapToWordsChange={props.snapping.setSnapToWords}
      />
      {props.guidelines?.trim() && (
        <details className="guidelines">
          <summary>Guidelines</summary>
          <p>{props.guidelines}</p>
        </details>
      )}
      {mode === 'review' && text !== undefined && (
        <ReviewPanel
          review={review}
          text={text}
          names={props.names}
          current={props.reviewIndex}
          onSelect={props.onReviewSelect}
          onAccept={adjudication.acceptVersion}
          onReject={(item) => void review.toggleRejected(item.key)}
          onAcceptAgreements={adjudication.acceptAgreements}
          onStep={props.onReviewStep}
          onAcceptRelation={adjudication.acceptRelationItem}
          onAcceptDocumentLabels={adjudication.acceptDocumentLabelVersion}
          onRejectKey={(key) => void review.toggleRejected(key)}
        />
      )}
      {selectedSpan ? (
        <SpanDetails
          span={selectedSpan}
          codePoints={codePoints}
          schema={schema}
          others={selectedSpanIds
            .slice(1)
            .map((id) => spansById.get(id))
            .filter((s): s is Span => s !== undefined)}
          onRelabel={(l) => void session.relabel(selectedSpan, l)}
          onMoveEdge={(edge, direction) => session.moveEdge(selectedSpan, edge, direction)}
          onDelete={props.onDeleteSelected}
          onSelect={(id) => props.onSelectSpans([id, ...selectedSpanIds.filter((x) => x !== id)])}
          relations={session.relations}
          spansById={spansById}
          onSetAttribute={(name, value) => session.setSpanAttribute(selectedSpan, name, value)}
          onSetNote={(note) => session.setSpanNote(selectedSpan, note)}
          onStartLink={(type) => props.linking.start(type, selectedSpan)}
          onRemoveRelation={(relation) => session.removeRelation(relation)}
          onJump={props.onJump}
        />
      ) : mode === 'review' ? null : (
        <p className="hint sidebar__hint">
          Select text, then press a label’s key or click the label. Click a span (or step through spans with [ and ]) to change or delete
          it.
        </p>
      )}
      {props.documentOpen && mode !== 'review' && <SuggestionsPanel flow={props.suggestionFlow} schema={schema} />}
      {props.documentOpen && text !== undefined && (
        <SpanList spans={session.spans} codePoints={codePoints} selectedId={selectedSpan?.id} onJump={props.onJump} />
      )}
      <ProjectProgress
        total={props.progress.total}
        doneCount={props.progress.doneCount}
        annotators={props.projectAnnotators.length > 0 ? props.projectAnnotators : [annotator.id]}
        names={props.names}
        labelCounts={projectLabelCounts}
        onOpenChange={setProgressOpen}
      />
      {props.documentOpen && (
        <section className="document-note" aria-label="This document">
          <NoteField label="Document note" note={session.documentAnnotation?.note ?? ''} onSave={session.setDocumentNote} />
        </section>
      )}
    </aside>
  );
}

const labelOf = (span: Span) => span.label;

/** Spans per label in the open document (the palette shows them), counted by change. */
function useLabelCounts(spans: ReadonlyMap<string, Span>): ReadonlyMap<string, number> {
  const counted = useRef<SpanCounts | null>(null);
  return useMemo(() => {
    if (counted.current) updateCounts(counted.current, spans);
    else counted.current = countSpans(spans, labelOf);
    // A map of its own for each render: the kept one changes in place.
    return new Map(counted.current.counts);
  }, [spans]);
}
