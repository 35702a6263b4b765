import { Hono } from 'hono';
import type { Context } from 'hono';
import { MAX_BUNDLE_BYTES, type BundleAccepted, type BundleError, type BundleRefused } from '../../domain/wire/bundle';
import { bundleKeyFromTokenHash, verifyManifestSignature } from '../../domain/wire/bundle-signature';
import { openBundle } from '../../domain/wire/bundle-zip';
import { quarantined } from '../../domain/wire/storable';
import type { Storage } from '../storage/storage';
import { readBody } from './body';
import { allowed, authenticated, type Env } from './guard';

/**
 * `POST /api/bundles`: a bundle file (BUNDLE-SPEC.md) carried from a tablet with no network
 * (issue 7 part 7). The organizer, or a desk/expert tablet of the same fair, uploads the raw ZIP
 * (`application/zip` or `application/octet-stream`); the app's sync screen does this for a
 * tablet. The bundle is opened and verified whole first (BN2–BN6, BN9): a refusal writes nothing
 * (BN10). Its items then go through `storage.push` as the manifest's device, the very ingest of
 * `POST /api/sync/push` (one transaction: duplicates on a second upload), and the evidence files
 * the server lacks are stored after them (BN7).
 */
const ZIP_TYPES = /^(application\/zip|application\/x-zip-compressed|application\/octet-stream)(\s*;.*)?$/i;

const refused = (c: Context, status: 400 | 403 | 409 | 413 | 422, error: BundleError): Response =>
  c.json({ type: 'bundle-refused', error } satisfies BundleRefused, status);

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

export function bundleRoutes(storage: Storage, now: () => number): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', authenticated(storage));

  app.post('/', async (c) => {
    const denied = allowed(c, { users: ['organizer'], devices: ['desk', 'expert'] });
    if (denied !== undefined) return denied;
    if (!ZIP_TYPES.test(c.req.header('content-type') ?? '')) {
      return c.json({ type: 'error', code: 'UNSUPPORTED_MEDIA_TYPE' }, 415);
    }
    const body = await readBody(c, MAX_BUNDLE_BYTES);
    if (!body.ok) return refused(c, 413, { code: 'BUNDLE_TOO_LARGE', params: { limit: MAX_BUNDLE_BYTES } });
    const opened = openBundle(body.value);
    if (!opened.ok) return refused(c, STATUS[opened.error.code] ?? 400, opened.error);
    const { manifest, items, blobs } = opened.value;

    // BN6: a tablet carries bundles of its own fair only; the organizer any fair.
    const principal = c.get('principal');
    if (principal.kind === 'device' && principal.fairId !== manifest.fairId) return refused(c, 403, { code: 'BUNDLE_WRONG_FAIR' });
    // BN7: the manifest's device must be a live enrolment of that fair (push would refuse it anyway;
    // checking first keeps the evidence files out too).
    const devices = await storage.listDevices(manifest.fairId);
    const device = devices.find((d) => d.deviceId === manifest.deviceId);
    if (device === undefined || device.revokedAt !== undefined) return refused(c, 403, { code: 'BUNDLE_UNKNOWN_DEVICE' });
    // BN13: only that device's token could have signed it. This is what lets another tablet, or
    // the organizer, carry the file without being able to file items in that tablet's name.
    const keys = (await storage.liveTokenHashes(manifest.deviceId, manifest.fairId)).map(bundleKeyFromTokenHash);
    if (!verifyManifestSignature(manifest, keys)) return refused(c, 403, { code: 'BUNDLE_SIGNATURE_INVALID' });

    const outcome = await storage.push({ deviceId: manifest.deviceId, fairId: manifest.fairId }, items.map(quarantined), now());
    if (outcome.kind === 'device-revoked') return refused(c, 403, { code: 'BUNDLE_UNKNOWN_DEVICE' });
    let stored = 0;
    let held = 0;
    for (const [sha, data] of blobs) {
      const { created } = await storage.putBlob(sha, data);
      if (created) stored++;
      else held++;
    }
    const count = (status: string): number => outcome.results.filter((r) => r.status === status).length;
    const reply: BundleAccepted = {
      type: 'bundle-result',
      fairId: manifest.fairId,
      deviceId: manifest.deviceId,
      items: items.length,
      applied: count('applied'),
      duplicates: count('duplicate'),
      conflicts: count('conflict'),
      rejected: count('rejected'),
      skipped: count('skipped'),
      blobsStored: stored,
      blobsHeld: held,
      ackedSeq: outcome.ackedSeq,
    };
    return c.json(reply);
  });
  return app;
}
