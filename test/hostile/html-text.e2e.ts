import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { createFair, csvOf, EXHIBITOR_HEADER_ZH, GOOD_USCC, go, importFile, newKiosk, setUpDevice, waitForShell } from '../e2e/support/kiosk';
import { addUser, actAs, createFirstUser, drawSignature, usccOf } from '../e2e/support/desk-b';
import { fairDays, fileComplaint } from '../e2e/support/desk-flow';

/**
 * Hostile input: HTML in every free-text field is shown as text, in Debian's Chromium: markup
 * that would run script (`<img src=x onerror=…>`, `<script>`) is typed into the free text of a
 * fair, a tablet, people, exhibitors (imported from a file), a commitment and a complaint; every
 * screen that shows them (board, case detail, notices N1/N2, commitment coverage and copy,
 * post-show summary) shows the markup literally, builds no element from it, and runs nothing
 * (`window.__pwned` stays undefined). The Content Security Policy would also block the inline
 * handler; the literal text is what proves the app never hands typed text to the HTML parser.
 */
const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '<script>window.__pwned=2</script>';
const marked = (label: string, payload: string): string => `${label}${payload}`;

const FAIR_NAME = marked('展会', IMG);
const EXHIBITOR_ZH = marked('展商', SCRIPT);
const EXHIBITOR_EN = marked('Booth ', IMG);
const COMPLAINANT = marked('投诉人', IMG);
const ITEM = marked('产品', SCRIPT);
const SIGNER = marked('签署人', IMG);
const ORGANIZER = { name: marked('主办', IMG), pin: '97531' } as const;
const CLERK = { name: marked('文员', SCRIPT), role: 'clerk', pin: '24680' } as const;

let browser: Browser;
let context: BrowserContext;
let page: Page;

/**
 * Each of `texts` is on screen literally, no element came from typed markup and nothing ran. The
 * wait is for the screen: its own element (`screenSelector`, so the previous screen, which may
 * show the same texts, cannot pass), every text on it and nothing still loading. The checks run
 * on the very snapshot that passed the wait, so a later re-render cannot race them. No time
 * window after it: typed markup could only run through an element built from it, and those are
 * counted.
 */
async function expectShownAsText(screen: string, screenSelector: string, texts: readonly string[]): Promise<void> {
  type Snapshot = { pwned: unknown; imgs: number; scripts: number; text: string; onScreen: boolean };
  const snapshot = (): Promise<Snapshot> =>
    page.evaluate((selector) => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      imgs: document.querySelectorAll('img[src="x"]').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => (s.textContent ?? '').includes('__pwned')).length,
      text: document.body.innerText,
      onScreen: document.querySelector(selector) !== null,
    }), screenSelector);
  const shown = (s: Snapshot): boolean => s.onScreen && !/加载中…|Loading…/.test(s.text) && texts.every((t) => s.text.includes(t));
  let seen: Snapshot | undefined;
  await expect
    .poll(async () => {
      seen = await snapshot();
      return shown(seen);
    }, { timeout: 15_000 })
    .toBe(true)
    .catch((cause: unknown) => {
      throw new Error(`${screen}: not every text shown literally; last seen:\n${seen?.text ?? '(nothing)'}`, { cause });
    });
  if (seen === undefined) throw new Error(`${screen}: no snapshot taken`);
  expect(seen.pwned, `${screen}: script ran`).toBeUndefined();
  expect(seen.imgs, `${screen}: an <img> was built from typed text`).toBe(0);
  expect(seen.scripts, `${screen}: a <script> was built from typed text`).toBe(0);
  for (const t of texts) expect(seen.text, `${screen}: ${t} not shown literally`).toContain(t);
}

