import { afterEach, describe, expect, test } from 'vitest';
import type { Fair } from '../../src/domain/fair';
import type { SyncItem } from '../../src/domain/sync-item';
import { openBundle } from '../../src/domain/wire/bundle-zip';
import { getCase, listCaseRows, recordComplaint } from '../../src/store/cases';
import { getDb, TABLE_NAMES } from '../../src/store/db';
import { getBlob, getEvidence, storeEvidence } from '../../src/store/evidence';
import { createFair } from '../../src/store/fairs';
import { buildBundle, type BuildProgress } from '../../src/sync/bundle/build-bundle';
import { importBundle } from '../../src/sync/bundle/import-bundle';
import { clerk, complaintInput, setupDevice, setupFair } from '../store/case-fixtures';
import { clock, fairInput, freshDb, resetDb } from '../store/fixtures';
import { corruptions, forgeBundle } from './bundle-forge';
import { must } from './pages-transport';

/**
 * The tablet's side of the bundle file (BUNDLE-SPEC.md BN8, BN10, BN11) on the real store
 * (fake-indexeddb): tablet A with no network exports, tablet B imports through the pull appliers
 * and the blob table; twice changes nothing; a corrupted bundle changes nothing.
 */
afterEach(resetDb);
const now = clock();

const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]);

/** Tablet A: a fair, its device, one complaint with a photo; nothing ever synced. */
async function tabletA(): Promise<{ fair: Fair; caseId: string; evidenceId: string; sha256: string }> {
  freshDb('bundleA');
  const fair = await setupFair({}, now());
  await setupDevice(fair, now(), 'KA');
  const filed = await must(recordComplaint(complaintInput(fair, now()), clerk, now()));
  const caseId = filed.cases[0]!.id;
  const ev = await must(storeEvidence(new Blob([PHOTO], { type: 'image/jpeg' }), { kind: 'photo', mime: 'image/jpeg', capturedAt: now(), fairId: fair.id, caseId }, now()));
  return { fair, caseId, evidenceId: ev.id, sha256: ev.sha256 };
}

/** Every table of the current database, blobs by hash and size (a Blob does not compare). */
async function snapshot(): Promise<Record<string, unknown>> {
  const db = getDb();
  const out: Record<string, unknown> = {};
  for (const name of TABLE_NAMES) {
    const rows = (await db.table(name).toArray()) as Record<string, unknown>[];
    out[name] = name === 'blobs' ? rows.map((r) => [r.sha256, r.bytes, r.mime]) : rows;
  }
  return out;
}

describe('export', { timeout: 30_000 }, () => {
  test('[BN8] the outbox and the captured files, in one ZIP; exporting frees nothing', async () => {
    const a = await tabletA();
    const outbox = await getDb().outbox.orderBy('seq').toArray();
    const progress: BuildProgress[] = [];
    const built = await must(buildBundle(now(), (p) => progress.push(p)));
    expect(built).toMatchObject({ fairId: a.fair.id, items: outbox.length, files: 1, leftOut: 0 });
    expect(built.fileName).toMatch(/^faircase-KA-\d{8}T\d{4}Z\.zip$/);
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['items', 'files', 'zip']));
    expect(progress.at(-1)).toEqual({ phase: 'zip', done: 1, total: 1 });
    const opened = openBundle(built.bytes);
    if (!opened.ok) throw new Error(opened.error.code);
    expect(opened.value.items.map((i) => i.id)).toEqual(outbox.map((i) => i.id));
    expect(opened.value.manifest).toMatchObject({ fairId: a.fair.id, deviceCode: 'KA', itemCount: outbox.length });
    expect([...opened.value.blobs.keys()]).toEqual([a.sha256]);
    // Nothing freed: the outbox and the file are still here.
    expect(await getDb().outbox.count()).toBe(outbox.length);
    expect(await getBlob(a.sha256)).toBeDefined();
  });

  test('[BN8] stops before the first item of another fair, so the server never sees a gap', async () => {
    const a = await tabletA();
    const before = await getDb().outbox.count();
    await must(createFair(fairInput({ code: 'QT7' }), now()));
    const built = await must(buildBundle(now()));
    expect(built.items).toBe(before);
    expect(built.leftOut).toBe(1);
    expect(a.fair.id).toBe(built.fairId);
  });

  test('a tablet with no fair, or nothing to send, makes no bundle', async () => {
    freshDb('bundleEmpty');
    expect(await buildBundle(now())).toEqual({ ok: false, error: { code: 'BUNDLE_NO_FAIR' } });
    const fair = await setupFair({}, now());
    await setupDevice(fair, now(), 'KE');
    await getDb().outbox.clear();
    expect(await buildBundle(now())).toEqual({ ok: false, error: { code: 'BUNDLE_EMPTY' } });
  });
});

