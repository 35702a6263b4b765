import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/server';
import { PROTOCOL_VERSION } from '../../src/domain/wire/protocol';
import { launchChromium } from '../support/browser';
import { forgeBundle } from '../sync/bundle-forge';
import { enrol, makeItems, newId, type TestDevice } from '../server/support';
import type { SyncItem } from '../../src/domain/sync-item';
import { axeViolations } from './support/a11y';

/**
 * The console's post-show summary and bundle upload (CONSOLE-SPEC.md CO40–CO45) in Chromium
 * against a real server on PGlite: a tablet has synced three consultations and says two more
 * wait, so the summary is provisional and says which tablet; the organizer reads the figures in
 * words, types a previous-session value that is still there after a reload, drops the tablet's
 * bundle (the two missing items) and sees its result, then the summary is final. A second drop
 * answers duplicates; a forged bundle is refused with its code in words, in both languages.
 * axe-core and screenshots at 1440×900 of both pages in both languages.
 */
const SHOTS = '/tmp/shots-sum19';
const LAPTOP = { width: 1440, height: 900 } as const;
const ORGANIZER = { name: 'organizer-summary', password: 'correct horse battery' } as const;

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let fairId = '';
let tablet: TestDevice;
/** The tablet's five items: three synced, two carried by its bundle. */
let items: SyncItem[] = [];

const consoleUrl = (path: string): string => `${server.url}/console${path}`;

async function setLanguage(lang: 'zh-CN' | 'en'): Promise<void> {
  if ((await page.getAttribute('html', 'lang')) === lang) return;
  await page.click('[data-testid=lang-switch]');
  await page.waitForSelector(`html[lang=${lang}]`);
}

/** Drops files on the drop zone as a person dragging them from the desktop would. */
async function drop(files: readonly { name: string; bytes: Uint8Array }[]): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: 'application/zip' }));
    return dt;
  }, files.map((f) => ({ name: f.name, bytes: [...f.bytes] })));
  await page.dispatchEvent('[data-testid=bundle-drop]', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('[data-testid=bundle-drop]', 'drop', { dataTransfer: transfer });
}

const resultOf = async (n: number): Promise<string> => {
  const row = page.locator('[data-testid=bundle-row]').nth(n);
  await expect.poll(() => row.getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
  return (await row.locator('[data-testid=bundle-result]').textContent()) ?? '';
};

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ port: 0, host: '127.0.0.1', distDir: resolve('dist') });
  await server.storage.createUser({ name: ORGANIZER.name, password: ORGANIZER.password, role: 'organizer' });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page = await context.newPage();
  page.on('pageerror', (e) => console.error('console pageerror:', e.message));

  await page.goto(consoleUrl('/summary'));
  await page.waitForSelector('[data-testid=sign-in-form]');
  await page.fill('input[name=name]', ORGANIZER.name);
  await page.fill('input[name=password]', ORGANIZER.password);
  await page.click('[data-testid=sign-in-submit]');
  await page.waitForURL(/\/console\/summary$/);
  // The fair, made through the console's own API from the signed-in page.
  fairId = await page.evaluate(async (id) => {
    const fair = { id, code: 'CF141', nameZh: '第141届广交会', nameEn: 'Canton Fair 141', sessionNo: 141, days: [{ date: '2026-11-25', opensAt: '09:00', closesAt: '17:00' }] };
    const res = await fetch('/api/console/fairs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fair }) });
    if (res.status !== 201) throw new Error(`fair not made: ${res.status}`);
    return id;
  }, newId());
  // A tablet synced three consultations and said five were waiting: two are still on it.
  tablet = await enrol(server.storage, fairId, { deviceCode: 'K07' });
  items = makeItems(tablet, 1, 5);
  const res = await fetch(`${server.url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tablet.token}` },
    body: JSON.stringify({ type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: tablet.deviceId, fairId, items: items.slice(0, 3), status: { appVersion: '0.1.0', outboxCount: 5, lastError: null } }),
  });
  if (res.status !== 200) throw new Error(`push refused: ${res.status}`);
}, 180_000);
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await page.screenshot({ path: `${SHOTS}/fail.png`, fullPage: true });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

