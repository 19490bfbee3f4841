// Converts between UTF-16 code-unit offsets (what the app stores) and Unicode code-point
// offsets (what Python-facing formats use, so that Python `text[start:end]` is the span).
//
// A lone surrogate counts as one code point, as in `[...text]`. An offset that falls between
// the two halves of a surrogate pair maps to the code point that contains it (rounds down).

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function checkOffset(offset: number, max: number, unit: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > max) {
    throw new RangeError(`offset ${offset} is out of range: expected an integer from 0 to ${max} (${unit})`);
  }
}

/** The number of code points in `text` (what Python's `len(text)` returns). */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      length--;
      i++;
    }
  }
  return length;
}

/** True when `utf16Offset` falls between the high and low halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, utf16Offset: number): boolean {
  return (
    utf16Offset > 0 &&
    utf16Offset < text.length &&
    isHighSurrogate(text.charCodeAt(utf16Offset - 1)) &&
    isLowSurrogate(text.charCodeAt(utf16Offset))
  );
}

/** The code-point offset of a UTF-16 offset. Throws RangeError outside [0, text.length]. */
export function toCodePointOffset(text: string, utf16Offset: number): number {
  checkOffset(utf16Offset, text.length, 'UTF-16 code units');
  let codePoints = 0;
  for (let i = 0; i < utf16Offset; i++) {
    if (i + 1 < utf16Offset && isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      i++;
    }
    codePoints++;
  }
  if (splitsSurrogatePair(text, utf16Offset)) codePoints--;
  return codePoints;
}

/** The UTF-16 offset of a code-point offset. Throws RangeError outside [0, codePointLength(text)]. */
export function toUtf16Offset(text: string, codePointOffset: number): number {
  if (!Number.isInteger(codePointOffset) || codePointOffset < 0) {
    checkOffset(codePointOffset, codePointLength(text), 'code points');
  }
  let utf16 = 0;
  for (let cp = 0; cp < codePointOffset; cp++) {
    if (utf16 >= text.length) {
      checkOffset(codePointOffset, codePointLength(text), 'code points');
    }
    utf16 += isHighSurrogate(text.charCodeAt(utf16)) && isLowSurrogate(text.charCodeAt(utf16 + 1)) ? 2 : 1;
  }
  return utf16;
}

/**
 * Converts many offsets in one text: O(n) setup, then O(log k) per call where k is the number
 * of astral characters (O(1) when there are none, the common case).
 */
export class OffsetConverter {
  readonly codePointLength: number;
  private readonly utf16Length: number;
  /** UTF-16 offset of the high half of every surrogate pair, ascending. */
  private readonly pairStarts: Uint32Array;
  /** Code-point offset of every surrogate pair, ascending. */
  private readonly pairCodePoints: Uint32Array;

  constructor(text: string) {
    const starts: number[] = [];
    for (let i = 0; i < text.length - 1; i++) {
      if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
        starts.push(i);
        i++;
      }
    }
    this.utf16Length = text.length;
    this.codePointLength = text.length - starts.length;
    this.pairStarts = Uint32Array.from(starts);
    this.pairCodePoints = Uint32Array.from(starts, (start, index) => start - index);
  }

  /** The code-point offset of a UTF-16 offset. Throws RangeError outside [0, text.length]. */
  toCodePoint(utf16: number): number {
    checkOffset(utf16, this.utf16Length, 'UTF-16 code units');
    if (this.pairStarts.length === 0) return utf16;
    return utf16 - countBelow(this.pairStarts, utf16);
  }

  /** The UTF-16 offset of a code-point offset, or undefined when it is out of range. */
  toUtf16(codePoint: number): number | undefined {
    if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > this.codePointLength) return undefined;
    if (this.pairCodePoints.length === 0) return codePoint;
    return codePoint + countBelow(this.pairCodePoints, codePoint);
  }
}

/** How many values of the ascending array are strictly below `limit` (binary search). */
function countBelow(sorted: Uint32Array, limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? 0) < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Offsets as brat counts them: code points of the text as Python reads it with universal
 * newlines (CRLF and a lone CR are one character, "\n"), and a leading byte order mark, which
 * brat keeps and Spanwright's stored text does not, as one character (brat issue #853).
 */
export class UniversalNewlineOffsets {
  /** The length of the text in these offsets. */
  readonly length: number;
  /** The UTF-16 offset in the stored text of every offset 0..length. */
  private readonly utf16At: Uint32Array;

  constructor(text: string, leadingBom = false) {
    const at: number[] = leadingBom ? [0] : [];
    let i = 0;
    while (i < text.length) {
      at.push(i);
      const unit = text.charCodeAt(i);
      if (unit === 0x0d && text.charCodeAt(i + 1) === 0x0a) i += 2;
      else if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))) i += 2;
      else i += 1;
    }
    at.push(text.length);
    this.utf16At = Uint32Array.from(at);
    this.length = at.length - 1;
  }

  /** The UTF-16 offset of an offset, or undefined when it is out of range. */
  toUtf16(offset: number): number | undefined {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.length) return undefined;
    return this.utf16At[offset];
  }

  /** The offset of a UTF-16 offset (inside a CRLF or surrogate pair: the character's start). Throws RangeError outside the text. */
  fromUtf16(utf16: number): number {
    const last = this.utf16At[this.length] ?? 0;
    checkOffset(utf16, last, 'UTF-16 code units');
    // The last offset whose UTF-16 offset is at most utf16 (after a leading BOM: the later one).
    let low = 0;
    let high = this.length;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if ((this.utf16At[mid] ?? 0) <= utf16) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
