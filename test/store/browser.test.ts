/**
 * The store in Debian's Chromium, where fake-indexeddb cannot speak for the browser (issue 5:
 * "for durability and upgrade paths, in the real browser"): a real quota failure, a save that
 * survives the browser being killed, and the upgrade path over a real IndexedDB.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_ARGS, launchChromium } from '../support/browser';
import { CHROMIUM } from '../support/ensure-system';
import { SCHEMA_VERSIONS } from '../../src/store/db';
import { STORE_TEST_PAGE, serveRepo } from './browser/serve';
import type { ServedRepo } from './browser/serve';
import { exhibitorInput, fairInput } from './fixtures';
import { DEVICE_ID, EXHIBITOR_ID, FAIR_ID, VERSION_ROWS } from './schema-fixtures';

const SLOW = 90_000;
let served: ServedRepo;
let browser: Browser;

beforeAll(async () => {
  served = await serveRepo();
  browser = await launchChromium();
}, SLOW);
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function openStore(page: Page, db: string): Promise<void> {
  await page.goto(`${served.origin}${STORE_TEST_PAGE}?db=${encodeURIComponent(db)}`);
  await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 60_000 });
}

const NOW = '2025-04-15T01:00:00.000Z';

/** A browser with its own profile folder (launch it again to "restart" it), removed afterwards. */
async function withProfile(fn: (launch: () => Promise<BrowserContext>, dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'faircase-profile-'));
  try {
    await fn(() => chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] }), dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('in Chromium', () => {
  test('a real quota failure comes back as quota-exceeded, and nothing already stored is lost', async () => {
    // The quota override applies to a profile's own storage, not to an incognito context.
    await withProfile(async (launch) => {
      const context = await launch();
      const page = await context.newPage();
      await openStore(page, 'quota');
      // Chromium applies the override only before the origin first uses storage: 300 KB.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: served.origin, quotaSize: 300_000 });
      const fairId = await page.evaluate(async ({ input, now }) => {
        const s = window.faircase;
        if (s === undefined) throw new Error('no store');
        const r = await s.fairs.createFair(input, now as never);
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        return r.value.id;
      }, { input: fairInput(), now: NOW });
      // ~1,000 exhibitors, over a MB with their items, and a draft of 500 KB of incompressible
      // text (IndexedDB compresses values): both far over the quota.
      const rows = Array.from({ length: 1000 }, (_, i) => exhibitorInput(i + 1, { booths: [{ hall: '1.1', stand: `A${i + 1}` }] }));
      const result = await page.evaluate(async ({ fairId, rows, now }) => {
        const s = window.faircase;
        if (s === undefined) throw new Error('no store');
        // A small save still fits.
        const small = await s.drafts.saveDraft({ key: 'small', form: 'f', data: 'still typing', updatedAt: now as never, public: false });
        const imported = await s.exhibitors.importExhibitors(fairId, rows, now as never);
        const noise = crypto.getRandomValues(new Uint8Array(60_000));
        const data = Array.from({ length: 9 }, (_, k) => Array.from(noise, (x) => String.fromCharCode(33 + ((x + k) % 90))).join('')).join('');
        const big = await s.drafts.saveDraft({ key: 'big', form: 'f', data, updatedAt: now as never, public: false });
        const db = s.db.getDb();
        return {
          imported: imported.ok ? 'ok' : imported.error.kind,
          bigDraft: big.ok ? 'ok' : big.error.kind,
          smallDraft: small.ok ? 'ok' : small.error.kind,
          fairs: (await s.fairs.listFairs()).length,
          exhibitors: await db.exhibitors.count(),
          items: await db.items.count(),
          outbox: await s.outbox.unsyncedCount(),
          kept: (await s.drafts.loadDraft('small'))?.data,
        };
      }, { fairId, rows, now: NOW });
      expect(result).toEqual({ imported: 'quota-exceeded', bigDraft: 'quota-exceeded', smallDraft: 'ok', fairs: 1, exhibitors: 0, items: 1, outbox: 1, kept: 'still typing' });
      // Space again: the same import goes through, numbered right after the fair.
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: served.origin });
      const after = await page.evaluate(async ({ fairId, rows, now }) => {
        const s = window.faircase;
        if (s === undefined) throw new Error('no store');
        const r = await s.exhibitors.importExhibitors(fairId, rows, now as never);
        const seqs = (await s.db.getDb().items.orderBy('seq').keys()) as number[];
        return { ok: r.ok, last: seqs[seqs.length - 1], count: seqs.length };
      }, { fairId, rows, now: NOW });
      expect(after).toEqual({ ok: true, last: 1001, count: 1001 });
      await context.close();
    });
  }, SLOW);

  test('a save that has resolved survives the browser being killed', async () => {
    await withProfile(async (launch, dir) => {
      const first = await launch();
      const page = await first.newPage();
      await openStore(page, 'durable');
      const saved = await page.evaluate(async ({ input, now }) => {
        const s = window.faircase;
        if (s === undefined) throw new Error('no store');
        const fair = await s.fairs.createFair(input, now as never);
        const draft = await s.drafts.saveDraft({ key: 'fair:new', form: 'fair-setup', data: { code: 'CF13' }, updatedAt: now as never, public: false });
        return fair.ok && draft.ok ? fair.value.id : undefined;
      }, { input: fairInput(), now: NOW });
      expect(saved).toBeDefined();
      // No clean shutdown: SIGKILL every process of this browser (found by its own profile dir).
      const pids = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
        .split('\n')
        .filter((line) => line.includes(dir))
        .map((line) => Number(line.trim().split(/\s+/)[0]))
        .filter((pid) => Number.isInteger(pid) && pid > 0);
      expect(pids.length).toBeGreaterThan(0);
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone with its parent
        }
      }
      await first.close().catch(() => undefined);
      const second = await launch();
      const again = await second.newPage();
      await openStore(again, 'durable');
      const found = await again.evaluate(async (id) => {
        const s = window.faircase;
        if (s === undefined) throw new Error('no store');
        return {
          fair: (await s.fairs.getFair(id ?? ''))?.code,
          draft: (await s.drafts.loadDraft('fair:new'))?.data,
          outbox: await s.outbox.unsyncedCount(),
        };
      }, saved);
      expect(found).toEqual({ fair: 'CF137', draft: { code: 'CF13' }, outbox: 1 });
      await second.close();
    });
  }, SLOW);

  test('every write transaction asks IndexedDB for strict durability', async () => {
    const page = await browser.newPage();
    await openStore(page, 'durability');
    const durability = await page.evaluate(async () => {
      const s = window.faircase;
      if (s === undefined) throw new Error('no store');
      const db = s.db.getDb();
      return db.transaction('rw', db.meta, (tx) => tx.idbtrans.durability);
    });
    expect(durability).toBe('strict');
    await page.close();
  }, SLOW);

  test.each(SCHEMA_VERSIONS.map((v) => v.version))('a database left by version %i opens with the latest schema in Chromium', async (version) => {
    const page = await browser.newPage();
    const name = `upgrade-${version}`;
    await openStore(page, name);
    await page.evaluate(async ({ name, version, rows }) => {
      const s = window.faircase;
      if (s === undefined) throw new Error('no store');
      const old = new s.db.FairCaseDb(name, { upTo: version });
      await old.open();
      await old.transaction('rw', old.tables, async () => {
        for (const [table, list] of Object.entries(rows)) await old.table(table).bulkPut(list as unknown[]);
      });
      old.close();
    }, { name, version, rows: VERSION_ROWS[version] ?? {} });
    await page.reload(); // the new app version starts
    await page.waitForFunction(() => document.title === 'ready');
    const seen = await page.evaluate(async ({ fairId, input, now }) => {
      const s = window.faircase;
      if (s === undefined) throw new Error('no store');
      const created = await s.fairs.createFair(input, now as never);
      const db = s.db.getDb();
      return {
        verno: db.verno,
        latest: s.db.LATEST_VERSION,
        fair: (await s.fairs.getFair(fairId))?.code,
        exhibitors: (await s.exhibitors.findExhibitors(fairId, 'A01')).map((e) => e.id),
        device: (await s.device.loadDevice())?.id,
        draft: (await s.drafts.loadDraft('fair:new'))?.data,
        created: created.ok,
        seqs: (await db.items.orderBy('seq').keys()) as number[],
      };
    }, { fairId: FAIR_ID, input: fairInput({ code: 'CF138', sessionNo: 138 }), now: '2025-04-16T01:00:00.000Z' });
    expect(seen).toEqual({ verno: seen.latest, latest: seen.latest, fair: 'CF137', exhibitors: [EXHIBITOR_ID], device: DEVICE_ID, draft: { code: 'CF1' }, created: true, seqs: [1, 2, 3] });
    await page.close();
  }, SLOW);
});
