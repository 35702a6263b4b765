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
import { findExhibitorAtBooth, importExhibitors, listExhibitors } from '../../src/store/exhibitors';
import { exhibitorSearchIndex, listExhibitorsForSearch, searchExhibitors } from '../../src/store/exhibitor-search';
import { createFair, getFair } from '../../src/store/fairs';
import { unsyncedCount } from '../../src/store/outbox';
import { applyCaseCommand, caseEvents, getCase, listCaseRows, recordComplaint } from '../../src/store/cases';
import { currentCommitmentOf, listCommitments } from '../../src/store/commitments';
import { consultationTally } from '../../src/store/consultations';
import { getBlob, getEvidence } from '../../src/store/evidence';
import { listUsers, verifyPin } from '../../src/store/users';
import type { Fair } from '../../src/domain/fair';
import { clerk, complaintInput, respondent } from './case-fixtures';
import { V2_BLOB_TEXT, V2_USER_PIN } from './schema-v2-rows';
import { clock, exhibitorInput, fairInput, freshDb, resetDb } from './fixtures';
import { allCaseEvents } from '../../src/store/apply-pulled';
import { fromRecord } from '../../src/store/case-rows';
import { toSummaryRow } from '../../src/store/case-summaries';
import { APPLIED_VERSION, DEVICE_ID, EXHIBITOR_ID, FAIR_ID, ORPHAN_CASE_ID, ORPHAN_EVENT, VERSION_ROWS } from './schema-fixtures';
import type { VersionRows } from './schema-fixtures';

/** Writes a version's rows through a database opened at that version. */
async function seed(db: FairCaseDb, rows: VersionRows): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const [table, list] of Object.entries(rows)) await db.table(table).bulkPut([...list]);
  });
}

/** What every fixture must still give through today's store API after the upgrade. */
async function checkLatest(version: number): Promise<void> {
  const rows = VERSION_ROWS[version] ?? {};
  const logged = rows.outbox?.length ?? 0;
  expect((await getFair(FAIR_ID))?.code).toBe('CF137');
  expect((await listExhibitors(FAIR_ID)).map((e) => e.id)).toEqual([EXHIBITOR_ID]);
  // SY94: no `search` index since version 8; the app's search finds the exhibitor, and a row written before keeps its `search` keys to itself.
  const search = exhibitorSearchIndex(await listExhibitorsForSearch(FAIR_ID));
  for (const text of ['a01', '福州']) expect(searchExhibitors(search, text, 50).found.map((e) => e.id)).toEqual([EXHIBITOR_ID]);
  expect((await findExhibitorAtBooth(FAIR_ID, { hall: '1.1', stand: 'A01' }))?.id).toBe(EXHIBITOR_ID);
  expect(getDb().exhibitors.schema.indexes.map((i) => i.name)).toEqual(['fairId', 'boothKeys']);
  expect(Object.keys((await listExhibitors(FAIR_ID))[0] ?? {})).not.toContain('search');
  expect(await loadDevice()).toMatchObject({ id: DEVICE_ID, shortCode: 'K07', fairId: FAIR_ID });
  expect(await loadLanguage()).toBe('en');
  expect((await loadDraft('fair:new'))?.data).toEqual({ code: 'CF1' });
  expect(await unsyncedCount()).toBe(logged);
  // The log goes on where the old version left it: same device, next seq, a later HLC.
  const now = clock('2025-04-16T01:00:00.000Z');
  expect((await createFair(fairInput({ code: 'CF138', sessionNo: 138 }), now())).ok).toBe(true);
  expect((await importExhibitors(FAIR_ID, [exhibitorInput(2)], now())).ok).toBe(true);
  // The old booth is still taken.
  const dup = await importExhibitors(FAIR_ID, [exhibitorInput(3, { booths: [{ hall: '1.1', stand: 'A01' }] })], now());
  expect(dup.ok ? undefined : dup.error.kind).toBe('invalid');
  // A complaint on the old fair and device numbers on from the old sequence (CN2).
  const fair = await getFair(FAIR_ID);
  if (fair === undefined) throw new Error('fair');
  const during = clock('2025-04-15T03:00:00.000Z');
  const filed = await recordComplaint(complaintInput(fair, during(), { respondents: [respondent(7)] }), clerk, during());
  const lastCaseSeq = (rows.meta?.find((m) => (m as { key: string }).key === `caseSeq|${FAIR_ID}`) as { value: number } | undefined)?.value ?? 0;
  expect(filed.ok ? filed.value.cases.map((c) => c.caseNo.split('-')[2]) : filed.error).toEqual([String(lastCaseSeq + 1).padStart(4, '0')]);
  const items = await getDb().items.orderBy('seq').toArray();
  expect(items.map((i) => i.seq)).toEqual(Array.from({ length: logged + 3 }, (_, i) => i + 1));
  expect(new Set(items.map((i) => i.deviceId))).toEqual(new Set([DEVICE_ID]));
  expect(items.every((i) => HLC_PATTERN.test(i.hlc))).toBe(true);
  expect(items.map((i) => i.hlc)).toEqual([...items.map((i) => i.hlc)].sort());
  expect(getDb().verno).toBe(LATEST_VERSION);
  // SY34: two cases may share a number (both flagged), so the index no longer refuses one.
  expect(getDb().cases.schema.idxByName['caseNo']?.unique).toBe(false);
  if (version >= 2) await checkV2Rows(fair);
  if (version >= 3) await checkPulledEvents();
  if (version >= 4) await checkAppliedVersion();
  await checkCaseSummaries(version >= 2 ? 2 : 1);
}

