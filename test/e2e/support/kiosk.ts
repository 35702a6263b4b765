/**
 * Page model of the kiosk for the browser tests: open the app, wait for the service worker,
 * fill the forms the way a clerk does, and make exhibitor files (CSV, XLSX) in the test itself.
 */
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TABLET_VIEWPORT } from '../../support/browser';

export async function newKiosk(browser: Browser, options: { locale?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: TABLET_VIEWPORT, locale: options.locale ?? 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  return { context, page };
}

/** The shell sets this when it is interactive (also the P2 bench marker). */
export const waitForShell = (page: Page): Promise<unknown> => page.waitForSelector('html[data-shell=interactive]');

/** First load online: wait until the service worker controls the page (clientsClaim). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 90_000 });
}

/** Client-side navigation through the rail or a link, as a user does (no network needed). */
export async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    history.pushState(null, '', p);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** Types like a person at the end of the field: key by key, every keystroke through the form's input handler. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.click(selector);
  await page.keyboard.press('End');
  await page.keyboard.type(text, { delay: 5 });
}

export interface FairSeed {
  readonly code: string;
  readonly nameZh: string;
  readonly sessionNo: string;
  readonly days: readonly string[];
}

export async function createFair(page: Page, fair: FairSeed): Promise<void> {
  await go(page, '/fairs/new');
  await page.waitForSelector('[data-testid=fair-form]');
  await page.fill('input[name=code]', fair.code);
  await page.fill('input[name=nameZh]', fair.nameZh);
  await page.fill('input[name=sessionNo]', fair.sessionNo);
  for (const [i, day] of fair.days.entries()) {
    if (i > 0) await page.click('[data-testid=add-day]');
    await page.fill(`input[name="days.${i}.date"]`, day);
  }
  await page.click('[data-testid=save]');
  await page.waitForSelector('[data-testid=fair-list], [data-testid=form-error]');
  const error = await page.$('[data-testid=form-error]');
  if (error !== null) throw new Error(`fair not saved: ${await page.textContent('form')}`);
}

export async function setUpDevice(page: Page, name: string, code: string, fairLabel?: string): Promise<void> {
  await go(page, '/device');
  await page.waitForSelector('[data-testid=device-form]');
  await page.fill('input[name=name]', name);
  await page.fill('input[name=shortCode]', code);
  if (fairLabel !== undefined) await page.selectOption('select[name=fairId]', { label: fairLabel });
  await page.click('[data-testid=save]');
  await page.waitForSelector('[data-testid=saved]');
}

/** Valid USCC check digits (GB 32100-2015), from the VA1 test vector and its body re-checked. */
export const GOOD_USCC = '91350100M000100Y43';
export const BAD_USCC = '91350100M000100Y44';

export const EXHIBITOR_HEADER_ZH = ['中文名称', '英文名称', '国家', '统一社会信用代码/境外注册号', '交易团', '展馆', '展位', '联系人', '联系电话'];
export const EXHIBITOR_HEADER_EN = ['name zh', 'name en', 'country', 'USCC or foreign reg. no.', 'delegation', 'hall', 'stand', 'contact name', 'contact phone'];

export function csvOf(rows: readonly (readonly string[])[]): Buffer {
  const esc = (c: string): string => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return Buffer.from(rows.map((r) => r.map(esc).join(',')).join('\r\n'), 'utf8');
}

export async function xlsxOf(rows: readonly (readonly string[])[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('参展商');
  for (const r of rows) ws.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function importFile(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await go(page, '/exhibitors/import');
  await page.waitForSelector('[data-testid=import-file]', { state: 'attached' });
  await page.setInputFiles('[data-testid=import-file]', { name, mimeType, buffer });
  await page.waitForSelector('[data-testid=import-preview], [data-testid=import-summary]');
}

/** IndexedDB content read in the page itself, bypassing the app (what is really stored). */
export async function storedCount(page: Page, table: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('faircase');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(name, 'readonly').objectStore(name).count();
          req.onsuccess = () => {
            resolve(req.result);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    table,
  );
}

/**
 * Init script: while `window.__failWrites` is true, every IndexedDB write throws a real
 * `QuotaExceededError` DOMException, the error a full origin quota raises.
 */
export const FAIL_WRITES = `
  (() => {
    for (const method of ['put', 'add', 'delete', 'clear']) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (...args) {
        if (window.__failWrites === true) {
          window.__refusedWrites = (window.__refusedWrites ?? 0) + 1;
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return original.apply(this, args);
      };
    }
  })();
`;

/** How many writes FAIL_WRITES has refused in this page so far. */
export const refusedWrites = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { __refusedWrites?: number }).__refusedWrites ?? 0);

export const setFailWrites = (page: Page, on: boolean): Promise<void> =>
  page.evaluate((v) => void ((window as unknown as { __failWrites: boolean }).__failWrites = v), on);

/**
 * The screen has settled: no animation or transition runs, and nothing on it still says it is
 * loading (late lazy parts such as badges and reminders have arrived).
 */
export async function waitForSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running') && !/加载中…|Loading…/.test(document.body.innerText));
}
