/**
 * The upgrade path: a kiosk may skip app versions between fairs, so the latest schema must open
 * a database left by ANY earlier version and keep every row usable. Each schema version has its
 * rows in schema-fixtures.ts; after opening them with the latest schema, `checkLatest` reads
 * them through today's store API and writes on. Adding version N to SCHEMA_VERSIONS without a
 * fixture fails the first test.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { HLC_PATTERN } from '../../src/domain/hlc';
import { FairCaseDb, LATEST_VERSION, SCHEMA_VERSIONS, getDb } from '../../src/store/db';
import { loadDevice, loadLanguage } from '../../src/store/device';
import { loadDraft } from '../../src/store/drafts';
import { findExhibitors, importExhibitors, listExhibitors } from '../../src/store/exhibitors';
import { createFair, getFair } from '../../src/store/fairs';
import { unsyncedCount } from '../../src/store/outbox';
import { clock, exhibitorInput, fairInput, freshDb, resetDb } from './fixtures';
import { DEVICE_ID, EXHIBITOR_ID, FAIR_ID, VERSION_ROWS } from './schema-fixtures';
import type { VersionRows } from './schema-fixtures';

/** Writes a version's rows through a database opened at that version. */
async function seed(db: FairCaseDb, rows: VersionRows): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const [table, list] of Object.entries(rows)) await db.table(table).bulkPut([...list]);
  });
}

/** What every fixture must still give through today's store API after the upgrade. */
async function checkLatest(): Promise<void> {
  expect((await getFair(FAIR_ID))?.code).toBe('CF137');
  expect((await listExhibitors(FAIR_ID)).map((e) => e.id)).toEqual([EXHIBITOR_ID]);
  expect((await findExhibitors(FAIR_ID, 'a01')).map((e) => e.id)).toEqual([EXHIBITOR_ID]);
  expect(await loadDevice()).toMatchObject({ id: DEVICE_ID, shortCode: 'K07', fairId: FAIR_ID });
  expect(await loadLanguage()).toBe('en');
  expect((await loadDraft('fair:new'))?.data).toEqual({ code: 'CF1' });
  expect(await unsyncedCount()).toBe(2);
  // The log goes on where the old version left it: same device, next seq, a later HLC.
  const now = clock('2025-04-16T01:00:00.000Z');
  expect((await createFair(fairInput({ code: 'CF138', sessionNo: 138 }), now())).ok).toBe(true);
  expect((await importExhibitors(FAIR_ID, [exhibitorInput(2)], now())).ok).toBe(true);
  // The old booth is still taken.
  const dup = await importExhibitors(FAIR_ID, [exhibitorInput(3, { booths: [{ hall: '1.1', stand: 'A01' }] })], now());
  expect(dup.ok ? undefined : dup.error.kind).toBe('invalid');
  const items = await getDb().items.orderBy('seq').toArray();
  expect(items.map((i) => i.seq)).toEqual([1, 2, 3, 4]);
  expect(new Set(items.map((i) => i.deviceId))).toEqual(new Set([DEVICE_ID]));
  expect(items.every((i) => HLC_PATTERN.test(i.hlc))).toBe(true);
  expect(items.map((i) => i.hlc)).toEqual([...items.map((i) => i.hlc)].sort());
  expect(getDb().verno).toBe(LATEST_VERSION);
}

afterEach(resetDb);

describe('schema versions', () => {
  test('versions increase and every version has an upgrade fixture', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions[0]).toBe(1);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
    for (const v of versions) expect(VERSION_ROWS[v], `fixture for version ${v}`).toBeDefined();
  });

  test.each(SCHEMA_VERSIONS.map((v) => v.version))('a database left by version %i opens with the latest schema, every row usable', async (version) => {
    const name = freshDb(`upgrade-from-${version}`);
    const old = new FairCaseDb(name, { upTo: version, indexedDB, IDBKeyRange });
    await old.open();
    expect(old.verno).toBe(version);
    const rows = VERSION_ROWS[version];
    if (rows === undefined) throw new Error(`no fixture for version ${version}`);
    await seed(old, rows);
    old.close();
    await checkLatest();
  });

  test('a fresh install opens at the latest version', async () => {
    freshDb('fresh');
    await getDb().open();
    expect(getDb().verno).toBe(LATEST_VERSION);
    expect(getDb().tables.map((t) => t.name).sort()).toEqual([
      'blobs',
      'caseRows',
      'cases',
      'commitments',
      'consultations',
      'device',
      'drafts',
      'evidence',
      'exhibitors',
      'fairs',
      'items',
      'meta',
      'outbox',
      'users',
    ]);
  });
});
