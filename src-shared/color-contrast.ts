// Contrast of colours as WCAG 2.x measures it, so that text drawn on a colour a user chose (a
// label's highlight) stays readable: dark ink on light highlights, white on dark ones.

export type Rgb = readonly [number, number, number];

/** `#rrggbb` to channels 0-255; undefined for anything else. */
export function parseHexColor(hex: string): Rgb | undefined {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return undefined;
  return [parseInt(match[1] as string, 16), parseInt(match[2] as string, 16), parseInt(match[3] as string, 16)];
}

/** WCAG 2.x relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2.x contrast ratio, 1 to 21. AA asks 4.5 for normal text. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [dark, light] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => x - y) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `share` (0-1) of `top` over `bottom`, as CSS `color-mix(in srgb, top share, bottom)` or a translucent layer paints it. */
export function mixColors(top: Rgb, bottom: Rgb, share: number): Rgb {
  const mix = (t: number, b: number) => Math.round(t * share + b * (1 - share));
  return [mix(top[0], bottom[0]), mix(top[1], bottom[1]), mix(top[2], bottom[2])];
}

/**
 * Of the candidate text colours (`#rrggbb`), the one that reads best on every one of the
 * `backgrounds`: the largest worst-case contrast ratio. First candidate wins a tie.
 */
export function mostReadable(backgrounds: readonly Rgb[], candidates: readonly [string, ...string[]]): string {
  let best = candidates[0];
  let bestRatio = -1;
  for (const candidate of candidates) {
    const rgb = parseHexColor(candidate);
    if (!rgb) continue;
    const ratio = Math.min(...backgrounds.map((background) => contrastRatio(rgb, background)));
    if (ratio > bestRatio) [best, bestRatio] = [candidate, ratio];
  }
  return best;
}

export function toHexColor([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * `color`, darkened on a light background (lightened on a dark one) just enough to reach
 * `minRatio` against it, so text in a user's colour keeps its hue and stays readable.
 */
export function readableVariant(color: Rgb, background: Rgb, minRatio = 4.5): Rgb {
  const toward: Rgb = relativeLuminance(background) > 0.18 ? [0, 0, 0] : [255, 255, 255];
  for (let share = 0; share <= 1; share += 0.05) {
    const candidate = mixColors(toward, color, share);
    if (contrastRatio(candidate, background) >= minRatio) return candidate;
  }
  return toward;
}
