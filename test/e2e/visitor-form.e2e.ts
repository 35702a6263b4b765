import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { zh } from '../support/messages';
import { createFair, go, newKiosk, setUpDevice, typeInto, waitForShell } from './support/kiosk';

/**
 * Drafts: a public (visitor) form resets after `publicFormIdleSeconds` (FS18,
 * default 180 s) without input, so the next visitor never sees it; what was typed stays
 * recoverable at the desk. Time is Playwright's fake clock.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

test('a visitor form resets after the idle time and the desk can pick the draft up again', async () => {
  const { context, page } = await newKiosk(browser);
  await context.clock.install();
  await page.goto(inject('appUrl'));
  await waitForShell(page);
  await createFair(page, { code: 'WF01', nameZh: '访客表单展', sessionNo: '3', days: ['2025-09-01'] });
  await setUpDevice(page, '三号台', 'K3', 'WF01 · 访客表单展');

  await go(page, '/exhibitors/new?visitor=1');
  await page.waitForSelector('[data-testid=exhibitor-form]');
  await typeInto(page, 'input[name=nameZh]', '访客自助登记公司');
  await typeInto(page, 'input[name="booths.0.stand"]', 'C07');

  // Input keeps the form alive.
  await page.clock.runFor(170_000);
  await typeInto(page, 'input[name="booths.0.hall"]', '3.1');
  await page.clock.runFor(170_000);
  expect(await page.inputValue('input[name=nameZh]')).toBe('访客自助登记公司');

  // Idle past 180 s: blank for the next visitor.
  await page.clock.runFor(15_000);
  await expect.poll(() => page.inputValue('input[name=nameZh]')).toBe('');
  expect(await page.inputValue('input[name="booths.0.stand"]')).toBe('');

  // At the desk: the parked draft is listed as a visitor form and opens with everything typed.
  await go(page, '/');
  await page.waitForSelector('[data-testid=drafts]');
  expect(await page.textContent('[data-testid=drafts]')).toContain(zh['home.draftPublic']);
  await page.click('[data-testid=drafts] a.btn');
  await page.waitForSelector('[data-testid=exhibitor-form]');
  await expect.poll(() => page.inputValue('input[name=nameZh]')).toBe('访客自助登记公司');
  expect(await page.inputValue('input[name="booths.0.hall"]')).toBe('3.1');
  expect(await page.inputValue('input[name="booths.0.stand"]')).toBe('C07');
  await context.close();
});
