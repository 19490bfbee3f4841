import { describe, expect, it } from 'vitest';
import { readChosenFiles } from '../../../src-renderer/src/app/chosen-files';

describe('readChosenFiles', () => {
  it('reads a chosen file within the limit, and leaves a larger one unread with its size', async () => {
    const small = new File(['hello'], 'small.txt');
    const large = new File(['x'.repeat(2_000)], 'large.txt');
    let read = 0;
    const counted = Object.assign(large, {
      arrayBuffer: async () => {
        read++;
        return new ArrayBuffer(0);
      },
    });
    const files = await readChosenFiles([small, counted, { name: 'opened.txt', bytes: new Uint8Array([1]) }], 1_000);
    expect(files).toEqual([
      { name: 'small.txt', bytes: new TextEncoder().encode('hello') },
      { name: 'large.txt', bytes: new Uint8Array(0), size: 2_000 },
      { name: 'opened.txt', bytes: new Uint8Array([1]) },
    ]);
    expect(read).toBe(0);
  });
});
