import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Fair } from '../../src/domain/fair';
import { phoneLinkFragment } from '../../src/domain/wire/phone-payload';
import { startServer } from '../../src/server/server';
import { PHONE_VIEWPORT, launchChromium } from '../support/browser';
import { fillPhoneComplaint } from '../support/fake-camera';
import { axeViolations } from './support/a11y';
import { GOOD_USCC, waitForSettled } from './support/kiosk';

/**
 * Accessibility of the public phone page (`/p/`) at 390×844, in zh-CN and English:
 * axe-core finds no serious or critical violation on the complaint form (blank, with errors,
 * filled and showing its QR loop), the commitment form (blank, with errors) and the page of a
 * link without a fair.
 */
const fair = Fair.parse({
  id: '01JC0000000000000000000019',
  code: 'CF139',
  nameZh: '第139届广交会',
  nameEn: 'Canton Fair 139',
  sessionNo: 139,
  days: [{ date: '2026-04-15', opensAt: '09:00', closesAt: '18:00' }],
});
let browser: Browser;
let context: BrowserContext;
let page: Page;
let url = '';
let ownServer: { close(): Promise<void> } | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  // FAIRCASE_E2E_DIST: check a build of one's own (the shared dist/ may be mid-rebuild).
  const own = process.env.FAIRCASE_E2E_DIST;
  let appUrl = inject('appUrl');
  if (own !== undefined) {
    const server = await startServer({ port: 0, host: '127.0.0.1', distDir: own });
    ownServer = server;
    appUrl = server.url;
  }
  url = `${appUrl}/p/#${phoneLinkFragment(fair)}`;
  context = await browser.newContext({ viewport: PHONE_VIEWPORT, locale: 'zh-CN', deviceScaleFactor: 2, hasTouch: true });
  page = await context.newPage();
  page.on('pageerror', (e) => console.error('phone pageerror:', e.message));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await ownServer?.close();
});

interface State {
  readonly name: string;
  /** Brings the page into the state, from the page as the previous state left it. */
  readonly reach: () => Promise<unknown>;
}

const STATES: readonly State[] = [
  { name: 'complaint form', reach: () => page.click('[data-testid=tab-complaint]').then(() => page.waitForSelector('input[name="complainant.name"]')) },
  {
    name: 'complaint with errors',
    reach: async () => {
      await page.click('[data-testid=show-desk]');
      await page.waitForSelector('[data-testid=phone-errors]');
    },
  },
  { name: 'commitment form', reach: () => page.click('[data-testid=tab-commitment]').then(() => page.waitForSelector('[data-testid=tick-all]')) },
  {
    name: 'commitment with errors',
    reach: async () => {
      await page.click('[data-testid=show-desk]');
      await page.waitForSelector('[data-testid=phone-errors]');
    },
  },
  {
    name: 'complaint QR loop',
    reach: async () => {
      await page.click('[data-testid=tab-complaint]');
      await fillPhoneComplaint(page, { name: '福州某某科技有限公司', uscc: GOOD_USCC, hall: '1.1', stand: 'A01', items: ['蓝牙耳机'] });
      await page.click('[data-testid=show-desk]');
      await page.waitForSelector('[data-testid=qr-frame]');
    },
  },
];

test('axe-core on the phone page at 390×844: no serious or critical violation, in zh-CN and in English', async () => {
  const found: string[] = [];
  for (const lang of ['zh', 'en'] as const) {
    // A fresh start for each language: the drafts of the last pass are gone.
    await context.clearCookies();
    await page.goto(url);
    await page.waitForSelector('html[data-phone=ready]');
    await page.evaluate(() => {
      localStorage.clear();
      indexedDB.deleteDatabase('faircase');
    });
    await page.reload();
    await page.waitForSelector('input[name="complainant.name"]');
    await page.click(`[data-testid=lang-${lang}]`);
    for (const s of STATES) {
      await s.reach();
      await waitForSettled(page);
      for (const v of await axeViolations(page)) found.push(`${lang} ${s.name}: [${v.impact}] ${v.id} (${v.help}) at ${v.nodes.join(' | ')}`);
    }
    const other = await context.newPage();
    await other.goto(url.replace(/#.*$/, '#fair=bm90LWEtZmFpcg'));
    await other.waitForSelector('[data-testid=phone-no-fair]');
    await other.click(`[data-testid=lang-${lang}]`);
    for (const v of await axeViolations(other)) found.push(`${lang} no fair: [${v.impact}] ${v.id} (${v.help}) at ${v.nodes.join(' | ')}`);
    await other.close();
  }
  expect(found).toEqual([]);
}, 300_000);
