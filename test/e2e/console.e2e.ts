import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/server';
import { launchChromium } from '../support/browser';
import { fakeCameraArgs, pngToLuma, writeY4m } from '../support/fake-camera';
import { axeViolations } from './support/a11y';
import { EXHIBITOR_HEADER_ZH, GOOD_USCC, csvOf, go, importFile, newKiosk, setUpDevice, waitForShell } from './support/kiosk';
import { actAs, addUser, createFirstUser, storedRows } from './support/desk-b';
import { fairDays, fileComplaint, syncNow } from './support/sync-tablets';

/**
 * The organizer's console (/console/) in Chromium against its own real server on PGlite: the
 * organizer signs in, creates a fair and enrolment codes; one tablet enrols by scanning the QR
 * code through the fake camera, another by typing the code; a complaint filed on one reaches the
 * server and its row says so; revoked, its next sync is refused. The audit log lists each step.
 * Then every console page in both languages: axe-core and a screenshot at 1440×900.
 */
const SHOTS = '/tmp/shots-console';
const LAPTOP = { width: 1440, height: 900 } as const;
const ORGANIZER = { name: 'organizer-console', password: 'correct horse battery' } as const;
const FAIR = { code: 'CF140', nameZh: '第140届广交会', sessionNo: '140' } as const;
const FAIR_LABEL = `${FAIR.code} · ${FAIR.nameZh}`;

let server: RunningServer;
let browser: Browser;
let cameraBrowser: Browser | undefined;
let consoleContext: BrowserContext;
let page: Page;
const contexts: BrowserContext[] = [];
let fairId = '';

const consoleUrl = (path: string): string => `${server.url}/console${path}`;

async function signInConsole(p: Page, password: string = ORGANIZER.password): Promise<void> {
  await p.waitForSelector('[data-testid=sign-in-form]');
  await p.fill('input[name=name]', ORGANIZER.name);
  await p.fill('input[name=password]', password);
  await p.click('[data-testid=sign-in-submit]');
}

async function tabletRow(name: string): Promise<{ state: string; seq: string; text: string } | undefined> {
  await page.click('[data-testid=tablets-refresh]');
  const row = page.locator('[data-testid=tablets-table] tbody tr', { hasText: name });
  if ((await row.count()) === 0) return undefined;
  return { state: (await row.getAttribute('data-state')) ?? '', seq: (await row.locator('[data-testid=seq]').textContent()) ?? '', text: (await row.textContent()) ?? '' };
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ port: 0, host: '127.0.0.1', distDir: resolve('dist') });
  await server.storage.createUser({ name: ORGANIZER.name, password: ORGANIZER.password, role: 'organizer' });
  browser = await launchChromium();
  consoleContext = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page = await consoleContext.newPage();
  page.on('pageerror', (e) => console.error('console pageerror:', e.message));
}, 180_000);
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  await page.screenshot({ path: `${SHOTS}/fail-console.png` });
  for (const [i, c] of contexts.entries()) await c.pages()[0]?.screenshot({ path: `${SHOTS}/fail-tablet-${i}.png` });
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await consoleContext?.close();
  await browser?.close();
  await cameraBrowser?.close();
  await server?.close();
});

