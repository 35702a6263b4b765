/**
 * Exhibitors: import is all or nothing and refuses a duplicate booth; hand edits keep the
 * record's origin; search by booth, name or USCC prefix.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { exhibitorKey } from '../../src/domain/exhibitor';
import type { Fair } from '../../src/domain/fair';
import { getDb } from '../../src/store/db';
import { createFair } from '../../src/store/fairs';
import { DUPLICATE_BOOTH, findExhibitorAtBooth, findExhibitorsNamed, getExhibitor, importExhibitors, listExhibitors, saveExhibitor } from '../../src/store/exhibitors';
import type { Instant } from '../../src/domain/time';
import { clock, exhibitorInput, fairInput, freshDb, resetDb, uscc } from './fixtures';

let now: () => Instant;
let fair: Fair;
beforeEach(async () => {
  freshDb('exhibitors');
  now = clock();
  const r = await createFair(fairInput(), now());
  if (!r.ok) throw new Error('fair');
  fair = r.value;
});
afterEach(resetDb);

const stored = async () => ({ exhibitors: await getDb().exhibitors.count(), items: await getDb().items.count(), outbox: await getDb().outbox.count() });

describe('importExhibitors', () => {
  test('imports every exhibitor with its item in one action', async () => {
    const r = await importExhibitors(fair.id, [exhibitorInput(1), exhibitorInput(2), exhibitorInput(3)], now());
    expect(r).toEqual({ ok: true, value: { imported: 3 } });
    const list = await listExhibitors(fair.id);
    expect(list.map((e) => e.booths[0]?.stand)).toEqual(['A01', 'A02', 'A03']);
    expect(list.every((e) => e.fairId === fair.id)).toBe(true);
    // [RP1] the key follows the USCC
    expect(exhibitorKey(list[0] as (typeof list)[number])).toBe(`CN:${uscc(1)}`);
    const items = await getDb().items.where('entityId').anyOf(list.map((e) => e.id)).toArray();
    expect(items.map((i) => i.kind)).toEqual(['exhibitor', 'exhibitor', 'exhibitor']);
    expect(await stored()).toEqual({ exhibitors: 3, items: 4, outbox: 4 });
  });

  test('one bad row refuses the whole import, with the row in the field path', async () => {
    const bad = exhibitorInput(2, { nameZh: '', uscc: `${uscc(2).slice(0, 17)}0` });
    const r = await importExhibitors(fair.id, [exhibitorInput(1), bad, exhibitorInput(3)], now());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('invalid');
    const fields = (r.error.fields ?? []).map((f) => `${f.field}:${f.code}`);
    expect(fields).toContain('1.nameZh:REQUIRED');
    expect(fields.some((f) => f.startsWith('1.uscc:'))).toBe(true);
    expect(fields.every((f) => f.startsWith('1.'))).toBe(true);
    expect(await stored()).toEqual({ exhibitors: 0, items: 1, outbox: 1 });
  });

  test('a booth twice in the file refuses the import', async () => {
    const dup = exhibitorInput(2, { booths: [{ hall: '1.1', stand: 'a01' }] }); // same booth after upper-casing
    const r = await importExhibitors(fair.id, [exhibitorInput(1), dup], now());
    expect(r.ok ? [] : r.error.fields).toEqual([{ field: '1.booths.0', code: DUPLICATE_BOOTH, params: { booth: '1.1/A01', in: 'import', row: 0 } }]);
    expect((await stored()).exhibitors).toBe(0);
  });

  test('a booth already taken in this fair refuses the import; another fair may use it', async () => {
    expect((await importExhibitors(fair.id, [exhibitorInput(1)], now())).ok).toBe(true);
    const r = await importExhibitors(fair.id, [exhibitorInput(5), exhibitorInput(6, { booths: [{ hall: '1.1', stand: 'A01' }] })], now());
    expect(r.ok ? [] : r.error.fields).toEqual([{ field: '1.booths.0', code: DUPLICATE_BOOTH, params: { booth: '1.1/A01', in: 'fair' } }]);
    expect((await stored()).exhibitors).toBe(1);
    const other = await createFair(fairInput({ code: 'CF138', sessionNo: 138 }), now());
    if (!other.ok) throw new Error('fair');
    expect((await importExhibitors(other.value.id, [exhibitorInput(1)], now())).ok).toBe(true);
  });

  test('booths are checked against the fair’s own patterns', async () => {
    const strict = await createFair(fairInput({ code: 'CF139', settings: { booth: { hall: '^[0-9]{1,2}$', stand: '^[A-Z][0-9]{2}$' } } }), now());
    if (!strict.ok) throw new Error('fair');
    const r = await importExhibitors(strict.value.id, [exhibitorInput(1)], now()); // hall 1.1 not allowed here
    expect(r.ok ? [] : r.error.fields).toContainEqual(expect.objectContaining({ field: '0.booths.0.hall', code: 'INVALID_FORMAT' }));
  });

  test('[VA6] a fair’s own looser patterns admit booths the default patterns refuse', async () => {
    const loose = await createFair(fairInput({ code: 'CF140', settings: { booth: { hall: '^HALL[0-9]{1,2}$', stand: '^[A-Z]{1,2}-[0-9]{1,3}-[0-9]{1,2}$' } } }), now());
    if (!loose.ok) throw new Error('fair');
    const booth = { hall: 'hall12', stand: 'ab-123-45' }; // HALL12 is 6 chars: the default hall allows 4
    const r = await importExhibitors(loose.value.id, [exhibitorInput(1, { booths: [booth] })], now());
    expect(r).toEqual({ ok: true, value: { imported: 1 } });
    expect((await listExhibitors(loose.value.id))[0]?.booths).toEqual([{ hall: 'HALL12', stand: 'AB-123-45' }]);
    const edit = await saveExhibitor(loose.value.id, exhibitorInput(2, { booths: [{ hall: 'HALL3', stand: 'C-1-1' }] }), now());
    expect(edit.ok).toBe(true);
    // The same booth in a fair with the default patterns is refused.
    const r2 = await importExhibitors(fair.id, [exhibitorInput(1, { booths: [booth] })], now());
    expect(r2.ok ? [] : r2.error.fields?.map((f) => f.field)).toEqual(['0.booths.0.hall', '0.booths.0.stand']);
  });

  test('an empty list imports nothing and records nothing', async () => {
    expect(await importExhibitors(fair.id, [], now())).toEqual({ ok: true, value: { imported: 0 } });
    expect(await stored()).toEqual({ exhibitors: 0, items: 1, outbox: 1 });
  });

  test('an unknown fair is not-found', async () => {
    const r = await importExhibitors('01JS0000000000000000000000', [exhibitorInput(1)], now());
    expect(r.ok ? undefined : r.error.kind).toBe('not-found');
  });
});

describe('saveExhibitor', () => {
  test('adds by hand, then edits in place keeping createdAt', async () => {
    const created = await saveExhibitor(fair.id, exhibitorInput(7), now());
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const edited = await saveExhibitor(fair.id, { ...exhibitorInput(7), id: created.value.id, nameZh: '改名公司' }, now());
    if (!edited.ok) throw new Error(JSON.stringify(edited.error));
    expect(edited.value.createdAt).toBe(created.value.createdAt);
    expect((await getExhibitor(created.value.id))?.nameZh).toBe('改名公司');
    expect(await listExhibitors(fair.id)).toHaveLength(1);
    const items = await getDb().items.where('entityId').equals(created.value.id).toArray();
    expect(items.map((i) => i.seq)).toEqual([2, 3]);
  });

  test('keeping its own booth is fine; taking another exhibitor’s booth is refused', async () => {
    await importExhibitors(fair.id, [exhibitorInput(1), exhibitorInput(2)], now());
    const [first] = await listExhibitors(fair.id);
    if (first === undefined) throw new Error('list');
    expect((await saveExhibitor(fair.id, { ...exhibitorInput(1), id: first.id, nameEn: 'Renamed' }, now())).ok).toBe(true);
    const r = await saveExhibitor(fair.id, { ...exhibitorInput(1), id: first.id, booths: [{ hall: '1.1', stand: 'A02' }] }, now());
    expect(r.ok ? [] : r.error.fields).toEqual([{ field: 'booths.0', code: DUPLICATE_BOOTH, params: { booth: '1.1/A02', in: 'fair' } }]);
  });
});

describe('finding an exhibitor', () => {
  beforeEach(async () => {
    await importExhibitors(
      fair.id,
      [
        exhibitorInput(1, { nameZh: '华为技术有限公司', nameEn: 'Huawei Technologies' }),
        exhibitorInput(2, { nameZh: '美的集团', nameEn: 'Midea Group', booths: [{ hall: '2.2', stand: 'B10' }] }),
        exhibitorInput(3, { nameZh: '华帝股份', nameEn: undefined, booths: [{ hall: '2.2', stand: 'B11' }] }),
      ],
      now(),
    );
  });
  test('[SY94] exhibitors are indexed by fair and booth only; a booth and an exact name are still found', async () => {
    expect(getDb().exhibitors.schema.indexes.map((i) => i.name)).toEqual(['fairId', 'boothKeys']);
    expect((await getDb().exhibitors.toArray()).map((r) => Object.keys(r).includes('search'))).toEqual([false, false, false]);
    expect((await findExhibitorAtBooth(fair.id, { hall: '2.2', stand: 'B11' }))?.nameZh).toBe('华帝股份');
    expect(await findExhibitorAtBooth(fair.id, { hall: '2.2', stand: 'B1' })).toBeUndefined();
    expect((await findExhibitorsNamed(fair.id, 'Midea Group')).map((e) => e.nameZh)).toEqual(['美的集团']);
    expect((await findExhibitorsNamed(fair.id, '华帝股份')).map((e) => e.nameZh)).toEqual(['华帝股份']);
    expect(await findExhibitorsNamed(fair.id, '华')).toEqual([]);
  });
});
