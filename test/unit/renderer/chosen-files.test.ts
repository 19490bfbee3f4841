import { describe, expect, it } from 'vitest';
import { importFileOf, isBundleFile } from '../../../src-renderer/src/app/chosen-files';

/** A browser File whose reads are counted: the window must not read a chosen file's bytes. */
function counted(name: string, text: string) {
  const reads: number[] = [];
  const file = new File([text], name);
  const slice = file.slice.bind(file);
  return Object.assign(file, {
    reads,
    arrayBuffer: async () => {
      reads.push(file.size);
      return new ArrayBuffer(0);
    },
    slice: (start?: number, end?: number) => {
      const part = slice(start, end);
      reads.push(part.size);
      return part;
    },
  });
}

describe('chosen files', () => {
  it('stay unread in the window: a browser file goes to the import worker as its handle; bytes already read pass as they are', async () => {
    const large = counted('large.jsonl', 'x'.repeat(2_000));
    expect(await importFileOf(large)).toEqual({ name: 'large.jsonl', body: large });
    expect(large.reads).toEqual([]);
    const opened = { name: 'opened.txt', bytes: new Uint8Array([1]) };
    expect(await importFileOf(opened)).toEqual({ name: 'opened.txt', body: opened.bytes });
  });

  it('are told to be bundles by their name, or by no more than their first 4 KB', async () => {
    const header = '{"format":"spanwright-project","format_version":2}\n';
    const named = counted('desk.spanwright', header);
    expect(await isBundleFile(named)).toBe(true);
    expect(named.reads).toEqual([]);
    const unnamed = counted('desk.jsonl', header + 'y'.repeat(10_000));
    expect(await isBundleFile(unnamed)).toBe(true);
    expect(unnamed.reads).toEqual([4096]);
    expect(await isBundleFile(counted('wire.jsonl', '{"text":"a"}\n'))).toBe(false);
  });
});
