// The spool gives back what was pushed, in order and exactly, across the pieces it writes and reads.
import { describe, expect, it } from 'vitest';
import { Spool } from '../../src-cli/spool';

describe('Spool', () => {
  it('returns every value in order, numbers to the last bit, over several megabytes', async () => {
    const spool = await Spool.create<{ i: number; x: number; text: string; gone?: undefined }>();
    try {
      const pushed = Array.from({ length: 3000 }, (_, i) => ({
        i,
        x: i === 7 ? -0 : Math.PI / (i + 1),
        text: 'é😀'.repeat(i % 900),
        gone: undefined,
      }));
      for (const value of pushed) await spool.push(value);
      expect(spool.length).toBe(3000);
      const read: unknown[] = [];
      for await (const value of spool.values()) read.push(value);
      expect(read).toEqual(pushed);
      expect(Object.is((read[7] as { x: number }).x, -0)).toBe(true);
      expect(Object.hasOwn(read[0] as object, 'gone')).toBe(true);
    } finally {
      await spool.dispose();
    }
  });

  it('gives nothing when nothing was pushed', async () => {
    const spool = await Spool.create<number>();
    const read: number[] = [];
    for await (const value of spool.values()) read.push(value);
    await spool.dispose();
    expect(read).toEqual([]);
  });
});
