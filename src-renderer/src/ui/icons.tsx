// Small line icons for buttons whose text would not fit (narrow windows); the button names itself.
const common = {
  width: 18,
  height: 18,
  viewBox: '0 0 18 18',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  'aria-hidden': true,
} as const;

/** A window with a panel on the left (`side="left"`) or right, filled when the panel is shown. */
export function PanelIcon(props: { side: 'left' | 'right'; open: boolean }) {
  const x = props.side === 'left' ? 2.5 : 11;
  return (
    <svg {...common}>
      <rect x="2.5" y="3.5" width="13" height="11" rx="1.5" />
      <rect x={x} y="3.5" width="4.5" height="11" fill={props.open ? 'currentColor' : 'none'} />
    </svg>
  );
}

export function UndoIcon(props: { redo?: boolean }) {
  return (
    <svg {...common} style={props.redo ? { transform: 'scaleX(-1)' } : undefined}>
      <path d="M5 7h6.5a3.5 3.5 0 0 1 0 7H8" />
      <path d="M7.5 4.5 5 7l2.5 2.5" />
    </svg>
  );
}

export function GearIcon() {
  return (
    <svg {...common}>
      <circle cx="9" cy="9" r="2.5" />
      <path d="M9 1.8v2.4M9 13.8v2.4M1.8 9h2.4M13.8 9h2.4M3.9 3.9l1.7 1.7M12.4 12.4l1.7 1.7M3.9 14.1l1.7-1.7M12.4 5.6l1.7-1.7" />
    </svg>
  );
}
