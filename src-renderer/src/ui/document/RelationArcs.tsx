// Arcs over the text for the relations of the selected span: a curve from each source to its
// target (an arrowhead when the type is directed) with the type's name, so a reader sees what
// is linked even paragraphs apart. Drawn in the scrolling element, so they scroll with the text.
import { useLayoutEffect, useState } from 'react';
import type { Span } from '../../../../src-shared/domain';
import { parseHexColor, readableVariant, toHexColor } from '../../../../src-shared/color-contrast';

export interface RelationArc {
  id: string;
  from: string;
  to: string;
  type: string;
  color: string;
  directed: boolean;
}

interface DrawnArc extends RelationArc {
  path: string;
  labelX: number;
  labelY: number;
  /** The type's colour, darkened (or lightened) as far as its name needs to read on the page. */
  labelColor: string;
}

/** The type's colour for text on the page's background (the theme's --bg). */
function labelColorOn(color: string, element: HTMLElement): string {
  const rgb = parseHexColor(color);
  const page = parseHexColor(getComputedStyle(element).getPropertyValue('--bg').trim()) ?? [255, 255, 255];
  return rgb ? toHexColor(readableVariant(rgb, page)) : 'currentColor';
}

/** The first fragment of a span, in coordinates of the scrolling element's content. */
function anchor(root: HTMLElement, spanId: string): { x: number; y: number } | null {
  const element = root.querySelector<HTMLElement>(`[data-span-id="${CSS.escape(spanId)}"]`);
  const scroller = root.parentElement;
  if (!element || !scroller) return null;
  // The first line box: a span that wraps has a bounding box as wide as the lines it covers.
  const box = element.getClientRects()[0] ?? element.getBoundingClientRect();
  const frame = scroller.getBoundingClientRect();
  return { x: box.left - frame.left + scroller.scrollLeft + Math.min(box.width / 2, 24), y: box.top - frame.top + scroller.scrollTop };
}

export function RelationArcs(props: { arcs: readonly RelationArc[]; root: React.RefObject<HTMLElement | null>; spans: readonly Span[] }) {
  const [drawn, setDrawn] = useState<DrawnArc[]>([]);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const { arcs, root, spans } = props;

  useLayoutEffect(() => {
    const element = root.current;
    if (!element || arcs.length === 0) {
      setDrawn([]);
      return;
    }
    const measure = () => {
      const scroller = element.parentElement;
      if (scroller) setSize({ width: scroller.scrollWidth, height: scroller.scrollHeight });
      const next: DrawnArc[] = [];
      for (const arc of arcs) {
        const from = anchor(element, arc.from);
        const to = anchor(element, arc.to);
        if (!from || !to) continue;
        // A curve that rises above both ends, higher for ends further apart.
        const lift = Math.min(60, 14 + Math.abs(to.x - from.x) / 8 + Math.abs(to.y - from.y) / 10);
        const top = Math.min(from.y, to.y) - lift;
        const path = `M ${from.x} ${from.y} C ${from.x} ${top}, ${to.x} ${top}, ${to.x} ${to.y - 2}`;
        next.push({ ...arc, path, labelX: (from.x + to.x) / 2, labelY: top + lift * 0.25, labelColor: labelColorOn(arc.color, element) });
      }
      setDrawn(next);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    // A theme change (data-theme on the page) changes --bg: the labels' colours follow.
    const themeObserver = new MutationObserver(measure);
    themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      observer.disconnect();
      themeObserver.disconnect();
    };
  }, [arcs, root, spans]);

  if (drawn.length === 0) return null;
  return (
    <svg className="relation-arcs" width={size.width} height={size.height} aria-hidden="true">
      <defs>
        {drawn.map((arc) => (
          <marker key={arc.id} id={`arrow-${arc.id}`} viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill={arc.color} />
          </marker>
        ))}
      </defs>
      {drawn.map((arc) => (
        <g key={arc.id} data-relation-id={arc.id}>
          <path d={arc.path} fill="none" stroke={arc.color} strokeWidth={2} markerEnd={arc.directed ? `url(#arrow-${arc.id})` : undefined} />
          <text x={arc.labelX} y={arc.labelY} textAnchor="middle" fill={arc.labelColor} className="relation-arcs__label">
            {arc.type}
          </text>
        </g>
      ))}
    </svg>
  );
}
