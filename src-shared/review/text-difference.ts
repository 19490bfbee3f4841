// Says where two texts that should be the same first differ, for a message a person can act on.
import { toCodePointOffset } from '../offsets';

const CONTEXT = 20;

function excerpt(text: string, at: number): string {
  const start = Math.max(0, at - CONTEXT);
  const end = Math.min(text.length, at + CONTEXT);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`.replace(/\s+/g, ' ');
}

/** null when equal; else e.g. `differs at character 42: here “…a tram…”, in the file “…a train…” (lengths 500 and 501)`. */
export function describeTextDifference(here: string, there: string): string | null {
  if (here === there) return null;
  let at = 0;
  while (at < here.length && at < there.length && here.charCodeAt(at) === there.charCodeAt(at)) at++;
  // Report whole characters: step back off a surrogate pair's second half.
  if (at > 0 && at < here.length && /[\uDC00-\uDFFF]/.test(here[at] ?? '')) at--;
  const position = toCodePointOffset(here, Math.min(at, here.length));
  const lengths = `lengths ${toCodePointOffset(here, here.length)} and ${toCodePointOffset(there, there.length)} characters`;
  return `the text differs at character ${position}: here “${excerpt(here, at)}”, in the file “${excerpt(there, at)}” (${lengths})`;
}
