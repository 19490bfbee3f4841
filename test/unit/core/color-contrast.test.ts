import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  mixColors,
  mostReadable,
  parseHexColor,
  readableVariant,
  relativeLuminance,
  toHexColor,
} from '../../../src-shared/color-contrast';

describe('color contrast (WCAG 2.x)', () => {
  it('measures black on white as 21:1 and a colour on itself as 1:1', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([47, 95, 208], [47, 95, 208])).toBe(1);
    expect(relativeLuminance([255, 255, 255])).toBeCloseTo(1, 5);
  });

  it('agrees with published figures: #767676 on white is the lightest grey at 4.5:1', () => {
    expect(contrastRatio(parseHexColor('#767676')!, [255, 255, 255])).toBeCloseTo(4.54, 2);
  });

  it('reads #rrggbb only', () => {
    expect(parseHexColor('#1A237e')).toEqual([0x1a, 0x23, 0x7e]);
    expect(parseHexColor('#abc')).toBeUndefined();
    expect(parseHexColor('red')).toBeUndefined();
  });

  it('mixes as color-mix in srgb does', () => {
    expect(mixColors([0, 0, 0], [255, 255, 255], 0.7)).toEqual([77, 77, 77]);
  });

  it('picks dark ink on a light highlight and white on a dark one, by the worst of the backgrounds', () => {
    const page = parseHexColor('#f6f5f2')!;
    expect(mostReadable([mixColors(parseHexColor('#bfe6b9')!, page, 0.7)], ['#1f2328', '#ffffff'])).toBe('#1f2328');
    expect(mostReadable([mixColors(parseHexColor('#1a237e')!, page, 0.7)], ['#1f2328', '#ffffff'])).toBe('#ffffff');
    expect(
      mostReadable(
        [
          [255, 255, 255],
          [0, 0, 0],
        ],
        ['#777777', '#000000'],
      ),
    ).toBe('#777777');
  });
});

describe('readableVariant', () => {
  const page = parseHexColor('#f6f5f2')!;

  it('keeps a colour that already reads', () => {
    expect(readableVariant(parseHexColor('#7a4fd6')!, page)).toEqual(parseHexColor('#7a4fd6'));
  });

  it('darkens a light colour on a light page, and lightens a dark one on a dark page, to 4.5:1', () => {
    for (const hex of ['#2f8f83', '#ffff00', '#ffffff', '#e91e63']) {
      const variant = readableVariant(parseHexColor(hex)!, page);
      expect(contrastRatio(variant, page)).toBeGreaterThanOrEqual(4.5);
    }
    const dark = parseHexColor('#1b1d21')!;
    expect(contrastRatio(readableVariant(parseHexColor('#1a237e')!, dark), dark)).toBeGreaterThanOrEqual(4.5);
  });

  it('writes #rrggbb', () => {
    expect(toHexColor([0x2f, 0x8f, 0x03])).toBe('#2f8f03');
  });
});
