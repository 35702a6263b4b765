import { createHash } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { SyncItem } from '../../src/domain/sync-item';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, ITEMS_PATH, MANIFEST_PATH, blobPath, type BundleManifest } from '../../src/domain/wire/bundle';
import { bundleSigningKey, signManifest } from '../../src/domain/wire/bundle-signature';
import { itemsToJsonl } from '../../src/domain/wire/bundle-zip';

/**
 * Forged bundles for the refusal tests (BN2–BN9): a consistent manifest is computed from the
 * entries given, then any part can be broken on purpose. Shared by the tablet and server tests.
 */
export const sha = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

export interface ForgeInput {
  readonly fairId: string;
  readonly deviceId: string;
  readonly items: readonly SyncItem[];
  readonly blobs?: readonly Uint8Array[];
  /** Raw items file instead of the items' JSON lines. */
  readonly itemsText?: string;
  /** Merged over the computed manifest (or a string for the whole manifest file). */
  readonly manifest?: Record<string, unknown> | string;
  /** Extra entries (name → bytes), added after the manifest was computed: not listed. */
  readonly extra?: Readonly<Record<string, Uint8Array>>;
  /** Entries to leave out of the ZIP after the manifest was computed. */
  readonly drop?: readonly string[];
  /** Entries whose bytes are replaced after the manifest was computed. */
  readonly replace?: Readonly<Record<string, Uint8Array>>;
  readonly level?: 0 | 6;
  /** BN13: the device token to sign the (final) manifest with; unsigned without it. */
  readonly signWith?: string;
}

export function forgeBundle(input: ForgeInput): Uint8Array {
  const itemsBytes = strToU8(input.itemsText ?? itemsToJsonl(input.items));
  const blobs = (input.blobs ?? []).map((data) => ({ sha256: sha(data), data }));
  const manifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    fairId: input.fairId,
    deviceId: input.deviceId,
    deviceCode: 'K07',
    createdAt: '2025-04-16T02:30:00.000Z',
    itemCount: input.items.length,
    itemsSha256: sha(itemsBytes),
    files: [{ path: ITEMS_PATH, sha256: sha(itemsBytes), bytes: itemsBytes.byteLength }, ...blobs.map((b) => ({ path: blobPath(b.sha256), sha256: b.sha256, bytes: b.data.byteLength }))],
    ...(typeof input.manifest === 'object' ? input.manifest : {}),
  };
  const signed =
    input.signWith === undefined ? manifest : signManifest(manifest as unknown as BundleManifest, bundleSigningKey(input.signWith));
  const entries: Zippable = {
    [MANIFEST_PATH]: strToU8(typeof input.manifest === 'string' ? input.manifest : JSON.stringify(signed)),
    [ITEMS_PATH]: itemsBytes,
  };
  for (const b of blobs) entries[blobPath(b.sha256)] = b.data;
  for (const [name, data] of Object.entries(input.extra ?? {})) entries[name] = data;
  for (const [name, data] of Object.entries(input.replace ?? {})) entries[name] = data;
  for (const name of input.drop ?? []) delete entries[name];
  return zipSync(entries, { level: input.level ?? 0 });
}

export interface Corruption {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly code: string;
}

/**
 * Every way a bundle is refused whole (BN2–BN9), for one fair and device whose valid items are
 * `items` (≥ 2). `otherFairItem`/`otherDeviceItem`: a valid item of another fair / device.
 */
