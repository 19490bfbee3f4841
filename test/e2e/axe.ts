// Accessibility checks for the end-to-end tests: axe-core on the page as it is now, against
// WCAG 2.0 and 2.1 levels A and AA, failing with a list a person can act on.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { Result } from 'axe-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AccessibilityCheckOptions {
  /** Check only this part of the page (a CSS selector), e.g. one open dialog. */
  include?: string;
  /**
   * Parts axe must not check, each with the reason. Only for a proven axe mistake: say why
   * in the test, never to hide a real problem.
   */
  exclude?: Array<{ selector: string; reason: string }>;
}

/** One line per element that fails a rule: rule, impact, where, and what to fix. */
export function describeViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `    - ${n.target.map(String).join(' >> ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
        .join('\n');
      const more = v.nodes.length > 8 ? `\n    ... and ${v.nodes.length - 8} more` : '';
      return `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n  ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n\n');
}

/** Fails the test, naming `what` was checked, if axe finds any WCAG 2.x A/AA violation. */
export async function expectNoAccessibilityViolations(page: Page, what: string, options: AccessibilityCheckOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (options.include) builder = builder.include(options.include);
  for (const { selector } of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations, incomplete } = await builder.analyze();
  // What axe could not decide (text over an image or a gradient, for instance) needs a human
  // look: AXE_SHOW_INCOMPLETE=1 prints it.
  if (process.env.AXE_SHOW_INCOMPLETE && incomplete.length > 0)
    console.log(`axe could not decide on ${what}:\n${describeViolations(incomplete)}\n`);
  // Compared as text, so a failure prints the readable list rather than axe's objects.
  expect(describeViolations(violations), `accessibility violations on ${what}`).toBe('');
}
