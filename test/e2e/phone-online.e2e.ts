import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../src/server/server';
import { fillPhoneComplaint } from '../support/fake-camera';
import { storedRows } from './support/desk-b';
import { GOOD_USCC, go, storedCount } from './support/kiosk';
import { openOnlineDraft as openDraftOn, startOnlineDesk } from './support/online-desk';

/**
 * Online filing in Debian's Chromium (PI1–PI6, src/domain/wire/public-intake.ts): the filer's
 * phone, online, sends its complaint to the fair's server; the server keeps a draft and nothing
 * more; the desk, enrolled and synced, lists the draft on its hand-off screen, previews it with
 * the desk form's intake flags and files it (channel `online`) through the same write as a
 * scanned one. The phone always still shows its QR loop; a failed send says why in the filer's
 * language.
 */
const SHOTS = join(tmpdir(), 'faircase-shots');
let server: RunningServer;
let desk: { context: BrowserContext; page: Page };
let phone: { context: BrowserContext; page: Page };
let phoneUrl = '';
let fairId = '';
let closeBrowser: () => Promise<void> = () => Promise.resolve();

/** The phone types a complaint against booth 1.1/A01 and taps "Show to the desk". */
async function fileOnPhone(items: readonly string[]): Promise<void> {
  // A fresh load (the same URL with only its hash would not reload the page).
  await phone.page.goto('about:blank');
  await phone.page.goto(phoneUrl);
  await fillPhoneComplaint(phone.page, { name: '福州某某科技有限公司', uscc: GOOD_USCC, hall: '1.1', stand: 'A01', items });
  await phone.page.click('[data-testid=show-desk]');
  await phone.page.waitForSelector('[data-testid=qr-frame]');
}

const openOnlineDraft = (): Promise<void> => openDraftOn(desk.page);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const started = await startOnlineDesk('organizer-phone-online');
  ({ server, desk, phone, phoneUrl, fairId } = started);
  closeBrowser = () => started.browser.close();
}, 240_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  await desk.page.screenshot({ path: join(SHOTS, 'fail-online-desk.png'), fullPage: true });
  await phone.page.screenshot({ path: join(SHOTS, 'fail-online-phone.png'), fullPage: true });
});

afterAll(async () => {
  await closeBrowser();
  await server?.close();
});

test('[PI1, PI6] the phone sends online and still shows its QR loop; the desk files the draft after its sync (channel online); nothing before', async () => {
  await fileOnPhone(['蓝牙耳机，外观与注册商标相同']);
  await phone.page.click('[data-testid=send-online]');
  await phone.page.waitForSelector('[data-testid=online-result][data-outcome=sent]');
  expect(await phone.page.textContent('[data-testid=online-result]')).toMatch(/已在线提交/);
  // PI6: the QR hand-off is still there.
  expect(await phone.page.locator('[data-testid=qr-frame]').count()).toBe(1);
  await phone.page.evaluate(() => window.scrollTo(0, 0));
  await phone.page.screenshot({ path: join(SHOTS, 'phone-online-sent-zh.png') });
  await phone.page.click('[data-testid=lang-en]');
  await expect.poll(() => phone.page.textContent('[data-testid=online-result]')).toMatch(/Sent online/);
  await phone.page.screenshot({ path: join(SHOTS, 'phone-online-sent-en.png') });
  await phone.page.click('[data-testid=lang-zh]');

  // PI1: the server holds a draft, not a case; the desk has nothing until it syncs.
  expect((await server.storage.sql.query('select 1 from public_drafts where fair_id = $1', [fairId])).length).toBe(1);
  expect(await storedCount(desk.page, 'cases')).toBe(0);
  await openOnlineDraft();
  // Its arrival in the fair's zone, written as every time on the desk (not the browser's format).
  const shanghaiToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  expect(await desk.page.textContent('[data-testid=online-draft-at]')).toMatch(new RegExp(`^ · ${shanghaiToday} \\d{2}:\\d{2} \\(UTC\\+8\\)$`));
  expect(await desk.page.getAttribute('[data-testid=handoff-source]', 'data-source')).toBe('online');
  expect(await desk.page.textContent('[data-testid=preview-complainant]')).toContain('福州某某科技有限公司');
  // The desk form's checks on the phone's complaint: the exhibitor signed no commitment (CM3), nothing else yet.
  await desk.page.waitForSelector('[data-testid=preview-flags] [data-flag=NO_COMMITMENT]');
  expect(await desk.page.locator('[data-testid=preview-flags] [data-flag=DUPLICATE]').count()).toBe(0);
  await desk.page.click('[data-testid=handoff-confirm]');
  await desk.page.waitForSelector('[data-testid=handoff-imported]');
  const cases = await storedRows<{ channel: string; complaintId: string }>(desk.page, 'cases');
  expect(cases.map((c) => c.channel)).toEqual(['online']);
  // Filed: the draft leaves the server's list.
  await expect.poll(async () => (await server.storage.sql.query('select 1 from public_drafts where fair_id = $1 and filed_at is null', [fairId])).length).toBe(0);
  await phone.page.click('[data-testid=handoff-finished]');
}, 120_000);

