import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { strFromU8, strToU8, unzipSync, zipSync, type UnzipFileInfo, type Zippable } from 'fflate';
import { err, ok, type Result } from '../result';
import { SyncItem } from '../sync-item';
import type { Instant } from '../time';
import {
  BLOB_PATH, BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, BundleManifest, BundleVersionProbe, ITEMS_PATH, MANIFEST_PATH, MAX_BUNDLE_BLOB_BYTES,
  MAX_BUNDLE_BYTES, MAX_BUNDLE_ENTRIES, MAX_BUNDLE_ITEMS, MAX_ITEMS_FILE_BYTES, MAX_MANIFEST_BYTES, blobPath,
  type BundleError, type BundleErrorCode, type BundleFile,
} from './bundle';
import { signManifest } from './bundle-signature';

/**
 * Writing and opening a bundle file (BUNDLE-SPEC.md). Pure: the tablet that builds one, the
 * server that ingests one and the tablet that imports one all call these, so a bundle one end
 * writes is exactly what the other ends accept.
 */

export interface BundleContent {
  readonly fairId: string;
  readonly deviceId: string;
  readonly deviceCode: string;
  readonly createdAt: Instant;
  /** In seq order. */
  readonly items: readonly SyncItem[];
  /** Evidence files by their SHA-256 (as the store keeps them). */
  readonly blobs: readonly { readonly sha256: string; readonly data: Uint8Array }[];
  /** BN13: `bundleSigningKey(token)` of the device; without it the bundle is unsigned. */
  readonly signingKey?: Uint8Array;
}

export interface OpenedBundle {
  readonly manifest: BundleManifest;
  readonly items: readonly SyncItem[];
  /** Verified evidence files: each entry's bytes hash to its name (BN3). */
  readonly blobs: ReadonlyMap<string, Uint8Array>;
}

const hex = (data: Uint8Array): string => bytesToHex(sha256(data));
const refuse = (code: BundleErrorCode, params?: BundleError['params']): { ok: false; error: BundleError } =>
  err(params === undefined ? { code } : { code, params });

/** BN1: one JSON line per item, in the order given (seq order). */
export const itemsToJsonl = (items: readonly SyncItem[]): string => items.map((i) => JSON.stringify(i)).join('\n') + (items.length > 0 ? '\n' : '');

/**
 * Builds the ZIP: `manifest.json`, `items.jsonl`, `blobs/<sha256>` (BN1). Evidence files are
 * stored, not deflated (photos and PDFs are compressed already; BN1). Throws only for content
 * that breaks the limits of BN9 (the builder checks them first and says which).
 */
export function packBundle(content: BundleContent): Uint8Array {
  const itemsBytes = strToU8(itemsToJsonl(content.items));
  const itemsSha256 = hex(itemsBytes);
  const files: BundleFile[] = [{ path: ITEMS_PATH, sha256: itemsSha256, bytes: itemsBytes.byteLength }];
  const unique = new Map(content.blobs.map((b) => [b.sha256, b.data]));
  for (const [sha, data] of unique) files.push({ path: blobPath(sha), sha256: sha, bytes: data.byteLength });
  const unsigned = BundleManifest.parse({
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    fairId: content.fairId,
    deviceId: content.deviceId,
    deviceCode: content.deviceCode,
    createdAt: content.createdAt,
    itemCount: content.items.length,
    itemsSha256,
    files,
  });
  const manifest = content.signingKey === undefined ? unsigned : signManifest(unsigned, content.signingKey);
  // ZIP times are local DOS times from 1980 on: the bundle's own creation time, not a clock read.
  const mtime = new Date(content.createdAt);
  const entries: Zippable = {
    [MANIFEST_PATH]: [strToU8(JSON.stringify(manifest, null, 1)), { level: 6, mtime }],
    [ITEMS_PATH]: [itemsBytes, { level: 6, mtime }],
  };
  for (const [sha, data] of unique) entries[blobPath(sha)] = [data, { level: 0, mtime }];
  return zipSync(entries);
}

/** BN5: a name that could write outside a folder when unpacked (zip-slip) or is not plain. */
function unsafePath(name: string): boolean {
  return name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name) || name.split('/').some((part) => part === '..' || part === '.') || name.includes('\0');
}

/** The largest size an entry of this name may have (BN9); undefined: not a bundle entry (BN5). */
function entryLimit(name: string): number | undefined {
  if (name === MANIFEST_PATH) return MAX_MANIFEST_BYTES;
  if (name === ITEMS_PATH) return MAX_ITEMS_FILE_BYTES;
  if (BLOB_PATH.test(name)) return MAX_BUNDLE_BLOB_BYTES;
  return undefined;
}

/**
 * Opens and verifies a bundle (BN1–BN9). Either every check passes and the content comes back,
 * or the first failure comes back as a code: the caller writes nothing in that case (BN10).
 */
