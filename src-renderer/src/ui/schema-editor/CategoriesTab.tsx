// Document categories (doccano's and Label Studio's document classes): name (a rename is
// undoable and follows into every document label), one or several values per document, the
// values with optional hotkeys, description; add; delete (asking first).
import { useState } from 'react';
import type { DocumentCategory, DocumentCategoryValue } from '../../../../src-shared/domain';
import { documentCategoryProblem } from '../../../../src-shared/schema-rules';
import { HotkeyInput } from './HotkeyInput';
import { capitalised, withDescription, type SchemaEditing } from './editing';

const EMPTY: DocumentCategory = { name: '', multiple: false, values: [{ name: '', hotkey: '' }] };

function ValueRows(props: { subject: string; values: DocumentCategoryValue[]; onChange: (values: DocumentCategoryValue[]) => void }) {
  const { subject, values } = props;
  const set = (index: number, value: DocumentCategoryValue) => props.onChange(values.map((v, i) => (i === index ? value : v)));
  return (
    <fieldset className="category-values" aria-label={`Values of ${subject}`}>
      <legend>Values, each with an optional hotkey</legend>
      <ol>
        {values.map((value, index) => (
          // Values are edited in place, so their place is their identity while the form is open.
          <li key={index}>
            <input
              aria-label={`Name of value ${index + 1} of ${subject}`}
              placeholder="value"
              value={value.name}
              onChange={(e) => set(index, { ...value, name: e.target.value })}
            />
            <HotkeyInput
              placeholder="key"
              label={`Hotkey of value ${index + 1} of ${subject}`}
              value={value.hotkey}
              onChange={(hotkey) => set(index, { ...value, hotkey })}
            />
            <button
              type="button"
              className="danger"
              aria-label={`Remove value ${index + 1} of ${subject}`}
              disabled={values.length === 1}
              onClick={() => props.onChange(values.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <button type="button" aria-label={`Add a value to ${subject}`} onClick={() => props.onChange([...values, { name: '', hotkey: '' }])}>
        Add value
      </button>
    </fieldset>
  );
}

function CategoryForm(props: { editing: SchemaEditing; saved?: DocumentCategory }) {
  const { editing, saved } = props;
  const { schema } = editing;
  const [draft, setDraft] = useState<DocumentCategory>(() => saved ?? EMPTY);
  const [description, setDescription] = useState(saved?.description ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, setShown] = useState(saved);
  if (saved && JSON.stringify(shown) !== JSON.stringify(saved)) {
    setShown(saved);
    setDraft(saved);
    setDescription(saved.description ?? '');
  }
  const subject = saved ? `category ${saved.name}` : 'the new category';
  // Empty value rows are left out, so "Add value" never costs a problem.
  const next = withDescription({ ...draft, values: draft.values.filter((v) => v.name !== '' || v.hotkey !== '') }, description);
  const changed = !saved || JSON.stringify(next) !== JSON.stringify(saved);
  const submit = async () => {
    const reason = documentCategoryProblem(schema, next, saved?.name);
    setProblem(reason);
    if (reason) return;
    if (saved) {
      await editing.save('category', saved.name, next);
    } else if (await editing.add({ ...schema, documentCategories: [...schema.documentCategories, next] })) {
      setDraft(EMPTY);
      setDescription('');
    }
  };
  return (
    <section className={saved ? 'schema-card' : 'schema-card schema-card--new'} aria-label={capitalised(subject)}>
      {!saved && <h4>New category</h4>}
      <div className="schema-card__line">
        <label className="field field--inline">
          <span>Name</span>
          <input
            aria-label={`Name of ${subject}`}
            placeholder="e.g. genre"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            aria-label={`${capitalised(subject)} allows several values`}
            checked={draft.multiple}
            onChange={(e) => setDraft({ ...draft, multiple: e.target.checked })}
          />
          <span aria-hidden="true">several values per document</span>
        </label>
        <span className="row-actions schema-card__actions">
          <button
            type="button"
            className={saved ? undefined : 'primary'}
            aria-label={saved ? `Save ${subject}` : undefined}
            disabled={!changed}
            onClick={() => void submit()}
          >
            {saved ? 'Save' : 'Add category'}
          </button>
          {saved && (
            <button
              type="button"
              className="danger"
              aria-label={`Delete ${subject}`}
              onClick={(e) => editing.askDelete('category', saved.name, e.currentTarget)}
            >
              Delete
            </button>
          )}
        </span>
      </div>
      {problem && (
        <div role="alert" className="field-error">
          {problem}
        </div>
      )}
      <ValueRows subject={subject} values={draft.values} onChange={(values) => setDraft({ ...draft, values })} />
      <label className="field field--inline schema-card__description">
        <span>Description</span>
        <input aria-label={`Description of ${subject}`} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
    </section>
  );
}

export function CategoriesTab(props: { editing: SchemaEditing }) {
  const { documentCategories } = props.editing.schema;
  return (
    <>
      {documentCategories.length === 0 && <p className="hint">No document categories yet.</p>}
      {documentCategories.map((category) => (
        <CategoryForm key={category.name} editing={props.editing} saved={category} />
      ))}
      <CategoryForm editing={props.editing} />
    </>
  );
}
