import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../src/server/server';
import { fillPhoneComplaint } from '../support/fake-camera';
import { formatInZone, type Instant } from '../../src/domain/time';
import { storedRows } from './support/desk-b';
import { fillComplaint, makePng } from './support/desk-flow';
import { GOOD_USCC, go } from './support/kiosk';
import { ONLINE_CLERK as CLERK, openOnlineDraft as openDraftOn, startOnlineDesk } from './support/online-desk';

/**
 * Evidence photos seen, in Debian's Chromium: the phone sends its photos with an online complaint
 * (PI7), the desk fetches them with the draft (PI8) and checks each against its hash; the intake
 * and the case page show thumbnails (decoded) and the full-screen viewer with the photo's facts.
 */
const SHOTS = '/tmp/shots-evidence';
let server: RunningServer;
let desk: { context: BrowserContext; page: Page };
let phone: { context: BrowserContext; page: Page };
let phoneUrl = '';
let closeBrowser: () => Promise<void> = () => Promise.resolve();

const openOnlineDraft = (): Promise<void> => openDraftOn(desk.page);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const started = await startOnlineDesk('organizer-evidence');
  ({ server, desk, phone, phoneUrl } = started);
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


/** The first thumbnail of a gallery has decoded its image. */
async function thumbDecoded(page: Page, gallery: string): Promise<void> {
  await expect.poll(() => page.locator(`[data-testid=${gallery}] [data-testid=evidence-thumb] img`).first().evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
}

const factsText = (e: { capturedAt: string; sha256: string }, person: string): string =>
  `拍摄时间${formatInZone(e.capturedAt as Instant, 'Asia/Shanghai')}设备Q01拍摄人${person}SHA-256${e.sha256}`;

test('[PI7, PI8] a complaint sent online with its photos arrives at the desk with them; the case shows them in the viewer', async () => {
  await phone.page.goto('about:blank');
  await phone.page.goto(phoneUrl);
  await fillPhoneComplaint(phone.page, { name: '福州某某科技有限公司', uscc: GOOD_USCC, hall: '1.1', stand: 'A01', items: ['蓝牙耳机，外观与注册商标相同'] });
  await phone.page.setInputFiles('[data-testid=photos-0]', [
    { name: 'booth-1.png', mimeType: 'image/png', buffer: makePng(320, 240, 1) },
    { name: 'booth-2.png', mimeType: 'image/png', buffer: makePng(240, 320, 2) },
  ]);
  await phone.page.waitForSelector('[data-testid=item-0] [data-testid=phone-photo] >> nth=1');
  expect(await phone.page.textContent('[data-testid=photos-note-0]')).toBe('在线提交时，这些照片会随投诉一起发送给服务台。');
  // Each photo by its preview and name: no hash in sight.
  expect(await phone.page.locator('[data-testid=item-0] [data-testid=phone-photo]').allTextContents()).toEqual(['booth-1.png删除', 'booth-2.png删除']);
  await expect.poll(() => phone.page.locator('[data-testid=item-0] .phone-photo-thumb').first().evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  await phone.page.locator('[data-testid=item-0]').scrollIntoViewIfNeeded();
  await phone.page.screenshot({ path: join(SHOTS, 'phone-photos-zh.png') });
  await phone.page.click('[data-testid=lang-en]');
  await expect.poll(() => phone.page.textContent('[data-testid=photos-note-0]')).toBe('When you send online, these photos go to the desk together with the complaint.');
  await phone.page.screenshot({ path: join(SHOTS, 'phone-photos-en.png') });
  await phone.page.click('[data-testid=lang-zh]');
  await phone.page.click('[data-testid=show-desk]');
  await phone.page.waitForSelector('[data-testid=qr-frame]');
  // Until they are sent, the hand-off says the photos themselves must be shown at the desk.
  expect(await phone.page.textContent('[data-testid=qr-photos]')).toBe('二维码只带照片清单，不带照片本身。请把手机里的 2 张照片也给服务台工作人员看，工作人员会拍下或接收后逐张核对。');
  await phone.page.click('[data-testid=send-online]');
  await phone.page.waitForSelector('[data-testid=online-photos][data-sent="2"][data-total="2"]');
  expect(await phone.page.locator('[data-testid=qr-photos]').count()).toBe(0);
  expect(await phone.page.textContent('[data-testid=online-photos]')).toBe('2 张照片已随投诉一起发送。');
  await phone.page.evaluate(() => window.scrollTo(0, 0));
  await phone.page.screenshot({ path: join(SHOTS, 'phone-online-photos-sent-zh.png') });
  await phone.page.click('[data-testid=lang-en]');
  await expect.poll(() => phone.page.textContent('[data-testid=online-photos]')).toBe('2 photo(s) sent together with the complaint.');
  await phone.page.screenshot({ path: join(SHOTS, 'phone-online-photos-sent-en.png') });
  await phone.page.click('[data-testid=lang-zh]');

  // English first (a language switch re-renders the screen), then Chinese.
  await desk.page.click('.status-bar .btn.lang');
  await desk.page.waitForSelector('html[lang=en]');
  await openOnlineDraft();
  await desk.page.waitForSelector('[data-testid=handoff-photo-list][data-matched="2"][data-total="2"]');
  expect(await desk.page.textContent('[data-testid=handoff-photo-summary]')).toBe('2 of 2 photos match');
  await desk.page.locator('[data-testid=handoff-photo-list]').scrollIntoViewIfNeeded();
  await desk.page.screenshot({ path: join(SHOTS, 'desk-handoff-photos-en.png') });
  await desk.page.click('.status-bar .btn.lang');
  await desk.page.waitForSelector('html[lang=zh-CN]');
  await desk.page.click('[data-testid=online-draft-open]');
  await desk.page.waitForSelector('[data-testid=handoff-photo-list][data-matched="2"][data-total="2"]');
  expect(await desk.page.textContent('[data-testid=handoff-photo-summary]')).toBe('2 / 2 张照片已核对一致');
  await thumbDecoded(desk.page, 'handoff-photo-list');
  await desk.page.locator('[data-testid=handoff-photo-list]').scrollIntoViewIfNeeded();
  await desk.page.screenshot({ path: join(SHOTS, 'desk-handoff-photos-zh.png') });
  await desk.page.waitForSelector('[data-testid=handoff-preview] [data-testid=preview-respondent][data-listed=true]');
  await desk.page.click('[data-testid=handoff-confirm]');
  await desk.page.waitForSelector('[data-testid=handoff-imported]');
  await phone.page.click('[data-testid=handoff-finished]');

  // The case page: thumbnails decoded, the viewer with the facts, keys and focus.
  const kase = (await storedRows<{ id: string }>(desk.page, 'cases'))[0];
  await go(desk.page, `/cases/${kase?.id ?? ''}`);
  await desk.page.waitForSelector('[data-testid=case-item-photos-0][data-count="2"]');
  await thumbDecoded(desk.page, 'case-item-photos-0');
  await desk.page.screenshot({ path: join(SHOTS, 'desk-case-thumbs-zh.png') });
  const photos = (await storedRows<{ kind: string; capturedAt: string; sha256: string; id: string }>(desk.page, 'evidence')).filter((e) => e.kind === 'photo');
  const keys = await desk.page.locator('[data-testid=case-item-photos-0] [data-testid=evidence-thumb]').evaluateAll((b) => b.map((x) => x.getAttribute('data-key')));
  const byKey = (k: string | null | undefined) => photos.find((p) => p.id === k) ?? { capturedAt: '', sha256: '' };
  await desk.page.click('[data-testid=case-item-photos-0] [data-testid=evidence-thumb] >> nth=0');
  await desk.page.waitForSelector('[data-testid=evidence-viewer][data-index="0"]');
  await expect.poll(() => desk.page.locator('[data-testid=viewer-image]').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  expect(await desk.page.textContent('[data-testid=viewer-facts]')).toBe(factsText(byKey(keys[0]), CLERK.name));
  expect(await desk.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('viewer-close');
  await desk.page.screenshot({ path: join(SHOTS, 'desk-viewer-zh.png') });
  await desk.page.keyboard.press('ArrowRight');
  await desk.page.waitForSelector('[data-testid=evidence-viewer][data-index="1"]');
  expect(await desk.page.textContent('[data-testid=viewer-facts]')).toBe(factsText(byKey(keys[1]), CLERK.name));
  await desk.page.click('[data-testid=viewer-zoom-in]');
  await desk.page.waitForSelector('[data-testid=evidence-viewer][data-zoom="1.50"]');
  // Tab stays inside the dialog.
  for (let i = 0; i < 8; i++) await desk.page.keyboard.press('Tab');
  expect(await desk.page.evaluate(() => document.activeElement?.closest('[data-testid=evidence-viewer]') !== null)).toBe(true);
  await desk.page.keyboard.press('Escape');
  await desk.page.waitForSelector('[data-testid=evidence-viewer]', { state: 'detached' });
  expect(await desk.page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe(keys[0]);
  await desk.page.click('.status-bar .btn.lang');
  await desk.page.waitForSelector('html[lang=en]');
  await desk.page.click('[data-testid=case-item-photos-0] [data-testid=evidence-thumb] >> nth=0');
  await desk.page.waitForSelector('[data-testid=evidence-viewer]');
  expect(await desk.page.textContent('[data-testid=viewer-facts]')).toBe(`Captured at${formatInZone(byKey(keys[0]).capturedAt as Instant, 'Asia/Shanghai')}DeviceQ01Captured by${CLERK.name}SHA-256${byKey(keys[0]).sha256}`);
  await desk.page.screenshot({ path: join(SHOTS, 'desk-viewer-en.png') });
  await desk.page.keyboard.press('Escape');
  await desk.page.click('.status-bar .btn.lang');
  await desk.page.waitForSelector('html[lang=zh-CN]');
}, 180_000);

test('the intake shows each stored photo as a decoded thumbnail, and the viewer its facts', async () => {
  await fillComplaint(desk.page, {
    name: '福州某某科技有限公司', uscc: GOOD_USCC, right: { type: 'trademark', number: '12345678', title: 'FAIRBRAND', nice: '9' }, booth: 'A01', item: '蓝牙耳机',
    photos: [{ name: 'desk.png', mimeType: 'image/png', buffer: makePng(400, 300, 3) }], verifyAll: false,
  });
  await desk.page.waitForSelector('[data-testid=item-photos-0][data-count="1"]');
  await thumbDecoded(desk.page, 'item-photos-0');
  expect(await desk.page.textContent('[data-testid=photo-count-0]')).toBe('照片 1 张');
  await desk.page.locator('[data-testid=item-photos-0]').scrollIntoViewIfNeeded();
  await desk.page.screenshot({ path: join(SHOTS, 'desk-intake-thumbs-zh.png') });
  const stored = (await storedRows<{ kind: string; capturedAt: string; sha256: string; capturedBy: string }>(desk.page, 'evidence')).filter((e) => e.kind === 'photo');
  const last = stored.sort((a, b) => (a.capturedAt < b.capturedAt ? -1 : 1))[stored.length - 1] ?? { capturedAt: '', sha256: '' };
  await desk.page.click('[data-testid=item-photos-0] [data-testid=evidence-thumb]');
  await desk.page.waitForSelector('[data-testid=evidence-viewer]');
  expect(await desk.page.textContent('[data-testid=viewer-facts]')).toBe(factsText(last, CLERK.name));
  expect(await desk.page.locator('[data-testid=viewer-next]').count()).toBe(0);
  await desk.page.keyboard.press('Escape');
  await desk.page.waitForSelector('[data-testid=evidence-viewer]', { state: 'detached' });
  await desk.page.click('.status-bar .btn.lang');
  await desk.page.waitForSelector('html[lang=en]');
  await expect.poll(() => desk.page.textContent('[data-testid=photo-count-0]')).toBe('1 photo(s)');
  await desk.page.screenshot({ path: join(SHOTS, 'desk-intake-thumbs-en.png') });
  await desk.page.click('.status-bar .btn.lang');
  await desk.page.waitForSelector('html[lang=zh-CN]');
}, 120_000);
