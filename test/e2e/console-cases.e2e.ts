import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/server';
import { launchChromium } from '../support/browser';
import { axeViolations } from './support/a11y';
import { actAs, addUser, createFirstUser, storedRows, usccOf } from './support/desk-b';
import { fileComplaint, makePng } from './support/desk-flow';
import { EXHIBITOR_HEADER_ZH, GOOD_USCC, createFair, csvOf, importFile, newKiosk, setUpDevice, waitForServiceWorker, waitForShell } from './support/kiosk';
import { enrolTablet, fairDays, syncNow } from './support/sync-tablets';

/**
 * The console's case browser (CB1–CB4) in Chromium against its own real server on PGlite: a
 * tablet files a complaint with a photo and syncs; the organizer finds the case by booth and by
 * party, opens it, sees the timeline with the tablet's code, the photo's thumbnail and its
 * SHA-256 (checked again in the browser), and prints notice N1. axe-core on the list, the case
 * and the notice in both languages; screenshots at 1440×900.
 */
const SHOTS = '/tmp/shots-browse19';
const LAPTOP = { width: 1440, height: 900 } as const;
const ORGANIZER = { name: 'organizer-cases', password: 'correct horse battery' } as const;
const CLERK = { name: '王文员', role: 'clerk', pin: '24680' } as const;
const FAIR_LABEL = 'CF141 · 第141届广交会';
const RESPONDENT = '福州某某科技有限公司';
const COMPLAINANT = '北京某某科技有限公司';

let server: RunningServer;
let browser: Browser;
let tablet: { context: BrowserContext; page: Page };
let consoleContext: BrowserContext;
let page: Page;

const consoleUrl = (path: string): string => `${server.url}/console${path}`;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ port: 0, host: '127.0.0.1', distDir: resolve('dist') });
  await server.storage.createUser({ name: ORGANIZER.name, password: ORGANIZER.password, role: 'organizer' });
  browser = await launchChromium();
  tablet = await newKiosk(browser);
  await tablet.page.goto(server.url);
  await waitForShell(tablet.page);
  await waitForServiceWorker(tablet.page);
  consoleContext = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page = await consoleContext.newPage();
  page.on('pageerror', (e) => console.error('console pageerror:', e.message));
}, 180_000);
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  await page.screenshot({ path: `${SHOTS}/fail-console.png`, fullPage: true });
  await tablet.page.screenshot({ path: `${SHOTS}/fail-tablet.png` });
});
afterAll(async () => {
  await tablet?.context.close();
  await consoleContext?.close();
  await browser?.close();
  await server?.close();
});

/** Types a search and waits for the table to show exactly these case numbers. */
async function search(text: string, expected: readonly string[]): Promise<void> {
  await page.fill('input[name=q]', text);
  await page.click('[data-testid=cases-apply]');
  await page.waitForSelector(`[data-testid=cases-results][data-q="${text}"]`);
  await expect.poll(() => page.locator('[data-testid=cases-table] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case-no')))).toEqual(expected);
}

