// Lexical nodes of the read-only document view. SourceTextNode remembers where its text
// starts in the stored document (editor text is never used to compute stored offsets);
// SpanMarkNode draws one fragment of a span around its children.
import {
  ElementNode,
  TextNode,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type SerializedElementNode,
  type SerializedTextNode,
  type Spread,
} from 'lexical';
import type { LayerId } from '../../../../src-shared/domain';

type SerializedSourceTextNode = Spread<{ sourceStart: number }, SerializedTextNode>;

export class SourceTextNode extends TextNode {
  __sourceStart: number;

  static override getType(): string {
    return 'source-text';
  }

  static override clone(node: SourceTextNode): SourceTextNode {
    return new SourceTextNode(node.__text, node.__sourceStart, node.__key);
  }

  static override importJSON(json: SerializedSourceTextNode): SourceTextNode {
    return new SourceTextNode(json.text, json.sourceStart);
  }

  constructor(text = '', sourceStart = 0, key?: NodeKey) {
    super(text, key);
    this.__sourceStart = sourceStart;
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__sourceStart = prevNode.__sourceStart;
  }

  override exportJSON(): SerializedSourceTextNode {
    return { ...super.exportJSON(), type: 'source-text', sourceStart: this.__sourceStart };
  }

  override isUnmergeable(): boolean {
    return true;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.dataset.offset = String(this.__sourceStart);
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement, config: EditorConfig): boolean {
    if (prevNode.__sourceStart !== this.__sourceStart) dom.dataset.offset = String(this.__sourceStart);
    return super.updateDOM(prevNode, dom, config);
  }
}

export function $createSourceTextNode(text: string, sourceStart: number): SourceTextNode {
  return new SourceTextNode(text, sourceStart);
}

export interface SpanMarkData {
  spanId: string;
  label: string;
  layer: LayerId;
  /** Same-layer nesting depth, so stacked underlines and outlines stay apart. */
  depth: number;
  isFirst: boolean;
  isLast: boolean;
  /** Hover text: label and covered text. */
  title: string;
  annotator: string;
  /** Another annotator's span shown for comparison. */
  reference: boolean;
  /** Their place in the review legend (outline style), for a reference. */
  referenceSlot?: number;
  /** The span takes part in a relation. */
  linked: boolean;
  /** A suggestion, not a span: drawn with a dotted outline and no fill (suggestions.css). */
  suggestion?: boolean;
}

/** How many distinct outline styles review has for compared annotators (styles.css). */
export const REFERENCE_STYLES = 4;

type SerializedSpanMarkNode = Spread<SpanMarkData, SerializedElementNode>;

export class SpanMarkNode extends ElementNode {
  __data: SpanMarkData;

  static override getType(): string {
    return 'span-mark';
  }

  static override clone(node: SpanMarkNode): SpanMarkNode {
    return new SpanMarkNode(node.__data, node.__key);
  }

  static override importJSON(json: SerializedLexicalNode): SpanMarkNode {
    const { spanId, label, layer, depth, isFirst, isLast, title, annotator, reference, referenceSlot, linked, suggestion } = json as unknown as SpanMarkData;
    return new SpanMarkNode({
      spanId, label, layer, depth, isFirst, isLast, title, annotator, reference, linked,
      ...(referenceSlot !== undefined ? { referenceSlot } : {}),
      ...(suggestion ? { suggestion } : {}),
    });
  }

  constructor(data: SpanMarkData, key?: NodeKey) {
    super(key);
    this.__data = data;
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__data = prevNode.__data;
  }

  override exportJSON(): SerializedSpanMarkNode {
    return { ...super.exportJSON(), ...this.__data, type: 'span-mark' };
  }

  override isInline(): true {
    return true;
  }

  override canBeEmpty(): false {
    return false;
  }

  override createDOM(): HTMLElement {
    const { spanId, label, layer, depth, isFirst, isLast, title, annotator, reference, referenceSlot, linked, suggestion } = this.__data;
    const dom = document.createElement('span');
    const slot = reference && referenceSlot !== undefined ? ` span--annotator-${referenceSlot % REFERENCE_STYLES}` : '';
    dom.className = `span span--${layer}${isFirst ? ' span--first' : ''}${isLast ? ' span--last' : ''}${reference ? ' span--reference' : ''}${slot}${linked ? ' span--linked' : ''}${suggestion ? ' span--suggestion' : ''}`;
    dom.dataset.annotator = annotator;
    // A suggestion is not a span: it has its own id attribute, so nothing that reads spans from
    // the page (tests, arcs, the caret) takes it for one.
    if (suggestion) {
      dom.dataset.suggestionId = spanId;
      dom.dataset.suggestion = 'true';
    } else dom.dataset.spanId = spanId;
    // The label is never told by colour alone: every fragment is named by its label (and the
    // tag drawn after the span's last fragment shows it). A generic span may not be named, a group may.
    dom.setAttribute('role', 'group');
    dom.setAttribute('aria-label', suggestion ? `Suggestion: ${title}` : title);
    dom.dataset.label = label;
    dom.dataset.layer = layer;
    dom.style.setProperty('--depth', String(depth));
    dom.title = title;
    return dom;
  }

  override updateDOM(): boolean {
    // Span data never changes in place: a changed span gets a new node.
    return false;
  }
}

export function $createSpanMarkNode(data: SpanMarkData): SpanMarkNode {
  return new SpanMarkNode(data);
}

export function $isSpanMarkNode(node: LexicalNode | null | undefined): node is SpanMarkNode {
  return node instanceof SpanMarkNode;
}

/**
 * A block of consecutive lines of a long document (long-text.ts): the browser decides per group,
 * not per line, whether it is near the view, which costs every frame of a scroll. Near the view
 * its lines are paragraphs with their marks, far from it plain text (line-groups.ts).
 */
export class LineGroupNode extends ElementNode {
  static override getType(): string {
    return 'line-group';
  }

  static override clone(node: LineGroupNode): LineGroupNode {
    return new LineGroupNode(node.__key);
  }

  static override importJSON(): LineGroupNode {
    return new LineGroupNode();
  }

  override exportJSON(): SerializedElementNode {
    return { ...super.exportJSON(), type: 'line-group' };
  }

  override createDOM(): HTMLElement {
    const dom = document.createElement('div');
    dom.className = 'doc-line-group';
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }
}

export function $createLineGroupNode(): LineGroupNode {
  return new LineGroupNode();
}
