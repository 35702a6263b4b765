/**
 * The upgrade path: a kiosk may skip app versions between fairs, so the latest schema must open
 * a database left by ANY earlier version and keep every row usable. Each schema version has a
 * fixture here: rows exactly as that version stored them (frozen literals, never produced by
 * today's code) and a check run after opening with the latest schema. Adding version N to
 * SCHEMA_VERSIONS without a fixture fails the first test.
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

interface VersionFixture {
  /** Writes rows as this version stored them, through a database opened at this version. */
  seed(db: FairCaseDb): Promise<void>;
}

const FAIR_ID = '01JRZ8Q4W6M0000000000000F1';
const EXHIBITOR_ID = '01JRZ8Q4W6M0000000000000E1';
const DEVICE_ID = '01JRZ8Q4W6M0000000000000D1';
const USCC = '91350100M000100Y43';
const v1Fair = {
  id: FAIR_ID,
  code: 'CF137',
  nameZh: '第137届广交会',
  sessionNo: 137,
  days: [{ date: '2025-04-15', opensAt: '09:00', closesAt: '17:00' }],
  settings: {
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    windows: {
      acceptance: { hours: 1, clock: 'opening' },
      supplement: { hours: 24, clock: 'elapsed' },
      defence: { hours: 24, clock: 'elapsed' },
      measure: { hours: 2, clock: 'opening' },
      reviewRequest: { hours: 24, clock: 'elapsed' },
      reviewDecision: { hours: 4, clock: 'opening' },
      handover: { hours: 24, clock: 'elapsed' },
    },
    handlingMode: 'workstation',
    acceptedIpTypes: ['invention', 'utility_model', 'design', 'trademark', 'copyright'],
    rightJurisdictions: ['CN'],
    mediationAllowed: true,
    voluntaryRemovalCloses: true,
    reviewAllowed: true,
    requireBadge: false,
    requireEvaluationReport: false,
    onlineExhibition: false,
    commitmentRequired: true,
    commitmentTemplate: 'v1',
    opinionMinExperts: 1,
    repeatRule: { kind: 'national_baseline' },
    frequentComplainant: { minNotEstablished: 3, minShare: 0.5 },
    measuresEnabled: ['WITHDRAW_EXHIBIT', 'COVER', 'DETAIN', 'REMOVE_LITERATURE', 'REPLACE_BOARD'],
    refusalReasons: ['NR_INCOMPLETE', 'NR_OTHER'],
    uiLanguages: ['zh-CN', 'en'],
    noticeLanguages: ['zh-CN', 'en'],
    authorities: [],
    booth: { hall: '^[0-9A-Z]{1,4}(\\.[0-9]{1,2})?$', stand: '^[0-9A-Z]{1,6}(-[0-9A-Z]{1,4})?$' },
    unsyncedReminderHours: 4,
    publicFormIdleSeconds: 180,
  },
};
const v1Exhibitor = {
  id: EXHIBITOR_ID,
  fairId: FAIR_ID,
  nameZh: '福州某某公司',
  country: 'CN',
  uscc: USCC,
  booths: [{ hall: '1.1', stand: 'A01' }],
  contacts: [],
  createdAt: '2025-04-15T01:00:00.000Z',
  createdBy: DEVICE_ID,
  deviceId: DEVICE_ID,
  boothKeys: [`${FAIR_ID}|1.1/A01`],
  search: [`${FAIR_ID}|1.1/A01`, `${FAIR_ID}|A01`, `${FAIR_ID}|福州某某公司`, `${FAIR_ID}|${USCC}`],
};
const v1Item = (seq: number, kind: string, entityId: string, payload: unknown) => ({
  id: `01JRZ8Q4W6M00000000000000${seq}`,
  fairId: FAIR_ID,
  deviceId: DEVICE_ID,
  seq,
  hlc: `${String(Date.parse('2025-04-15T01:00:00.000Z')).padStart(15, '0')}-000${seq}-${DEVICE_ID}`,
  at: '2025-04-15T01:00:00.000Z',
  kind,
  entityId,
  payload,
});

const FIXTURES: Record<number, VersionFixture> = {
  1: {
    async seed(db) {
      const items = [v1Item(1, 'fair', FAIR_ID, v1Fair), v1Item(2, 'exhibitor', EXHIBITOR_ID, v1Exhibitor)];
      await db.transaction('rw', db.tables, async () => {
        await db.table('fairs').put(v1Fair);
        await db.table('exhibitors').put(v1Exhibitor);
        await db.table('items').bulkPut(items);
        await db.table('outbox').bulkPut(items);
        await db.table('meta').bulkPut([
          { key: 'log', value: { deviceId: DEVICE_ID, seq: 2, hlc: items[1]?.hlc } },
          { key: 'language', value: 'en' },
        ]);
        await db.table('device').put({ key: 'this', id: DEVICE_ID, name: 'Desk 1', shortCode: 'K07', fairId: FAIR_ID, language: 'en' });
        await db.table('drafts').put({ key: 'fair:new', form: 'fair-setup', data: { code: 'CF1' }, updatedAt: '2025-04-15T01:00:00.000Z', public: false });
      });
    },
  },
};

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
    for (const v of versions) expect(FIXTURES[v], `fixture for version ${v}`).toBeDefined();
  });

  test.each(SCHEMA_VERSIONS.map((v) => v.version))('a database left by version %i opens with the latest schema, every row usable', async (version) => {
    const name = freshDb(`upgrade-from-${version}`);
    const old = new FairCaseDb(name, { upTo: version, indexedDB, IDBKeyRange });
    await old.open();
    expect(old.verno).toBe(version);
    const fixture = FIXTURES[version];
    if (fixture === undefined) throw new Error(`no fixture for version ${version}`);
    await fixture.seed(old);
    old.close();
    await checkLatest();
  });

  test('a fresh install opens at the latest version', async () => {
    freshDb('fresh');
    await getDb().open();
    expect(getDb().verno).toBe(LATEST_VERSION);
    expect(getDb().tables.map((t) => t.name).sort()).toEqual(['device', 'drafts', 'exhibitors', 'fairs', 'items', 'meta', 'outbox']);
  });
});
