import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, PHONE_VIEWPORT, TABLET_VIEWPORT } from '../support/browser';
import { EXHIBITOR_HEADER_ZH, GOOD_USCC, csvOf, go, importFile, newKiosk, waitForServiceWorker, waitForShell } from './support/kiosk';
import { actAs, signIn, usccOf } from './support/desk-b';
import { fairDays, fileComplaint } from './support/desk-flow';

/**
 * A newcomer at an empty tablet, in Debian's Chromium: the first-run steps on the home screen
 * lead from nothing to a filed complaint; a refused save focuses its field and says so beside
 * Save; each screen says at once who may act there and switches person in place; the organizer
 * edits, deactivates and resets the PIN of a user, and weak PINs are refused with their reason.
 * Screenshots at 1280×800 and 390×844 in both languages go to /tmp/shots-desk.
 */
let browser: Browser;
let context: BrowserContext;
let page: Page;

const SHOTS = '/tmp/shots-desk';
const ORGANIZER = { name: '赵主办', pin: '97531' } as const;
const CLERK = { name: '王文员', role: 'clerk', pin: '24680' } as const;
const EXPERT = { name: '李专家', role: 'expert', pin: '13579' } as const;
const COMPLAINANT_USCC = usccOf('91110000100000000');

/** The screen at both sizes in both languages; the page is left at the tablet size in zh-CN. */
async function shots(name: string): Promise<void> {
  for (const lang of ['zh', 'en'] as const) {
    for (const [size, viewport] of [
      ['1280', TABLET_VIEWPORT],
      ['390', PHONE_VIEWPORT],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.screenshot({ path: `${SHOTS}/${name}-${lang}-${size}.png` });
    }
    await page.setViewportSize(TABLET_VIEWPORT);
    await page.click('.status-bar .btn.lang');
    await page.waitForFunction((l) => document.documentElement.lang === l, lang === 'zh' ? 'en' : 'zh-CN');
  }
}

/** The `name` of the element that has the focus. */
const focusedName = (): Promise<string | null> => page.evaluate(() => document.activeElement?.getAttribute('name') ?? null);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  ({ context, page } = await newKiosk(browser));
  await page.goto(inject('appUrl'));
  await waitForShell(page);
  await waitForServiceWorker(page);
}, 180_000);
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  await page.screenshot({ path: `${SHOTS}/fail-${ctx.task.name.slice(0, 12)}.png` });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

