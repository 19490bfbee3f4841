// Reading JSON values from files: what an object is, how to name a value's type in a message,
// and setting keys (like `__proto__`) that plain assignment would misread.
import { errorMessage } from '../result';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function tryParseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: errorMessage(error) };
  }
}

/**
 * The line (1-based, counting '\n') where JSON text first nests deeper than `maxDepth` levels
 * of `[` and `{`, or undefined. A scan of brackets outside strings, run before JSON.parse: a
 * value nested 100,000 deep parses, then overflows the stack of whatever walks it (a copy to
 * a worker, a comparison), far from the file that caused it.
 */
export function jsonTooDeepAt(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
      else if (c === 0x0a) line++; // not valid JSON, but the parser will say so
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return line;
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x0a) line++;
  }
  return undefined;
}

export { setOwn } from '../own-keys';

/** A value's kind for a message: `a string`, `an array`, `null`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'nothing';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

/** A value quoted for a message, cut at 40 characters. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : String(JSON.stringify(value));
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
