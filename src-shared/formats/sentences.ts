// Cuts a text into sentences (Intl.Segmenter, granularity 'sentence') for the formats that
// work per sentence (CoNLL-2003, claim detection). Offsets are UTF-16 code units.
//
// As in segmentation.ts, the text is segmented in windows rather than in one piece: the
// segmenter's iterator slows down with the string's length in some engines. A break after a
// line feed is certain (UAX #29 rule SB4), so windows end just after one where they can;
// otherwise only the sentences that end well before the window's edge are kept, so that the
// segmenter's look-ahead (closing quotes, spaces, a lower-case next word) is never cut off.
import { isGraphemeBoundary, type TextRange } from '../segmentation';
import { pushAll } from '../push-all';

/** Size of the pieces handed to the segmenter. */
const SENTENCE_WINDOW = 4096;
/** A sentence ending closer than this to a window's cut edge is segmented again in the next window. */
const LOOK_AHEAD = 512;

const sentenceSegmenters = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(locale: string | undefined): Intl.Segmenter {
  const key = locale ?? '';
  let segmenter = sentenceSegmenters.get(key);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    } catch {
      segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    }
    sentenceSegmenters.set(key, segmenter);
  }
  return segmenter;
}

/**
 * The sentences of `text`, in order, covering it without gaps (each keeps its trailing white
 * space and line break, as the segmenter gives them).
 */
export function splitSentences(text: string, locale?: string): TextRange[] {
  const sentences: TextRange[] = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + SENTENCE_WINDOW);
    let certain = to === text.length;
    if (!certain) {
      const lineFeed = text.lastIndexOf('\n', to - 1);
      if (lineFeed >= from) {
        to = lineFeed + 1;
        certain = true;
      } else {
        while (to < text.length && !isGraphemeBoundary(text, to)) to++;
        certain = to === text.length;
      }
    }
    let next = to;
    const found: TextRange[] = [];
    for (const segment of sentenceSegmenter(locale).segment(text.slice(from, to))) {
      found.push({ start: from + segment.index, end: from + segment.index + segment.segment.length });
    }
    if (!certain) {
      // Keep the sentences that end well inside the window; segment the rest again.
      const kept = found.filter((sentence) => sentence.end <= to - LOOK_AHEAD);
      if (kept.length > 0) {
        next = kept[kept.length - 1]?.end ?? to;
        found.length = kept.length;
      } else {
        // One very long sentence: take what the segmenter saw (the cut is at a grapheme boundary).
        const first = found[0];
        next = first ? first.end : to;
        found.length = first ? 1 : 0;
      }
    }
    pushAll(sentences, found);
    from = next;
  }
  return sentences;
}

/** The same range without white space at either end (empty when it is all white space). */
export function trimRange(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end && /\s/u.test(text.charAt(start))) start++;
  while (end > start && /\s/u.test(text.charAt(end - 1))) end--;
  return { start, end };
}
