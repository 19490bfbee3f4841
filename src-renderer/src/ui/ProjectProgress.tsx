// How far the project is: documents done of the total per annotator, and spans per label.

export function ProjectProgress(props: {
  /** Documents in the project. */
  total: number;
  /** Documents an annotator has marked done (counted as rows change, app/document-index.ts). */
  doneCount: (annotator: string) => number;
  annotators: readonly string[];
  names: ReadonlyMap<string, string>;
  /** Spans per label (the edited annotator's), read only while the panel is open. */
  labelCounts: ReadonlyMap<string, number> | undefined;
  onOpenChange: (open: boolean) => void;
}) {
  const total = props.total;
  return (
    <details className="project-progress" onToggle={(e) => props.onOpenChange(e.currentTarget.open)}>
      <summary>Project progress</summary>
      <ul aria-label="Documents done per annotator" tabIndex={0}>
        {props.annotators.map((id) => {
          const done = props.doneCount(id);
          return (
            <li key={id}>
              <bdi>{props.names.get(id) ?? id}</bdi>: {done} of {total} done
              <progress
                value={done}
                max={Math.max(1, total)}
                aria-label={`${props.names.get(id) ?? id}: ${done} of ${total} documents done`}
              />
            </li>
          );
        })}
      </ul>
      {props.labelCounts && (
        <ul aria-label="Spans per label in the project" className="project-progress__labels" tabIndex={0}>
          {[...props.labelCounts].map(([label, count]) => (
            <li key={label}>
              {label}: {count}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
