import { z } from 'zod';
import { DeviceCode } from '../case/case-number';
import { DeviceId, FairId } from '../ids';
import { Instant } from '../time';
import { MAX_BLOB_BYTES } from './protocol';

/**
 * The bundle file (BUNDLE-SPEC.md BN1–BN13): what a tablet with no network holds
 * that the server lacks, as ONE ZIP for USB or the share sheet. Both ends (the server's upload and
 * another tablet's import) open it with `openBundle` (bundle-zip.ts) and these schemas.
 */

/** BN2: the manifest's `format`; a ZIP without it is not a bundle. */
export const BUNDLE_FORMAT = 'faircase-bundle';
/** BN2: the one format version this build reads and writes. */
export const BUNDLE_FORMAT_VERSION = 1;

/** BN1: the three kinds of entry, and nothing else. */
export const MANIFEST_PATH = 'manifest.json';
export const ITEMS_PATH = 'items.jsonl';
export const BLOB_DIR = 'blobs/';
export const blobPath = (sha256: string): string => `${BLOB_DIR}${sha256}`;
export const BLOB_PATH = /^blobs\/([0-9a-f]{64})$/;

/** BN9 limits: a bundle must open on a tablet's memory and in one server request. */
export const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;
/** The manifest, the items file and up to 4,000 evidence files. */
export const MAX_BUNDLE_ENTRIES = 4002;
export const MAX_BUNDLE_ITEMS = 50_000;
export const MAX_MANIFEST_BYTES = 1024 * 1024;
export const MAX_ITEMS_FILE_BYTES = 64 * 1024 * 1024;
/** An evidence file is at most 20 MB (EN13, BN9). */
export const MAX_BUNDLE_BLOB_BYTES = MAX_BLOB_BYTES;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const BundleFile = z.object({
  path: z.string().max(200),
  sha256: Sha256,
  bytes: z.number().int().min(0),
});
export type BundleFile = z.infer<typeof BundleFile>;

export const BundleManifest = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  fairId: FairId,
  /** Every item is this device's (BN6): the bundle goes through push as this device. */
  deviceId: DeviceId,
  /** CN1: the device's code in case numbers, for a person reading the file name and the screens. */
  deviceCode: DeviceCode,
  createdAt: Instant,
  itemCount: z.number().int().min(0).max(MAX_BUNDLE_ITEMS),
  /** SHA-256 of `items.jsonl` as stored (BN4). */
  itemsSha256: Sha256,
  /** Every entry but the manifest: `items.jsonl` and each `blobs/<sha256>`, with its SHA-256 and size (BN3). */
  files: z.array(BundleFile).max(MAX_BUNDLE_ENTRIES),
  /**
   * BN13: HMAC-SHA256 of the rest of the manifest (canonical JSON) keyed by SHA-256 of the device's
   * token (bundle-signature.ts). A tablet that holds no token yet writes none; the server then
   * refuses the bundle, another tablet can still import it.
   */
  signature: z.object({ alg: z.literal('HMAC-SHA256/device-token-sha256'), mac: Sha256 }).optional(),
});
export type BundleManifest = z.infer<typeof BundleManifest>;

/** Read before the full schema, so a bundle of another version gets BN2's clear answer. */
export const BundleVersionProbe = z.object({ format: z.literal(BUNDLE_FORMAT), formatVersion: z.number().int() });

/** Why a bundle is refused (BN10: nothing of it lands). The app says each in zh-CN and English. */
export const BUNDLE_ERROR_CODES = [
  'BUNDLE_TOO_LARGE',
  'BUNDLE_NOT_ZIP',
  'BUNDLE_TOO_MANY_ENTRIES',
  'BUNDLE_ENTRY_TOO_LARGE',
  'BUNDLE_UNSAFE_PATH',
  'BUNDLE_UNEXPECTED_ENTRY',
  'BUNDLE_DUPLICATE_ENTRY',
  'BUNDLE_MANIFEST_MISSING',
  'BUNDLE_MANIFEST_INVALID',
  'BUNDLE_VERSION_UNSUPPORTED',
  'BUNDLE_FILE_MISSING',
  'BUNDLE_HASH_MISMATCH',
  'BUNDLE_ITEMS_INVALID',
  'BUNDLE_ITEM_COUNT_MISMATCH',
  'BUNDLE_WRONG_FAIR',
  'BUNDLE_DEVICE_MISMATCH',
  /** Server: the manifest's device is not enrolled in that fair, or it was revoked. */
  'BUNDLE_UNKNOWN_DEVICE',
  /** Server (BN13): no signature, or not one of a live token of the manifest's device. */
  'BUNDLE_SIGNATURE_INVALID',
] as const;
export const BundleErrorCode = z.enum(BUNDLE_ERROR_CODES);
export type BundleErrorCode = z.infer<typeof BundleErrorCode>;

export const BundleError = z.object({
  code: BundleErrorCode,
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type BundleError = z.infer<typeof BundleError>;

/** The server's answer to an upload that opened: what push made of its items (BN7). */
export const BundleAccepted = z.object({
  type: z.literal('bundle-result'),
  fairId: FairId,
  deviceId: DeviceId,
  items: z.number().int().min(0),
  applied: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  conflicts: z.number().int().min(0),
  rejected: z.number().int().min(0),
  /** After a sequence gap (BN8): not looked at; the tablet sends them when it is online. */
  skipped: z.number().int().min(0),
  blobsStored: z.number().int().min(0),
  blobsHeld: z.number().int().min(0),
  ackedSeq: z.number().int().min(0),
});
export type BundleAccepted = z.infer<typeof BundleAccepted>;

export const BundleRefused = z.object({ type: z.literal('bundle-refused'), error: BundleError });
export type BundleRefused = z.infer<typeof BundleRefused>;
