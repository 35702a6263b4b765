import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { en, zh } from '../support/messages';
import { BAD_USCC, createFair, go, newKiosk, setUpDevice, storedCount, waitForShell } from './support/kiosk';

/** Bad input on the forms: a clear error per field in the user's language, nothing saved. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** The error shown under a field, or null when there is none (no waiting). */
async function errorOf(page: Page, name: string): Promise<string | null> {
  const el = page.locator(`#f-${name.replace(/\./g, '\\.')}-err`);
  return (await el.count()) === 0 ? null : el.textContent();
}

test('fair form: per-field errors in zh-CN, then English, and nothing saved', async () => {
  const { context, page } = await newKiosk(browser);
  await page.goto(inject('appUrl'));
  await waitForShell(page);
  await go(page, '/fairs/new');
  await page.waitForSelector('[data-testid=fair-form]');
  await page.fill('input[name=code]', 'CS'); // fine
  await page.fill('input[name=code]', 'IO'); // I and O are not in the USCC alphabet
  await page.fill('input[name=sessionNo]', 'abc');
  await page.fill('input[name=timeZone]', 'Mars/Olympus');
  await page.fill('input[name="days.0.date"]', '2025-04-16');
  await page.fill('input[name="days.0.closesAt"]', '08:00');
  await page.click('[data-testid=save]');

  await page.waitForSelector('[data-testid=form-error]');
  expect(await page.textContent('[data-testid=form-error]')).toBe(zh['common.fixErrors']);
  expect(await errorOf(page, 'nameZh')).toBe(zh['err.REQUIRED']);
  expect(await errorOf(page, 'sessionNo')).toBe(zh['err.INVALID_TYPE']);
  expect(await errorOf(page, 'timeZone')).toBe(zh['err.TIME_ZONE']);
  expect(await errorOf(page, 'days.0.closesAt')).toBe(zh['err.DESK_HOURS_ORDER']);
  expect(await errorOf(page, 'code')).toBe(zh['err.FAIR_CODE']);

  // The whole-fair rule (days in order) is checked once every field is valid on its own.
  await page.fill('input[name=code]', 'CF139');
  await page.fill('input[name=nameZh]', '日期顺序测试');
  await page.fill('input[name=sessionNo]', '139');
  await page.fill('input[name=timeZone]', 'Asia/Shanghai');
  await page.fill('input[name="days.0.closesAt"]', '17:00');
  await page.click('[data-testid=add-day]');
  await page.fill('input[name="days.1.date"]', '2025-04-15');
  await page.click('[data-testid=save]');
  await expect.poll(() => errorOf(page, 'days.1.date')).toBe(zh['err.DAYS_ORDER']);
  expect(await errorOf(page, 'nameZh')).toBeNull();

  await page.click('[data-testid=language-switch]');
  await expect.poll(() => errorOf(page, 'days.1.date')).toBe(en['err.DAYS_ORDER']);
  expect(await page.textContent('[data-testid=form-error]')).toBe(en['common.fixErrors']);
  expect(await storedCount(page, 'fairs')).toBe(0);
  expect(await storedCount(page, 'outbox')).toBe(0);
  await context.close();
});

test('device and exhibitor forms: bad code, bad USCC, bad phone; nothing saved', async () => {
  const { context, page } = await newKiosk(browser);
  await page.goto(inject('appUrl'));
  await waitForShell(page);
  await go(page, '/device');
  await page.waitForSelector('[data-testid=device-form]');
  await page.fill('input[name=name]', '台');
  await page.fill('input[name=shortCode]', 'KIOSK7');
  await page.click('[data-testid=save]');
  await expect.poll(() => errorOf(page, 'shortCode')).toBe(zh['err.INVALID_FORMAT']);
  expect(await storedCount(page, 'device')).toBe(0);

  await createFair(page, { code: 'BD01', nameZh: '错误输入展', sessionNo: '2', days: ['2025-06-01'] });
  await setUpDevice(page, '二号台', 'K2', 'BD01 · 错误输入展');
  const exhibitorsBefore = await storedCount(page, 'exhibitors');
  await go(page, '/exhibitors/new');
  await page.waitForSelector('[data-testid=exhibitor-form]');
  await page.fill('input[name=regNo]', BAD_USCC);
  await page.fill('input[name="booths.0.hall"]', '1.1');
  await page.fill('input[name="booths.0.stand"]', 'A01');
  await page.click('text=' + zh['exhibitor.addContact']);
  await page.fill('input[name="contacts.0.name"]', '张三');
  await page.fill('input[name="contacts.0.phone"]', '12345');
  await page.click('[data-testid=save]');
  await expect.poll(() => errorOf(page, 'regNo')).toBe(zh['err.USCC_CHECK_DIGIT']);
  expect(await errorOf(page, 'nameZh')).toBe(zh['err.REQUIRED']);
  expect(await errorOf(page, 'contacts.0.phone')).toBe(zh['err.INVALID_FORMAT']);
  await page.click('[data-testid=language-switch]');
  await expect.poll(() => errorOf(page, 'regNo')).toBe(en['err.USCC_CHECK_DIGIT']);
  expect(await storedCount(page, 'exhibitors')).toBe(exhibitorsBefore);
  await context.close();
});
