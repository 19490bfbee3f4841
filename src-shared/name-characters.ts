// Characters no name may hold, typed or imported: control characters (a NUL, an escape, a line
// break) and broken UTF-16 (a lone surrogate), which no file format can write back faithfully.

const CONTROL_OR_BROKEN = /[\p{Cc}\p{Cs}]/u;

/** Why `text` cannot be a name because of the characters it holds, or null. */
export function nameCharactersProblem(text: string): string | null {
  const found = CONTROL_OR_BROKEN.exec(text)?.[0];
  if (found === undefined) return null;
  const code = `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return /\p{Cs}/u.test(found)
    ? `a name cannot hold a broken character (${code}, half of a surrogate pair).`
    : `a name cannot hold control characters (${code}).`;
}
