import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { RECORD_KINDS, type SyncItem } from '../../src/domain/sync-item';
import { BUNDLE_ERROR_CODES } from '../../src/domain/wire/bundle';
import { getDb, TABLE_NAMES } from '../../src/store/db';
import { importBundle } from '../../src/sync/bundle/import-bundle';
import { setupDevice, setupFair } from '../store/case-fixtures';
import { clock, freshDb, resetDb } from '../store/fixtures';
import { forgeBundle } from '../sync/bundle-forge';
import { makeItem, newId } from '../server/support';
import { hostileJson } from './arbitraries';

/**
 * Hostile input: the bundle file on the tablet (`importBundle`, BN8–BN11) on the real store
 * (fake-indexeddb): 1,000 hostile files (random bytes, zip-slip names) change nothing and answer
 * a bundle code; 1,000 well-formed bundles from another tablet of the fair whose items carry
 * hostile payloads of every record kind never throw, and answer either the import or a code.
 */
const now = clock();
const KNOWN: ReadonlySet<string> = new Set([...BUNDLE_ERROR_CODES, 'BUNDLE_STORE']);
let fairId = '';
const otherDevice = newId();

beforeAll(async () => {
  freshDb('hostile-bundle');
  const fair = await setupFair({}, now());
  await setupDevice(fair, now(), 'K07');
  fairId = fair.id;
});
afterAll(resetDb);

/** Every table, as row counts and rows (blobs by hash and size). */
async function tables(): Promise<string> {
  const db = getDb();
  const out: Record<string, unknown> = {};
  for (const name of TABLE_NAMES) {
    const rows = (await db.table(name).toArray()) as Record<string, unknown>[];
    out[name] = name === 'blobs' ? rows.map((r) => [r.sha256, r.bytes]) : rows;
  }
  return JSON.stringify(out);
}

const SLIP = ['../x', '/etc/x', 'C:\\x', 'a/../../x', 'blobs/../../x', 'x\u0000'];

describe('hostile bundles on the tablet', () => {
  test('1,000 files that are not bundles (random bytes, zip-slip names): a code, nothing changed', async () => {
    const before = await tables();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2048 }),
          fc.uint8Array({ maxLength: 256 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
          fc.tuple(fc.constantFrom(...SLIP), fc.string({ maxLength: 6 })).map(([a, b]) => forgeBundle({ fairId, deviceId: otherDevice, items: [], extra: { [a + b]: strToU8('evil') } })),
          fc.constant(zipSync({ 'manifest.json': strToU8('{"format":') })),
        ),
        async (data) => {
          const r = await importBundle(data);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(KNOWN.has(r.error.code), r.error.code).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
    expect(await tables()).toBe(before);
  }, 240_000);

  test('1,000 bundles from another tablet whose items carry hostile payloads of every kind: never a throw', async () => {
    let seq = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...RECORD_KINDS), hostileJson), { minLength: 1, maxLength: 3 }), async (specs) => {
        const items: SyncItem[] = specs.map(([kind, payload]) => ({ ...makeItem({ deviceId: otherDevice, fairId }, ++seq), kind, payload }));
        const r = await importBundle(forgeBundle({ fairId, deviceId: otherDevice, items }));
        if (!r.ok) expect(KNOWN.has(r.error.code), r.error.code).toBe(true);
      }),
      { numRuns: 1000 },
    );
  }, 240_000);
});
