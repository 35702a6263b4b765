import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/server';
import { launchChromium } from '../support/browser';
import { EXHIBITOR_HEADER_ZH, GOOD_USCC, createFair, csvOf, go, importFile, newKiosk, setUpDevice, waitForServiceWorker, waitForShell } from './support/kiosk';
import { actAs, addUser, createFirstUser, storedRows } from './support/desk-b';
import { enrolTablet, fairDays, fileComplaint, syncNow } from './support/sync-tablets';

/**
 * Sync between two tablets in Chromium against the real server (its own instance here, on PGlite, so the
 * test holds the organizer's account): two browser contexts are two tablets, both enrolled with
 * one-time codes typed on the sync screen. The case filed on A reaches B; both go offline and act
 * on it differently (A accepts it, B does not accept it: two outcomes); network back, both sync;
 * the case is flagged for review on both (CS5); an expert resolves it on B and the review reaches
 * A; the unsynced reminder after the fair's hours and the DL9 drift warning are shown. Screenshots
 * of the sync and conflict screens in both languages go to /tmp/faircase-shots.
 */
const SHOTS = '/tmp/faircase-shots';
const ORGANIZER = { name: '赵主办', pin: '97531' } as const;
const CLERK = { name: '王文员', role: 'clerk', pin: '24680' } as const;
const EXPERT = { name: '李专家', role: 'expert', pin: '13579' } as const;
const FAIR_LABEL = 'CF138 · 第138届广交会';

let server: RunningServer;
let organizerId = '';
let browser: Browser;
const tablets: { context: BrowserContext; page: Page }[] = [];

const caseRow = async (page: Page, id: string) => (await storedRows<{ id: string; flags: string[]; state: string }>(page, 'caseRows')).find((r) => r.id === id);

/** Moves the tablet's app clock to now + `offsetMs` (the app's test hook) and wakes its timers. */
async function moveClock(page: Page, offsetMs: number): Promise<void> {
  await page.evaluate((ms) => {
    (window as unknown as { __faircaseClock: { offsetMs: number } }).__faircaseClock = { offsetMs: ms };
    window.dispatchEvent(new Event('faircase:clock'));
  }, offsetMs);
}

async function act(page: Page, caseId: string, type: string, fill: () => Promise<void>): Promise<void> {
  await go(page, `/cases/${caseId}`);
  await page.waitForSelector(`[data-testid=action-${type}][data-allowed=true]`);
  await page.click(`[data-testid=action-${type}]`);
  await page.waitForSelector(`[data-testid=form-${type}]`);
  await fill();
  await page.click(`[data-testid=form-${type}] [data-testid=apply]`);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ port: 0, host: '127.0.0.1', distDir: resolve('dist') });
  organizerId = (await server.storage.createUser({ name: 'organizer-e2e', password: 'correct horse battery', role: 'organizer' })).userId;
  browser = await launchChromium();
  for (let i = 0; i < 2; i++) {
    const tablet = await newKiosk(browser);
    await tablet.page.goto(server.url);
    await waitForShell(tablet.page);
    await waitForServiceWorker(tablet.page);
    tablets.push(tablet);
  }
}, 180_000);
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  for (const [i, t] of tablets.entries()) await t.page.screenshot({ path: `${SHOTS}/fail-sync-${i}.png` });
});
afterAll(async () => {
  for (const t of tablets) await t.context.close();
  await browser?.close();
  await server?.close();
});

let caseId = '';

