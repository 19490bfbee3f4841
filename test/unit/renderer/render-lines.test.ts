// The document view's Lexical content, built headless: a long text's groups drawn as plain text
// and expanded into lines with their marks, even a line of 100,000 marks.
import { $getRoot, $isElementNode, createEditor, type LexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../src-shared/span-layout';
import { LineGroupNode, SourceTextNode, SpanMarkNode, $isSpanMarkNode } from '../../../src-renderer/src/ui/document/nodes';
import { $expandGroup, $renderPlainGroups, type ViewSpan } from '../../../src-renderer/src/ui/document/render-lines';

function editor() {
  return createEditor({
    namespace: 'render-lines-test',
    nodes: [SourceTextNode, SpanMarkNode, LineGroupNode],
    onError: (error) => {
      throw error;
    },
  });
}

function countMarks(node: LexicalNode): number {
  if (!$isElementNode(node)) return 0;
  return node.getChildren().reduce((sum, child) => sum + countMarks(child), $isSpanMarkNode(node) ? 1 : 0);
}

describe('render lines', () => {
  it('expands a group of one line with 100,000 marks (all appended at once overflowed the stack)', () => {
    const words = Array.from({ length: 100_000 }, (_, i) => `w${i}`);
    const text = words.join(' ');
    const views: ViewSpan[] = [];
    let at = 0;
    for (const [i, word] of words.entries()) {
      views.push({ id: `s${i}`, layer: 'entity', label: 'LOC', start: at, end: at + word.length, text: word, annotator: 'me', links: 0 });
      at += word.length + 1;
    }
    const lines = splitLines(text);
    const view = editor();
    let lineKeys: string[] = [];
    view.update(
      () => {
        const [group] = $renderPlainGroups(text, lines);
        lineKeys = $expandGroup(group as string, text, lines, 0, new Map([[0, views]]));
      },
      { discrete: true },
    );
    expect(lineKeys).toHaveLength(1);
    view.getEditorState().read(() => {
      expect(countMarks($getRoot())).toBe(100_000);
      expect($getRoot().getTextContent()).toBe(text);
    });
  });

  it('draws far groups as plain text that reads as the stored text, CR LF ends left out', () => {
    const text = Array.from({ length: 70 }, (_, i) => `line ${i}`).join('\r\n');
    const lines = splitLines(text);
    const view = editor();
    view.update(() => void $renderPlainGroups(text, lines), { discrete: true });
    view.getEditorState().read(() => {
      const groups = $getRoot().getChildren();
      expect(groups).toHaveLength(3);
      const pieces = groups.flatMap((group) => ($isElementNode(group) ? group.getChildren() : [])) as SourceTextNode[];
      for (const piece of pieces) expect(text.slice(piece.__sourceStart, piece.__sourceStart + piece.getTextContent().length)).toBe(piece.getTextContent());
      // A group ends at a line's end: the line feed between two groups is their boundary.
      const drawn = groups.map((group) => ($isElementNode(group) ? group.getChildren().map((piece) => piece.getTextContent()).join('') : ''));
      expect(drawn.join('\n')).toBe(text.replaceAll('\r', ''));
    });
  });
});
