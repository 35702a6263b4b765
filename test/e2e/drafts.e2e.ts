import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { go, newKiosk, typeInto, waitForShell } from './support/kiosk';

/**
 * Drafts: every keystroke survives a reload mid-typing and closing the page; the
 * real save clears the draft.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const NAME = '第138届中国进出口商品交易会（春季）';
const CODE = 'CF138';

async function openNewFairForm(page: Page): Promise<void> {
  await go(page, '/fairs/new');
  await page.waitForSelector('[data-testid=fair-form]');
}

test('reload mid-typing: every character is back', async () => {
  const { context, page } = await newKiosk(browser);
  await page.goto(inject('appUrl'));
  await waitForShell(page);
  await openNewFairForm(page);
  await typeInto(page, 'input[name=code]', CODE);
  await typeInto(page, 'input[name=nameZh]', NAME);
  // No wait for the debounce: reload straight after the last keystroke.
  await page.reload();
  await waitForShell(page);
  await openNewFairForm(page);
  expect(await page.inputValue('input[name=code]')).toBe(CODE);
  expect(await page.inputValue('input[name=nameZh]')).toBe(NAME);
  await page.waitForSelector('[data-testid=draft-restored]');

  // The draft reached IndexedDB too (the journal is only the last-keystroke safety net).
  const storedDraft = (): Promise<unknown> =>
    page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          const open = indexedDB.open('faircase');
          open.onsuccess = () => {
            const req = open.result.transaction('drafts').objectStore('drafts').get('fair:new');
            req.onsuccess = () => {
              resolve(req.result);
              open.result.close();
            };
          };
        }),
    );
  await expect.poll(storedDraft, { timeout: 15_000 }).toMatchObject({ form: 'fair-setup', data: { code: CODE, nameZh: NAME } });
  await context.close();
});

test('close the page mid-typing and open a new one: every character is back; saving clears the draft', async () => {
  const { context, page } = await newKiosk(browser);
  await page.goto(inject('appUrl'));
  await waitForShell(page);
  await openNewFairForm(page);
  await typeInto(page, 'input[name=code]', CODE);
  await typeInto(page, 'input[name=nameZh]', NAME);
  await typeInto(page, 'input[name=sessionNo]', '138');
  await page.close({ runBeforeUnload: true });

  const again = await context.newPage();
  await again.goto(new URL('/fairs/new', inject('appUrl')).href);
  await waitForShell(again);
  await again.waitForSelector('[data-testid=fair-form]');
  expect(await again.inputValue('input[name=code]')).toBe(CODE);
  expect(await again.inputValue('input[name=nameZh]')).toBe(NAME);
  expect(await again.inputValue('input[name=sessionNo]')).toBe('138');

  await again.fill('input[name="days.0.date"]', '2025-10-15');
  await again.click('[data-testid=save]');
  await again.waitForSelector('[data-testid=fair-list]');
  await openNewFairForm(again);
  expect(await again.inputValue('input[name=nameZh]')).toBe('');
  await again.reload();
  await waitForShell(again);
  await again.waitForSelector('[data-testid=fair-form]');
  expect(await again.inputValue('input[name=nameZh]')).toBe('');
  await context.close();
});
