import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { EXHIBITOR_HEADER_ZH, GOOD_USCC, createFair, csvOf, importFile, newKiosk, setUpDevice, waitForShell } from './support/kiosk';
import { actAs, addUser, createFirstUser, pdfText, storedRows, usccOf } from './support/desk-b';
import { act, fairDays, fileComplaint, openCase } from './support/desk-flow';

/**
 * TX2 end to end in Debian's Chromium: a fair name, an item description and a not-accepted
 * reason typed with Chinese punctuation （），； are stored as typed (no NFKC folding to (),;),
 * shown as typed on the case, and printed as typed on the decision notice N3 (PDF read back
 * as text).
 */
const FAIR_NAME = '第137届广交会（深圳）；春季';
const ITEM = '运动鞋（红色），款号：A1；B2';
const REASON = '展品不属本届展会范围（依展会规则第三条），请另行投诉；谢谢';
const CLERK = { name: '王文员', role: 'clerk', pin: '24680' } as const;
const EXPERT = { name: '李专家', role: 'expert', pin: '13579' } as const;

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  ({ context, page } = await newKiosk(browser));
  await page.goto(inject('appUrl'));
  await waitForShell(page);
  await createFair(page, { code: 'CF137', nameZh: FAIR_NAME, sessionNo: '137', days: fairDays(6) });
  await setUpDevice(page, '一号台', 'K07', `CF137 · ${FAIR_NAME}`);
  await importFile(page, 'exhibitors.csv', 'text/csv', csvOf([EXHIBITOR_HEADER_ZH, ['福州某某科技有限公司', 'Fuzhou Tech', 'CN', GOOD_USCC, '', '1.1', 'A01', '', '']]));
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=import-done]');
  await createFirstUser(page, '赵主办', '97531');
  await addUser(page, CLERK);
  await addUser(page, EXPERT);
  await actAs(page, CLERK);
}, 180_000);
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  await page.screenshot({ path: '/tmp/shots-report/fail-punctuation.png' });
  console.log('errors on screen:', await page.locator('.error, [data-testid=action-error], [data-testid=form-errors]').allTextContents());
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

test('[TX2] （），； typed in a fair name, an item description and a reason stay as typed through save and the printed N3', async () => {
  const caseId = await fileComplaint(page, {
    name: '北京某某科技有限公司',
    uscc: usccOf('91110000100000000'),
    right: { type: 'invention', number: 'ZL201710601862.3', title: '一种充电装置' },
    booth: '1.1/A01',
    item: ITEM,
    photos: [],
    verifyAll: false,
  });
  const fairs = await storedRows<{ nameZh: string }>(page, 'fairs');
  const cases = await storedRows<{ accusedItems: { description: string }[] }>(page, 'cases');
  expect([fairs.map((f) => f.nameZh), cases.map((c) => c.accusedItems[0]?.description)]).toEqual([[FAIR_NAME], [ITEM]]);

  await actAs(page, EXPERT);
  await openCase(page, caseId);
  await act(
    page,
    'Reject',
    async () => {
      await page.selectOption('select[name=reason]', 'NR_OTHER');
      await page.fill('textarea[name=text]', REASON);
    },
    'CLOSED',
  );
  await page.click('[data-testid=notice-N3]');
  await page.waitForSelector('[data-testid=notice-N3][data-ready=true]');
  const shown = (await page.textContent('[data-testid=notice-N3]')) ?? '';
  const { text } = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
  // The PDF's text may break a long line, and the font maps some ideographs to their look-alike
  // Kangxi radicals (广 read back as ⼴): compare without spaces, radicals read as ideographs.
  const flat = (s: string): string => s.replace(/\s+/g, '').replace(/[\u2e80-\u2fdf]/g, (c) => c.normalize('NFKC'));
  for (const typed of [FAIR_NAME, ITEM, REASON]) {
    expect(shown).toContain(typed);
    expect(flat(text)).toContain(flat(typed));
  }
  expect(flat(text)).not.toMatch(/第137届广交会\(深圳\)|运动鞋\(红色\),/);
});
