import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { SyncItem } from '../../src/domain/sync-item';
import { startServer, type RunningServer } from '../../src/server/server';
import { launchChromium } from '../support/browser';
import { makeFair, ulidOf } from '../support/builders';
import { exhibitor } from '../domain/report/session-builder';
import { enrol } from '../server/support';
import { go, newKiosk, waitForShell } from './support/kiosk';
import { storedRows } from './support/desk-b';
import { enrolTablet } from './support/sync-tablets';

/**
 * A new tablet's first sync (SY87) in Chromium against the real server: the page is closed in
 * the middle of the snapshot and opened again; the sync goes on from where it stood and the
 * tablet holds what a second, clean tablet holds, as many exhibitors as the server; the progress
 * bar shows and finishes, and the status bar says records are still coming until it has. Screenshots of the sync screen in both languages go to
 * /tmp/faircase-shots.
 */
const SHOTS = '/tmp/faircase-shots';
const EXHIBITORS = 12_000;
let server: RunningServer;
let browser: Browser;
let organizerId = '';
const fair = makeFair();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ port: 0, host: '127.0.0.1', distDir: resolve('dist') });
  organizerId = (await server.storage.createUser({ name: 'organizer-first-sync', password: 'correct horse battery', role: 'organizer' })).userId;
  // Another tablet of the fair recorded the fair and its exhibitors; the server holds them.
  const source = await enrol(server.storage, fair.id);
  const items: SyncItem[] = [fair, ...Array.from({ length: EXHIBITORS }, (_, k) => exhibitor(k + 1, { booths: [{ hall: '2.1', stand: `C${k + 1}` }] }, fair))].map(
    (payload, k) =>
      ({
        id: ulidOf(k + 1, '01Y'), fairId: fair.id, deviceId: source.deviceId, seq: k + 1, hlc: `${String(Date.now() + k).padStart(15, '0')}-0000-N1`, at: new Date().toISOString(),
        kind: k === 0 ? 'fair' : 'exhibitor', entityId: payload.id, payload,
      }) as unknown as SyncItem,
  );
  for (let k = 0; k < items.length; k += 1000) {
    const pushed = await server.storage.push({ deviceId: source.deviceId, fairId: fair.id }, items.slice(k, k + 1000), Date.now());
    if (pushed.kind !== 'pushed') throw new Error(pushed.kind);
  }
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const exhibitorIds = async (page: Page): Promise<string[]> => (await storedRows<{ id: string }>(page, 'exhibitors')).map((e) => e.id).sort();
const snapshotMark = async (page: Page): Promise<unknown> => (await storedRows<{ key: string; value: unknown }>(page, 'meta')).find((m) => m.key === 'sync.snapshot')?.value;

test('[SY87] a first sync closed in the middle goes on after reopening and ends as a clean one; its progress bar shows and finishes, the status bar saying records are still coming meanwhile', { timeout: 600_000 }, async () => {
  const tablet = await newKiosk(browser);
  await tablet.page.goto(server.url);
  await waitForShell(tablet.page);
  await enrolTablet(tablet.page, server, organizerId, fair.id, 'desk');
  // The bar shows while the snapshot runs; the page is closed once part of it has landed.
  await tablet.page.waitForSelector('[data-testid=first-sync][data-done=no]', { timeout: 120_000 });
  await tablet.page.screenshot({ path: `${SHOTS}/first-sync-zh.png` });
  await expect.poll(() => snapshotMark(tablet.page), { timeout: 120_000 }).toBeDefined();
  await tablet.page.close();
  const again = await tablet.context.newPage();
  await again.goto(`${server.url}/sync`);
  await waitForShell(again);
  await again.waitForSelector('[data-testid=first-sync-shell]', { timeout: 120_000 });
  // Nothing waits to be sent, but the fair's records are still coming: not "all synced" yet.
  const status = await again.evaluate(() => ({
    bar: document.querySelector('[data-testid=first-sync-shell]') !== null,
    text: document.querySelector('[data-testid=status-unsynced]')?.textContent,
  }));
  expect(status).toEqual({ bar: true, text: '正在接收展会数据…' });
  await again.click('[data-testid=language-switch]').catch(() => undefined);
  await again.screenshot({ path: `${SHOTS}/first-sync-en.png` });
  await again.waitForSelector('[data-testid=first-sync][data-done=yes]', { timeout: 300_000 });
  await again.screenshot({ path: `${SHOTS}/first-sync-done.png` });
  expect(await again.isVisible('[data-testid=first-sync-shell]')).toBe(false);
  expect(await again.textContent('[data-testid=status-unsynced]')).toBe('All synced');
  expect(await snapshotMark(again)).toBeUndefined();
  const resumed = await exhibitorIds(again);
  expect(resumed).toHaveLength(EXHIBITORS);
  await tablet.context.close();

  // A second tablet, never interrupted, holds the same exhibitors.
  const clean = await newKiosk(browser);
  await clean.page.goto(server.url);
  await waitForShell(clean.page);
  await enrolTablet(clean.page, server, organizerId, fair.id, 'desk');
  await clean.page.waitForSelector('[data-testid=first-sync][data-done=yes]', { timeout: 300_000 });
  expect(await exhibitorIds(clean.page)).toEqual(resumed);
  await go(clean.page, '/exhibitors');
  await clean.context.close();
});