test('an organizer signs in, makes a fair and codes; tablets enrol by QR and by typing; a synced tablet is in sync; revoked, it is refused; the audit log lists it all', { timeout: 600_000 }, async () => {
  // Signed out, the console leads to its sign-in page; a wrong password is said in words.
  await page.goto(consoleUrl('/fairs'));
  await signInConsole(page, 'wrong password!');
  await expect.poll(() => page.textContent('[data-testid=sign-in-error]')).toBe('用户名或密码错误。');
  await signInConsole(page);
  await page.waitForURL(/\/console\/fairs$/);

  // A fair: the domain's errors first (no code, no day), then saved.
  await page.click('[data-testid=new-fair]');
  await page.waitForSelector('[data-testid=fair-form]');
  await page.click('[data-testid=fair-save]');
  await page.waitForSelector('[data-testid=fair-errors]');
  expect(await page.textContent('.field.invalid:has(input[name=nameZh]) .error')).toBe('必填。');
  await page.fill('input[name=code]', FAIR.code);
  await page.fill('input[name=nameZh]', FAIR.nameZh);
  await page.fill('input[name=sessionNo]', FAIR.sessionNo);
  for (const [i, day] of fairDays(3).entries()) {
    if (i > 0) await page.click('[data-testid=add-day]');
    await page.fill(`input[name="days.${i}.date"]`, day);
  }
  await page.click('[data-testid=fair-save]');
  await page.waitForSelector(`[data-testid=fair-${FAIR.code}]`);
  fairId = ((await page.getAttribute(`[data-testid=fair-${FAIR.code}] a[href$="/tablets"]`, 'href')) ?? '').split('/')[3] ?? '';
  expect(fairId).toMatch(/^[0-9A-Z]{26}$/);

  // Two one-time codes for desk tablets.
  await page.click(`[data-testid=fair-${FAIR.code}] a[href*="/enrol"]`);
  await page.waitForSelector('[data-testid=enrol-form]');
  await page.fill('input[name=count]', '2');
  await page.click('[data-testid=issue-codes]');
  await expect.poll(() => page.locator('[data-testid=code-qr]').count()).toBe(2);
  const cards = page.locator('[data-testid=code-card]');
  const scanned = { code: (await cards.nth(0).getAttribute('data-code')) ?? '', qr: (await cards.nth(0).locator('img').getAttribute('src')) ?? '' };
  const typed = (await cards.nth(1).getAttribute('data-code')) ?? '';
  expect(await cards.nth(1).locator('[data-testid=code-text]').textContent()).toBe(typed);
  await page.screenshot({ path: `${SHOTS}/enrol-codes-zh.png` });

  // Tablet A scans the QR code on the console's screen with its (fake) camera.
  const video = writeY4m([pngToLuma(scanned.qr)], 'console-enrol', { holdMs: 1000 });
  cameraBrowser = await launchChromium({ args: fakeCameraArgs(video) });
  const scanner = await newKiosk(cameraBrowser);
  contexts.push(scanner.context);
  await scanner.page.goto(server.url);
  await waitForShell(scanner.page);
  await go(scanner.page, '/sync');
  await scanner.page.click('[data-testid=enrol-scan]');
  // The code read, and no error: a failed camera start says so in the failure.
  const read = (): Promise<{ code: string; error: string | null }> => scanner.page.evaluate(() => ({
    code: document.querySelector<HTMLInputElement>('input[name=enrol-code]')?.value ?? '',
    error: document.querySelector('[data-testid=enrol-error]')?.textContent ?? null,
  }));
  await expect.poll(read, { timeout: 30_000 }).toEqual({ code: scanned.code, error: null });
  await scanner.page.fill('input[name=enrol-name]', '扫码台');
  await scanner.page.click('[data-testid=enrol-submit]');
  await scanner.page.waitForSelector('[data-testid=sync-enrolled]');

  // Tablet B types the other code.
  const b = await newKiosk(browser);
  contexts.push(b.context);
  await b.page.goto(server.url);
  await waitForShell(b.page);
  await go(b.page, '/sync');
  await b.page.waitForSelector('[data-testid=enrol-form]');
  await b.page.fill('input[name=enrol-code]', typed);
  await b.page.fill('input[name=enrol-name]', '输入台');
  await b.page.click('[data-testid=enrol-submit]');
  await b.page.waitForSelector('[data-testid=sync-enrolled]');

  // The console sees both codes used.
  await expect.poll(() => page.locator('[data-testid=code-used]').count(), { timeout: 15_000 }).toBe(2);
  await page.screenshot({ path: `${SHOTS}/enrol-used-zh.png` });

  // Both tablets in the fair's table.
  await page.goto(consoleUrl(`/fairs/${fairId}/tablets`));
  await page.waitForSelector('[data-testid=tablets-table]');
  expect(await page.locator('[data-testid=tablets-table] tbody tr').count()).toBe(2);

  // Tablet B pulls the fair, is set up, files a complaint and syncs it.
  await syncNow(b.page);
  await setUpDevice(b.page, '输入台', 'KB', FAIR_LABEL);
  await createFirstUser(b.page, '赵主办', '97531');
  await importFile(b.page, 'exhibitors.csv', 'text/csv', csvOf([EXHIBITOR_HEADER_ZH, ['福州某某科技有限公司', 'Fuzhou Tech', 'CN', GOOD_USCC, '', '1.1', 'A01', '', '']]));
  await b.page.click('[data-testid=import-confirm]');
  await b.page.waitForSelector('[data-testid=import-done]');
  await addUser(b.page, { name: '王文员', role: 'clerk', pin: '24680' });
  await actAs(b.page, { name: '王文员', pin: '24680' });
  await fileComplaint(b.page);
  const lastSeq = Math.max(...(await storedRows<{ seq: number }>(b.page, 'outbox')).map((r) => r.seq));
  await syncNow(b.page);
  await expect.poll(async () => (await tabletRow('输入台'))?.state, { timeout: 30_000 }).toBe('in_sync');
  expect((await tabletRow('输入台'))?.seq).toBe(String(lastSeq));
  await page.screenshot({ path: `${SHOTS}/tablets-synced-zh.png` });

  // Revoke B: a reason is required; then the row says revoked.
  await page.locator('[data-testid=tablets-table] tbody tr', { hasText: '输入台' }).locator('[data-testid=revoke]').click();
  await page.waitForSelector('[data-testid=revoke-dialog][open]');
  await page.click('[data-testid=revoke-confirm]');
  expect(await page.textContent('[data-testid=revoke-dialog] .error')).toBe('必填。');
  await page.fill('textarea[name=reason]', '平板遗失');
  await page.click('[data-testid=revoke-confirm]');
  await page.waitForSelector('[data-testid=revoke-done]');
  await expect.poll(async () => (await tabletRow('输入台'))?.state).toBe('revoked');

  // B's next sync is refused, and its screen says so.
  await go(b.page, '/sync');
  await b.page.click('[data-testid=sync-now]');
  await expect.poll(() => b.page.textContent('[data-testid=sync-last-error]')).toMatch(/^本设备的凭证已被吊销。 · /);
  await b.page.screenshot({ path: `${SHOTS}/tablet-revoked-zh.png` });

  // The audit log has every step.
  await page.goto(consoleUrl('/audit'));
  await page.waitForSelector('[data-testid=audit-table]');
  const actions = await page.locator('[data-testid=audit-table] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
  for (const [action, n] of [['login_failed', 1], ['login_ok', 1], ['fair_created', 1], ['enrolment_created', 2], ['enrolment_redeemed', 2], ['device_revoked', 1]] as const) {
    expect(actions.filter((a) => a === action).length, action).toBe(n);
  }
  // CO47: the revocation names the tablet and the fair, not their ids.
  const revoked = page.locator('[data-testid=audit-table] tbody tr[data-action=device_revoked]');
  expect(await revoked.locator('[data-testid=audit-about]').textContent()).toMatch(/^平板 K\d{2} · 输入台$/);
  expect(await revoked.locator('[data-testid=audit-details]').textContent()).toBe(`展会：${FAIR_LABEL}；原因：平板遗失`);
  await page.screenshot({ path: `${SHOTS}/audit-named-zh.png`, fullPage: true });
});

test('a session that ends mid-form leads to sign-in and back to the form, as typed', { timeout: 120_000 }, async () => {
  await page.goto(consoleUrl('/fairs/new'));
  await page.waitForSelector('[data-testid=fair-form]');
  await page.fill('input[name=code]', 'CF141');
  await page.fill('input[name=nameZh]', '第141届广交会');
  await page.fill('input[name=sessionNo]', '141');
  await page.fill('input[name="days.0.date"]', fairDays(1)[0] ?? '');
  await consoleContext.clearCookies();
  await page.click('[data-testid=fair-save]');
  await signInConsole(page);
  await page.waitForURL(/\/console\/fairs\/new$/);
  await page.waitForSelector('[data-testid=fair-form]');
  expect(await page.inputValue('input[name=code]')).toBe('CF141');
  expect(await page.inputValue('input[name=nameZh]')).toBe('第141届广交会');
  // Saved now, with the same id the first try had.
  await page.click('[data-testid=fair-save]');
  await page.waitForSelector('[data-testid=fair-CF141]');
});

const PAGES = [
  ['fairs', '/fairs', '[data-testid=fairs-table]'],
  ['fair-new', '/fairs/new', '[data-testid=fair-form]'],
  ['fair-edit', () => `/fairs/${fairId}/edit`, 'input[name=code]'],
  ['tablets', () => `/fairs/${fairId}/tablets`, '[data-testid=tablets-table]'],
  ['enrol', '/enrol', '[data-testid=enrol-form]'],
  ['people', '/people', '[data-testid=people-table]'],
  ['audit', '/audit', '[data-testid=audit-table]'],
  ['account', '/account', '[data-testid=password-form]'],
] as const;

test('every console page has no serious or critical axe violation, in zh-CN and English', { timeout: 300_000 }, async () => {
  const found: string[] = [];
  for (const lang of ['zh-CN', 'en'] as const) {
    // The sign-in page, signed out.
    const out = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const p = await out.newPage();
    await p.goto(consoleUrl('/sign-in'));
    await p.waitForSelector('[data-testid=sign-in-form]');
    if (lang === 'en') {
      await p.click('[data-testid=lang-switch]');
      await p.waitForSelector('html[lang=en]');
    }
    for (const v of await axeViolations(p)) found.push(`sign-in ${lang}: ${v.id} ${v.help} ${v.nodes.join(' | ')}`);
    await p.screenshot({ path: `${SHOTS}/sign-in-${lang}.png` });
    await out.close();

    if ((await page.getAttribute('html', 'lang')) !== lang) {
      await page.click('[data-testid=lang-switch]');
      await page.waitForSelector(`html[lang=${lang}]`);
    }
    for (const [name, path, ready] of PAGES) {
      await page.goto(consoleUrl(typeof path === 'string' ? path : path()));
      await page.waitForSelector(ready);
      await page.waitForSelector(`html[lang=${lang}]`);
      for (const v of await axeViolations(page)) found.push(`${name} ${lang}: ${v.id} ${v.help} ${v.nodes.join(' | ')}`);
      await page.screenshot({ path: `${SHOTS}/${name}-${lang}.png`, fullPage: true });
    }
  }
  expect(found).toEqual([]);
  // Usable on a 10-inch tablet too: the widest table fits 1280×800 without sideways scrolling.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(consoleUrl(`/fairs/${fairId}/tablets`));
  await page.waitForSelector('[data-testid=tablets-table]');
  expect(await page.$eval('.table-wrap', (w) => w.scrollWidth - w.clientWidth)).toBe(0);
  await page.screenshot({ path: `${SHOTS}/tablets-1280-en.png` });
  await page.setViewportSize(LAPTOP);
});
