/**
 * One action, one transaction, also when its steps are nested async functions: the
 * store's in-transaction helpers return Dexie promises (`inWrite`), so a write after awaiting
 * one still joins the action, and a later failure takes everything back.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Fair } from '../../src/domain/fair';
import type { FairId } from '../../src/domain/ids';
import { getDb } from '../../src/store/db';
import { COMPLAINT_TABLES, ComplaintInput } from '../../src/store/cases';
import { fileComplaints } from '../../src/store/complaint-write';
import { fail, runWrite } from '../../src/store/transaction';
import { appendItems } from '../../src/store/local-log';
import { clock, fairInput, freshDb, resetDb } from './fixtures';
import { clerk, complaintInput, setupDevice, setupFair } from './case-fixtures';

beforeEach(() => {
  freshDb('zone');
});
afterEach(resetDb);

const FAIR = '01JRZ8Q4W6M0000000000000F9' as FairId;
/** A fair item's payload the server would take (SY50: the log refuses any other). */
const FAIR_PAYLOAD = Fair.parse({ ...fairInput(), id: FAIR });

describe('nested steps of one write', () => {
  test('a write after awaiting a nested step that appended items stays in the action, and rolls back with it', async () => {
    const now = clock();
    const step = async (): Promise<void> => {
      await getDb().meta.get('anything');
      await appendItems(getDb(), [{ kind: 'fair', entityId: FAIR, fairId: FAIR, payload: FAIR_PAYLOAD }], now());
    };
    const ok = await runWrite(['drafts'], async (db) => {
      await step();
      await db.drafts.put({ key: 'after', form: 'f', data: 1, updatedAt: now(), public: false });
      return 'done';
    });
    expect(ok).toEqual({ ok: true, value: 'done' });
    const failed = await runWrite(['drafts'], async (db) => {
      await step();
      await db.drafts.put({ key: 'lost', form: 'f', data: 2, updatedAt: now(), public: false });
      fail('unknown', 'a later part fails');
    });
    expect(failed.ok ? undefined : failed.error.detail).toBe('a later part fails');
    expect(await getDb().items.count()).toBe(1);
    expect(await getDb().drafts.get('lost')).toBeUndefined();
  });

  test('a complaint filed with fileComplaints, then one more write, lands as one action', async () => {
    const now = clock();
    const fair = await setupFair({}, now());
    await setupDevice(fair, now());
    const parsed = ComplaintInput.parse(complaintInput(fair, now()));
    const r = await runWrite(COMPLAINT_TABLES, async (db) => {
      const [filed] = await fileComplaints(db, { fair, shortCode: 'K07' as never, actor: clerk, now: now() }, [parsed], () => undefined);
      await db.meta.put({ key: 'after-filing', value: filed?.complaintId });
      return filed?.complaintId;
    });
    expect(r.ok).toBe(true);
    expect((await getDb().meta.get('after-filing'))?.value).toBe(r.ok ? r.value : 'x');
    expect(await getDb().cases.count()).toBe(1);
  });
});
