import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import {
  EXHIBITOR_HEADER_EN,
  EXHIBITOR_HEADER_ZH,
  GOOD_USCC,
  BAD_USCC,
  createFair,
  csvOf,
  go,
  importFile,
  newKiosk,
  setUpDevice,
  storedCount,
  waitForServiceWorker,
  waitForShell,
  xlsxOf,
} from './support/kiosk';

/**
 * The kiosk works with the network off. First load online, the service worker takes
 * control, then offline: reload, every screen, a fair created, exhibitors imported (CSV and XLSX,
 * the readers being lazy chunks that must come from the precache).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const SCREENS = [
  { path: '/', testId: 'home-device' },
  { path: '/fairs', testId: 'new-fair' },
  { path: '/fairs/new', testId: 'fair-form' },
  { path: '/device', testId: 'device-form' },
  { path: '/exhibitors', testId: 'add-exhibitor' },
  { path: '/exhibitors/new', testId: 'exhibitor-form' },
  { path: '/exhibitors/import', testId: 'import-file' },
  { path: '/storage', testId: 'storage-facts' },
] as const;

/** A kiosk's first load online (the service worker installed, the kiosk says it is ready offline), then the network off. */
async function installedThenOffline(): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await newKiosk(browser);
  await page.goto(inject('appUrl'));
  await waitForShell(page);
  await waitForServiceWorker(page);
  await page.waitForSelector('[data-testid=offline-ready]');
  await context.setOffline(true);
  return { context, page };
}

