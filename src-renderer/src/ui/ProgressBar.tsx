// A labelled progress bar for imports and exports.
export function ProgressBar(props: { label: string; done: number; total: number; onCancel?: () => void }) {
  const percent = props.total > 0 ? Math.round((props.done / props.total) * 100) : 0;
  return (
    <div className="progress">
      <span>{props.label}</span>
      <progress aria-label={props.label} max={props.total || 1} value={props.done} />
      <span className="progress__figure">{percent}%</span>
      {props.onCancel && (
        <button type="button" onClick={props.onCancel}>
          Cancel {props.label.toLowerCase()}
        </button>
      )}
    </div>
  );
}
