import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/server';
import { BundleAccepted } from '../../src/domain/wire/bundle';
import { openBundle } from '../../src/domain/wire/bundle-zip';
import { tIn } from '../support/messages';
import { launchChromium } from '../support/browser';
import { EXHIBITOR_HEADER_ZH, GOOD_USCC, createFair, csvOf, go, importFile, newKiosk, setUpDevice, waitForServiceWorker, waitForShell } from './support/kiosk';
import { actAs, addUser, createFirstUser, storedRows } from './support/desk-b';
import { enrolTablet, fairDays, fileComplaint, syncNow } from './support/sync-tablets';

/**
 * The bundle file in Chromium (BUNDLE-SPEC.md BN7, BN8, BN11, BN12), against the
 * real server (its own instance on PGlite, so the test holds the organizer's account): tablet A,
 * enrolled but now with no network, files a complaint with a signature and exports a bundle from
 * the sync screen (a download); the server ingests it through the upload endpoint (twice: the
 * second is all duplicates); tablet B, offline too, imports the same file and sees the case; a
 * damaged file is refused in zh-CN and English; A back online learns from its push that the
 * server has it all.
 */
const CLERK = { name: '王文员', role: 'clerk', pin: '24680' } as const;
const FAIR_LABEL = 'CF139 · 第139届广交会';
const DIST = resolve(process.env.FAIRCASE_DIST ?? 'dist');

let server: RunningServer;
let organizerId = '';
let organizerToken = '';
let browser: Browser;
const tablets: { context: BrowserContext; page: Page }[] = [];

const upload = async (bytes: Uint8Array): Promise<BundleAccepted> => {
  const res = await fetch(`${server.url}/api/bundles`, { method: 'POST', headers: { 'content-type': 'application/zip', authorization: `Bearer ${organizerToken}` }, body: bytes as Uint8Array<ArrayBuffer> });
  expect(res.status).toBe(200);
  return BundleAccepted.parse(await res.json());
};

const serverItems = async (fairId: string): Promise<number> =>
  Number((await server.storage.sql.query<{ n: unknown }>('select count(*) as n from items where fair_id = $1', [fairId]))[0]?.n);

beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', distDir: DIST });
  organizerId = (await server.storage.createUser({ name: 'organizer-bundle', password: 'correct horse battery', role: 'organizer' })).userId;
  organizerToken = (await server.storage.login('organizer-bundle', 'correct horse battery'))!.token;
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
  for (const [i, t] of tablets.entries()) await t.page.screenshot({ path: `/tmp/fail-bundle-${i}.png` });
});
afterAll(async () => {
  for (const t of tablets) await t.context.close();
  await browser?.close();
  await server?.close();
});

