// The tokens a document came with (spaCy/Prodigy `tokens`, Hugging Face `tokens`), kept in its
// metadata (`meta.extra.tokens`, as the file gave them) so that the token formats write them
// back unchanged instead of tokenizing again; and the tokens every token format writes: those,
// when they still fit the text, else `tokenize()`, never holding white space.
import type { DocumentMeta } from '../domain';
import { OffsetConverter } from '../offsets';
import { tokenize, type Token } from '../segmentation';
import { isObject } from './json-values';
import type { LeftOutReport } from './left-out';

/** Where a document's own tokens are kept: `meta.extra.tokens`. */
export const TOKENS_KEY = 'tokens';

/** The meta with the file's tokens kept (a copy; `tokens` as the file gave them). */
export function withSourceTokens(meta: DocumentMeta, tokens: readonly unknown[]): DocumentMeta {
  return { ...meta, extra: { ...meta.extra, [TOKENS_KEY]: tokens } };
}

/**
 * The document's own tokens in UTF-16 offsets, when they fit its text exactly: spaCy objects
 * (`text`, code-point `start`/`end`) whose text is at their offsets, or Hugging Face strings
 * found one after another with only white space between them. Undefined otherwise.
 */
export function sourceTokens(text: string, meta: DocumentMeta): Token[] | undefined {
  const given = meta.extra?.[TOKENS_KEY];
  if (!Array.isArray(given) || given.length === 0) return undefined;
  const tokens: Token[] = [];
  if (given.every((t) => typeof t === 'string' && t !== '')) {
    let at = 0;
    for (const token of given as string[]) {
      while (at < text.length && /\s/u.test(text.charAt(at))) at++;
      if (!text.startsWith(token, at)) return undefined;
      tokens.push({ start: at, end: at + token.length, text: token });
      at += token.length;
    }
    return text.slice(at).trim() === '' ? tokens : undefined;
  }
  const converter = new OffsetConverter(text);
  let previous = 0;
  for (const token of given) {
    if (!isObject(token) || typeof token['text'] !== 'string') return undefined;
    const start = typeof token['start'] === 'number' ? converter.toUtf16(token['start']) : undefined;
    const end = typeof token['end'] === 'number' ? converter.toUtf16(token['end']) : undefined;
    if (start === undefined || end === undefined || start < previous || end <= start) return undefined;
    if (text.slice(start, end) !== token['text']) return undefined;
    tokens.push({ start, end, text: token['text'] });
    previous = end;
  }
  return tokens;
}

/**
 * The tokens a token format writes: the document's own (unchanged) when they fit, else
 * `tokenize()`; either way no token holds white space at its edges (a combining mark after a
 * space is a token without the space) and none is only white space.
 */
export function exportTokens(
  text: string,
  meta: DocumentMeta,
  locale: string | undefined,
): { tokens: Token[]; own: boolean; changed: Token[] } {
  const own = sourceTokens(text, meta);
  if (own) return { tokens: own, own: true, changed: [] };
  const tokens: Token[] = [];
  const changed: Token[] = [];
  for (const token of tokenize(text, locale)) {
    let lead = 0;
    while (lead < token.text.length && isWhiteSpaceAt(token.text, lead)) lead++;
    let trail = 0;
    while (trail < token.text.length - lead && isWhiteSpaceAt(token.text, token.text.length - 1 - trail)) trail++;
    if (lead + trail > 0) changed.push(token);
    if (lead + trail >= token.text.length) continue;
    const start = token.start + lead;
    const end = token.end - trail;
    tokens.push({ start, end, text: text.slice(start, end) });
  }
  return { tokens, own: false, changed };
}

const WHITE_SPACE = /\s/u;

/** Whether the code unit at `offset` is white space (`\s`); ASCII without a regular expression, as token exports ask it per token. */
export function isWhiteSpaceAt(text: string, offset: number): boolean {
  const unit = text.charCodeAt(offset);
  if (unit < 0x80) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  return WHITE_SPACE.test(text.charAt(offset));
}

/** Reports the tokens `exportTokens` wrote without their white space (offsets in code points, as exported). */
export function reportChangedTokens(text: string, changed: readonly Token[], report: LeftOutReport): void {
  if (changed.length === 0) return;
  const converter = new OffsetConverter(text);
  report.addTokens(
    'token-white-space',
    changed.map((t) => ({ start: converter.toCodePoint(t.start), end: converter.toCodePoint(t.end), text: t.text })),
  );
}
