/** Device settings: setup, language (default zh-CN, remembered per device), fair selection. */
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Instant } from '../../src/domain/time';
import { closeDb, getDb } from '../../src/store/db';
import { loadDevice, loadLanguage, saveDevice, selectFair, setLanguage } from '../../src/store/device';
import { createFair } from '../../src/store/fairs';
import { clock, fairInput, freshDb, resetDb } from './fixtures';

let now: () => Instant;
beforeEach(() => {
  freshDb('device');
  now = clock();
});
afterEach(resetDb);

test('before setup: no device, language zh-CN; the switch is remembered', async () => {
  expect(await loadDevice()).toBeUndefined();
  expect(await loadLanguage()).toBe('zh-CN');
  expect((await setLanguage('en')).ok).toBe(true);
  closeDb();
  expect(await loadLanguage()).toBe('en');
});

test('[CN1] setup normalises the short code; the device id is the one its log uses', async () => {
  await setLanguage('en');
  const fair = await createFair(fairInput(), now()); // an item recorded before setup
  if (!fair.ok) throw new Error('fair');
  const r = await saveDevice({ name: ' 服务台 1 ', shortCode: 'k07' }, now());
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  expect(r.value).toMatchObject({ name: '服务台 1', shortCode: 'K07', language: 'en' });
  const [item] = await getDb().items.toArray();
  expect(item?.deviceId).toBe(r.value.id);
  expect(await loadDevice()).toEqual(r.value);
  // Saving again keeps the id.
  const again = await saveDevice({ name: 'Desk 2', shortCode: 'K08', fairId: fair.value.id }, now());
  expect(again.ok && again.value.id).toBe(r.value.id);
  expect(again.ok && again.value.fairId).toBe(fair.value.id);
});

test('[CN1] a short code outside 2–4 USCC-alphabet chars is invalid', async () => {
  for (const shortCode of ['K', 'K0789', 'KO7', 'S1']) {
    const r = await saveDevice({ name: 'Desk', shortCode }, now());
    expect(r.ok ? [] : r.error.fields?.map((f) => f.field)).toEqual(['shortCode']);
  }
  expect(await loadDevice()).toBeUndefined();
});

test('selectFair needs a set-up device and an existing fair', async () => {
  const fair = await createFair(fairInput(), now());
  if (!fair.ok) throw new Error('fair');
  expect((await selectFair(fair.value.id, now())).ok).toBe(false);
  await saveDevice({ name: 'Desk', shortCode: 'K07' }, now());
  const missing = await selectFair('01JS0000000000000000000000', now());
  expect(missing.ok ? undefined : missing.error.kind).toBe('not-found');
  const r = await selectFair(fair.value.id, now());
  expect(r.ok && r.value.fairId).toBe(fair.value.id);
  // setLanguage keeps the device row in step.
  await setLanguage('en');
  expect((await loadDevice())?.language).toBe('en');
});
