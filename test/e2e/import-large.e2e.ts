import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { EXHIBITOR_HEADER_EN, createFair, csvOf, importFile, newKiosk, setUpDevice, storedCount, waitForShell } from './support/kiosk';

/**
 * An organizer's list is large (thousands of exhibitors): the preview lists every bad row and a
 * screenful of good ones, and confirming imports all the good rows in one transaction.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const ROWS = 3000;

test(`a ${ROWS}-row list: bad rows all listed, good rows all imported`, async () => {
  const { context, page } = await newKiosk(browser);
  await page.goto(inject('appUrl'));
  await waitForShell(page);
  await createFair(page, { code: 'LG01', nameZh: '大名单展', sessionNo: '5', days: ['2025-10-15'] });
  await setUpDevice(page, '五号台', 'K5', 'LG01 · 大名单展');

  const rows: string[][] = [EXHIBITOR_HEADER_EN];
  for (let i = 0; i < ROWS; i++) rows.push([`展商${i}`, `Exhibitor ${i}`, 'DE', `HRB ${i}`, '', '5.1', `X${i}`, '', '']);
  rows.push(['', 'Nameless', 'DE', 'HRB X', '', '5.1', 'Y1', '', '']);
  rows.push(['重复', '', 'DE', 'HRB Y', '', '5.1', 'X7', '', '']);
  const started = Date.now();
  await importFile(page, 'big.csv', 'text/csv', csvOf(rows));
  await page.waitForSelector('[data-testid=import-more]');
  const previewMs = Date.now() - started;
  expect(await page.locator('tr[data-ok=false]').count()).toBe(2);
  expect(await page.locator('tr[data-ok=true]').count()).toBe(200);
  expect(await storedCount(page, 'exhibitors')).toBe(0);

  const confirmAt = Date.now();
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=import-done]', { timeout: 90_000 });
  console.log(`import of ${ROWS} rows: preview ${previewMs} ms, write ${Date.now() - confirmAt} ms`);
  // The duplicate of X7 is a bad row, so X7 itself is imported once.
  expect(await storedCount(page, 'exhibitors')).toBe(ROWS);
  await context.close();
});