test('[CB2][CB3][CB4] a case filed with a photo on a tablet is found by booth and party, with its timeline, photo, SHA-256 and notice', { timeout: 600_000 }, async () => {
  // The tablet: fair, exhibitors, a clerk; a complaint with one photo; enrolled and synced.
  const t = tablet.page;
  await createFair(t, { code: 'CF141', nameZh: '第141届广交会', sessionNo: '141', days: fairDays(6) });
  await setUpDevice(t, '一号台', 'KA', FAIR_LABEL);
  await importFile(t, 'exhibitors.csv', 'text/csv', csvOf([EXHIBITOR_HEADER_ZH, [RESPONDENT, 'Fuzhou Tech', 'CN', GOOD_USCC, '', '1.1', 'A01', '', '']]));
  await t.click('[data-testid=import-confirm]');
  await t.waitForSelector('[data-testid=import-done]');
  await createFirstUser(t, '赵主办', '97531');
  await addUser(t, CLERK);
  await actAs(t, CLERK);
  const caseId = await fileComplaint(t, {
    name: COMPLAINANT, uscc: usccOf('91110000100000000'), right: { type: 'invention', number: 'ZL201710601862.3', title: '一种充电装置' },
    booth: '1.1/A01', item: '充电宝 X1', photos: [{ name: 'booth.png', mimeType: 'image/png', buffer: makePng(96, 64, 7) }], verifyAll: false,
  });
  const fairId = (await storedRows<{ id: string }>(t, 'fairs'))[0]?.id ?? '';
  const caseNo = (await storedRows<{ id: string; caseNo: string }>(t, 'caseRows')).find((r) => r.id === caseId)?.caseNo ?? '';
  const photo = (await storedRows<{ kind: string; sha256: string }>(t, 'evidence')).find((e) => e.kind === 'photo');
  expect(caseNo).toMatch(/^CF141-KA-/);
  expect(photo?.sha256).toMatch(/^[0-9a-f]{64}$/);
  const organizerId = (await server.storage.login(ORGANIZER.name, ORGANIZER.password))?.userId ?? '';
  await enrolTablet(t, server, organizerId, fairId, 'desk');
  await syncNow(t);
  await expect.poll(() => server.storage.blobSize(photo?.sha256 ?? ''), { timeout: 30_000 }).toBeGreaterThan(0);

  // The console: signed in, from the fairs list to the fair's cases.
  await page.goto(consoleUrl('/fairs'));
  await page.waitForSelector('[data-testid=sign-in-form]');
  await page.fill('input[name=name]', ORGANIZER.name);
  await page.fill('input[name=password]', ORGANIZER.password);
  await page.click('[data-testid=sign-in-submit]');
  await page.click('[data-testid=fair-cases]');
  await page.waitForSelector(`[data-testid=cases-table] tr[data-case-no="${caseNo}"]`);
  await search('a01', [caseNo]);
  await search('A02', []);
  await search('福州某某', [caseNo]);
  await search(COMPLAINANT, [caseNo]);
  const listUrl = page.url();

  // The case: the timeline names the tablet by its code, the photo shows with its SHA-256.
  await page.click(`[data-testid=cases-table] tr[data-case-no="${caseNo}"] a`);
  await page.waitForSelector('[data-testid=timeline] li');
  expect(await page.textContent('[data-testid=case-title]')).toBe(`案件 ${caseNo}`);
  expect(await page.locator('[data-testid=timeline] li[data-type=Submit]').textContent()).toContain('设备 KA');
  await expect.poll(() => page.locator('[data-testid=case-gallery] [data-testid=evidence-thumb] img').first().evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 15_000 }).toBe(96);
  expect(await page.textContent('[data-testid=evidence-sha256]')).toBe(photo?.sha256);
  await expect.poll(() => page.textContent('[data-testid=evidence-check]')).toBe('本机核验 SHA-256：一致');
  const caseUrl = page.url();

  // Notice N1 of the case, with the tablet's own notice part.
  await page.click('[data-testid=notice-link-N1]');
  await page.waitForSelector('[data-testid=notice-N1][data-ready=true]');
  expect(await page.locator('[data-testid=notice-N1] .print-part').count()).toBe(2);
  expect(await page.textContent('[data-testid=notice-N1]')).toContain(caseNo);

  // Every page of the browser in both languages: axe-core and a screenshot.
  const found: string[] = [];
  for (const lang of ['zh-CN', 'en'] as const) {
    if ((await page.getAttribute('html', 'lang')) !== lang) {
      await page.click('[data-testid=lang-switch]');
      await page.waitForSelector(`html[lang=${lang}]`);
    }
    for (const [name, url, ready] of [
      ['cases', listUrl, '[data-testid=cases-table] tbody tr'],
      ['case', caseUrl, '[data-testid=evidence-check]'],
      ['notice-N1', `${caseUrl.replace(/\?.*$/, '')}/notice/N1`, '[data-testid=notice-N1][data-ready=true]'],
    ] as const) {
      await page.goto(url);
      await page.waitForSelector(ready);
      await page.waitForSelector(`html[lang=${lang}]`);
      for (const v of await axeViolations(page)) found.push(`${name} ${lang}: ${v.id} ${v.help} ${v.nodes.join(' | ')}`);
      await page.screenshot({ path: `${SHOTS}/${name}-${lang}.png`, fullPage: true });
    }
  }
  expect(found).toEqual([]);
});