export function corruptions(base: { fairId: string; deviceId: string; items: readonly SyncItem[]; otherFairItem: SyncItem; otherDeviceItem: SyncItem }): Corruption[] {
  const { fairId, deviceId, items } = base;
  const blob = strToU8('a photo of the booth');
  const good = { fairId, deviceId, items, blobs: [blob] };
  const valid = forgeBundle(good);
  const jsonl = itemsToJsonl(items);
  return [
    { name: 'random bytes', bytes: strToU8('this is not a zip file at all'), code: 'BUNDLE_NOT_ZIP' },
    { name: 'a truncated zip', bytes: valid.slice(0, Math.floor(valid.byteLength / 2)), code: 'BUNDLE_NOT_ZIP' },
    { name: 'an empty zip', bytes: zipSync({}), code: 'BUNDLE_NOT_ZIP' },
    { name: 'no manifest', bytes: forgeBundle({ ...good, drop: [MANIFEST_PATH] }), code: 'BUNDLE_MANIFEST_MISSING' },
    { name: 'a manifest that is not JSON', bytes: forgeBundle({ ...good, manifest: '{ not json' }), code: 'BUNDLE_MANIFEST_INVALID' },
    { name: 'a manifest without a device', bytes: forgeBundle({ ...good, manifest: { deviceId: undefined } }), code: 'BUNDLE_MANIFEST_INVALID' },
    { name: 'an unknown format version', bytes: forgeBundle({ ...good, manifest: { formatVersion: 2, somethingNew: true } }), code: 'BUNDLE_VERSION_UNSUPPORTED' },
    { name: 'items changed after the manifest', bytes: forgeBundle({ ...good, replace: { [ITEMS_PATH]: strToU8(jsonl.replace('"seq":', '"seq": ')) } }), code: 'BUNDLE_HASH_MISMATCH' },
    { name: 'an evidence file changed', bytes: forgeBundle({ ...good, replace: { [blobPath(sha(blob))]: strToU8('a photo of the booth!') } }), code: 'BUNDLE_HASH_MISMATCH' },
    { name: 'the items hash of the manifest wrong', bytes: forgeBundle({ ...good, manifest: { itemsSha256: sha('other') } }), code: 'BUNDLE_MANIFEST_INVALID' },
    { name: 'a listed file missing', bytes: forgeBundle({ ...good, drop: [blobPath(sha(blob))] }), code: 'BUNDLE_FILE_MISSING' },
    { name: 'an entry not in the manifest', bytes: forgeBundle({ ...good, extra: { [blobPath(sha('x'))]: strToU8('x') } }), code: 'BUNDLE_UNEXPECTED_ENTRY' },
    { name: 'a stray file', bytes: forgeBundle({ ...good, extra: { 'notes.txt': strToU8('hello') } }), code: 'BUNDLE_UNEXPECTED_ENTRY' },
    { name: 'zip-slip ../x', bytes: forgeBundle({ ...good, extra: { '../x': strToU8('x') } }), code: 'BUNDLE_UNSAFE_PATH' },
    { name: 'zip-slip blobs/../../x', bytes: forgeBundle({ ...good, extra: { 'blobs/../../x': strToU8('x') } }), code: 'BUNDLE_UNSAFE_PATH' },
    { name: 'an absolute path', bytes: forgeBundle({ ...good, extra: { '/etc/cron.d/x': strToU8('x') } }), code: 'BUNDLE_UNSAFE_PATH' },
    { name: 'a Windows path', bytes: forgeBundle({ ...good, extra: { 'C:\\x': strToU8('x') } }), code: 'BUNDLE_UNSAFE_PATH' },
    {
      name: 'an oversized entry',
      bytes: forgeBundle({ ...good, level: 6, extra: { [blobPath(sha('big'))]: new Uint8Array(20 * 1024 * 1024 + 1) } }),
      code: 'BUNDLE_ENTRY_TOO_LARGE',
    },
    {
      name: 'too many entries',
      bytes: forgeBundle({ ...good, extra: Object.fromEntries(Array.from({ length: 4002 }, (_, i) => [blobPath(sha(`e${i}`)), strToU8(`e${i}`)])) }),
      code: 'BUNDLE_TOO_MANY_ENTRIES',
    },
    { name: 'one item fewer than the manifest says', bytes: forgeBundle({ ...good, manifest: { itemCount: items.length + 1 } }), code: 'BUNDLE_ITEM_COUNT_MISMATCH' },
    { name: 'a line that is not an item', bytes: forgeBundle({ ...good, itemsText: `${jsonl}{"id":"nope"}\n`, manifest: { itemCount: items.length + 1 } }), code: 'BUNDLE_ITEMS_INVALID' },
    { name: 'an item twice', bytes: forgeBundle({ ...good, items: [...items, items[0] as SyncItem] }), code: 'BUNDLE_ITEMS_INVALID' },
    { name: 'an item of another fair', bytes: forgeBundle({ ...good, items: [...items, base.otherFairItem] }), code: 'BUNDLE_WRONG_FAIR' },
    { name: 'an item of another device', bytes: forgeBundle({ ...good, items: [...items, base.otherDeviceItem] }), code: 'BUNDLE_DEVICE_MISMATCH' },
  ];
}