export function openBundle(data: Uint8Array): Result<OpenedBundle, BundleError> {
  if (data.byteLength > MAX_BUNDLE_BYTES) return refuse('BUNDLE_TOO_LARGE', { limit: MAX_BUNDLE_BYTES });
  let problem: { ok: false; error: BundleError } | undefined;
  const names = new Set<string>();
  const filter = (file: UnzipFileInfo): boolean => {
    if (problem !== undefined) return false;
    if (names.size + 1 > MAX_BUNDLE_ENTRIES) problem = refuse('BUNDLE_TOO_MANY_ENTRIES', { limit: MAX_BUNDLE_ENTRIES });
    else if (unsafePath(file.name)) problem = refuse('BUNDLE_UNSAFE_PATH', { path: file.name.slice(0, 200) });
    else if (names.has(file.name)) problem = refuse('BUNDLE_DUPLICATE_ENTRY', { path: file.name });
    else {
      const limit = entryLimit(file.name);
      if (limit === undefined) problem = refuse('BUNDLE_UNEXPECTED_ENTRY', { path: file.name.slice(0, 200) });
      else if (file.originalSize > limit || file.size > limit) problem = refuse('BUNDLE_ENTRY_TOO_LARGE', { path: file.name, limit });
    }
    names.add(file.name);
    return problem === undefined;
  };
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(data, { filter });
  } catch {
    return problem ?? refuse('BUNDLE_NOT_ZIP');
  }
  if (problem !== undefined) return problem;
  if (names.size === 0) return refuse('BUNDLE_NOT_ZIP');
  // A header may lie about the size; the inflated bytes may not (BN9).
  for (const [name, bytes] of Object.entries(entries)) {
    const limit = entryLimit(name) ?? 0;
    if (bytes.byteLength > limit) return refuse('BUNDLE_ENTRY_TOO_LARGE', { path: name, limit });
  }

  const manifestBytes = entries[MANIFEST_PATH];
  if (manifestBytes === undefined) return refuse('BUNDLE_MANIFEST_MISSING');
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(manifestBytes));
  } catch {
    return refuse('BUNDLE_MANIFEST_INVALID', { path: '' });
  }
  const probe = BundleVersionProbe.safeParse(json);
  if (!probe.success) return refuse('BUNDLE_MANIFEST_INVALID', { path: 'format' });
  if (probe.data.formatVersion !== BUNDLE_FORMAT_VERSION) {
    return refuse('BUNDLE_VERSION_UNSUPPORTED', { version: probe.data.formatVersion, supported: BUNDLE_FORMAT_VERSION });
  }
  const parsed = BundleManifest.safeParse(json);
  if (!parsed.success) return refuse('BUNDLE_MANIFEST_INVALID', { path: parsed.error.issues[0]?.path.map(String).join('.') ?? '' });
  const manifest = parsed.data;

  // BN3: the manifest lists every other entry exactly once, each with its hash and size.
  const listed = new Map<string, BundleFile>();
  for (const f of manifest.files) {
    if (listed.has(f.path)) return refuse('BUNDLE_MANIFEST_INVALID', { path: f.path });
    const blob = BLOB_PATH.exec(f.path);
    if (f.path !== ITEMS_PATH && (blob === null || blob[1] !== f.sha256)) return refuse('BUNDLE_MANIFEST_INVALID', { path: f.path });
    listed.set(f.path, f);
  }
  if (listed.get(ITEMS_PATH)?.sha256 !== manifest.itemsSha256) return refuse('BUNDLE_MANIFEST_INVALID', { path: 'itemsSha256' });
  for (const name of Object.keys(entries)) {
    if (name !== MANIFEST_PATH && !listed.has(name)) return refuse('BUNDLE_UNEXPECTED_ENTRY', { path: name });
  }
  const blobs = new Map<string, Uint8Array>();
  for (const f of listed.values()) {
    const bytes = entries[f.path];
    if (bytes === undefined) return refuse('BUNDLE_FILE_MISSING', { path: f.path });
    if (bytes.byteLength !== f.bytes || hex(bytes) !== f.sha256) return refuse('BUNDLE_HASH_MISMATCH', { path: f.path });
    if (f.path !== ITEMS_PATH) blobs.set(f.sha256, bytes);
  }

  // BN4, BN6: the items, each a SyncItem of the manifest's fair and device, as many as it says.
  const lines = strFromU8(entries[ITEMS_PATH] as Uint8Array).split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== manifest.itemCount || lines.length > MAX_BUNDLE_ITEMS) return refuse('BUNDLE_ITEM_COUNT_MISMATCH', { expected: manifest.itemCount, found: lines.length });
  const items: SyncItem[] = [];
  const ids = new Set<string>();
  for (const [index, line] of lines.entries()) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return refuse('BUNDLE_ITEMS_INVALID', { line: index + 1 });
    }
    const item = SyncItem.safeParse(value);
    if (!item.success || ids.has(item.data.id)) return refuse('BUNDLE_ITEMS_INVALID', { line: index + 1 });
    if (item.data.fairId !== manifest.fairId) return refuse('BUNDLE_WRONG_FAIR', { line: index + 1 });
    if (item.data.deviceId !== manifest.deviceId) return refuse('BUNDLE_DEVICE_MISMATCH', { line: index + 1 });
    ids.add(item.data.id);
    items.push(item.data);
  }
  return ok({ manifest, items, blobs });
}

/** The file name a person sees: fair, device code and time, e.g. `faircase-K07-20250416T1030Z.zip`. */
export const bundleFileName = (deviceCode: string, createdAt: Instant): string =>
  `faircase-${deviceCode}-${createdAt.replace(/[-:]/g, '').replace(/\.\d+/, '').slice(0, 13)}Z.zip`;
