// Document-level labels in the document header: one group of toggle buttons per category
// (a single-choice category keeps one value), each value's hotkey shown beside it.
import type { DocumentAnnotation, DocumentCategory } from '../../../src-shared/domain';
import { ownValue } from '../../../src-shared/own-keys';

export function DocumentLabels(props: {
  categories: readonly DocumentCategory[];
  annotation: DocumentAnnotation | undefined;
  onToggle: (category: DocumentCategory, value: string) => void;
}) {
  if (props.categories.length === 0) return null;
  return (
    <div className="document-labels" role="group" aria-label="Document labels">
      {props.categories.map((category) => {
        const chosen = (props.annotation && ownValue(props.annotation.labels, category.name)) ?? [];
        return (
          <div key={category.name} className="document-labels__category" role="group" aria-label={category.name} title={category.description}>
            <span className="document-labels__name">{category.name}</span>
            {category.values.map((value) => (
              <button
                key={value.name}
                type="button"
                className="document-labels__value"
                aria-pressed={chosen.includes(value.name)}
                onClick={() => props.onToggle(category, value.name)}
                title={value.hotkey ? `Key ${value.hotkey}` : undefined}
              >
                {value.name}
                {value.hotkey && <kbd>{value.hotkey}</kbd>}
              </button>
            ))}
            {chosen
              .filter((v) => !category.values.some((known) => known.name === v))
              .map((v) => (
                <button key={v} type="button" className="document-labels__value" aria-pressed onClick={() => props.onToggle(category, v)} title="Not in the schema">
                  {v}
                </button>
              ))}
          </div>
        );
      })}
    </div>
  );
}
