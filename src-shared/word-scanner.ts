// A hand-written word segmenter for the common case (Latin, Greek and Cyrillic letters, digits,
// ASCII and typographic punctuation), giving exactly the segments Intl.Segmenter gives there
// (Unicode's word rules, UAX #29, as ICU applies them) at a fraction of its cost: the command
// line tokenizes gigabytes. segmentation.ts sends it only text made of the characters it knows
// (`isScannableUnit`) and everything else to Intl.Segmenter; test/unit/core/word-scanner.test.ts
// compares the two on random and multilingual text.

export interface ScannedSegment {
  start: number;
  end: number;
  isWordLike: boolean;
}

// Word_Break classes of the characters the scanner knows (0: not scannable).
const NONE = 0;
const LETTER = 1; // ALetter
const NUMERIC = 2;
const MID_LETTER = 3; // MidLetter: joins letters only
const MID_NUM_LET = 4; // MidNumLet and Single_Quote: joins letters, or digits
const MID_NUM = 5; // MidNum: joins digits only
const EXTEND_NUM_LET = 6; // joins anything word-like on either side
const SPACE = 7; // white space: a segment of its own (runs and CR LF kept together)
const OTHER = 8; // punctuation and symbols: one segment each

const CLASSES = new Uint8Array(0x2030);

function mark(from: number, to: number, kind: number): void {
  CLASSES.fill(kind, from, to + 1);
}

mark(0x21, 0x7e, OTHER);
mark(0x41, 0x5a, LETTER);
mark(0x61, 0x7a, LETTER);
mark(0x30, 0x39, NUMERIC);
CLASSES[0x20] = SPACE;
CLASSES[0x09] = SPACE;
CLASSES[0x0a] = SPACE;
CLASSES[0x0d] = SPACE;
CLASSES[0x2e] = MID_NUM_LET; // .
CLASSES[0x27] = MID_NUM_LET; // '
CLASSES[0x3a] = MID_LETTER; // :
CLASSES[0x2c] = MID_NUM; // ,
CLASSES[0x3b] = MID_NUM; // ;
CLASSES[0x5f] = EXTEND_NUM_LET; // _
// Latin-1: punctuation and symbols, but not the soft hyphen (a format character), the
// pictographs © and ® (emoji rules), nor the non-breaking space (left to the segmenter).
mark(0xa1, 0xbf, OTHER);
CLASSES[0xad] = NONE;
CLASSES[0xa9] = NONE;
CLASSES[0xae] = NONE;
// Spacing accents, which ICU joins to letters, are left to the segmenter too.
for (const accent of [0xa8, 0xaf, 0xb4, 0xb8]) CLASSES[accent] = NONE;
CLASSES[0xb7] = MID_LETTER; // ·
CLASSES[0xaa] = LETTER;
CLASSES[0xb5] = LETTER;
CLASSES[0xba] = LETTER;
mark(0xc0, 0x2af, LETTER); // Latin-1 letters, Latin Extended-A and -B, IPA
CLASSES[0xd7] = OTHER; // ×
CLASSES[0xf7] = OTHER; // ÷
// Greek and Coptic letters (without the tonos and numeral signs, which are not letters).
mark(0x388, 0x38a, LETTER);
CLASSES[0x386] = LETTER;
CLASSES[0x38c] = LETTER;
mark(0x38e, 0x3a1, LETTER);
mark(0x3a3, 0x3f5, LETTER);
mark(0x3f7, 0x3ff, LETTER);
// Cyrillic letters (not ҂ or the combining marks after it).
mark(0x400, 0x481, LETTER);
mark(0x48a, 0x52f, LETTER);
// General punctuation: dashes and double quotes are symbols; single quotes join letters.
mark(0x2010, 0x2017, OTHER);
CLASSES[0x2018] = MID_NUM_LET;
CLASSES[0x2019] = MID_NUM_LET;
mark(0x201a, 0x2023, OTHER);
CLASSES[0x2026] = OTHER; // …

/** True when the scanner segments this code unit as Intl.Segmenter does. */
export function isScannableUnit(unit: number): boolean {
  return unit < 0x2030 && CLASSES[unit] !== NONE;
}

/** True when the code unit is white space that the scanner knows (space, tab, CR, LF). */
export function isScannableSpace(unit: number): boolean {
  return unit < 0x2030 && CLASSES[unit] === SPACE;
}

/** The class of the code unit at `i`, NONE past the end. */
function classAt(text: string, i: number, to: number): number {
  return i < to ? (CLASSES[text.charCodeAt(i)] ?? NONE) : NONE;
}

const isWordPart = (kind: number): boolean => kind === LETTER || kind === NUMERIC || kind === EXTEND_NUM_LET;

/**
 * The word segments of text[from, to), which must be scannable (`isScannableUnit`), in order and
 * covering it, pushed onto `out`. The rules are UAX #29's WB3-WB13b for the classes above.
 */
export function scanWordSegments(text: string, from: number, to: number, out: ScannedSegment[]): void {
  let i = from;
  while (i < to) {
    const start = i;
    const kind = classAt(text, i, to);
    if (kind === SPACE) {
      const unit = text.charCodeAt(i);
      i++;
      if (unit === 0x20)
        while (i < to && text.charCodeAt(i) === 0x20) i++; // WB3d: spaces stay together
      else if (unit === 0x0d && i < to && text.charCodeAt(i) === 0x0a) i++; // WB3: CR LF
      out.push({ start, end: i, isWordLike: false });
      continue;
    }
    if (!isWordPart(kind)) {
      out.push({ start, end: i + 1, isWordLike: false });
      i++;
      continue;
    }
    // A word: letters, digits and connectors (WB5, WB8-WB10, WB13a-b), and a middle character
    // between two letters or two digits (WB6-7, WB11-12).
    let last = kind;
    i++;
    for (;;) {
      const next = classAt(text, i, to);
      if (isWordPart(next)) {
        last = next;
        i++;
        continue;
      }
      if (next !== MID_LETTER && next !== MID_NUM_LET && next !== MID_NUM) break;
      const after = classAt(text, i + 1, to);
      const joinsLetters = last === LETTER && after === LETTER && next !== MID_NUM;
      const joinsDigits = last === NUMERIC && after === NUMERIC && next !== MID_LETTER;
      if (!joinsLetters && !joinsDigits) break;
      last = after;
      i += 2;
    }
    // ICU gives a lone connector (`_`) no word status; two or more, or with a letter, have one.
    out.push({ start, end: i, isWordLike: !(i - start === 1 && kind === EXTEND_NUM_LET) });
  }
}
