import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { Fair } from '../../src/domain/fair';
import { phoneLinkFragment } from '../../src/domain/wire/phone-payload';
import { startServer } from '../../src/server/server';
import { PHONE_VIEWPORT, launchChromium } from '../support/browser';
import { typeInto, waitForServiceWorker } from './support/kiosk';

/**
 * The phone page in Debian's Chromium at 390 × 844: it opens from the desk's link with no
 * desk data, works offline after one load, keeps its draft across a reload, refuses bad input
 * with the domain's messages in both languages, and loads no desk screen or spreadsheet code.
 */
const SHOTS = join(tmpdir(), 'faircase-shots');
const fair = Fair.parse({
  id: '01JC0000000000000000000009',
  code: 'CF138',
  nameZh: '第138届广交会',
  nameEn: 'Canton Fair 138',
  sessionNo: 138,
  days: [{ date: '2025-10-15', opensAt: '09:00', closesAt: '18:00' }],
});
let browser: Browser;
let context: BrowserContext;
let page: Page;
let url = '';
let ownServer: { close(): Promise<void> } | undefined;
const scripts: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const own = process.env.FAIRCASE_E2E_DIST;
  let appUrl: string;
  if (own === undefined) appUrl = inject('appUrl');
  else {
    const server = await startServer({ port: 0, host: '127.0.0.1', distDir: own });
    ownServer = server;
    appUrl = server.url;
  }
  url = `${appUrl}/p/#${phoneLinkFragment(fair)}`;
  browser = await launchChromium();
  context = await browser.newContext({ viewport: PHONE_VIEWPORT, locale: 'zh-CN', deviceScaleFactor: 2, hasTouch: true });
  page = await context.newPage();
  page.on('pageerror', (e) => console.error('phone pageerror:', e.message));
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto(url);
  await page.waitForSelector('html[data-phone=ready]');
  await waitForServiceWorker(page);
}, 120_000);

afterAll(async () => {
  await context.close();
  await browser.close();
  await ownServer?.close();
});

test('the phone entry loads no desk screen, spreadsheet or scanner code', async () => {
  await page.waitForSelector('input[name="complainant.name"]');
  const names = scripts.map((s) => s.split('/').pop() ?? '');
  expect(names.some((n) => n.startsWith('phone-main-'))).toBe(true);
  for (const desk of ['complaint-intake-', 'case-board-', 'case-detail-', 'xlsx', 'csv.chunk', 'qr-handoff-', 'qr-scanner', 'home-', 'shell', 'app-', 'desk-messages-', 'desk-languages-', 'write-', 'signature_pad-']) {
    expect(names.filter((n) => n.startsWith(desk) || n.includes(`${desk}.`))).toEqual([]);
  }
});

test('offline after one load, the draft survives a reload; bad input is refused with the domain messages', async () => {
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('input[name="complainant.name"]');
  await page.waitForSelector('[data-testid=phone-offline]');
  await typeInto(page, 'input[name="complainant.name"]', '福州某某科技有限公司');
  await typeInto(page, 'input[name="complainant.uscc"]', '91350100M000100Y44');
  await typeInto(page, 'textarea[name="accusedItems.0.description"]', '蓝牙耳机');
  // No wait: the phone writes its draft synchronously on every change (phone-draft.ts).
  await page.reload();
  await page.waitForSelector('input[name="complainant.name"]');
  await expect.poll(() => page.inputValue('input[name="complainant.name"]')).toBe('福州某某科技有限公司');
  expect(await page.inputValue('textarea[name="accusedItems.0.description"]')).toBe('蓝牙耳机');
  // A wrong USCC check character, no phone, no booth or name, no signature: no QR code.
  await page.click('[data-testid=show-desk]');
  await page.waitForSelector('[data-testid=phone-errors]');
  expect(await page.$('[data-testid=qr-loop]')).toBeNull();
  const invalid = await page.locator('.phone .field.invalid, .phone .signature-field.invalid').count();
  expect(invalid).toBeGreaterThanOrEqual(3);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, 'phone-errors-zh.png') });
  await page.click('[data-testid=lang-en]');
  await expect.poll(() => page.textContent('[data-testid=phone-errors]')).toMatch(/Please correct/);
  await page.screenshot({ path: join(SHOTS, 'phone-errors-en.png') });
  await page.click('[data-testid=tab-commitment]');
  await page.waitForSelector('[data-testid=tick-all]');
  await page.screenshot({ path: join(SHOTS, 'phone-commitment-en.png'), fullPage: true });
  await page.click('[data-testid=lang-zh]');
  await page.click('[data-testid=tab-complaint]');
  await context.setOffline(false);
}, 60_000);

test('a link without a fair says so', async () => {
  const other = await context.newPage();
  await other.goto(url.replace(/#.*$/, '#fair=bm90LWEtZmFpcg'));
  await other.waitForSelector('[data-testid=phone-no-fair]');
  await other.close();
});
