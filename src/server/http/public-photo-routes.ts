import type { Hono } from 'hono';
import { z } from 'zod';
import { FairId } from '../../domain/ids';
import { PhotoHashPath, PUBLIC_PHOTO_MAX_BYTES, type PublicPhotoStored } from '../../domain/wire/public-intake';
import { sha256Hex } from '../storage/content-hash';
import { draftPhotoHashes } from '../storage/public-drafts-store';
import type { Storage } from '../storage/storage';
import { parseQuery, readBody } from './body';
import { allowed, ownFair, type Env } from './guard';
import { clientAddress, limited, type Limit } from './rate-limit';
import { refuse } from './replies';

/**
 * The photos of a public draft (PI7, PI8 in `src/domain/wire/public-intake.ts`): the phone that
 * sent a complaint online sends its photos after it, and a desk of the fair reads them when it
 * files the draft. Kept in the server's evidence files by SHA-256, like a tablet's.
 */

/** PI7: per client address, apart from PI3's count: one complaint may carry a few dozen photos. */
export const PUBLIC_PHOTO_LIMIT = { max: 120, windowSeconds: 10 * 60 } as const satisfies Limit;

/** Photo types a phone camera or gallery gives, or plain bytes. */
const PHOTO_TYPES = /^(application\/octet-stream|image\/[a-z0-9.+-]+)(\s*;.*)?$/i;

const DraftPath = z.object({ draftId: z.uuid(), sha256: PhotoHashPath });

/** Adds the two routes to the public intake's app (after its `/intake/*` authentication). */
export function addPublicPhotoRoutes(app: Hono<Env>, storage: Storage): void {
  app.put('/public/drafts/:draftId/photos/:sha256', async (c) => {
    // Counted before anything is read, as PI3: a refused upload uses up the allowance too.
    const tooMany = await limited(c, storage, [{ key: `public-photo:${clientAddress(c)}`, limit: PUBLIC_PHOTO_LIMIT }]);
    if (tooMany !== undefined) return tooMany;
    const path = DraftPath.safeParse(c.req.param());
    if (!path.success) return refuse(c, 400, 'INVALID_PATH');
    const draft = await draftPhotoHashes(storage.sql, path.data.draftId);
    if (draft === undefined) return refuse(c, 404, 'NOT_FOUND');
    if (!draft.hashes.has(path.data.sha256)) return refuse(c, 409, 'PHOTO_NOT_LISTED');
    if (!PHOTO_TYPES.test(c.req.header('content-type') ?? '')) return refuse(c, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const body = await readBody(c, PUBLIC_PHOTO_MAX_BYTES);
    if (!body.ok) return body.response;
    if (sha256Hex(body.value) !== path.data.sha256) return refuse(c, 422, 'HASH_MISMATCH');
    const { created } = await storage.putBlob(path.data.sha256, body.value);
    return c.json({ type: 'public-photo', sha256: path.data.sha256, created } satisfies PublicPhotoStored, created ? 201 : 200);
  });

  app.get('/intake/drafts/:draftId/photos/:sha256', async (c) => {
    const denied = allowed(c, { users: ['organizer', 'expert'], devices: ['desk', 'expert'] });
    if (denied !== undefined) return denied;
    const path = DraftPath.safeParse(c.req.param());
    if (!path.success) return refuse(c, 400, 'INVALID_PATH');
    const query = parseQuery(c, z.object({ fair: FairId }));
    if (!query.ok) return query.response;
    const other = ownFair(c, query.value.fair);
    if (other !== undefined) return other;
    // PI8: only a photo the draft lists, and only to a desk of the draft's own fair.
    const draft = await draftPhotoHashes(storage.sql, path.data.draftId);
    if (draft === undefined || draft.fairId !== query.value.fair || !draft.hashes.has(path.data.sha256)) return refuse(c, 404, 'NOT_FOUND');
    const data = await storage.getBlob(path.data.sha256);
    if (data === undefined) return refuse(c, 404, 'NOT_FOUND');
    c.header('Content-Type', 'application/octet-stream');
    c.header('Cache-Control', 'private, max-age=31536000, immutable');
    return c.body(new Uint8Array(data), 200);
  });
}
