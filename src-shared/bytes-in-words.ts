// A size as people read it in messages: decimal units, as disks and file managers count.

const KB = 1_000;
const MB = 1_000_000;
const GB = 1_000_000_000;

/** `1 byte`, `999 bytes`, `1.5 KB`, `42 MB`, `123 MB`, `2.3 GB` (one decimal below 100, whole numbers above). */
export function bytesInWords(bytes: number): string {
  const [size, unit] =
    bytes >= GB ? [bytes / GB, 'GB'] : bytes >= MB ? [bytes / MB, 'MB'] : bytes >= KB ? [bytes / KB, 'KB'] : [bytes, bytes === 1 ? 'byte' : 'bytes'];
  const rounded = size >= 100 || Number.isInteger(size) ? Math.round(size) : Number(size.toFixed(1));
  return `${rounded} ${unit}`;
}
