import { describe, expect, test } from 'vitest';
import type { Fair } from '../../src/domain/fair';
import { recordComplaint } from '../../src/store/cases';
import { closeDb, getDb } from '../../src/store/db';
import { loadDevice } from '../../src/store/device';
import { knownCodes } from '../../src/store/device-codes';
import { casesSharingNumber } from '../../src/store/shared-numbers';
import { syncOnce } from '../../src/sync/http-sync';
import { loadCredentials, readSyncState } from '../../src/store/sync-state';
import { clerk, complaintInput, setupDevice, setupFair } from '../store/case-fixtures';
import { clock } from '../store/fixtures';
import { syncServer } from './server-harness';

/**
 * Device codes and one bad row (src/sync/SPEC.md SY30, SY33, SY34): real tablets (fake-indexeddb)
 * against the real server (PGlite in memory, through `app.fetch`).
 */
const server = syncServer('codes');
const fetchImpl = server.fetch;
const now = clock('2025-04-15T01:00:00.000Z');

/** Switches to tablet `name`'s database (made on first use). */
const tablet = server.useDevice;

const enrolHere = async (fairId: string, wish?: string): Promise<string> => (await server.enrolHere(fairId, 'Tablet', wish)).deviceCode;

async function file(fair: Fair): Promise<string> {
  const r = await recordComplaint(complaintInput(fair, now()), clerk, now());
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.cases[0]!.caseNo;
}

/** Tablet A makes the fair with code KA and syncs it; tablet B enrols and pulls it. */
async function twoTablets(): Promise<{ fair: Fair; a: string; b: string }> {
  tablet('A');
  const fair = await setupFair({}, now());
  await setupDevice(fair, now(), 'KA');
  expect(await enrolHere(fair.id, 'KA')).toBe('KA');
  await syncOnce({ now, fetch: fetchImpl });
  const a = (await loadCredentials())!.deviceId;
  closeDb();
  tablet('B');
  await enrolHere(fair.id);
  await syncOnce({ now, fetch: fetchImpl });
  const b = (await loadCredentials())!.deviceId;
  return { fair, a, b };
}

describe('device codes and one bad row', { timeout: 120_000 }, () => {
  test('[SY34] two tablets holding two cases with one number both sync to the end; both cases are kept, flagged CONFLICT', async () => {
    const { fair } = await twoTablets();
    // B numbers with A's code (a code given twice, as before SY30–SY33): both file offline.
    await setupDevice(fair, now(), 'KA');
    const onB = await file(fair);
    closeDb();
    tablet('A');
    const onA = await file(fair);
    expect(onA).toBe(onB);

    for (const name of ['A', 'B', 'A']) {
      closeDb();
      tablet(name);
      const synced = await syncOnce({ now, fetch: fetchImpl });
      expect(synced.push.requeued).toBe(0);
      const state = await readSyncState();
      expect(state.lastError).toBeUndefined();
      expect(await getDb().outbox.count()).toBe(0);
    }
    for (const name of ['A', 'B']) {
      closeDb();
      tablet(name);
      const cases = await getDb().cases.where('caseNo').equals(onA).toArray();
      expect(cases).toHaveLength(2);
      expect(cases.map((c) => c.flags.includes('CONFLICT'))).toEqual([true, true]);
      const rows = await getDb().caseRows.bulkGet(cases.map((c) => c.id));
      expect(rows.map((r) => r?.flags.includes('CONFLICT'))).toEqual([true, true]);
      expect((await casesSharingNumber(cases[0]!.id)).map((r) => r.id)).toEqual([cases[1]!.id]);
      // Every item of the fair arrived: the cursor is at the server's last item.
      const last = (await server.storage().pull(fair.id, 0, 1000)).cursor;
      expect((await readSyncState()).cursor).toBe(last);
    }
    // The desk goes on: the next filing on A gets the next number, unflagged.
    const next = await file(fair);
    expect(next).not.toBe(onA);
    expect((await getDb().cases.where('caseNo').equals(next).first())?.flags).not.toContain('CONFLICT');
  });

  test('[SY30] a tablet reports its own code and the codes of the case numbers it pulled', async () => {
    const { fair, a, b } = await twoTablets();
    closeDb();
    tablet('A');
    await file(fair);
    await syncOnce({ now, fetch: fetchImpl });
    closeDb();
    tablet('B');
    await syncOnce({ now, fetch: fetchImpl });
    const bCode = (await loadCredentials())!.deviceCode;
    expect(await knownCodes()).toEqual(expect.arrayContaining([{ deviceId: a, code: 'KA' }]));
    const reserved = await server.storage().sql.query<{ code: string; device_id: string }>('select code, device_id from reserved_codes where fair_id = $1 order by code, device_id', [fair.id]);
    expect(reserved).toEqual(expect.arrayContaining([{ code: 'KA', device_id: a }, { code: bCode, device_id: b }]));
    // Nothing new to report: the next run sends no report.
    const before = await server.storage().sql.query('select count(*)::int as n from reserved_codes where fair_id = $1', [fair.id]);
    await syncOnce({ now, fetch: fetchImpl });
    expect(await server.storage().sql.query('select count(*)::int as n from reserved_codes where fair_id = $1', [fair.id])).toEqual(before);
  });

  test('[SY33] a tablet given another code at enrolment numbers its new cases with it and keeps its old code among the known', async () => {
    tablet('C');
    const fair = await setupFair({}, now());
    await setupDevice(fair, now(), 'KC');
    const old = await file(fair);
    // Another device of the fair already holds KC; after a restore the server gives C a new code.
    closeDb();
    tablet('D');
    await enrolHere(fair.id, 'KC');
    closeDb();
    await server.storage().markRestored();
    tablet('C');
    const given = await enrolHere(fair.id, 'KC');
    expect(given).not.toBe('KC');
    expect((await loadDevice())?.shortCode).toBe(given);
    const fresh = await file(fair);
    expect(fresh.split('-')[1]).toBe(given);
    expect(old.split('-')[1]).toBe('KC');
    const me = (await loadCredentials())!.deviceId;
    expect(await knownCodes()).toEqual(expect.arrayContaining([{ deviceId: me, code: 'KC' }, { deviceId: me, code: given }]));
  });
});
