// A one-key field: typing replaces the key, so a user never has to clear it first.
export function HotkeyInput(props: { label: string; value: string; onChange: (key: string) => void; placeholder?: string }) {
  return (
    <input
      className="hotkey-input"
      aria-label={props.label}
      value={props.value}
      maxLength={2}
      placeholder={props.placeholder}
      autoComplete="off"
      spellCheck={false}
      onChange={(e) => props.onChange([...e.target.value].slice(-1).join(''))}
    />
  );
}
