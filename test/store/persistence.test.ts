/**
 * Persistent storage is asked on the first save and remembered. Node has no
 * `navigator.storage`; the test installs a recording one, the only stand-in in these tests.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { closeDb } from '../../src/store/db';
import { saveDraft } from '../../src/store/drafts';
import { createFair } from '../../src/store/fairs';
import { requestPersistence, storageStatus } from '../../src/store/persistence';
import { clock, fairInput, freshDb, resetDb } from './fixtures';

let asked = 0;
let grant = true;
beforeEach(() => {
  freshDb('persistence');
  asked = 0;
  grant = true;
  Object.defineProperty(globalThis, 'navigator', {
    configurable: true,
    value: {
      storage: {
        persist: async () => {
          asked += 1;
          return grant;
        },
        persisted: async () => asked > 0 && grant,
        estimate: async () => ({ usage: 1234, quota: 1_000_000 }),
      },
    },
  });
});
afterEach(() => {
  resetDb();
  Reflect.deleteProperty(globalThis, 'navigator');
});

const settle = () => new Promise((r) => setTimeout(r, 20));

test('asked once, on the first save; remembered across reloads', async () => {
  const now = clock();
  const before = await storageStatus();
  expect(before).toMatchObject({ usage: 1234, quota: 1_000_000, persisted: false, supported: true });
  expect(before.asked).toBeUndefined();
  expect(asked).toBe(0);
  const first = now();
  await createFair(fairInput(), first);
  await settle();
  expect(asked).toBe(1);
  await saveDraft({ key: 'k', form: 'f', data: 1, updatedAt: now(), public: false });
  await settle();
  expect(asked).toBe(1);
  closeDb(); // a reload: memory is gone, the answer is in the database
  await createFair(fairInput({ code: 'B2' }), now());
  await settle();
  expect(asked).toBe(1);
  expect(await storageStatus()).toMatchObject({ persisted: true, asked: { askedAt: first, granted: true, supported: true } });
});

test('a refusal is recorded; the storage screen can ask again', async () => {
  grant = false;
  await createFair(fairInput(), clock()());
  await settle();
  expect((await storageStatus()).asked?.granted).toBe(false);
  grant = true;
  expect(await requestPersistence()).toBe(true);
  expect(asked).toBe(2);
  expect((await storageStatus()).asked?.granted).toBe(true);
});

test('without the Storage API: a save still works and the status says unsupported', async () => {
  Reflect.deleteProperty(globalThis, 'navigator');
  expect((await createFair(fairInput(), clock()())).ok).toBe(true);
  await settle();
  expect(await storageStatus()).toMatchObject({ usage: 0, quota: 0, persisted: false, supported: false, asked: { granted: false, supported: false } });
});
