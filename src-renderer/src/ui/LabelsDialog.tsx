// The schema editor: labels (with their attributes), relation types and document categories,
// in tabs, plus the project's guidelines. Renames and deletes are undoable changes made by the
// annotation session; a delete first says what goes with it, and whose work that is.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SchemaItemKind, SchemaItems } from '../../../src-shared/annotations/change';
import type { LabelSchema } from '../../../src-shared/domain';
import { errorMessage } from '../../../src-shared/result';
import type { AnnotationSession } from '../app/annotation-session';
import { Modal } from './Modal';
import { CategoriesTab } from './schema-editor/CategoriesTab';
import { DeleteConfirmation, deletedMessage, type PendingDelete } from './schema-editor/DeleteConfirmation';
import type { SchemaEditing } from './schema-editor/editing';
import { LabelsTab } from './schema-editor/LabelsTab';
import { RelationTypesTab } from './schema-editor/RelationTypesTab';

function GuidelinesEditor(props: { guidelines: string; onSave: (text: string) => Promise<void> }) {
  const [text, setText] = useState(props.guidelines);
  return (
    <section className="guidelines-editor" aria-label="Guidelines">
      <label className="field">
        <span>Guidelines (shown to annotators beside the labels, and saved in project bundles)</span>
        <textarea aria-label="Guidelines text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="button" disabled={text === props.guidelines} onClick={() => void props.onSave(text)}>
        Save guidelines
      </button>
    </section>
  );
}

const TABS = [
  {
    id: 'labels',
    title: 'Labels',
    hint: 'Kinds of span. Renaming a label renames its spans (Ctrl+Z undoes it); its attributes are the values annotators give each span.',
  },
  {
    id: 'relation-types',
    title: 'Relation types',
    hint: 'Links between two spans, from a source label to a target label. No label ticked at an end means any label.',
  },
  {
    id: 'categories',
    title: 'Document categories',
    hint: 'Labels for a whole document, set in its header. Renaming or removing a value does not change documents that already have it.',
  },
] as const;

type TabId = (typeof TABS)[number]['id'];

export function LabelsDialog(props: {
  schema: LabelSchema;
  guidelines: string;
  onSaveGuidelines: (text: string) => Promise<void>;
  session: Pick<AnnotationSession, 'editSchemaItem' | 'changeSchema' | 'deleteSchemaItem'>;
  /** What deleting an item takes along, per annotator id. */
  countUses: (what: SchemaItemKind, name: string) => Promise<ReadonlyMap<string, number>>;
  /** Annotators' names to show, by id ("Ana (you)", "Gold"). */
  names: ReadonlyMap<string, string>;
  onDone: (message: string) => void;
  onError: (message: string) => void;
  onClose: () => void;
  /** Writes a backup of the project; a delete waits for it (app/backups.ts). */
  backUp?: () => Promise<unknown>;
}) {
  const { session, onError } = props;
  const [tab, setTab] = useState<TabId>('labels');
  const [pending, setPending] = useState<PendingDelete | null>(null);
  // The delete waiting for its backup; "Keep it" meanwhile clears it, and the delete does not happen.
  // Closing the dialog does not: the delete was confirmed, so it goes on once the backup is written.
  const backingUp = useRef<PendingDelete | null>(null);
  const open = useRef(true);
  useEffect(
    () => () => {
      open.current = false;
    },
    [],
  );
  const baseId = useId();
  const tabRefs = useRef(new Map<TabId, HTMLButtonElement>());

  const attempt = async (work: () => Promise<void>): Promise<boolean> => {
    try {
      await work();
      return true;
    } catch (e) {
      onError(errorMessage(e));
      return false;
    }
  };

  const editing: SchemaEditing = {
    schema: props.schema,
    save: <K extends SchemaItemKind>(what: K, oldName: string, item: SchemaItems[K]) =>
      attempt(() => session.editSchemaItem(what, oldName, item)),
    add: (to) => attempt(() => session.changeSchema(to)),
    askDelete: (what, name, opener) => {
      void props
        .countUses(what, name)
        .then((uses) => setPending({ what, name, uses, opener }))
        .catch((e: unknown) => onError(errorMessage(e)));
    },
  };

  const remove = async (doomed: PendingDelete) => {
    // A restore point before anything goes; when it cannot be written the user is asked again.
    if (props.backUp && doomed.backupProblem === undefined) {
      const waiting = { ...doomed, backingUp: true };
      backingUp.current = waiting;
      setPending(waiting);
      let problem: string | null = null;
      await props.backUp().catch((e: unknown) => (problem = errorMessage(e)));
      // Kept while the backup was written: nothing is deleted.
      const kept = backingUp.current !== waiting;
      backingUp.current = null;
      if (kept) return;
      if (problem !== null) {
        // Asked again in the dialog; when it was closed meanwhile, told why nothing was deleted.
        if (open.current) setPending({ ...doomed, backingUp: false, backupProblem: problem });
        else onError(`“${doomed.name}” was not deleted: the restore point could not be written (${problem}).`);
        return;
      }
    }
    if (open.current) {
      setPending(null);
      tabRefs.current.get(tab)?.focus();
    }
    if (await attempt(() => session.deleteSchemaItem(doomed.what, doomed.name))) props.onDone(deletedMessage(doomed));
  };

  // Arrow keys move between tabs, as in every tab list (WAI-ARIA Authoring Practices).
  const onTabKey = (event: KeyboardEvent) => {
    const at = TABS.findIndex((t) => t.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const to = event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : step === 0 ? -1 : (at + step + TABS.length) % TABS.length;
    const next = TABS[to];
    if (!next) return;
    event.preventDefault();
    setTab(next.id);
    tabRefs.current.get(next.id)?.focus();
  };

  const panels = { labels: LabelsTab, 'relation-types': RelationTypesTab, categories: CategoriesTab } as const;

  return (
    <Modal title="Labels" onClose={props.onClose} wide>
      <div className="schema-editor">
        <div role="tablist" aria-label="Schema" className="schema-editor__tabs" onKeyDown={onTabKey}>
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`${baseId}-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`${baseId}-panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              ref={(el) => {
                if (el) tabRefs.current.set(t.id, el);
              }}
              onClick={() => setTab(t.id)}
            >
              {t.title}
            </button>
          ))}
        </div>
        {TABS.map((t) => {
          const Panel = panels[t.id];
          return (
            // Hidden panels stay mounted, so a half-edited form survives a look at another tab.
            <div
              key={t.id}
              role="tabpanel"
              id={`${baseId}-panel-${t.id}`}
              aria-labelledby={`${baseId}-tab-${t.id}`}
              hidden={tab !== t.id}
              className="schema-editor__panel"
            >
              <h3>{t.title}</h3>
              <p className="hint">{t.hint}</p>
              <Panel editing={editing} />
            </div>
          );
        })}
        {pending && (
          <DeleteConfirmation
            pending={pending}
            names={props.names}
            onKeep={() => {
              backingUp.current = null;
              setPending(null);
              pending.opener.focus();
            }}
            onDelete={() => void remove(pending)}
          />
        )}
      </div>
      <GuidelinesEditor guidelines={props.guidelines} onSave={props.onSaveGuidelines} />
      <div className="modal__actions">
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