test('[BN7][BN8][BN11][BN12] tablet A offline exports a bundle; the server ingests it (twice: duplicates); tablet B imports it and sees the case; a damaged file is refused in both languages', { timeout: 300_000 }, async () => {
  const [a, b] = tablets as [{ context: BrowserContext; page: Page }, { context: BrowserContext; page: Page }];
  // Before the show: A sets up the fair and is enrolled; B enrols and pulls the fair.
  await createFair(a.page, { code: 'CF139', nameZh: '第139届广交会', sessionNo: '139', days: fairDays(6) });
  await setUpDevice(a.page, '一号台', 'KA', FAIR_LABEL);
  await importFile(a.page, 'exhibitors.csv', 'text/csv', csvOf([EXHIBITOR_HEADER_ZH, ['福州某某科技有限公司', 'Fuzhou Tech', 'CN', GOOD_USCC, '', '1.1', 'A01', '', '']]));
  await a.page.click('[data-testid=import-confirm]');
  await a.page.waitForSelector('[data-testid=import-done]');
  await createFirstUser(a.page, '赵主办', '97531');
  await addUser(a.page, CLERK);
  const fairId = (await storedRows<{ id: string }>(a.page, 'fairs'))[0]?.id ?? '';
  await enrolTablet(a.page, server, organizerId, fairId, 'desk');
  await syncNow(a.page);
  await enrolTablet(b.page, server, organizerId, fairId, 'desk');
  await syncNow(b.page);
  await setUpDevice(b.page, '二号台', 'KB', FAIR_LABEL);
  const before = await serverItems(fairId);

  // The network is gone: A files a complaint and exports what the server lacks.
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await actAs(a.page, CLERK);
  const caseId = await fileComplaint(a.page);
  await go(a.page, '/sync');
  await a.page.waitForSelector('[data-testid=bundle-export]');
  const unsynced = Number(await a.page.textContent('[data-testid=sync-unsynced]'));
  expect(unsynced).toBeGreaterThan(0);
  const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.click('[data-testid=bundle-export]')]);
  expect(download.suggestedFilename()).toMatch(/^faircase-KA-\d{8}T\d{4}Z\.zip$/);
  const bytes = new Uint8Array(readFileSync(await download.path()));
  await a.page.waitForSelector('[data-testid=bundle-ok]');
  const opened = openBundle(bytes);
  if (!opened.ok) throw new Error(opened.error.code);
  expect(opened.value.items).toHaveLength(unsynced);
  expect(opened.value.manifest).toMatchObject({ fairId, deviceCode: 'KA' });
  // Exporting frees nothing.
  expect(Number(await a.page.textContent('[data-testid=sync-unsynced]'))).toBe(unsynced);

  // The server ingests it through the upload endpoint, as a push; a second upload changes nothing.
  expect(await upload(bytes)).toMatchObject({ items: unsynced, applied: unsynced, duplicates: 0 });
  const after = await serverItems(fairId);
  expect(after).toBe(before + unsynced);
  expect(await upload(bytes)).toMatchObject({ items: unsynced, applied: 0, duplicates: unsynced });
  expect(await serverItems(fairId)).toBe(after);

  // Tablet B, offline, imports the same file from the sync screen and sees the case.
  await go(b.page, '/sync');
  await b.page.setInputFiles('[data-testid=bundle-file]', { name: download.suggestedFilename(), mimeType: 'application/zip', buffer: Buffer.from(bytes) });
  await b.page.click('[data-testid=bundle-import]');
  await b.page.waitForSelector('[data-testid=bundle-ok]');
  await expect.poll(async () => (await storedRows<{ id: string; state: string }>(b.page, 'caseRows')).find((r) => r.id === caseId)?.state).toBe('RECEIVED');
  await go(b.page, `/cases/${caseId}`);
  await b.page.waitForSelector('text=北京某某科技有限公司');
  // Imported twice: nothing new.
  const rows = await storedRows(b.page, 'caseRows');
  await go(b.page, '/sync');
  await b.page.setInputFiles('[data-testid=bundle-file]', { name: 'again.zip', mimeType: 'application/zip', buffer: Buffer.from(bytes) });
  await b.page.click('[data-testid=bundle-import]');
  await b.page.waitForSelector('[data-testid=bundle-ok]');
  expect(await storedRows(b.page, 'caseRows')).toEqual(rows);

  // A damaged file: refused, said in zh-CN, then in English after a language switch.
  const damaged = Buffer.from(bytes.slice(0, Math.floor(bytes.byteLength / 2)));
  await b.page.setInputFiles('[data-testid=bundle-file]', { name: 'damaged.zip', mimeType: 'application/zip', buffer: damaged });
  await b.page.click('[data-testid=bundle-import]');
  await b.page.waitForSelector('[data-testid=bundle-error]');
  expect((await b.page.textContent('[data-testid=bundle-error]'))?.trim()).toBe(tIn('zh-CN', 'bundle.error.BUNDLE_NOT_ZIP'));
  await b.page.click('.status-bar .btn.lang');
  await expect.poll(async () => (await b.page.textContent('[data-testid=bundle-error]'))?.trim()).toBe(tIn('en', 'bundle.error.BUNDLE_NOT_ZIP'));
  await b.page.click('.status-bar .btn.lang');
  expect(await storedRows(b.page, 'caseRows')).toEqual(rows);

  // Network back: B uploads the file with its own token (duplicates); A's next push is all acknowledged.
  await b.context.setOffline(false);
  await b.page.setInputFiles('[data-testid=bundle-file]', { name: 'again.zip', mimeType: 'application/zip', buffer: Buffer.from(bytes) });
  await b.page.click('[data-testid=bundle-upload]');
  await b.page.waitForSelector('[data-testid=bundle-ok]');
  expect(await b.page.textContent('[data-testid=bundle-ok]')).toContain(`已有 ${unsynced} 条`);
  await a.context.setOffline(false);
  await syncNow(a.page);
  expect(await serverItems(fairId)).toBe(after);
});