test('[RP4] the hand-off preview shows the desk form’s intake flags before confirmation: a second filing of the same triple is a DUPLICATE naming the first case', async () => {
  await fileOnPhone(['同一商标的另一款耳机']);
  await phone.page.click('[data-testid=send-online]');
  await phone.page.waitForSelector('[data-testid=online-result][data-outcome=sent]');
  const first = (await storedRows<{ caseNo: string }>(desk.page, 'cases'))[0]?.caseNo ?? '';
  // In English first (a language switch re-renders the screen), then in Chinese.
  await desk.page.click('.status-bar .btn.lang');
  await desk.page.waitForSelector('html[lang=en]');
  await openOnlineDraft();
  await desk.page.waitForSelector('[data-testid=preview-flags] [data-flag=DUPLICATE]');
  expect(await desk.page.textContent('[data-testid=preview-flags] [data-flag=DUPLICATE]')).toContain(first);
  expect(await storedCount(desk.page, 'cases')).toBe(1);
  await desk.page.locator('[data-testid=handoff-preview]').scrollIntoViewIfNeeded();
  await desk.page.screenshot({ path: join(SHOTS, 'desk-online-preview-flags-en.png') });
  await desk.page.click('.status-bar .btn.lang');
  await desk.page.waitForSelector('html[lang=zh-CN]');
  await desk.page.click('[data-testid=online-draft-open]');
  await desk.page.waitForSelector('[data-testid=preview-flags] [data-flag=DUPLICATE]');
  await desk.page.locator('[data-testid=handoff-preview]').scrollIntoViewIfNeeded();
  await desk.page.screenshot({ path: join(SHOTS, 'desk-online-preview-flags-zh.png') });
  await phone.page.click('[data-testid=handoff-finished]');
}, 120_000);

test('[PI6] a send that cannot reach the server says so in the filer’s language; offline, only the QR loop is offered', async () => {
  await fileOnPhone(['第三件展品']);
  await phone.page.route('**/api/public/**', (r) => r.abort('internetdisconnected'));
  await phone.page.click('[data-testid=lang-en]');
  await phone.page.click('[data-testid=send-online]');
  await phone.page.waitForSelector('[data-testid=online-result][data-outcome=offline]');
  expect(await phone.page.textContent('[data-testid=online-result]')).toMatch(/cannot be reached.*QR code/);
  expect(await phone.page.locator('[data-testid=qr-frame]').count()).toBe(1);
  await phone.page.screenshot({ path: join(SHOTS, 'phone-online-failed-en.png') });
  await phone.page.unroute('**/api/public/**');
  await phone.context.setOffline(true);
  await phone.page.click('[data-testid=back-to-form]');
  await phone.page.click('[data-testid=show-desk]');
  await phone.page.waitForSelector('[data-testid=qr-frame]');
  expect(await phone.page.locator('[data-testid=online-send]').count()).toBe(0);
  await phone.context.setOffline(false);
  await phone.page.click('[data-testid=lang-zh]');
}, 60_000);

