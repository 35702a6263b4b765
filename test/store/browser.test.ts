/**
 * The store in Debian's Chromium, where fake-indexeddb cannot speak for the browser
 * on durability and upgrade paths: a real quota failure, a save that
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
import { V2_BLOB_TEXT } from './schema-v2-rows';
import { clerk, complaintInput } from './case-fixtures';

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

/** No clean shutdown: SIGKILL every process of this browser (found by its own profile dir). */
async function killBrowser(context: BrowserContext, dir: string): Promise<void> {
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
  await context.close().catch(() => undefined);
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
      await killBrowser(first, dir);
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

  test('a complaint with a photo that has resolved survives the browser being killed', async () => {
    await withProfile(async (launch, dir) => {
      const first = await launch();
      const page = await first.newPage();
      await openStore(page, 'complaint');
      const saved = await page.evaluate(async ({ fair, now, complaint, actor }) => {
        const s = window.faircase;
        if (s === undefined) throw new Error('no store');
        const f = await s.fairs.createFair(fair, now as never);
        if (!f.ok) throw new Error('fair');
        await s.device.saveDevice({ name: 'Desk 1', shortCode: 'K07', fairId: f.value.id }, now as never);
        // A real JPEG from a canvas, as the camera screen makes it.
        const canvas = new OffscreenCanvas(400, 300);
        const g = canvas.getContext('2d');
        if (g === null) throw new Error('no 2d');
        g.fillStyle = '#c33';
        g.fillRect(0, 0, 400, 300);
        g.fillStyle = '#fff';
        g.fillText('折叠椅 A1', 20, 40);
        const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
        const ev = await s.evidence.storeEvidence(jpeg, { kind: 'photo', mime: 'image/jpeg', capturedAt: now as never, fairId: f.value.id }, now as never);
        if (!ev.ok) throw new Error('evidence');
        const digest = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', await jpeg.arrayBuffer())), (b) => b.toString(16).padStart(2, '0')).join('');
        const input = { ...complaint, fairId: f.value.id, accusedItems: [{ description: '折叠椅 A1', evidenceIds: [ev.value.id] }], signatureEvidenceId: ev.value.id };
        const r = await s.cases.recordComplaint(input as never, actor as never, now as never);
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        return { fairId: f.value.id, caseNo: r.value.cases[0]?.caseNo, evidenceId: ev.value.id, sha: ev.value.sha256, digest };
      }, { fair: fairInput(), now: NOW, complaint: complaintInput({ id: 'X' } as never, NOW as never), actor: clerk });
      expect(saved.sha).toBe(saved.digest);
      await killBrowser(first, dir);
      const second = await launch();
      const again = await second.newPage();
      await openStore(again, 'complaint');
      const found = await again.evaluate(async ({ fairId, evidenceId }) => {
        const s = window.faircase;
        if (s === undefined) throw new Error('no store');
        const ev = await s.evidence.getEvidence(evidenceId);
        const blob = ev === undefined ? undefined : await s.evidence.getBlob(ev.sha256);
        const digest = blob === undefined ? '' : Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())), (b) => b.toString(16).padStart(2, '0')).join('');
        return { rows: (await s.cases.listCaseRows(fairId)).map((r) => r.caseNo), digest, outbox: await s.outbox.unsyncedCount() };
      }, saved);
      // The fair, the photo's record and the case: three items still waiting for sync.
      expect(found).toEqual({ rows: [saved.caseNo], digest: saved.sha, outbox: 3 });
      await second.close();
    });
  }, SLOW);

  test('[P3] seedCases makes the board’s 10,000 cases in Chromium, numbered gap-free, and the board reads them back', async () => {
    const page = await browser.newPage();
    await openStore(page, 'seed-10k');
    const seen = await page.evaluate(async ({ fair, now }) => {
      const s = window.faircase;
      if (s === undefined) throw new Error('no store');
      const f = await s.fairs.createFair(fair, now as never);
      if (!f.ok) throw new Error('fair');
      await s.device.saveDevice({ name: 'Bench', shortCode: 'K07', fairId: f.value.id }, now as never);
      const t0 = performance.now();
      const seeded = await s.seed.seedCases(f.value.id, 10_000, now as never, { batch: 1000, mixStates: true });
      const seedMs = performance.now() - t0;
      const t1 = performance.now();
      const rows = await s.cases.listCaseRows(f.value.id);
      const readMs = performance.now() - t1;
      const seqs = rows.map((r) => Number(r.caseNo.split('-')[2])).sort((a, b) => a - b);
      return { seeded: seeded.ok ? seeded.value.cases : -1, rows: rows.length, gapFree: seqs.every((n, i) => n === i + 1), open: rows.filter((r) => r.state !== 'CLOSED').length, seedMs, readMs };
    }, { fair: fairInput(), now: '2025-04-15T06:00:00.000Z' });
    expect(seen).toMatchObject({ seeded: 10_000, rows: 10_000, gapFree: true, open: 7_500 });
    console.log(`seedCases 10,000 in Chromium: ${Math.round(seen.seedMs)} ms; listCaseRows of 10,000: ${Math.round(seen.readMs)} ms`);
    await page.close();
  }, 180_000);

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
    // Blobs do not pass through `evaluate`: their rows go as text and become Blobs in the page.
    const { blobs, ...plain } = VERSION_ROWS[version] ?? {};
    const blobRows = (blobs ?? []).map((b) => ({ ...(b as object), blob: V2_BLOB_TEXT }));
    await page.evaluate(async ({ name, version, rows, blobRows }) => {
      const s = window.faircase;
      if (s === undefined) throw new Error('no store');
      const old = new s.db.FairCaseDb(name, { upTo: version });
      await old.open();
      await old.transaction('rw', old.tables, async () => {
        for (const [table, list] of Object.entries(rows)) await old.table(table).bulkPut(list as unknown[]);
        if (blobRows.length > 0) await old.table('blobs').bulkPut(blobRows.map((b) => ({ ...b, blob: new Blob([b.blob], { type: 'image/png' }) })));
      });
      old.close();
    }, { name, version, rows: plain, blobRows });
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
        exhibitors: [(await s.exhibitors.findExhibitorAtBooth(fairId, { hall: '1.1', stand: 'A01' }))?.id],
        device: (await s.device.loadDevice())?.id,
        draft: (await s.drafts.loadDraft('fair:new'))?.data,
        created: created.ok,
        seqs: (await db.items.orderBy('seq').keys()) as number[],
        photo: await (await s.evidence.getBlob((await db.evidence.toCollection().first())?.sha256 ?? ''))?.text(),
        // PS1: version 7's upgrade gave every stored case its summary row.
        summaries: (await db.caseSummaries.toArray()).map((r) => [r.id, r.state, r.respondent.booth.hall]),
      };
    }, { fairId: FAIR_ID, input: fairInput({ code: 'CF138', sessionNo: 138 }), now: '2025-04-16T01:00:00.000Z' });
    const logged = VERSION_ROWS[version]?.outbox?.length ?? 0;
    expect(seen).toEqual({
      verno: seen.latest,
      latest: seen.latest,
      fair: 'CF137',
      exhibitors: [EXHIBITOR_ID],
      device: DEVICE_ID,
      draft: { code: 'CF1' },
      created: true,
      seqs: Array.from({ length: logged + 1 }, (_, i) => i + 1),
      photo: version >= 2 ? V2_BLOB_TEXT : undefined,
      summaries: version >= 2 ? [['01M88C006KR3Z67T8XWXT0BNX1', 'RECEIVED', '1.1']] : [],
    });
    await page.close();
  }, SLOW);
});
