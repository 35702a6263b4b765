/**
 * axe-core in the page: the engine's source is evaluated through the DevTools
 * protocol (not a <script> tag, which the app's Content Security Policy would refuse), then
 * `axe.run` checks the whole document. Only serious and critical violations count.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export interface A11yViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  /** The first few offending nodes: their selector and a bit of their HTML. */
  readonly nodes: readonly string[];
}

const BLOCKING = ['serious', 'critical'];

export async function axeViolations(page: Page): Promise<A11yViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(async (blocking) => {
    const engine = (window as unknown as { axe: typeof axe }).axe;
    const result = await engine.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact !== undefined && v.impact !== null && blocking.includes(v.impact))
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`),
      }));
  }, BLOCKING);
}
