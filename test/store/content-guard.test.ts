/**
 * SY50–SY52, SY56: a tablet stores an item only when the server's content check takes it, the
 * check being one function on both ends, and text stored under the old NFKC rule still passes.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Fair } from '../../src/domain/fair';
import type { SyncItem } from '../../src/domain/sync-item';
import { parsePayload } from '../../src/domain/wire/payload-parsers';
import { normaliseIdentifier } from '../../src/domain/text';
import { recordComplaint } from '../../src/store/cases';
import { getDb } from '../../src/store/db';
import { createFair } from '../../src/store/fairs';
import { importExhibitors } from '../../src/store/exhibitors';
import { runWrite } from '../../src/store/transaction';
import { appendItem } from '../../src/store/local-log';
import { clerk, complaintInput, setupDevice } from './case-fixtures';
import { clock, exhibitorInput, fairInput, freshDb, resetDb } from './fixtures';

const now = clock();
let fair: Fair;
beforeEach(async () => {
  freshDb('content-guard');
  const r = await createFair(fairInput(), now());
  if (!r.ok) throw new Error('fair');
  fair = r.value;
  await setupDevice(fair, now(), 'K07');
});
afterEach(resetDb);

const counts = async (): Promise<{ items: number; outbox: number }> => ({ items: await getDb().items.count(), outbox: await getDb().outbox.count() });

describe('the content guard of the local log', () => {
  test('[SY50] an item the server would reject is refused with field errors and nothing lands', async () => {
    const before = await counts();
    const bad = { ...fair, nameZh: '展会\u202e' };
    const r = await runWrite(['fairs'], (db) => appendItem(db, { kind: 'fair', entityId: fair.id, fairId: fair.id, payload: bad }, now()));
    expect(r).toEqual({ ok: false, error: { kind: 'invalid', fields: [{ field: 'nameZh', code: 'BIDI_CONTROL', params: { char: 'U+202E', at: 2 } }] } });
    expect(await counts()).toEqual(before);
  });

  test('[SY51] what PostgreSQL cannot keep is refused even where the schema would strip it', async () => {
    const payload = { ...fair, ['x\u0000']: 1 };
    const item = { id: fair.id, fairId: fair.id, deviceId: fair.id, seq: 1, hlc: '0', at: now(), kind: 'fair', entityId: fair.id, payload } as unknown as SyncItem;
    expect(parsePayload(item)).toEqual({ ok: false, problem: { code: 'PAYLOAD_INVALID', issues: [{ path: '', code: 'NUL' }] } });
    const before = await counts();
    const r = await runWrite(['fairs'], (db) => appendItem(db, { kind: 'fair', entityId: fair.id, fairId: fair.id, payload }, now()));
    expect(r).toEqual({ ok: false, error: { kind: 'invalid', fields: [{ field: '', code: 'CONTROL_CHARACTER', params: {} }] } });
    expect(await counts()).toEqual(before);
  });

  test('[SY52] an exhibitor a looser fair admits is stored, and the server check takes its item', async () => {
    const loose = await createFair(fairInput({ code: 'CF140', settings: { booth: { hall: '^HALL[0-9]{1,2}$', stand: '^[A-Z]{1,2}-[0-9]{1,3}-[0-9]{1,2}$' } } }), now());
    if (!loose.ok) throw new Error('fair');
    const r = await importExhibitors(loose.value.id, [exhibitorInput(1, { booths: [{ hall: 'hall12', stand: 'ab-123-45' }] })], now());
    expect(r).toEqual({ ok: true, value: { imported: 1 } });
    const items = (await getDb().items.toArray()).filter((i) => i.kind === 'exhibitor');
    expect(items.map((i) => parsePayload(i).ok)).toEqual([true]);
  });

  test('[SY56] text stored under the old NFKC rule still passes the server check unchanged', async () => {
    const typed = '折叠椅（型号Ａ１），黑色；';
    const r = await recordComplaint(complaintInput(fair, now(), { accusedItems: [{ description: typed, evidenceIds: [] }] }), clerk, now());
    expect(r.ok).toBe(true);
    const [item] = (await getDb().items.toArray()).filter((i) => i.kind === 'case_event');
    if (item === undefined) throw new Error('no item');
    // As typed under the new rule (NFC keeps the full-width punctuation).
    expect(JSON.stringify(item.payload)).toContain(typed);
    // The same item as an earlier version stored it: NFKC-folded.
    const old = JSON.parse(JSON.stringify(item).split(typed).join(normaliseIdentifier(typed))) as SyncItem;
    expect(JSON.stringify(old.payload)).toContain('折叠椅(型号A1),黑色;');
    const parsed = parsePayload(old);
    expect(parsed.ok).toBe(true);
    expect(JSON.stringify(parsed.ok && parsed.data)).toContain('折叠椅(型号A1),黑色;');
  });
});