test('[PI10] the address the desk prints, typed on a phone online, opens that fair’s form; offline, the start page', async () => {
  const shots = '/tmp/shots-desk18b';
  mkdirSync(shots, { recursive: true });
  await go(desk.page, '/handoff');
  await desk.page.waitForSelector('[data-testid=phone-link-qr]');
  const printed = (await desk.page.textContent('[data-testid=phone-link]')) ?? '';
  expect(printed).toBe(`${new URL(server.url).origin}/p/CF138`);
  for (const [lang, viewport] of [['zh', { width: 1280, height: 800 }], ['en', { width: 1280, height: 800 }], ['zh', { width: 390, height: 844 }], ['en', { width: 390, height: 844 }]] as const) {
    if ((await desk.page.getAttribute('html', 'lang')) !== (lang === 'zh' ? 'zh-CN' : 'en')) {
      await desk.page.click('.status-bar .btn.lang');
      await desk.page.waitForSelector(`html[lang=${lang === 'zh' ? 'zh-CN' : 'en'}]`);
    }
    await desk.page.setViewportSize(viewport);
    // The language switch renders the panel again: scroll the element that is there once it settles.
    await expect
      .poll(() =>
        desk.page
          .locator('[data-testid=phone-link-typed]')
          .scrollIntoViewIfNeeded({ timeout: 2_000 })
          .then(() => true, () => false),
      { timeout: 15_000 })
      .toBe(true);
    await desk.page.screenshot({ path: join(shots, `desk-handoff-printed-${lang}-${viewport.width}.png`) });
  }
  await desk.page.setViewportSize({ width: 1280, height: 800 });
  await desk.page.click('.status-bar .btn.lang');
  await desk.page.waitForSelector('html[lang=zh-CN]');

  await phone.page.goto('about:blank');
  await phone.page.goto(printed.toLowerCase());
  await phone.page.waitForSelector('input[name="complainant.name"]');
  expect(await phone.page.textContent('[data-testid=phone-fair]')).toBe('第138届广交会 · CF138');
  expect(await phone.page.evaluate(() => location.pathname)).toBe('/p/cf138');
  await phoneShots(shots, 'phone-typed-code-form');

  await phone.page.goto('about:blank');
  await phone.page.goto(`${new URL(server.url).origin}/p/QQ99`);
  await phone.page.waitForSelector('[data-testid=phone-no-fair][data-lookup=unknown]');
  expect(await phone.page.textContent('[data-testid=phone-code-unknown]')).toBe('没有找到代码为 QQ99 的展会。请核对地址，或扫描服务台展示的二维码。');
  await phone.page.click('[data-testid=lang-en]');
  await expect.poll(() => phone.page.textContent('[data-testid=phone-code-unknown]')).toBe('No fair has the code QQ99. Check the address, or scan the QR code shown at the desk.');
  await phone.page.click('[data-testid=lang-zh]');
  await phoneShots(shots, 'phone-typed-unknown');

  // Offline (the page from the phone's cache): the instructions, no request, no error.
  await phone.context.setOffline(true);
  try {
    await phone.page.goto('about:blank');
    await phone.page.goto(printed);
    await phone.page.waitForSelector('[data-testid=phone-no-fair][data-lookup=none]');
    expect(await phone.page.locator('[data-testid=phone-start-steps] li').count()).toBe(3);
    expect(await phone.page.locator('[data-testid=phone-code-unknown], [data-testid=phone-link-damaged]').count()).toBe(0);
    await phoneShots(shots, 'phone-typed-offline');
  } finally {
    await phone.context.setOffline(false);
  }
}, 90_000);

/** The phone page at 390×844 and 1280×800 in both languages, back in zh-CN at the phone's size. */
async function phoneShots(dir: string, name: string): Promise<void> {
  for (const lang of ['zh', 'en'] as const) {
    await phone.page.click(`[data-testid=lang-${lang}]`);
    await phone.page.waitForSelector(`[data-testid=lang-${lang}].primary`);
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      await phone.page.setViewportSize(viewport);
      await phone.page.screenshot({ path: join(dir, `${name}-${lang}-${viewport.width}.png`) });
    }
  }
  await phone.page.click('[data-testid=lang-zh]');
  await phone.page.waitForSelector('[data-testid=lang-zh].primary');
  await phone.page.setViewportSize({ width: 390, height: 844 });
}
