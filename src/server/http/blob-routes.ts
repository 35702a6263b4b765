import { Hono } from 'hono';
import { MAX_BLOB_BYTES, Sha256Path, type BlobStored } from '../../domain/wire/protocol';
import { sha256Hex } from '../storage/content-hash';
import type { Storage } from '../storage/storage';
import { readBody } from './body';
import { allowed, authenticated, type Env } from './guard';
import { refuse } from './replies';

/** The evidence types a tablet captures (EN13 kinds), or plain bytes. */
const BLOB_TYPES = /^(application\/octet-stream|application\/pdf|image\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+)(\s*;.*)?$/i;

/**
 * Evidence files travel apart from the records, by SHA-256 (EN13). The server
 * verifies the body against the hash before keeping it; a second PUT of the same file is a
 * no-op; at most 20 MB. A tablet frees a file only after a PUT answered 200/201 or a HEAD 200.
 */
export function blobRoutes(storage: Storage): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', authenticated(storage));

  // Hono answers HEAD with the GET route (body dropped), so one handler serves both.
  app.get('/:sha256', async (c) => {
    const head = c.req.method === 'HEAD';
    const denied = allowed(c, head ? { users: ['organizer', 'expert'], devices: ['desk', 'expert'] } : { users: ['organizer', 'expert'] });
    if (denied !== undefined) return denied;
    const sha = Sha256Path.safeParse(c.req.param('sha256'));
    if (!sha.success) return refuse(c, 400, 'INVALID_PATH');
    if (head) {
      const size = await storage.blobSize(sha.data);
      if (size === undefined) return c.body(null, 404);
      c.header('Content-Length', String(size));
      return c.body(null, 200);
    }
    const data = await storage.getBlob(sha.data);
    if (data === undefined) return refuse(c, 404, 'NOT_FOUND');
    c.header('Content-Type', 'application/octet-stream');
    c.header('Cache-Control', 'private, max-age=31536000, immutable');
    return c.body(new Uint8Array(data), 200);
  });

  app.put('/:sha256', async (c) => {
    const denied = allowed(c, { devices: ['desk', 'expert'] });
    if (denied !== undefined) return denied;
    const sha = Sha256Path.safeParse(c.req.param('sha256'));
    if (!sha.success) return refuse(c, 400, 'INVALID_PATH');
    if (!BLOB_TYPES.test(c.req.header('content-type') ?? '')) return refuse(c, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const body = await readBody(c, MAX_BLOB_BYTES);
    if (!body.ok) return body.response;
    if (sha256Hex(body.value) !== sha.data) return refuse(c, 422, 'HASH_MISMATCH');
    const { created } = await storage.putBlob(sha.data, body.value);
    return c.json({ type: 'blob-stored', sha256: sha.data, size: body.value.byteLength, created } satisfies BlobStored, created ? 201 : 200);
  });
  return app;
}
