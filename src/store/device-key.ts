import type { StoreResult } from './result';
import { runWrite } from './transaction';

/**
 * SY40: where the tablet keeps its identity's key pair. IndexedDB keeps a CryptoKey by
 * structured clone, so the pair lives in `meta` beside the log state; sync makes and uses it.
 */
export const DEVICE_KEY_KEY = 'sync.deviceKey';

interface StoredDeviceKey {
  /** The log's device id the pair belongs to: a new id (a wiped log) gets a new pair. */
  readonly deviceId: string;
  readonly keys: CryptoKeyPair;
}

const stored = (row: { value: unknown } | undefined, deviceId: string): CryptoKeyPair | undefined => {
  const value = row?.value as StoredDeviceKey | undefined;
  return value?.deviceId === deviceId ? value.keys : undefined;
};

/** This device's key pair, made by `make` and kept on first use. */
export async function deviceKeyPair(deviceId: string, make: () => Promise<CryptoKeyPair>): Promise<StoreResult<CryptoKeyPair>> {
  const found = await runWrite(['meta'], async (db) => stored(await db.meta.get(DEVICE_KEY_KEY), deviceId), { log: false });
  if (!found.ok || found.value !== undefined) return found as StoreResult<CryptoKeyPair>;
  // Made outside the transaction (an IndexedDB transaction ends while it awaits anything else);
  // then kept unless another tab kept one first, which then wins.
  const made = await make();
  return runWrite(
    ['meta'],
    async (db) => {
      const first = stored(await db.meta.get(DEVICE_KEY_KEY), deviceId);
      if (first !== undefined) return first;
      await db.meta.put({ key: DEVICE_KEY_KEY, value: { deviceId, keys: made } satisfies StoredDeviceKey });
      return made;
    },
    { log: false },
  );
}
