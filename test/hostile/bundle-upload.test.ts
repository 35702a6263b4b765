import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { zipSync, strToU8, type Zippable } from 'fflate';
import { BUNDLE_ERROR_CODES, BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, MAX_ITEMS_FILE_BYTES, type BundleManifest } from '../../src/domain/wire/bundle';
import { openBundle, packBundle } from '../../src/domain/wire/bundle-zip';
import type { SyncItem } from '../../src/domain/sync-item';
import type { Instant } from '../../src/domain/time';
import { makeItem } from '../server/support';
import { allowCodes, auth, expectRefused, openHarness, stateGuard, type Harness } from './http-harness';

/**
 * Hostile input: the bundle file (`POST /api/bundles`, BUNDLE-SPEC.md): 1,000 files of random
 * bytes, 1,000 valid bundles with bytes changed, 1,000 zips with zip-slip entry names (`../x`,
 * `/etc/x`, `C:\x`, `a/../../x`, …) beside a valid manifest, and zip bombs (a tiny entry that
 * inflates past its limit). Whatever `openBundle` refuses, the server refuses with a coded 4xx
 * and writes nothing (BN10); never a 5xx. Items whose payload the database cannot keep are
 * rejected, not a 500.
 */
let h: Harness;
beforeAll(async () => {
  h = await openHarness();
  allowCodes(BUNDLE_ERROR_CODES);
}, 120_000);
afterAll(async () => {
  await h.close();
});

const upload = async (data: Uint8Array, type = 'application/zip'): Promise<Response> =>
  h.app.request('/api/bundles', { method: 'POST', headers: { 'content-type': type, ...auth(h.desk.token) }, body: new Blob([data as Uint8Array<ArrayBuffer>]) });

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const CREATED = '2025-04-16T02:30:00.000Z' as Instant;

/** A valid bundle of the harness's desk: items past what it pushed (seq 5…), one evidence file. */
function validBundle(fromSeq = 5, count = 3): Uint8Array {
  const items: SyncItem[] = Array.from({ length: count }, (_, i) => makeItem(h.desk, fromSeq + i));
  const blob = strToU8('bundle evidence');
  return packBundle({ fairId: h.desk.fairId, deviceId: h.desk.deviceId, deviceCode: h.desk.deviceCode, createdAt: CREATED, items, blobs: [{ sha256: sha(blob), data: blob }] });
}

/** A manifest that lists `entries` truthfully (so only the names can be wrong). */
function zipWith(entries: Record<string, Uint8Array>, items: Uint8Array = new Uint8Array(0)): Uint8Array {
  const files = [{ path: 'items.jsonl', sha256: sha(items), bytes: items.byteLength }, ...Object.entries(entries).map(([path, data]) => ({ path, sha256: sha(data), bytes: data.byteLength }))];
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT, formatVersion: BUNDLE_FORMAT_VERSION, fairId: h.desk.fairId, deviceId: h.desk.deviceId, deviceCode: h.desk.deviceCode,
    createdAt: CREATED, itemCount: 0, itemsSha256: sha(items), files,
  } as BundleManifest;
  const zippable: Zippable = { 'manifest.json': strToU8(JSON.stringify(manifest)), 'items.jsonl': items };
  for (const [name, data] of Object.entries(entries)) zippable[name] = data;
  return zipSync(zippable);
}

/** Refused with a code and nothing written, or (only when the bundle really opens) accepted. */
async function check(data: Uint8Array, label: string, guard: Awaited<ReturnType<typeof stateGuard>>): Promise<void> {
  const opens = openBundle(data).ok;
  const res = await upload(data);
  if (opens) expect(res.status, label).toBeLessThan(500);
  else await expectRefused(res, label);
  await guard.after(label, !opens);
}

const SLIP = ['../x', '../../etc/passwd', '/etc/x', '/x', 'C:\\x', 'C:/x', 'c:x', 'a/../../x', 'blobs/../../x', './manifest.json', 'blobs/./x', 'a\\..\\..\\x', '\\\\server\\share\\x', 'x\u0000.txt', 'blobs/%2e%2e/x', '..', '.', '', 'blobs/', `blobs/${'a'.repeat(64)}/../../x`];

