import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, TABLET_VIEWPORT } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

test('the built app is served and renders its shell in Chromium', async () => {
  const page = await browser.newPage({ viewport: TABLET_VIEWPORT });
  await page.goto(inject('appUrl'));
  await expect.poll(() => page.locator('h1').textContent()).toContain('FairCase');
  await page.close();
});
