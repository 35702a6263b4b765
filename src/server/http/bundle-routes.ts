import { Hono } from 'hono';
import { MAX_BUNDLE_BYTES, type BundleAccepted, type BundleError, type BundleRefused } from '../../domain/wire/bundle';
import { bundleKeyFromTokenHash, verifyManifestSignature } from '../../domain/wire/bundle-signature';
import { quarantined } from '../../domain/wire/storable';
import type { ItemResult } from '../../domain/wire/protocol';
import type { SqlRunner } from '../storage/sql';
import type { Storage } from '../storage/storage';
import { spoolBundle } from './bundle-file';
import { allowed, authenticated, type Env } from './guard';

/**
 * `POST /api/bundles`: a bundle file (BUNDLE-SPEC.md) carried from a tablet with no network
 * (BN7). The organizer, or a desk/expert tablet of the same fair, uploads the raw ZIP
 * (`application/zip` or `application/octet-stream`); the app's sync screen does this for a
 * tablet. The body is spooled to a temporary file and the bundle opened and verified first
 * (BN2–BN6, BN9), never whole in memory: a refusal writes nothing
 * (BN10). Its items then go through `storage.push` as the manifest's device, the very ingest of
 * `POST /api/sync/push` (one transaction: duplicates on a second upload), and the evidence files
 * the server lacks are stored after them (BN7).
 */
const ZIP_TYPES = /^(application\/zip|application\/x-zip-compressed|application\/octet-stream)(\s*;.*)?$/i;

const STATUS: Partial<Record<BundleError['code'], 400 | 403 | 409 | 413 | 422>> = {
  BUNDLE_TOO_LARGE: 413,
  BUNDLE_ENTRY_TOO_LARGE: 413,
  BUNDLE_VERSION_UNSUPPORTED: 409,
  BUNDLE_WRONG_FAIR: 403,
  BUNDLE_DEVICE_MISMATCH: 403,
  BUNDLE_UNKNOWN_DEVICE: 403,
  BUNDLE_SIGNATURE_INVALID: 403,
  BUNDLE_HASH_MISMATCH: 422,
};

export type BundleIngest = { readonly status: 200 | 400 | 403 | 409 | 413 | 422; readonly reply: BundleAccepted | BundleRefused };

/** What a bundle's items did, as known when they commit: before its evidence files are stored (BN7). */
export type BundleItemsOutcome = Pick<BundleAccepted, 'fairId' | 'items' | 'applied' | 'duplicates' | 'conflicts' | 'rejected'> & { readonly evidenceFiles: number };

/** A write committed with the bundle's items, or not at all (CO43's audit row). */
export type WithBundleItems = (tx: SqlRunner, outcome: BundleItemsOutcome) => Promise<void>;

const refusal = (error: BundleError, status?: 400 | 403 | 409 | 413 | 422): BundleIngest => ({ status: status ?? STATUS[error.code] ?? 400, reply: { type: 'bundle-refused', error } });

/**
 * One bundle through the checks and the push ingest (BN2–BN13), the body streamed to a
 * temporary file (bundle-file.ts). `fairOf`: a tablet carries its own fair's bundles only (BN6);
 * undefined for the organizer. Shared by this route and the console's upload (CO43), whose
 * `withItems` writes its audit row in the items' transaction.
 */
export async function ingestBundle(
  storage: Storage,
  body: ReadableStream<Uint8Array> | null,
  fairOf: string | undefined,
  nowMs: number,
  withItems?: WithBundleItems,
): Promise<BundleIngest> {
  const spooled = await spoolBundle(body);
  if (spooled === undefined) return refusal({ code: 'BUNDLE_TOO_LARGE', params: { limit: MAX_BUNDLE_BYTES } }, 413);
  try {
    const opened = await spooled.open();
    if (!opened.ok) return refusal(opened.error);
    const { manifest, items, blobPaths } = opened.value;
    // BN6: a tablet carries bundles of its own fair only; the organizer any fair.
    if (fairOf !== undefined && fairOf !== manifest.fairId) return refusal({ code: 'BUNDLE_WRONG_FAIR' }, 403);
    // BN7: the manifest's device must be a live enrolment of that fair (push would refuse it anyway;
    // checking first keeps the evidence files out too).
    const devices = await storage.listDevices(manifest.fairId);
    const device = devices.find((d) => d.deviceId === manifest.deviceId);
    if (device === undefined || device.revokedAt !== undefined) return refusal({ code: 'BUNDLE_UNKNOWN_DEVICE' }, 403);
    // BN13: only that device's token could have signed it. This is what lets another tablet, or
    // the organizer, carry the file without being able to file items in that tablet's name.
    const keys = (await storage.liveTokenHashes(manifest.deviceId, manifest.fairId)).map(bundleKeyFromTokenHash);
    if (!verifyManifestSignature(manifest, keys)) return refusal({ code: 'BUNDLE_SIGNATURE_INVALID' }, 403);

    const count = (results: readonly ItemResult[], status: ItemResult['status']): number => results.filter((r) => r.status === status).length;
    const alongside =
      withItems === undefined
        ? undefined
        : (tx: SqlRunner, results: readonly ItemResult[]) =>
            withItems(tx, {
              fairId: manifest.fairId, items: items.length, applied: count(results, 'applied'), duplicates: count(results, 'duplicate'),
              conflicts: count(results, 'conflict'), rejected: count(results, 'rejected'), evidenceFiles: blobPaths.size,
            });
    const outcome = await storage.push({ deviceId: manifest.deviceId, fairId: manifest.fairId }, items.map(quarantined), nowMs, alongside);
    if (outcome.kind === 'device-revoked') return refusal({ code: 'BUNDLE_UNKNOWN_DEVICE' }, 403);
    let stored = 0;
    let held = 0;
    for (const [sha, path] of blobPaths) {
      const { created } = await storage.putBlob(sha, await spooled.readBlob(path));
      if (created) stored++;
      else held++;
    }
    return {
      status: 200,
      reply: {
        type: 'bundle-result',
        fairId: manifest.fairId,
        deviceId: manifest.deviceId,
        items: items.length,
        applied: count(outcome.results, 'applied'),
        duplicates: count(outcome.results, 'duplicate'),
        conflicts: count(outcome.results, 'conflict'),
        rejected: count(outcome.results, 'rejected'),
        skipped: count(outcome.results, 'skipped'),
        blobsStored: stored,
        blobsHeld: held,
        ackedSeq: outcome.ackedSeq,
      },
    };
  } finally {
    await spooled.dispose();
  }
}

export const isZipType = (contentType: string | undefined): boolean => ZIP_TYPES.test(contentType ?? '');

export function bundleRoutes(storage: Storage, now: () => number): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', authenticated(storage));

  app.post('/', async (c) => {
    const denied = allowed(c, { users: ['organizer'], devices: ['desk', 'expert'] });
    if (denied !== undefined) return denied;
    if (!isZipType(c.req.header('content-type'))) {
      return c.json({ type: 'error', code: 'UNSUPPORTED_MEDIA_TYPE' }, 415);
    }
    const declared = c.req.header('content-length');
    if (declared !== undefined && Number(declared) > MAX_BUNDLE_BYTES) return c.json(refusal({ code: 'BUNDLE_TOO_LARGE', params: { limit: MAX_BUNDLE_BYTES } }, 413).reply, 413);
    const principal = c.get('principal');
    const result = await ingestBundle(storage, c.req.raw.body, principal.kind === 'device' ? principal.fairId : undefined, now());
    return c.json(result.reply, result.status);
  });
  return app;
}
