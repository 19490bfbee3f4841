// Reading the open document again never hides a change made while the read ran.
import { describe, expect, it } from 'vitest';
import { readAfterWrites } from '../../../src-renderer/src/app/read-after-writes';

describe('readAfterWrites', () => {
  it('reads once when no write is queued meanwhile', async () => {
    const queue = Promise.resolve();
    let reads = 0;
    const value = await readAfterWrites(() => queue, async () => ++reads);
    expect(value).toBe(1);
    expect(reads).toBe(1);
  });

  it('reads after the writes queued before it', async () => {
    const stored: string[] = [];
    const queue = new Promise<void>((resolve) => setTimeout(() => resolve(void stored.push('a')), 5));
    expect(await readAfterWrites(() => queue, async () => [...stored])).toEqual(['a']);
  });

  it('reads again when a change is queued while it reads, so the change is in what it returns', async () => {
    const stored: string[] = [];
    let queue: Promise<unknown> = Promise.resolve();
    let reads = 0;
    const value = await readAfterWrites(
      () => queue,
      async () => {
        reads++;
        const seen = [...stored];
        // A label key pressed during the first read: shown at once, its write queued.
        if (reads === 1) queue = queue.then(() => new Promise((resolve) => setTimeout(() => resolve(stored.push('span')), 5)));
        await new Promise((resolve) => setTimeout(resolve, 1));
        return seen;
      },
    );
    expect(value).toEqual(['span']);
    expect(reads).toBe(2);
  });
});