test('[CS5] two tablets enrol, share a case, fork it offline; the case is flagged for review on both, resolved on one, and the review reaches the other', { timeout: 300_000 }, async () => {
  const [a, b] = tablets as [{ context: BrowserContext; page: Page }, { context: BrowserContext; page: Page }];
  // Tablet A: the fair, its exhibitors, the staff, a complaint; enrolled and synced.
  await createFair(a.page, { code: 'CF138', nameZh: '第138届广交会', sessionNo: '138', days: fairDays(6) });
  await setUpDevice(a.page, '一号台', 'KA', FAIR_LABEL);
  await importFile(a.page, 'exhibitors.csv', 'text/csv', csvOf([EXHIBITOR_HEADER_ZH, ['福州某某科技有限公司', 'Fuzhou Tech', 'CN', GOOD_USCC, '', '1.1', 'A01', '', '']]));
  await a.page.click('[data-testid=import-confirm]');
  await a.page.waitForSelector('[data-testid=import-done]');
  await createFirstUser(a.page, ORGANIZER.name, ORGANIZER.pin);
  await addUser(a.page, CLERK);
  await addUser(a.page, EXPERT);
  await actAs(a.page, CLERK);
  caseId = await fileComplaint(a.page, { verifyPapers: true });
  const fairId = (await storedRows<{ id: string }>(a.page, 'fairs'))[0]?.id ?? '';
  await enrolTablet(a.page, server, organizerId, fairId, 'expert');
  await syncNow(a.page);
  await a.page.screenshot({ path: `${SHOTS}/sync-zh.png` });
  await a.page.click('.status-bar .btn.lang');
  await a.page.waitForSelector('h1:has-text("Sync")');
  await a.page.screenshot({ path: `${SHOTS}/sync-en.png` });
  await a.page.click('.status-bar .btn.lang');

  // Tablet B: enrolled for the same fair, pulls the fair and the case, then is set up for it.
  await enrolTablet(b.page, server, organizerId, fairId, 'expert');
  await syncNow(b.page);
  await expect.poll(() => caseRow(b.page, caseId)).toMatchObject({ state: 'RECEIVED' });
  await setUpDevice(b.page, '二号台', 'KB', FAIR_LABEL);
  await createFirstUser(b.page, ORGANIZER.name, ORGANIZER.pin);
  await addUser(b.page, EXPERT);

  // Both offline; A's expert accepts the case, B's expert does not accept it (two outcomes).
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await actAs(a.page, EXPERT);
  await act(a.page, caseId, 'Accept', async () => {});
  await expect.poll(() => caseRow(a.page, caseId)).toMatchObject({ state: 'ACCEPTED' });
  // Unsynced for longer than the fair's `unsyncedReminderHours` (4 h by default): reminded on every screen.
  expect(await a.page.locator('[data-testid=sync-reminder]').count()).toBe(0);
  await moveClock(a.page, 5 * 3_600_000);
  await a.page.waitForSelector('.warnings [data-testid=sync-reminder]');
  await go(a.page, '/sync');
  await a.page.waitForSelector('[data-testid=sync-facts]');
  await a.page.screenshot({ path: `${SHOTS}/sync-offline-reminder-zh.png` });
  await moveClock(a.page, 0);
  await expect.poll(() => a.page.locator('[data-testid=sync-reminder]').count()).toBe(0);
  await actAs(b.page, EXPERT);
  await act(b.page, caseId, 'Reject', async () => {
    await b.page.selectOption('[data-testid=form-Reject] select[name=reason]', 'NR_NO_STANDING');
  });
  await expect.poll(() => caseRow(b.page, caseId)).toMatchObject({ state: 'CLOSED' });

  // Network back: both sync (A, B, then A again for B's event).
  await a.context.setOffline(false);
  await b.context.setOffline(false);
  await syncNow(a.page);
  await syncNow(b.page);
  await syncNow(a.page);
  for (const t of [a, b]) {
    await expect.poll(async () => (await caseRow(t.page, caseId))?.flags).toContain('CONFLICT');
    await go(t.page, '/conflicts');
    await t.page.waitForSelector(`[data-testid=conflict-row][data-case="${caseId}"][data-resolved=false]`);
  }
  // Both tablets folded the same events to the same state (CS5).
  expect((await caseRow(a.page, caseId))?.state).toBe((await caseRow(b.page, caseId))?.state);
  await b.page.screenshot({ path: `${SHOTS}/conflicts-zh.png` });

  // B's expert reviews: both branches side by side, nothing dropped; a review note resolves it.
  await go(b.page, `/conflicts/${caseId}`);
  await b.page.waitForSelector('[data-testid=conflict-status][data-resolved=false]');
  expect(await b.page.locator('[data-testid=branch-applied] li').count()).toBeGreaterThanOrEqual(1);
  expect(await b.page.locator('[data-testid=branch-set-aside] li').count()).toBe(1);
  await b.page.screenshot({ path: `${SHOTS}/conflict-review-zh.png` });
  await b.page.click('.status-bar .btn.lang');
  await b.page.waitForSelector('h1:has-text("Conflict review")');
  await b.page.screenshot({ path: `${SHOTS}/conflict-review-en.png` });
  await b.page.fill('textarea[name=conflict-note]', '申请人不具备投诉资格,维持不予受理。');
  await b.page.click('[data-testid=conflict-keep]');
  await b.page.waitForSelector('[data-testid=conflict-status][data-resolved=true]');
  await b.page.click('.status-bar .btn.lang');
  await syncNow(b.page);
  await syncNow(a.page);
  await go(a.page, '/conflicts');
  await a.page.waitForSelector(`[data-testid=conflict-row][data-case="${caseId}"][data-resolved=true]`);
  await go(a.page, `/conflicts/${caseId}`);
  await a.page.waitForSelector('[data-testid=conflict-status][data-resolved=true]');
  await a.page.waitForSelector('[data-testid=branch-after] li[data-type=AddNote]');
  await a.page.screenshot({ path: `${SHOTS}/conflict-resolved-zh.png` });

  // DL9: a tablet whose clock runs 10 minutes ahead is warned after its next push.
  expect(await a.page.locator('[data-testid=sync-drift]').count()).toBe(0);
  await moveClock(a.page, 10 * 60_000);
  await act(a.page, caseId, 'AddNote', async () => {
    await a.page.fill('[data-testid=form-AddNote] textarea[name=text]', '时钟测试');
  });
  await syncNow(a.page);
  await a.page.waitForSelector('[data-testid=sync-drift]');
  await a.page.click('.status-bar .btn.lang');
  await a.page.waitForSelector('h1:has-text("Sync")');
  await a.page.screenshot({ path: `${SHOTS}/sync-drift-en.png` });
});