test('[CO40][CO41][CO42][CO44] the summary in words, provisional while a tablet waits; a typed previous value survives a reload; a dropped bundle completes it; a second drop answers duplicates; a forged one is refused in words', { timeout: 300_000 }, async () => {
  await page.goto(consoleUrl('/summary'));
  await page.click('[data-testid=summary-fair-CF141]');
  await page.waitForSelector('[data-testid=summary-report]');
  // Every tablet first, with what it still holds; the page says it is provisional.
  const row = page.locator('[data-testid=summary-tablet]');
  expect(await row.count()).toBe(1);
  expect(await row.locator('[data-testid=tablet-waiting]').textContent()).toBe('2');
  expect(await row.textContent()).toContain('K07');
  expect(await page.textContent('[data-testid=summary-provisional]')).toContain('临时结果');
  // The figures in words, no internal key.
  const report = (await page.innerText('[data-testid=summary-report]')).replace(/\s+/g, '');
  expect(report).toContain('接受咨询3次');
  expect(report).toContain('展后知识产权保护工作总结');
  expect(report).toContain('参展商咨询3次');
  expect(await page.innerText('.c-summary')).not.toMatch(/R\d+\./);
  // No code or English word in the Chinese report.
  expect(await page.innerText('[data-testid=summary-report]')).not.toMatch(/\b[a-z]{3,}\b/);
  await page.screenshot({ path: `${SHOTS}/summary-zh.png`, fullPage: true });

  // A previous-session value, typed, saved on the server: there after a reload.
  await page.selectOption('[data-testid=previous-figure]', 'R16.total');
  await page.fill('[data-testid=previous-value]', '2');
  await page.click('[data-testid=previous-save]');
  await page.waitForSelector('[data-testid=previous-done]');
  await page.reload();
  await page.waitForSelector('[data-testid=previous-typed]');
  expect(await page.textContent('[data-testid=previous-typed] li[data-figure="R16.total"] strong')).toBe('2');
  expect((await page.innerText('[data-testid=summary-report]')).replace(/\s+/g, '')).toContain('接受咨询3次（上届2次，+1，+50.00%）');

  // The tablet's bundle (its two waiting items), dropped on the upload page.
  const rest = forgeBundle({ fairId, deviceId: tablet.deviceId, items, signWith: tablet.token });
  await page.click('a[href="/console/bundles"]');
  await page.waitForSelector('[data-testid=bundle-drop]');
  await drop([{ name: 'faircase-K07.zip', bytes: rest }]);
  expect(await resultOf(0)).toBe('已接收 5 条记录：新增 2 条，已有 3 条，冲突 0 条，拒收 0 条；新增 0 个证据文件。');
  await drop([{ name: 'faircase-K07.zip', bytes: rest }]);
  expect(await resultOf(1)).toBe('已接收 5 条记录：新增 0 条，已有 5 条，冲突 0 条，拒收 0 条；新增 0 个证据文件。');
  // A forged one (not signed by the tablet), chosen with the file input.
  const forged = forgeBundle({ fairId, deviceId: tablet.deviceId, items: makeItems(tablet, 6, 7) });
  await page.setInputFiles('[data-testid=bundle-input]', { name: 'forged.zip', mimeType: 'application/zip', buffer: Buffer.from(forged) });
  const refused = await resultOf(2);
  expect(refused).toMatch(/^已拒收：数据包的签名无法核实/);
  expect(refused).not.toMatch(/BUNDLE_/);
  expect(await page.textContent('[data-testid=bundle-overall]')).toContain('共 3 个文件：已完成 3 个');
  await page.screenshot({ path: `${SHOTS}/bundles-zh.png`, fullPage: true });
  await setLanguage('en');
  expect(await resultOf(2)).toMatch(/^Refused: The bundle’s signature cannot be verified/);
  expect(await resultOf(0)).toBe('Received 5 items: 2 applied, 3 duplicates, 0 conflicts, 0 rejected; 0 new evidence files.');
  await page.screenshot({ path: `${SHOTS}/bundles-en.png`, fullPage: true });

  // Everything arrived: the summary is final, the figures count the two.
  await page.click('a[href="/console/summary"]');
  await page.click('[data-testid=summary-fair-CF141]');
  await page.waitForSelector('[data-testid=summary-final]');
  expect(await page.locator('[data-testid=tablet-waiting]').textContent()).toBe('0');
  const en = await page.innerText('[data-testid=summary-report]');
  expect(en).toContain('Consultations answered: 5 (previous 2, +3, +150.00 %)');
  expect(await page.innerText('.c-summary')).not.toMatch(/R\d+\./);
  await page.screenshot({ path: `${SHOTS}/summary-en.png`, fullPage: true });
  await setLanguage('zh-CN');
  await page.screenshot({ path: `${SHOTS}/summary-final-zh.png`, fullPage: true });
});

test('the summary, fair choice and bundle pages have no serious or critical axe violation, in zh-CN and English', { timeout: 300_000 }, async () => {
  const found: string[] = [];
  for (const lang of ['zh-CN', 'en'] as const) {
    await setLanguage(lang);
    for (const [name, path, ready] of [
      ['pick', '/summary', '[data-testid=summary-fairs]'],
      ['summary', `/fairs/${fairId}/summary`, '[data-testid=summary-report]'],
      ['bundles', '/bundles', '[data-testid=bundle-drop]'],
    ] as const) {
      await page.goto(consoleUrl(path));
      await page.waitForSelector(ready);
      await page.waitForSelector(`html[lang=${lang}]`);
      for (const v of await axeViolations(page)) found.push(`${name} ${lang}: ${v.id} ${v.help} ${v.nodes.join(' | ')}`);
      if (name === 'pick') await page.screenshot({ path: `${SHOTS}/pick-${lang}.png` });
    }
  }
  expect(found).toEqual([]);
});
