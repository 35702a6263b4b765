import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/server';
import { launchChromium } from '../support/browser';
import { newId } from '../server/support';
import { axeViolations } from './support/a11y';

/**
 * The administration's annual figures in the console (ANNUAL-SPEC AR5, AR8, AR10) in Chromium
 * against a real server on PGlite: the organizer closes a Guangdong fair's summary, the year's
 * table counts it as final; an administration viewer of Guangdong sees it in the table and in
 * the drill-down, a viewer of Beijing does not. axe-core and screenshots at 1440×900 in both
 * languages.
 */
const SHOTS = '/tmp/shots-annual22';
const LAPTOP = { width: 1440, height: 900 } as const;
const PASSWORD = 'correct horse battery';
const ORGANIZER = 'organizer-annual';
const YEAR = new Date().getFullYear();

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let fairId = '';

const consoleUrl = (path: string): string => `${server.url}/console${path}`;

async function setLanguage(p: Page, lang: 'zh-CN' | 'en'): Promise<void> {
  if ((await p.getAttribute('html', 'lang')) === lang) return;
  await p.click('[data-testid=lang-switch]');
  await p.waitForSelector(`html[lang=${lang}]`);
}

async function signedIn(name: string): Promise<{ context: BrowserContext; page: Page }> {
  const c = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const p = await c.newPage();
  p.on('pageerror', (e) => console.error('console pageerror:', e.message));
  await p.goto(consoleUrl('/annual'));
  await p.waitForSelector('[data-testid=sign-in-form]');
  await p.fill('input[name=name]', name);
  await p.fill('input[name=password]', PASSWORD);
  await p.click('[data-testid=sign-in-submit]');
  await p.waitForURL(/\/console\/annual$/);
  return { context: c, page: p };
}

/** The A1 cell (fairs with a desk) of a unit's row, as shown. */
const servicesOf = async (p: Page, region: string): Promise<string> =>
  ((await p.locator(`[data-testid=unit-${region}] td`).first().locator('.v').textContent()) ?? '').trim();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ port: 0, host: '127.0.0.1', distDir: resolve('dist') });
  await server.storage.createUser({ name: ORGANIZER, password: PASSWORD, role: 'organizer' });
  browser = await launchChromium();
  ({ context, page } = await signedIn(ORGANIZER));
  fairId = newId();
  const made = await page.evaluate(
    async ({ id, year }) => {
      const fair = {
        id, code: 'GD26', nameZh: '广州国际照明展', nameEn: 'Guangzhou Lighting Fair', sessionNo: 26,
        days: [{ date: `${year}-06-09`, opensAt: '09:00', closesAt: '17:00' }], settings: { region: '440000', organizer: '广州市会展办' },
      };
      const post = (path: string, body: unknown) => fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const statuses = [(await post('/api/console/fairs', { fair })).status];
      for (const [name, region] of [['viewer-guangdong', '440000'], ['viewer-beijing', '110000']]) {
        statuses.push((await post('/api/console/people', { name, password: 'correct horse battery', role: 'admin_viewer', scope: { kind: 'regions', regions: [region] } })).status);
      }
      return statuses;
    },
    { id: fairId, year: YEAR },
  );
  expect(made).toEqual([201, 201, 201]);
}, 120_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await page.screenshot({ path: `${SHOTS}/fail.png`, fullPage: true });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

