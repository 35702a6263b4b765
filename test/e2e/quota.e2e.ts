import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { en, zh } from '../support/messages';
import { FAIL_WRITES, createFair, go, newKiosk, setFailWrites, setUpDevice, storedCount, waitForShell } from './support/kiosk';

/**
 * A full disk on save shows a clear message in both languages and loses nothing that
 * was already stored. The init script makes every IndexedDB write throw a real
 * `QuotaExceededError` DOMException while `window.__failWrites` is set (support/kiosk.ts): the
 * same error a full origin quota raises.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

test('a quota error on save: a clear message in zh-CN and English, nothing stored is lost', async () => {
  const { context, page } = await newKiosk(browser);
  await context.addInitScript(FAIL_WRITES);
  await page.goto(inject('appUrl'));
  await waitForShell(page);
  await createFair(page, { code: 'QF01', nameZh: '配额测试展', sessionNo: '1', days: ['2025-05-01'] });
  await setUpDevice(page, '配额台', 'Q1', 'QF01 · 配额测试展');
  const itemsBefore = await storedCount(page, 'items');

  await go(page, '/fairs');
  await page.click('[data-testid=fair-card] a.btn');
  await page.waitForSelector('[data-testid=fair-form]');
  await setFailWrites(page, true);
  await page.fill('input[name=nameZh]', '配额测试展（改名）');
  await page.click('[data-testid=save]');

  await expect.poll(() => page.textContent('[data-testid=form-error]')).toBe(zh['storageError.quota-exceeded']);
  await expect.poll(() => page.textContent('[data-testid=save-failure]')).toContain(zh['storageError.quota-exceeded']);
  await page.click('[data-testid=language-switch]');
  await expect.poll(() => page.textContent('[data-testid=form-error]')).toBe(en['storageError.quota-exceeded']);
  // What was typed is still on screen, not thrown away by the failure.
  expect(await page.inputValue('input[name=nameZh]')).toBe('配额测试展（改名）');

  // The disk has room again: a reload shows the stored fair untouched and the typed edit back.
  await setFailWrites(page, false);
  await page.reload();
  await waitForShell(page);
  expect(await storedCount(page, 'fairs')).toBe(1);
  expect(await storedCount(page, 'items')).toBe(itemsBefore);
  await go(page, '/fairs');
  await expect.poll(() => page.textContent('[data-testid=fair-card] h3')).toContain('配额测试展');
  expect(await page.textContent('[data-testid=fair-card] h3')).not.toContain('改名');
  await page.click('[data-testid=fair-card] a.btn');
  await page.waitForSelector('[data-testid=fair-form]');
  expect(await page.inputValue('input[name=nameZh]')).toBe('配额测试展（改名）');
  await context.close();
});

/**
 * Chromium's `Storage.overrideQuotaForOrigin` does not reach `navigator.storage.estimate()` in a
 * Playwright context, so this context's estimate reports the real usage against a quota just
 * above it (about 90 % full).
 */
const NEARLY_FULL = `
  (() => {
    const estimate = StorageManager.prototype.estimate;
    StorageManager.prototype.estimate = async function () {
      const e = await estimate.call(this);
      return { ...e, quota: Math.ceil((e.usage ?? 0) / 0.9) };
    };
  })();
`;

test('storage above 80 % of the quota: the status bar warns in the user language', async () => {
  const { context, page } = await newKiosk(browser);
  await context.addInitScript(NEARLY_FULL);
  await page.goto(inject('appUrl'));
  await waitForShell(page);
  await expect.poll(() => page.textContent('[data-testid=quota-warning]'), { timeout: 10_000 }).toMatch(/存储空间已用 (8\d|9\d|100)%/);
  await page.click('[data-testid=language-switch]');
  await expect.poll(() => page.textContent('[data-testid=quota-warning]')).toMatch(/Storage is (8\d|9\d|100)% full/);
  await context.close();
});