describe('import on another tablet', { timeout: 60_000 }, () => {
  test('[BN11] tablet B sees the case, the evidence record and its file; importing twice changes nothing', async () => {
    const a = await tabletA();
    const built = await must(buildBundle(now()));
    freshDb('bundleB');
    const first = await must(importBundle(built.bytes));
    expect(first).toMatchObject({ fairId: a.fair.id, deviceCode: 'KA', own: 0, filesAdded: 1, filesHeld: 0 });
    expect(first.items).toBeGreaterThan(0);
    expect((await getCase(a.caseId))?.state).toBe('RECEIVED');
    expect((await listCaseRows(a.fair.id)).map((r) => r.id)).toEqual([a.caseId]);
    expect((await getEvidence(a.evidenceId))?.sha256).toBe(a.sha256);
    const file = await getBlob(a.sha256);
    expect(new Uint8Array(await file!.arrayBuffer())).toEqual(PHOTO);
    expect(file!.type).toBe('image/jpeg');
    // Nothing of A enters B's own log or outbox.
    expect(await getDb().outbox.count()).toBe(0);
    const once = await snapshot();
    const second = await must(importBundle(built.bytes));
    expect(second).toMatchObject({ filesAdded: 0, filesHeld: 1 });
    expect(await snapshot()).toEqual(once);
  });

  test('[BN11] a tablet importing its own bundle changes nothing', async () => {
    await tabletA();
    const built = await must(buildBundle(now()));
    const before = await snapshot();
    const summary = await must(importBundle(built.bytes));
    expect(summary.items).toBe(0);
    expect(summary.own).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });

  test('[BN11] a tablet of another fair refuses the bundle and changes nothing', async () => {
    await tabletA();
    const built = await must(buildBundle(now()));
    freshDb('bundleOtherFair');
    const mine = await setupFair({ code: 'KM2' }, now());
    await setupDevice(mine, now(), 'KM');
    const before = await snapshot();
    expect(await importBundle(built.bytes)).toEqual({ ok: false, error: { code: 'BUNDLE_WRONG_FAIR' } });
    expect(await snapshot()).toEqual(before);
  });

  test('[BN2][BN3][BN4][BN5][BN6][BN9][BN10] every corruption is refused with its code; the tablet is unchanged', async () => {
    const a = await tabletA();
    const items = (await getDb().items.orderBy('seq').toArray()) as SyncItem[];
    const deviceId = items[0]!.deviceId;
    freshDb('bundleCorrupt');
    const before = await snapshot();
    const otherFairItem = { ...items[1]!, id: '01JRZ8Q4W6M0000000000000Y9', fairId: '01JRZ8Q4W6M0000000000000F9' } as SyncItem;
    const otherDeviceItem = { ...items[1]!, id: '01JRZ8Q4W6M0000000000000X9', deviceId: '01JRZ8Q4W6M0000000000000D9' } as SyncItem;
    for (const c of corruptions({ fairId: a.fair.id, deviceId, items, otherFairItem, otherDeviceItem })) {
      const r = await importBundle(c.bytes);
      expect({ name: c.name, code: r.ok ? 'imported' : r.error.code }).toEqual({ name: c.name, code: c.code });
    }
    expect(await snapshot()).toEqual(before);
    // The same items, well formed, do import: the refusals were about the corruption.
    expect((await importBundle(forgeBundle({ fairId: a.fair.id, deviceId, items }))).ok).toBe(true);
  });
});