test('[AR10][AR8][AR5] the organizer closes the summary; a Guangdong viewer sees the fair as final in the year\'s table, a Beijing viewer does not', { timeout: 300_000 }, async () => {
  await page.goto(consoleUrl(`/fairs/${fairId}/summary`));
  await page.waitForSelector('[data-testid=close-summary]:not([disabled])');
  await page.click('[data-testid=close-summary]');
  await expect.poll(() => page.locator('[data-testid=close-result]').textContent(), { timeout: 30_000 }).toBe('汇总已结束：第 1 版。');
  await page.locator('[data-testid=close-panel]').screenshot({ path: `${SHOTS}/close-zh.png` });

  await page.goto(consoleUrl('/annual'));
  await page.waitForSelector('[data-testid=annual-table]');
  expect(await servicesOf(page, '440000')).toBe('1');
  await page.waitForSelector('[data-testid=annual-final]');
  await page.screenshot({ path: `${SHOTS}/annual-organizer-zh.png`, fullPage: true });
  await setLanguage(page, 'en');
  await page.waitForSelector('[data-testid=annual-report] h2:text("IP rights-protection assistance at fairs")');
  await page.screenshot({ path: `${SHOTS}/annual-organizer-en.png`, fullPage: true });
  await setLanguage(page, 'zh-CN');

  const guangdong = await signedIn('viewer-guangdong');
  await guangdong.page.waitForSelector('[data-testid=annual-table]');
  expect(await servicesOf(guangdong.page, '440000')).toBe('1');
  await guangdong.page.click('[data-testid=pick-440000]');
  await guangdong.page.waitForSelector(`[data-testid=annual-fair-${fairId}]`);
  expect(await guangdong.page.locator(`[data-testid=annual-fair-${fairId}] td`).last().textContent()).toBe('最终（第 1 版）');
  await guangdong.page.screenshot({ path: `${SHOTS}/annual-viewer-guangdong-zh.png`, fullPage: true });
  // Drill down to the fair's summary page.
  await guangdong.page.click(`[data-testid=annual-fair-${fairId}] a`);
  await guangdong.page.waitForSelector('[data-testid=summary-report]');
  await guangdong.context.close();

  const beijing = await signedIn('viewer-beijing');
  await beijing.page.waitForSelector('[data-testid=annual-table]');
  expect(await servicesOf(beijing.page, '440000')).toBe('0');
  await beijing.page.click('[data-testid=pick-440000]');
  await beijing.page.waitForSelector('[data-testid=annual-fairs]');
  expect(await beijing.page.locator(`[data-testid=annual-fair-${fairId}]`).count()).toBe(0);
  await beijing.page.goto(consoleUrl(`/fairs/${fairId}/summary`));
  await beijing.page.waitForSelector('.notice, [role=alert]');
  expect(await beijing.page.locator('[data-testid=summary-report]').count()).toBe(0);
  await beijing.context.close();
});

test('the annual page has no serious or critical axe violation, in zh-CN and English', { timeout: 300_000 }, async () => {
  const found: string[] = [];
  for (const lang of ['zh-CN', 'en'] as const) {
    await setLanguage(page, lang);
    await page.goto(consoleUrl('/annual'));
    await page.waitForSelector('[data-testid=annual-report]');
    await page.click('[data-testid=pick-440000]');
    await page.waitForSelector('[data-testid=annual-fairs]');
    await page.waitForSelector(`html[lang=${lang}]`);
    for (const v of await axeViolations(page)) found.push(`annual ${lang}: ${v.id} ${v.help} ${v.nodes.join(' | ')}`);
    await page.screenshot({ path: `${SHOTS}/annual-${lang}-1440.png` });
  }
  expect(found).toEqual([]);
});

test('the printed report reads as a statistics section in zh-CN and English: headings, figures with 同比, charts, no internal keys, no page ending with a heading', { timeout: 300_000 }, async () => {
  const expected = {
    'zh-CN': { heading: `展会知识产权维权援助工作情况（${YEAR}年）`, yoy: /同比|上年同期/, table: '分省级单位统计' },
    en: { heading: `IP rights-protection assistance at fairs (${YEAR})`, yoy: /year on year|the year before/, table: 'By provincial unit' },
  } as const;
  for (const lang of ['zh-CN', 'en'] as const) {
    await setLanguage(page, lang);
    await page.goto(consoleUrl('/annual'));
    await page.waitForSelector('[data-testid=annual-report] [data-testid=chart-national]');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const printed = await page.evaluate(() => document.body.innerText);
    // In the order they print (the report is moved first by print CSS, not in the document).
    const headings = await page.evaluate(() =>
      [...document.querySelectorAll('h2, h3')]
        .filter((h) => h.getClientRects().length > 0)
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
        .map((h) => (h.textContent ?? '').trim()),
    );
    const charts = await page.locator('[data-testid=annual-report] svg:visible').count();
    await page.screenshot({ path: `${SHOTS}/annual-print-${lang}.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    // The statistics section comes first, then the table by unit.
    expect(headings.slice(0, 1)).toEqual([expected[lang].heading]);
    expect(headings).toContain(expected[lang].table);
    expect(printed).toMatch(expected[lang].yoy);
    expect(charts).toBeGreaterThanOrEqual(2);
    expect(printed).not.toMatch(/\bR[0-9]+\./);
    expect(printed).not.toMatch(/\bA[0-9]\b/);
    expect(printed).not.toMatch(/\b(?:[0-9]{6}|NR_[A-Z_]+|ESTABLISHED_[A-Z_]+)\b/);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(6);
    // No page ends with a heading: each page's last line of text (pdftotext) is no heading's text.
    const file = `${SHOTS}/annual-print-${lang}.pdf`;
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '60', file, `${SHOTS}/annual-print-${lang}-page`]);
    const pageTexts = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
    expect(pageTexts.length).toBe(pages);
    const lastLines = pageTexts.map((p) => p.split('\n').map((l) => l.trim()).filter((l) => l !== '').at(-1) ?? '');
    expect(lastLines.filter((l) => headings.includes(l))).toEqual([]);
  }
});
