import { describe, expect, it } from 'vitest';
import { readSideFile } from '../../../src-renderer/src/app/side-file';
import { DEFAULT_LIMITS, type LimitPolicy } from '../../../src-shared/limits';

const policy: LimitPolicy = { limits: { ...DEFAULT_LIMITS, fileBytes: 1_000 }, shell: 'app' };

describe('readSideFile (label lists, rules files)', () => {
  it('reads a UTF-8 file within the limit, without its BOM', async () => {
    expect(await readSideFile(new File(['\uFEFF["PER", "ORG"]'], 'labels.json'), policy)).toEqual({ ok: true, value: '["PER", "ORG"]' });
  });

  it('refuses a file past the file-size limit without reading it, naming the file and the setting', async () => {
    let read = 0;
    const large = Object.assign(new File(['x'.repeat(2_000)], 'terms.txt'), {
      arrayBuffer: async () => {
        read++;
        return new ArrayBuffer(0);
      },
    });
    const result = await readSideFile(large, policy);
    expect(result).toEqual({
      ok: false,
      error: 'terms.txt: the file is 2 KB, larger than the limit of 1 KB per file; to read it anyway, raise “Largest file” in Settings › Import limits',
    });
    expect(read).toBe(0);
  });

  it('refuses a file that is not UTF-8, naming the line and byte', async () => {
    const latin1 = new File([new Uint8Array([0x50, 0x45, 0x52, 0x0a, 0x43, 0x61, 0x66, 0xe9])], 'terms.txt');
    const result = await readSideFile(latin1, policy);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(/^terms\.txt: not valid UTF-8: invalid byte 0xE9 at line 2, byte 8 of the file/u);
  });
});
