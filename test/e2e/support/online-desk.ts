import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { startServer, type RunningServer } from '../../../src/server/server';
import { PHONE_VIEWPORT, TABLET_VIEWPORT, launchChromium } from '../../support/browser';
import { actAs, addUser, createFirstUser, storedRows } from './desk-b';
import { EXHIBITOR_HEADER_ZH, GOOD_USCC, createFair, csvOf, go, importFile, setUpDevice, waitForServiceWorker, waitForShell } from './kiosk';

/**
 * A desk tablet enrolled with a real server and synced, a clerk signed in on its hand-off screen,
 * and a phone browser beside it: the setup of the phone-to-desk tests (online drafts, photos).
 */
export interface OnlineDesk {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly desk: { readonly context: BrowserContext; readonly page: Page };
  readonly phone: { readonly context: BrowserContext; readonly page: Page };
  /** The link of the desk's phone QR code (`/p/<code>#fair=…`). */
  readonly phoneUrl: string;
  readonly fairId: string;
}

export const ONLINE_CLERK = { name: '王工作', pin: '2468', role: 'clerk' } as const;

/** Today and the following days in the fair's zone (Asia/Shanghai). */
const day = (offset: number): string => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

export async function syncNow(page: Page): Promise<void> {
  await go(page, '/sync');
  await page.waitForSelector('[data-testid=sync-now]:not([disabled])');
  await page.click('[data-testid=sync-now]');
  await page.waitForSelector('[data-testid=sync-done]');
}

/** The desk syncs, opens the hand-off screen and the one online draft. */
export async function openOnlineDraft(page: Page): Promise<void> {
  await syncNow(page);
  await go(page, '/handoff');
  await page.waitForSelector('[data-testid=online-draft-open]');
  expect(await page.locator('[data-testid=online-draft]').count()).toBe(1);
  await page.click('[data-testid=online-draft-open]');
  await page.waitForSelector('[data-testid=handoff-preview] [data-testid=preview-respondent][data-listed=true]');
}

/**
 * Fair CF138 with exhibitor 1.1/A01, an organizer and the clerk on the tablet; the tablet enrolled
 * (the server then knows the fair, PI5) and synced; the clerk signed in on /handoff.
 */
export async function startOnlineDesk(organizerName: string): Promise<OnlineDesk> {
  const server = await startServer({ port: 0, host: '127.0.0.1', distDir: resolve(process.env.FAIRCASE_E2E_DIST ?? 'dist') });
  const organizer = await server.storage.createUser({ name: organizerName, password: 'correct horse battery', role: 'organizer' });
  const browser = await launchChromium();
  const deskContext = await browser.newContext({ viewport: TABLET_VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const desk = { context: deskContext, page: await deskContext.newPage() };
  desk.page.on('pageerror', (e) => console.error('desk pageerror:', e.message));
  await desk.page.goto(server.url);
  await waitForShell(desk.page);
  await waitForServiceWorker(desk.page);
  await createFair(desk.page, { code: 'CF138', nameZh: '第138届广交会', sessionNo: '138', days: [day(0), day(1)] });
  await setUpDevice(desk.page, '手机台', 'Q01', 'CF138 · 第138届广交会');
  await importFile(desk.page, 'exhibitors.csv', 'text/csv', csvOf([EXHIBITOR_HEADER_ZH, ['深圳某某电子有限公司', 'Shenzhen Electronics', 'CN', GOOD_USCC, '', '1.1', 'A01', '', '']]));
  await desk.page.click('[data-testid=import-confirm]');
  await desk.page.waitForSelector('[data-testid=import-done]');
  await createFirstUser(desk.page, '李主办', '13579');
  await addUser(desk.page, ONLINE_CLERK);
  const fairId = (await storedRows<{ id: string }>(desk.page, 'fairs'))[0]?.id ?? '';
  const { code } = await server.storage.createEnrolment(organizer.userId, { fairId, role: 'desk', ttlMinutes: 10 }, Date.now());
  await go(desk.page, '/sync');
  await desk.page.waitForSelector('[data-testid=enrol-form]');
  await desk.page.fill('input[name=enrol-code]', code);
  await desk.page.click('[data-testid=enrol-submit]');
  await desk.page.waitForSelector('[data-testid=sync-enrolled]');
  await syncNow(desk.page);
  await actAs(desk.page, ONLINE_CLERK);
  await go(desk.page, '/handoff');
  await desk.page.waitForSelector('[data-testid=phone-link-qr]');
  const phoneUrl = (await desk.page.getAttribute('[data-testid=phone-link]', 'href')) ?? '';
  const phoneContext = await browser.newContext({ viewport: PHONE_VIEWPORT, locale: 'zh-CN', deviceScaleFactor: 2 });
  const phone = { context: phoneContext, page: await phoneContext.newPage() };
  phone.page.on('pageerror', (e) => console.error('phone pageerror:', e.message));
  return { server, browser, desk, phone, phoneUrl, fairId };
}