test('the first-run steps lead from an empty tablet to a complaint filed by a clerk', async () => {
  await page.waitForSelector('[data-testid=first-run]');
  expect(await page.locator('[data-testid=first-run-step][data-done=false]').count()).toBe(4);
  await shots('first-run');

  // Step 1: this tablet.
  await page.click('[data-testid=first-run-step] >> nth=0 >> a');
  await page.waitForSelector('[data-testid=device-form]');
  await page.fill('input[name=name]', '一号台');
  await page.fill('input[name=shortCode]', 'K07');
  await page.click('[data-testid=save]');
  await page.waitForSelector('[data-testid=saved]');
  await go(page, '/');
  await page.waitForSelector('[data-testid=first-run-step][data-done=true]');

  // Step 2: the fair. "SZBF" is refused: S is not in the code alphabet, and the hint says so.
  await page.click('[data-testid=first-run-step] >> nth=1 >> a');
  await page.click('[data-testid=new-fair]');
  await page.waitForSelector('[data-testid=fair-form]');
  expect(await page.locator('input[name=code] ~ .hint').textContent()).toContain('I O S V Z');
  await page.fill('input[name=code]', 'SZBF');
  await page.fill('input[name=nameZh]', '第138届广交会');
  await page.fill('input[name=sessionNo]', '138');
  for (const [i, day] of fairDays(3).entries()) {
    if (i > 0) await page.click('[data-testid=add-day]');
    await page.fill(`input[name="days.${i}.date"]`, day);
  }
  await page.click('[data-testid=save]');
  await page.waitForSelector('[data-testid=error-summary] [data-testid=error-link]');
  await expect.poll(focusedName).toBe('code');
  const summary = page.locator('.sticky-actions [data-testid=error-summary]');
  expect(await summary.textContent()).toBe('未保存，请更正：展会代码（2–8 位）: 展会代码须为 2–8 位数字或大写字母（不含 I O S V Z）。');
  await shots('fair-refused');
  // The link in the summary takes the focus back to the field.
  await page.focus('input[name=nameZh]');
  await page.click('[data-testid=error-link]');
  expect(await focusedName()).toBe('code');
  await page.fill('input[name=code]', 'CF138');
  await page.click('[data-testid=save]');
  await page.waitForSelector('[data-testid=fair-list]');
  // The tablet's only fair is its current one.
  await page.waitForSelector('[data-testid=fair-card].current');
  await go(page, '/exhibitors/import');
  await importFile(page, 'exhibitors.csv', 'text/csv', csvOf([EXHIBITOR_HEADER_ZH, ['福州某某科技有限公司', 'Fuzhou Tech', 'CN', GOOD_USCC, '', '1.1', 'A01', '', '']]));
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=import-done]');

  // Step 3: the first organizer; a weak PIN is refused with its reason, focused.
  await go(page, '/');
  await page.waitForSelector('[data-testid=first-run-step] >> nth=2 >> a.primary');
  await page.click('[data-testid=first-run-step] >> nth=2 >> a');
  await page.waitForSelector('[data-testid=first-user-form]');
  await page.fill('[data-testid=first-user-form] input[name=name]', ORGANIZER.name);
  await page.fill('[data-testid=first-user-form] input[name=pin]', '1234');
  await page.fill('[data-testid=first-user-form] input[name=pinConfirm]', '1234');
  await page.click('[data-testid=first-user-form] [data-testid=save]');
  await page.waitForSelector('[data-testid=first-user-form] [data-testid=error-link]');
  await expect.poll(focusedName).toBe('pin');
  expect(await page.locator('[data-testid=first-user-form] input[name=pin] ~ .error').textContent()).toBe('PIN 不能是连续的数字（如 1234、4321），太容易被猜到。');
  await page.fill('[data-testid=first-user-form] input[name=pin]', ORGANIZER.pin);
  await page.fill('[data-testid=first-user-form] input[name=pinConfirm]', ORGANIZER.pin);
  await page.click('[data-testid=first-user-form] [data-testid=save]');
  await page.waitForSelector('[data-testid=signed-in]');

  // Step 4: desk staff and experts, from the link the sign-in screen now shows.
  await page.click('[data-testid=next-staff-link]');
  await page.waitForSelector('[data-testid=user-form]');
  for (const user of [CLERK, EXPERT]) {
    await page.fill('[data-testid=user-form] input[name=name]', user.name);
    await page.selectOption('[data-testid=user-form] select[name=role]', user.role);
    await page.fill('[data-testid=user-form] input[name=pin]', user.pin);
    await page.fill('[data-testid=user-form] input[name=pinConfirm]', user.pin);
    await page.click('[data-testid=user-form] [data-testid=save]');
    await page.waitForSelector(`[data-testid=user-row][data-name="${user.name}"]`);
  }
  await go(page, '/');
  await page.waitForSelector('[data-testid=home-device]');
  expect(await page.locator('[data-testid=first-run]').count()).toBe(0);

  // The organizer opens the intake: told at once that filing is a clerk's, and switches in place.
  await go(page, '/complaints/new');
  await page.waitForSelector('[data-testid=role-bar][data-allowed=false]');
  expect(await page.textContent('[data-testid=role-bar-cannot]')).toBe('主办方不能在此页操作。请换人登录，已填写的内容会保留。');
  await page.fill('input[name="complainant.name"]', '北京某某科技有限公司');
  await shots('intake-organizer');
  await page.click('[data-testid=switch-person]');
  await page.click(`[data-testid=switch-panel] [data-testid=user-tile][data-name="${CLERK.name}"]`);
  for (const d of CLERK.pin) await page.click(`[data-testid=switch-panel] [data-testid=pin-pad] button[data-key="${d}"]`);
  await page.click('[data-testid=switch-panel] [data-testid=pin-submit]');
  await page.waitForSelector('[data-testid=role-bar][data-allowed=true]');
  expect(await page.inputValue('input[name="complainant.name"]')).toBe('北京某某科技有限公司');

  await fileComplaint(page, {
    name: '北京某某科技有限公司',
    uscc: COMPLAINANT_USCC,
    right: { type: 'invention', number: 'ZL201710601862.3', title: '一种充电装置' },
    booth: '1.1/A01',
    item: '充电宝 X1',
    photos: [],
    verifyAll: true,
  });
  expect(await page.getAttribute('[data-testid=open-case]', 'data-case-no')).toMatch(/^CF138-/);
});

