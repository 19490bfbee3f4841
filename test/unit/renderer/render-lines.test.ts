// The document view's Lexical content, built headless: a long text's groups drawn as plain text
// and expanded into lines with their marks, even a line of 100,000 marks.
import { $getRoot, $isElementNode, createEditor, type LexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../src-shared/span-layout';
import { LineGroupNode, SourceTextNode, SpanMarkNode, $isSpanMarkNode } from '../../../src-renderer/src/ui/document/nodes';
import { $expandGroup, $renderPlainGroups, type ViewSpan } from '../../../src-renderer/src/ui/document/render-lines';
import { groupCount, groupLines, linesOfGroup } from '../../../src-renderer/src/ui/document/line-groups';
import { drawnLines } from '../../../src-renderer/src/ui/document/drawn-lines';
import { buildLineMarks } from '../../../src-renderer/src/ui/document/line-marks';
import { testSpan } from '../fixtures/records';

function editor() {
  return createEditor({
    namespace: 'render-lines-test',
    nodes: [SourceTextNode, SpanMarkNode, LineGroupNode],
    onError: (error) => {
      throw error;
    },
  });
}

/** The text pieces' text in order, each checked against the stored text at its offset (Lexical's own text content puts line feeds between blocks). */
function drawnText(node: LexicalNode, text: string): string {
  if (node instanceof SourceTextNode) {
    const drawn = node.getTextContent();
    if (text.slice(node.__sourceStart, node.__sourceStart + drawn.length) !== drawn) throw new Error(`piece at ${node.__sourceStart} is not the stored text`);
    return drawn;
  }
  return $isElementNode(node) ? node.getChildren().map((child) => drawnText(child, text)).join('') : '';
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
        const groups = groupLines(lines);
        const [group] = $renderPlainGroups(text, lines, groups);
        lineKeys = $expandGroup(group as string, text, lines, groups, 0, new Map([[0, views]]));
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
    view.update(() => void $renderPlainGroups(text, lines, groupLines(lines)), { discrete: true });
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

  it('draws a line of 100,000 marks a group of its pieces at a time, every mark once over all groups', () => {
    const words = Array.from({ length: 100_000 }, (_, i) => `w${i}`);
    const text = words.join(' ');
    let at = 0;
    const spans = words.map((word, i) => {
      const span = testSpan({ id: `s${i}`, start: at, end: at + word.length, text: word });
      at += word.length + 1;
      return span;
    });
    const lines = drawnLines(text);
    const groups = groupLines(lines);
    const marks = buildLineMarks(lines, spans, { links: new Map(), suggestions: new Map() });
    const view = editor();
    let groupKeys: string[] = [];
    view.update(() => void (groupKeys = $renderPlainGroups(text, lines, groups)), { discrete: true });
    expect(groupCount(groups)).toBeGreaterThan(50);
    // One group near the view: a few thousand marks, not the line's 100,000.
    view.update(() => void $expandGroup(groupKeys[0] as string, text, lines, groups, 0, marks.byLine), { discrete: true });
    view.getEditorState().read(() => {
      const marksDrawn = countMarks($getRoot());
      expect(marksDrawn).toBeGreaterThan(500);
      expect(marksDrawn).toBeLessThan(3_000);
      expect(drawnText($getRoot(), text) === text).toBe(true);
    });
    // Every group drawn: each word is one mark (a word cut by a piece's end would be two).
    view.update(() => {
      for (let group = 1; group < groupCount(groups); group++) $expandGroup(groupKeys[group] as string, text, lines, groups, group, marks.byLine);
    }, { discrete: true });
    view.getEditorState().read(() => {
      expect(countMarks($getRoot())).toBe(100_000);
      expect(drawnText($getRoot(), text) === text).toBe(true);
      expect(linesOfGroup(groups, groupCount(groups) - 1).end).toBe(lines.length);
    });
  });
});
