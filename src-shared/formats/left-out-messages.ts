// What each left-out reason means, in words for people (the export summary, the CLI).
import type { LeftOutReason } from './left-out';

export const LEFT_OUT_REASON_TEXT: Readonly<Record<LeftOutReason, string>> = {
  layer: 'layer not exported or not held by this format',
  'label-dropped': 'label left out',
  'label-unsupported': 'label name not allowed in this format',
  overlap: 'overlaps another span (this format cannot hold overlaps)',
  'not-token-aligned': 'edge inside a token',
  'no-tokens': 'covers no token',
  'crosses-sentence': 'runs over a sentence edge (split between sentences)',
  'outside-sentences': 'lies between sentences',
  'only-line-breaks': 'holds only line breaks',
  'attributes-not-held': 'written without its attributes (this format cannot hold them)',
  'attribute-unsupported': 'written without an attribute whose name or value holds white space (not allowed in this format)',
  'span-notes-not-held': 'written without its note (this format cannot hold notes)',
  'relations-not-held': 'relation not written (this format cannot hold relations)',
  'relation-end-left-out': 'relation not written: one of its ends is left out',
  'relation-type-unsupported': 'relation type name not allowed in this format',
  'relation-not-token-aligned': 'relation end lines up with no token',
  'document-labels-not-held': 'document labels not written (this format cannot hold them)',
  'document-notes-not-held': 'document note not written (this format cannot hold notes)',
};