describe('hostile bundle files: refused whole with a code, nothing written, never a 5xx', () => {
  test('1,000 files of random bytes (with and without the ZIP signature)', async () => {
    const guard = await stateGuard(h.storage);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom(0, 1, 2), async (bytes, head) => {
        const sig = head === 0 ? [] : head === 1 ? [0x50, 0x4b, 0x03, 0x04] : [0x50, 0x4b, 0x05, 0x06];
        await check(new Uint8Array([...sig, ...bytes]), 'random bytes', guard);
      }),
      { numRuns: 1000 },
    );
  }, 240_000);

  test('1,000 valid bundles with bytes changed, cut or appended', async () => {
    const guard = await stateGuard(h.storage);
    const valid = validBundle(100);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), fc.constantFrom('flip', 'cut', 'append'), async (changes, how) => {
        let data = new Uint8Array(valid);
        if (how === 'flip') for (const [at, v] of changes) data[at % data.length] = v;
        else if (how === 'cut') data = data.subarray(0, (changes[0]?.[0] ?? 0) % data.length);
        else data = new Uint8Array([...data, ...changes.map(([, v]) => v)]);
        await check(data, `mutated (${how})`, guard);
      }),
      { numRuns: 1000 },
    );
  }, 240_000);

  test('1,000 zips with zip-slip entry names beside a valid manifest: BUNDLE_UNSAFE_PATH or another refusal', async () => {
    const guard = await stateGuard(h.storage);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.oneof(fc.constantFrom(...SLIP), fc.tuple(fc.constantFrom(...SLIP), fc.string({ maxLength: 8 })).map(([a, b]) => a + b)), { minLength: 1, maxLength: 4 }), async (names) => {
        const data = zipWith(Object.fromEntries(names.map((n) => [n, strToU8(`evil ${n}`)])));
        expect(openBundle(data).ok).toBe(false);
        const code = await expectRefused(await upload(data), `zip-slip ${JSON.stringify(names)}`);
        expect(code).toMatch(/^BUNDLE_/);
        await guard.after('zip-slip', true);
      }),
      { numRuns: 1000 },
    );
  }, 240_000);

  test('zip bombs: a tiny entry that inflates past its limit is refused at once, BUNDLE_ENTRY_TOO_LARGE', async () => {
    const guard = await stateGuard(h.storage);
    // 65 MB of newlines deflate to ~64 KB: past the items file's 64 MB limit.
    const bomb = new Uint8Array(MAX_ITEMS_FILE_BYTES + 1024 * 1024).fill(0x0a);
    const data = zipWith({}, bomb);
    expect(data.byteLength).toBeLessThan(1024 * 1024);
    const code = await expectRefused(await upload(data), 'bomb', [413]);
    expect(code).toBe('BUNDLE_ENTRY_TOO_LARGE');
    // The same entry with a header that lies about its size (claims 10 bytes).
    const lying = new Uint8Array(data);
    const view = new DataView(lying.buffer);
    for (let i = 0; i + 4 <= lying.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50 && i + 30 <= lying.length) view.setUint32(i + 22, 10, true);
      if (sig === 0x02014b50 && i + 46 <= lying.length) view.setUint32(i + 24, 10, true);
    }
    await expectRefused(await upload(lying), 'lying bomb');
    await guard.after('bomb', true);
  }, 120_000);

  test('a valid bundle whose items carry NUL, a lone surrogate or deep nesting (200 levels): answered, never a 500', async () => {
    const items: SyncItem[] = [
      { ...makeItem(h.desk, 5), payload: { topic: 'a\u0000b' } },
      { ...makeItem(h.desk, 6), payload: { topic: '\ud800' } },
      { ...makeItem(h.desk, 7), payload: JSON.parse(`${'['.repeat(200)}${']'.repeat(200)}`) as unknown },
    ];
    const data = packBundle({ fairId: h.desk.fairId, deviceId: h.desk.deviceId, deviceCode: h.desk.deviceCode, createdAt: CREATED, items, blobs: [] });
    const res = await upload(data);
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBeLessThan(500);
  });

  test('wrong content types are refused before reading', async () => {
    const guard = await stateGuard(h.storage);
    for (const type of ['text/plain', 'application/json', 'multipart/form-data; boundary=x', '', 'application/zipx']) {
      expect(await expectRefused(await upload(validBundle(200), type), type, [415])).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    await guard.after('content types', true);
  });
});
