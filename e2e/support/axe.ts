import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** Run axe-core in the page as it is now; fail on serious or critical violations, naming each. */
export async function expectNoSeriousA11yViolations(page: Page, label = page.url()): Promise<void> {
  // Colours mid-transition (a theme switch fades buttons over 150 ms) are not what the user ends up reading.
  await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition)));
  const hasAxe = await page.evaluate(() => 'axe' in window);
  // Evaluated rather than added as a <script>: the console's CSP (script-src 'self') blocks inline scripts.
  if (!hasAxe) await page.evaluate((axeSource ??= readFileSync(AXE_PATH, 'utf8')));
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  })) as AxeViolation[];
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n` +
      v.nodes
        .map(
          (n) =>
            `    at ${JSON.stringify(n.target)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`,
        )
        .join('\n'),
  );
  expect(report, `axe found serious/critical violations on ${label}`).toEqual([]);
}
