// Checks one span read from a file against the document's text and converts its offsets to
// UTF-16 (the single restore step for spans): a span out of range, reversed, empty, splitting
// a character or grapheme cluster, or whose `text` disagrees with its offsets is refused.
import type { SourcedSpanDraft } from '../domain';
import { OffsetConverter, splitsSurrogatePair } from '../offsets';
import { isGraphemeBoundary } from '../segmentation';
import { describe, quote } from './json-values';
import type { LabelIndex } from './label-index';

/** A span as a file gives it, before any check. */
export interface RawSpan {
  label: unknown;
  start: unknown;
  end: unknown;
  text?: unknown;
  /** The layer the file names (only lossless files are trusted with one). */
  layer?: unknown;
}

export type OffsetUnit = 'codepoint' | 'utf16';

/** What checking spans of one document needs. */
export class SpanContext {
  readonly converter: OffsetConverter;
  readonly length: number;
  readonly unitName: string;

  constructor(
    readonly text: string,
    readonly unit: OffsetUnit,
    readonly labels: LabelIndex,
  ) {
    this.converter = new OffsetConverter(text);
    this.length = unit === 'utf16' ? text.length : this.converter.codePointLength;
    this.unitName = unit === 'utf16' ? 'UTF-16 code units' : 'code points';
  }
}

/** A span draft in UTF-16 offsets, or the reason the span is refused. */
export function restoreSpan(raw: RawSpan, name: string, context: SpanContext): SourcedSpanDraft | string {
  const { start, end, label } = raw;
  if (typeof label !== 'string' || label.trim() === '') {
    return `${name} has no label (expected a non-empty string, found ${describe(label)})`;
  }
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    return `${name} offsets are not integers: [${JSON.stringify(start)}, ${JSON.stringify(end)})`;
  }
  const from = start as number;
  const to = end as number;
  const where = `${name} [${from}, ${to})`;
  if (to < from) return `${where} has end before start`;
  if (to === from) return `${where} is empty (end equals start)`;
  if (from < 0 || to > context.length) {
    return `${where} is out of range: the text is ${context.length} ${context.unitName} long`;
  }
  const utf16Start = context.unit === 'utf16' ? from : context.converter.toUtf16(from);
  const utf16End = context.unit === 'utf16' ? to : context.converter.toUtf16(to);
  if (utf16Start === undefined || utf16End === undefined) {
    return `${where} is out of range: the text is ${context.length} ${context.unitName} long`;
  }
  const splits = edgeProblem(context.text, where, [
    [utf16Start, from],
    [utf16End, to],
  ]);
  if (splits !== undefined) return splits;
  const covered = context.text.slice(utf16Start, utf16End);
  if (raw.text !== undefined && raw.text !== null && raw.text !== covered) {
    return `${where} text ${quote(raw.text)} does not match the text at its offsets ${quote(covered)}`;
  }
  return { layer: context.labels.layerOf(label, raw.layer), label, start: utf16Start, end: utf16End };
}

/** Why a span edge cannot be stored (it splits a character or grapheme cluster), if it cannot. */
export function edgeProblem(
  text: string,
  where: string,
  edges: ReadonlyArray<readonly [utf16: number, fileOffset: number]>,
): string | undefined {
  for (const [offset, fileOffset] of edges) {
    if (splitsSurrogatePair(text, offset)) {
      return `${where} splits a character (a UTF-16 surrogate pair) at ${fileOffset}`;
    }
    if (!isGraphemeBoundary(text, offset)) {
      return `${where} splits a grapheme cluster at ${fileOffset} (it cuts a combining mark, emoji sequence or similar off its base character)`;
    }
  }
  return undefined;
}