/**
 * PS1: every case, old or filed and moved on since the upgrade, has its summary row, equal to
 * the case's summary fields (filled by version 7's upgrade, or as version 7 wrote it).
 */
async function checkCaseSummaries(cases: number): Promise<void> {
  const records = await getDb().cases.toArray();
  expect(records.length).toBe(cases);
  expect(await getDb().caseSummaries.count()).toBe(cases);
  for (const r of records) expect(await getDb().caseSummaries.get([r.fairId, r.id])).toEqual(toSummaryRow(fromRecord(r)));
}

/** SY88: the exhibitor's applied version is on its row, not in `meta`, and no read shows it. */
async function checkAppliedVersion(): Promise<void> {
  expect((await getDb().exhibitors.get(EXHIBITOR_ID))?.applied).toEqual(APPLIED_VERSION);
  expect(await getDb().meta.get(`sync.version.${EXHIBITOR_ID}`)).toBeUndefined();
  expect(Object.keys((await listExhibitors(FAIR_ID))[0] ?? {})).not.toContain('applied');
}

/** SY80, SY81: another tablet's event kept before version 4 is still found, its case still an orphan. */
async function checkPulledEvents(): Promise<void> {
  expect((await allCaseEvents(ORPHAN_CASE_ID)).map((e) => e.id)).toEqual([ORPHAN_EVENT.id]);
  const meta = await getDb().meta.toArray();
  expect(meta.filter((m) => m.key.startsWith('pulled|') || m.key.startsWith('sync.orphan.'))).toEqual([]);
  expect(meta.find((m) => m.key === 'sync.orphans')?.value).toEqual([ORPHAN_CASE_ID]);
}

/** The desk records version 2 left: each one read back through today's API. */
async function checkV2Rows(fair: Fair): Promise<void> {
  const [user] = await listUsers();
  expect(user?.name).toBe('王芳');
  expect((await verifyPin(user?.id ?? '', V2_USER_PIN)).ok).toBe(true);
  expect((await verifyPin(user?.id ?? '', '0000')).ok).toBe(false);
  const [old] = (await listCaseRows(FAIR_ID)).filter((r) => r.caseNo.startsWith('CF137-K07-0001'));
  expect(old).toMatchObject({ state: 'RECEIVED', respondent: '福州某某公司' });
  const c = await getCase(old?.id ?? '');
  expect(c?.flags).toEqual(['NO_COMMITMENT']); // filed before the commitment was signed
  expect((await caseEvents(old?.id ?? '')).map((e) => e.type)).toEqual(['Submit']);
  const evidenceId = c?.accusedItems[0]?.evidenceIds[0] ?? '';
  const ev = await getEvidence(evidenceId);
  expect(await (await getBlob(ev?.sha256 ?? ''))?.text()).toBe(V2_BLOB_TEXT);
  expect((await currentCommitmentOf('CN:91350100M000100Y43', FAIR_ID))?.version).toBe(1);
  // SY89: a fair's commitments and a key's without a fair are found without their old indexes.
  expect((await listCommitments(FAIR_ID)).map((x) => x.version)).toEqual([1]);
  expect((await currentCommitmentOf('CN:91350100M000100Y43'))?.version).toBe(1);
  expect(getDb().commitments.schema.indexes.map((i) => i.name)).toEqual(['[fairId+exhibitorKey]']);
  expect((await consultationTally(FAIR_ID)).total).toBe(1);
  // The old case still moves on: a clerk's note is one more event.
  const noted = await applyCaseCommand(old?.id ?? '', { type: 'AddNote', payload: { text: '升级后' } }, clerk, clock('2025-04-15T03:30:00.000Z')());
  expect(noted.ok ? noted.value.notes.map((n) => n.text) : noted.error).toEqual(['升级后']);
  expect(fair.id).toBe(FAIR_ID);
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
    await checkLatest(version);
  });

  test('[SY89] a database of the version before opens with one commitment index, and finds every commitment through it', async () => {
    // The version before the one that dropped the two indexes (5).
    const before = 4;
    const name = freshDb('sy89-commitment-index');
    const old = new FairCaseDb(name, { upTo: before, indexedDB, IDBKeyRange });
    await old.open();
    await seed(old, VERSION_ROWS[before] ?? {});
    old.close();
    expect((await listCommitments(FAIR_ID)).map((x) => x.version)).toEqual([1]);
    expect((await currentCommitmentOf('CN:91350100M000100Y43', FAIR_ID))?.version).toBe(1);
    expect((await currentCommitmentOf('CN:91350100M000100Y43'))?.version).toBe(1);
    expect(getDb().commitments.schema.indexes.map((i) => i.name)).toEqual(['[fairId+exhibitorKey]']);
  });

  test('a fresh install opens at the latest version', async () => {
    freshDb('fresh');
    await getDb().open();
    expect(getDb().verno).toBe(LATEST_VERSION);
    expect(getDb().tables.map((t) => t.name).sort()).toEqual([
      'blobs',
      'caseRows',
      'caseSummaries',
      'cases',
      'commitmentPages',
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
      'pulled',
      'users',
    ]);
  });
});