test('a refused complaint focuses its first field in error and lists the fields beside Save', async () => {
  await go(page, '/complaints/new');
  await page.waitForSelector('[data-testid=complaint-form], [data-testid=intake-saved]');
  if ((await page.locator('[data-testid=intake-saved]').count()) > 0) await page.click('[data-testid=new-complaint]');
  await page.waitForSelector('[data-testid=complaint-form]');
  await page.evaluate(() => document.querySelector('main.screen')?.scrollTo(0, 0));
  await page.click('[data-testid=save]');
  await page.waitForSelector('.sticky-actions [data-testid=error-summary] [data-testid=error-link]');
  await expect.poll(focusedName).toBe('complainant.name');
  const links = await page.locator('.sticky-actions [data-testid=error-link]').allTextContents();
  expect(links[0]).toBe('名称 / 姓名');
  expect(links).toContain('电话');
  // The focused field is on screen, clear of the sticky Save bar.
  const box = await page.locator('input[name="complainant.name"]').boundingBox();
  expect(box !== null && box.y > 0 && box.y + box.height < 800).toBe(true);
  await shots('intake-refused');
  // "Mark all verified" sets every checklist line in one tap.
  await page.click('[data-testid=checklist-all-verified]');
  const statuses = await page.locator('[data-testid=checklist] select').evaluateAll((s) => s.map((x) => (x as HTMLSelectElement).value));
  expect(new Set(statuses)).toEqual(new Set(['verified']));
});

test('the organizer renames a user, resets a PIN (a weak one refused), deactivates and reactivates', async () => {
  await actAs(page, ORGANIZER);
  await go(page, '/users');
  await page.waitForSelector('[data-testid=user-list]');
  const row = (name: string): string => `[data-testid=user-row][data-name="${name}"]`;
  // Oneself cannot be deactivated.
  expect(await page.isDisabled(`${row(ORGANIZER.name)} [data-testid=user-active]`)).toBe(true);

  await page.click(`${row(CLERK.name)} [data-testid=user-edit]`);
  await page.fill('[data-testid=user-edit-form] input[name="edit.name"]', '王文员（前台）');
  await page.click('[data-testid=user-edit-form] [data-testid=save-edit]');
  await page.waitForSelector(row('王文员（前台）'));
  expect(await page.textContent('[data-testid=user-changed]')).toBe('已保存：王文员（前台）');

  await page.click(`${row('王文员（前台）')} [data-testid=user-reset-pin]`);
  await page.fill('[data-testid=pin-reset-form] input[name="reset.pin"]', '1111');
  await page.fill('[data-testid=pin-reset-form] input[name="reset.pinConfirm"]', '1111');
  await page.click('[data-testid=pin-reset-form] [data-testid=save-edit]');
  await page.waitForSelector('[data-testid=pin-reset-form] [data-testid=error-link]');
  await expect.poll(focusedName).toBe('reset.pin');
  expect(await page.locator('[data-testid=pin-reset-form] input[name="reset.pin"] ~ .error').textContent()).toBe('PIN 不能全是同一个数字（如 0000、1111），太容易被猜到。');
  await shots('users-weak-pin');
  await page.fill('[data-testid=pin-reset-form] input[name="reset.pin"]', '86420');
  await page.fill('[data-testid=pin-reset-form] input[name="reset.pinConfirm"]', '86420');
  await page.click('[data-testid=pin-reset-form] [data-testid=save-edit]');
  await page.waitForSelector('[data-testid=user-changed]:has-text("已为 王文员（前台） 设置新 PIN。")');

  await page.click(`${row('王文员（前台）')} [data-testid=user-active]`);
  await page.waitForSelector(`${row('王文员（前台）')}[data-active=false]`);
  await shots('users-deactivated');
  // A deactivated user is not offered at sign-in.
  await go(page, '/sign-in');
  await page.click('[data-testid=signed-in] [data-testid=sign-out]');
  await page.waitForSelector('[data-testid=sign-in]');
  expect(await page.locator('[data-testid=user-tile]').evaluateAll((t) => t.map((x) => x.getAttribute('data-name')))).not.toContain('王文员（前台）');

  await signIn(page, ORGANIZER.name, ORGANIZER.pin);
  await go(page, '/users');
  await page.click(`${row('王文员（前台）')} [data-testid=user-active]`);
  await page.waitForSelector(`${row('王文员（前台）')}[data-active=true]`);
  // The new PIN signs the clerk in.
  await actAs(page, { name: '王文员（前台）', pin: '86420' });
  expect(await page.textContent('[data-testid=session-user]')).toBe('王文员（前台）');
});