beforeAll(async () => {
  browser = await launchChromium();
  ({ context, page } = await newKiosk(browser));
  page.on('dialog', (d) => void d.dismiss());
  await page.goto(inject('appUrl'));
  await waitForShell(page);
  await createFair(page, { code: 'CF137', nameZh: FAIR_NAME, sessionNo: '137', days: fairDays(5) });
  await setUpDevice(page, marked('平板', IMG), 'K07', `CF137 · ${FAIR_NAME}`);
  await importFile(
    page,
    'exhibitors.csv',
    'text/csv',
    csvOf([
      EXHIBITOR_HEADER_ZH,
      [EXHIBITOR_ZH, EXHIBITOR_EN, 'CN', GOOD_USCC, marked('交易团', IMG), '1.1', 'A01', marked('联系人', SCRIPT), '13812345678'],
      [marked('第二展商', IMG), '', 'CN', usccOf('91440300MA5F00000'), '', '1.1', 'A02', '', ''],
    ]),
  );
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=import-done]');
  await createFirstUser(page, ORGANIZER.name, ORGANIZER.pin);
  await addUser(page, CLERK);
  await actAs(page, CLERK);
}, 240_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

test('markup typed into every free-text field is shown as text on the screens that show it: exhibitors, commitment signing and copy, intake, board, case detail, notices N1 and N2, coverage, summary, users', async () => {
  await go(page, '/exhibitors');
  await expectShownAsText('exhibitors', '[data-testid=exhibitor-list]', [EXHIBITOR_ZH, FAIR_NAME]);

  // A commitment signed at the kiosk by the exhibitor at 1.1/A01.
  await go(page, '/commitments/sign');
  // The exhibitors screen has a search field too: wait for this screen's list before typing, or
  // the text may land in the old screen's field while the new one loads (seen once in CI).
  await page.waitForSelector('[data-testid=pick-exhibitor]');
  await page.fill('input[name=search]', 'A01');
  await expect.poll(() => page.locator('[data-testid=pick-exhibitor]').count()).toBe(1);
  await page.click('[data-testid=pick-exhibitor]');
  await page.waitForSelector('[data-testid=commitment-form]');
  await page.click('[data-testid=tick-all]');
  await page.fill('input[name="signer.name"]', SIGNER);
  await page.fill('input[name="signer.title"]', marked('职务', SCRIPT));
  await page.fill('input[name="signer.phone"]', '13912345678');
  await drawSignature(page);
  await page.click('[data-testid=sign]');
  await page.waitForSelector('[data-testid=commitment-signed]');
  await expectShownAsText('commitment signed', '[data-testid=commitment-signed]', [EXHIBITOR_ZH]);
  const print = await page.getAttribute('[data-testid=print-copy]', 'href');
  if (print !== null) {
    await go(page, print);
    await expectShownAsText('commitment copy', '[data-testid=commitment-copy]', [EXHIBITOR_ZH, SIGNER]);
  }

  // A complaint against the same booth.
  const caseId = await fileComplaint(page, {
    name: COMPLAINANT,
    uscc: usccOf('91110000100000000'),
    right: { type: 'invention', number: 'ZL201710601862.3', title: marked('专利', IMG) },
    booth: '1.1/A01',
    item: ITEM,
    photos: [],
    verifyAll: true,
  });
  await expectShownAsText('intake saved', '[data-testid=intake-saved]', []);

  await go(page, '/board');
  await page.waitForSelector('[data-testid=case-board], main');
  await expectShownAsText('board', '[data-testid=board-row]', [EXHIBITOR_ZH]);

  await go(page, `/cases/${caseId}`);
  await page.waitForSelector('[data-testid=case-detail]');
  await expectShownAsText('case detail', '[data-testid=case-detail]', [COMPLAINANT, ITEM, EXHIBITOR_ZH]);

  for (const kind of ['N1', 'N2']) {
    await go(page, `/cases/${caseId}/notice/${kind}`);
    await page.waitForSelector(`[data-testid=notice-${kind}][data-ready=true]`);
    await expectShownAsText(`notice ${kind}`, `[data-testid=notice-${kind}][data-ready=true]`, [kind === 'N1' ? COMPLAINANT : EXHIBITOR_ZH]);
  }

  await go(page, '/commitments');
  await expectShownAsText('commitment coverage', '[data-testid=coverage-row]', [EXHIBITOR_ZH]);

  // The summary and the users screen are the organizer's.
  await actAs(page, ORGANIZER);
  await go(page, '/summary');
  await expectShownAsText('post-show summary', '[data-testid=summary-session]', [FAIR_NAME]);

  await go(page, '/users');
  await expectShownAsText('users', '[data-testid=user-list]', [CLERK.name]);
}, 240_000);