test('[SY13] a tablet 3 h slow acts on a case after the other: the same order on both, and its sync screen says the offset', { timeout: 300_000 }, async () => {
  const [a, b] = tablets as [{ context: BrowserContext; page: Page }, { context: BrowserContext; page: Page }];
  // A files a case (it repeats the first one: RP4 flags it, which is all this test needs) and its
  // expert notes it; B pulls both with its clock 3 h behind.
  // A's clock is right again; its next sync measures so, and its events carry no clock note.
  await moveClock(a.page, 0);
  await syncNow(a.page);
  await actAs(a.page, CLERK);
  const slowCase = await fileComplaint(a.page);
  await actAs(a.page, EXPERT);
  await act(a.page, slowCase, 'AddNote', async () => {
    await a.page.fill('[data-testid=form-AddNote] textarea[name=text]', '准时台的备注');
  });
  await a.page.waitForSelector('[data-testid=timeline] li[data-type=AddNote]');
  await syncNow(a.page);
  await moveClock(b.page, -3 * 3_600_000);
  await syncNow(b.page);
  await expect.poll(() => caseRow(b.page, slowCase)).toBeDefined();
  await expect.poll(() => b.page.textContent('[data-testid=sync-clock]')).toMatch(/^比服务器慢 3 小时（/);
  await b.page.waitForSelector('[data-testid=sync-drift]');
  await b.page.screenshot({ path: `${SHOTS}/sync-clock-slow-zh.png` });
  await b.page.click('.status-bar .btn.lang');
  await expect.poll(() => b.page.textContent('[data-testid=sync-clock]')).toMatch(/^3 h behind the server \(measured /);
  await b.page.screenshot({ path: `${SHOTS}/sync-clock-slow-en.png` });
  await b.page.click('.status-bar .btn.lang');

  // B's expert adds a note: made after seeing A's note, it sorts after it on both tablets.
  await actAs(b.page, EXPERT);
  await act(b.page, slowCase, 'AddNote', async () => {
    await b.page.fill('[data-testid=form-AddNote] textarea[name=text]', '慢钟台的备注');
  });
  await syncNow(b.page);
  await syncNow(a.page);
  const notes = (page: Page) => page.locator('[data-testid=timeline] li[data-type=AddNote] .detail').allTextContents();
  // A was left in English by the test before, B speaks Chinese.
  const slowNote = new Map([[a, '(device clock 3 h slow)'], [b, '（本机时钟慢 3 小时）']]);
  for (const t of [a, b]) {
    await go(t.page, `/cases/${slowCase}`);
    await expect.poll(() => t.page.locator('[data-testid=timeline] li[data-type=AddNote]').count()).toBe(2);
    expect(await notes(t.page)).toEqual([expect.stringContaining('准时台的备注'), expect.stringContaining('慢钟台的备注')]);
    expect(await t.page.locator('[data-testid=timeline] [data-testid=clock-note]').allTextContents()).toEqual([slowNote.get(t)]);
  }
  expect(await caseRow(a.page, slowCase)).toEqual(await caseRow(b.page, slowCase));
  await b.page.locator('[data-testid=timeline] [data-testid=clock-note]').scrollIntoViewIfNeeded();
  await b.page.screenshot({ path: `${SHOTS}/case-clock-note-zh.png` });
  await b.page.click('.status-bar .btn.lang');
  await expect.poll(() => b.page.textContent('[data-testid=timeline] [data-testid=clock-note]')).toBe('(device clock 3 h slow)');
  await b.page.screenshot({ path: `${SHOTS}/case-clock-note-en.png` });
  await b.page.click('.status-bar .btn.lang');
  await moveClock(b.page, 0);
});
