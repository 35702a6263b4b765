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

/** An entry as its ZIP directory describes it, before any byte of it is inflated. */
export interface EntryHeader {
  readonly name: string;
  /** Compressed and inflated sizes as the header claims them. */
  readonly size: number;
  readonly originalSize: number;
}

/**
 * BN5, BN9 on the headers, entry by entry in the directory's order: the first problem, or
 * undefined. `seen` holds the names before this one; the caller adds this one after.
 */
export function entryProblem(seen: ReadonlySet<string>, file: EntryHeader): BundleError | undefined {
  if (seen.size + 1 > MAX_BUNDLE_ENTRIES) return refuse('BUNDLE_TOO_MANY_ENTRIES', { limit: MAX_BUNDLE_ENTRIES }).error;
  if (unsafePath(file.name)) return refuse('BUNDLE_UNSAFE_PATH', { path: file.name.slice(0, 200) }).error;
  if (seen.has(file.name)) return refuse('BUNDLE_DUPLICATE_ENTRY', { path: file.name }).error;
  const limit = entryLimit(file.name);
  if (limit === undefined) return refuse('BUNDLE_UNEXPECTED_ENTRY', { path: file.name.slice(0, 200) }).error;
  if (file.originalSize > limit || file.size > limit) return refuse('BUNDLE_ENTRY_TOO_LARGE', { path: file.name, limit }).error;
  return undefined;
}

/** The largest inflated size of an entry of this name (BN9); 0 for a name no bundle has. */
export const inflatedLimit = (name: string): number => entryLimit(name) ?? 0;

/** What the checks need of one inflated entry: its size and hash (the bytes only of the manifest and the items). */
export interface EntryFacts {
  readonly bytes: number;
  readonly sha256: string;
}

export interface VerifiedBundle {
  readonly manifest: BundleManifest;
  readonly items: readonly SyncItem[];
  /** The evidence files' entry names by their SHA-256, each verified (BN3). */
  readonly blobPaths: ReadonlyMap<string, string>;
}

/**
 * BN2–BN6 over entries already inflated within their limits (BN9): the manifest, the listing
 * of every entry, their hashes and the items. One function for the in-memory and the streamed
 * opening, so both refuse a bundle with the same code.
 */
export function verifyBundle(facts: ReadonlyMap<string, EntryFacts>, manifestBytes: Uint8Array | undefined, itemsBytes: Uint8Array | undefined): Result<VerifiedBundle, BundleError> {
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
  for (const name of facts.keys()) {
    if (name !== MANIFEST_PATH && !listed.has(name)) return refuse('BUNDLE_UNEXPECTED_ENTRY', { path: name });
  }
  const blobPaths = new Map<string, string>();
  for (const f of listed.values()) {
    const fact = facts.get(f.path);
    if (fact === undefined) return refuse('BUNDLE_FILE_MISSING', { path: f.path });
    if (fact.bytes !== f.bytes || fact.sha256 !== f.sha256) return refuse('BUNDLE_HASH_MISMATCH', { path: f.path });
    if (f.path !== ITEMS_PATH) blobPaths.set(f.sha256, f.path);
  }

  // BN4, BN6: the items, each a SyncItem of the manifest's fair and device, as many as it says.
  const lines = strFromU8(itemsBytes ?? new Uint8Array(0)).split('\n').filter((l) => l.trim() !== '');
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
  return ok({ manifest, items, blobPaths });
}

/**
 * Opens and verifies a bundle held in memory (BN1–BN9). Either every check passes and the
 * content comes back, or the first failure comes back as a code: the caller writes nothing in
 * that case (BN10).
 */
export function openBundle(data: Uint8Array): Result<OpenedBundle, BundleError> {
  if (data.byteLength > MAX_BUNDLE_BYTES) return refuse('BUNDLE_TOO_LARGE', { limit: MAX_BUNDLE_BYTES });
  let problem: BundleError | undefined;
  const names = new Set<string>();
  const filter = (file: UnzipFileInfo): boolean => {
    if (problem !== undefined) return false;
    problem = entryProblem(names, file);
    names.add(file.name);
    return problem === undefined;
  };
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(data, { filter });
  } catch {
    return err(problem ?? { code: 'BUNDLE_NOT_ZIP' });
  }
  if (problem !== undefined) return err(problem);
  if (names.size === 0) return refuse('BUNDLE_NOT_ZIP');
  // A header may lie about the size; the inflated bytes may not (BN9).
  for (const [name, bytes] of Object.entries(entries)) {
    const limit = inflatedLimit(name);
    if (bytes.byteLength > limit) return refuse('BUNDLE_ENTRY_TOO_LARGE', { path: name, limit });
  }
  const facts = new Map(Object.entries(entries).map(([name, bytes]) => [name, { bytes: bytes.byteLength, sha256: hex(bytes) }]));
  const verified = verifyBundle(facts, entries[MANIFEST_PATH], entries[ITEMS_PATH]);
  if (!verified.ok) return verified;
  const blobs = new Map<string, Uint8Array>();
  for (const [sha, path] of verified.value.blobPaths) blobs.set(sha, entries[path] as Uint8Array);
  return ok({ manifest: verified.value.manifest, items: verified.value.items, blobs });
}

/** The file name a person sees: fair, device code and time, e.g. `faircase-K07-20250416T1030Z.zip`. */
export const bundleFileName = (deviceCode: string, createdAt: Instant): string =>
  `faircase-${deviceCode}-${createdAt.replace(/[-:]/g, '').replace(/\.\d+/, '').slice(0, 13)}Z.zip`;