test('offline after the first load: reload, the eight setup screens, create a fair, import CSV and XLSX', async () => {
  const { context, page } = await installedThenOffline();
  await page.reload();
  await waitForShell(page);
  await expect.poll(() => page.getAttribute('[data-testid=status-network]', 'data-online')).toBe('false');

  await createFair(page, { code: 'CF137', nameZh: '第137届广交会', sessionNo: '137', days: ['2025-04-15', '2025-04-16'] });
  expect(await page.locator('[data-testid=fair-card]').count()).toBe(1);
  await setUpDevice(page, '一号台', 'K07', 'CF137 · 第137届广交会');
  await expect.poll(() => page.textContent('[data-testid=status-fair]')).toContain('第137届广交会');

  // The setup screens render offline (a fresh document per screen: each lazy chunk from the precache).
  for (const s of SCREENS) {
    await page.goto(new URL(s.path, inject('appUrl')).href);
    await waitForShell(page);
    await page.waitForSelector(`[data-testid=${s.testId}]`, { state: 'attached' });
  }

  const csv = csvOf([
    EXHIBITOR_HEADER_ZH,
    ['福州某某科技有限公司', 'Fuzhou Tech', 'CN', GOOD_USCC, '福建交易团', '1.1', 'A01;1.1/A02', '王五', '13812345678'],
    ['', 'No Name Ltd', 'CN', '', '', '1.1', 'A03', '', ''],
    ['坏代码公司', '', 'CN', BAD_USCC, '', '1.1', 'A04', '', ''],
    ['重复展位公司', '', 'DE', 'HRB 12345', '', '1.1', 'A01', '', ''],
  ]);
  await importFile(page, 'exhibitors.csv', 'text/csv', csv);
  expect(await page.locator('[data-testid=import-preview] tbody tr').count()).toBe(4);
  expect(await page.locator('tr[data-ok=false]').count()).toBe(3);
  // Nothing written before confirm.
  expect(await storedCount(page, 'exhibitors')).toBe(0);
  await expect.poll(() => page.textContent('tr[data-row="3"]')).toContain('必填');
  await expect.poll(() => page.textContent('tr[data-row="4"]')).toContain('校验位');
  await expect.poll(() => page.textContent('tr[data-row="5"]')).toContain('1.1/A01');
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=import-done]');
  expect(await storedCount(page, 'exhibitors')).toBe(1);

  const xlsx = await xlsxOf([
    EXHIBITOR_HEADER_EN,
    ['上海某某贸易有限公司', 'Shanghai Trading', 'CN', '', '上海交易团', '2.2', 'B01', 'Li Lei', '+8613912345678'],
    ['Acme GmbH', 'Acme GmbH', 'DE', 'HRB 999', '', '1.1', 'A02', '', ''],
  ]);
  await importFile(page, 'exhibitors.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx);
  expect(await page.locator('tr[data-ok=true]').count()).toBe(1);
  // 1.1/A02 was imported from the CSV: already taken in this fair.
  await expect.poll(() => page.textContent('tr[data-row="3"]')).toContain('1.1/A02');
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=import-done]');
  expect(await storedCount(page, 'exhibitors')).toBe(2);

  await go(page, '/exhibitors');
  await expect.poll(() => page.locator('[data-testid=exhibitor-list] tbody tr').count()).toBe(2);
  await page.fill('input[name=search]', 'B01');
  await expect.poll(() => page.locator('[data-testid=exhibitor-list] tbody tr').count()).toBe(1);

  // Add one by hand, then edit it.
  await page.click('[data-testid=add-exhibitor]');
  await page.waitForSelector('[data-testid=exhibitor-form]');
  await page.fill('input[name=nameZh]', '手工录入公司');
  await page.fill('input[name=country]', 'JP');
  await page.fill('input[name=regNo]', '0100-01-123456');
  await page.fill('input[name="booths.0.hall"]', '4.2');
  await page.fill('input[name="booths.0.stand"]', 'D10');
  await page.click('[data-testid=save]');
  await page.waitForSelector('[data-testid=exhibitor-list]');
  await page.fill('input[name=search]', '4.2/D10');
  await expect.poll(() => page.locator('[data-testid=exhibitor-list] tbody tr').count()).toBe(1);
  await page.click('[data-testid=exhibitor-list] tbody tr a.btn');
  await page.waitForSelector('[data-testid=exhibitor-form]');
  expect(await page.inputValue('input[name=regNo]')).toBe('0100-01-123456');
  await page.fill('input[name=nameZh]', '手工录入公司（改）');
  await page.click('[data-testid=save]');
  await page.waitForSelector('[data-testid=exhibitor-list]');
  await page.fill('input[name=search]', '手工');
  await expect.poll(() => page.textContent('[data-testid=exhibitor-list] tbody')).toContain('手工录入公司（改）'); // free text keeps its Chinese brackets (TX2)
  expect(await storedCount(page, 'exhibitors')).toBe(3);
  // Fair, three exhibitor imports/saves and one edit: all waiting to sync, shown in the status bar.
  await expect.poll(() => page.textContent('[data-testid=status-unsynced]')).toBe('待同步 5 条');
  await context.close();
});

test('the icons are PNGs, served from the precache offline (the tab icon and the install icons)', async () => {
  const { context, page } = await installedThenOffline();
  // Chromium decodes the tab icon again after every screen change: a PNG, not an SVG document (P3).
  expect(await page.getAttribute('link[rel=icon]', 'type')).toBe('image/png');
  const icons = await page.evaluate(async () => {
    const manifest = (await (await fetch('/manifest.webmanifest')).json()) as { icons: { src: string; sizes: string; type: string }[] };
    const tab = document.querySelector<HTMLLinkElement>('link[rel=icon]')?.href ?? '';
    const decoded: string[] = [];
    for (const src of [tab, ...manifest.icons.filter((i) => i.type === 'image/png').map((i) => i.src)]) {
      const response = await fetch(src);
      const bitmap = await createImageBitmap(await response.blob());
      decoded.push(`${new URL(src, location.href).pathname} ${response.headers.get('content-type') ?? ''} ${bitmap.width}x${bitmap.height}`);
    }
    return decoded;
  });
  expect(icons).toEqual(['/icon-32.png image/png 32x32', '/icon-192.png image/png 192x192', '/icon-512.png image/png 512x512']);
  await context.close();
});
