import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from '../../src/server/server';
import { PUBLIC_PHOTO_LIMIT } from '../../src/server/http/public-photo-routes';
import { PUBLIC_PHOTO_MAX_BYTES, PublicDraftReceived, PublicPhotoStored } from '../../src/domain/wire/public-intake';
import { bothStorages } from './both-storages';
import { enrol, newId } from './support';
import { phoneComplaint } from './phone-complaint';

/**
 * PI7, PI8 (src/domain/wire/public-intake.ts): a phone's photos follow its online complaint, and
 * a desk of the fair reads them back; on PGlite and on PostgreSQL. Each test speaks from its own
 * client address (X-Forwarded-For with FAIRCASE_TRUST_PROXY=1).
 */

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const bytesOf = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

const PHOTO_A = bytesOf('jpeg bytes of photo A');
const PHOTO_B = bytesOf('jpeg bytes of photo B');
const UNLISTED = bytesOf('a photo the complaint never listed');

const complaint = (fairId: string, photos: readonly Uint8Array[]): Record<string, unknown> =>
  phoneComplaint(fairId, [{ description: '蓝牙耳机', photos: photos.map((p, i) => ({ sha256: sha(p), name: `IMG_${i}.jpg`, bytes: p.byteLength })) }]);

let address = 0;
const nextAddress = (): string => `203.0.113.${++address}`;
const codeOf = async (res: Response): Promise<string> => ((await res.json()) as { code: string }).code;

describe.each(bothStorages())('public draft photos: $name', (db) => {
  const { storage } = db;
  let app: Hono;
  const trust = process.env.FAIRCASE_TRUST_PROXY;
  beforeAll(() => {
    app = createHttpApp({ distDir: 'dist', storage: storage() });
    process.env.FAIRCASE_TRUST_PROXY = '1';
  });
  afterAll(() => {
    if (trust === undefined) delete process.env.FAIRCASE_TRUST_PROXY;
    else process.env.FAIRCASE_TRUST_PROXY = trust;
  });

  const draft = async (fairId: string, photos: readonly Uint8Array[], from: string): Promise<string> => {
    const res = await app.request(`/api/public/fairs/${fairId}/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify(complaint(fairId, photos)),
    });
    expect(res.status).toBe(201);
    return PublicDraftReceived.parse(await res.json()).draftId;
  };
  const put = (draftId: string, hash: string, body: Uint8Array<ArrayBuffer> | string, from: string, type = 'image/jpeg'): Promise<Response> =>
    Promise.resolve(app.request(`/api/public/drafts/${draftId}/photos/${hash}`, { method: 'PUT', headers: { 'content-type': type, 'x-forwarded-for': from }, body }));
  const read = (draftId: string, hash: string, fairId: string, token: string): Promise<Response> =>
    Promise.resolve(app.request(`/api/intake/drafts/${draftId}/photos/${hash}?fair=${fairId}`, { headers: { authorization: `Bearer ${token}` } }));
  const stored = async (hash: string): Promise<boolean> => (await storage().blobSize(hash)) !== undefined;

  test('[PI7] a listed photo is stored once its bytes match; [PI8] the fair’s desk reads it back', async () => {
    const desk = await enrol(storage(), newId());
    const from = nextAddress();
    const draftId = await draft(desk.fairId, [PHOTO_A, PHOTO_B], from);
    // Before the phone sends it, the desk hears "not there yet".
    expect((await read(draftId, sha(PHOTO_A), desk.fairId, desk.token)).status).toBe(404);
    const first = await put(draftId, sha(PHOTO_A), PHOTO_A, from);
    expect(first.status).toBe(201);
    expect(PublicPhotoStored.parse(await first.json())).toEqual({ type: 'public-photo', sha256: sha(PHOTO_A), created: true });
    const again = await put(draftId, sha(PHOTO_A), PHOTO_A, from);
    expect(again.status).toBe(200);
    expect(PublicPhotoStored.parse(await again.json()).created).toBe(false);
    const back = await read(draftId, sha(PHOTO_A), desk.fairId, desk.token);
    expect(back.status).toBe(200);
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(PHOTO_A);
  });

  test('[PI7] a hash the draft does not list is refused with PHOTO_NOT_LISTED and nothing is stored', async () => {
    const desk = await enrol(storage(), newId());
    const from = nextAddress();
    const draftId = await draft(desk.fairId, [PHOTO_A], from);
    const res = await put(draftId, sha(UNLISTED), UNLISTED, from);
    expect(res.status).toBe(409);
    expect(await codeOf(res)).toBe('PHOTO_NOT_LISTED');
    expect(await stored(sha(UNLISTED))).toBe(false);
    // An unknown draft: 404, nothing stored either.
    const unknown = await put('0b8a4a52-4a1e-4d2e-9c55-2d3f8c1e7a10', sha(UNLISTED), UNLISTED, from);
    expect(unknown.status).toBe(404);
    expect(await codeOf(unknown)).toBe('NOT_FOUND');
    expect(await stored(sha(UNLISTED))).toBe(false);
  });

  test('[PI7] bytes that do not hash to the listed photo are refused with HASH_MISMATCH and nothing is stored', async () => {
    const desk = await enrol(storage(), newId());
    const from = nextAddress();
    const listed = bytesOf(`listed photo ${newId()}`);
    const draftId = await draft(desk.fairId, [listed], from);
    const res = await put(draftId, sha(listed), bytesOf('other bytes'), from);
    expect(res.status).toBe(422);
    expect(await codeOf(res)).toBe('HASH_MISMATCH');
    expect(await stored(sha(listed))).toBe(false);
    expect(await stored(sha(bytesOf('other bytes')))).toBe(false);
  });

  test('[PI7] a photo over the size limit is refused with PAYLOAD_TOO_LARGE and nothing is stored', async () => {
    const desk = await enrol(storage(), newId());
    const from = nextAddress();
    const big = new Uint8Array(PUBLIC_PHOTO_MAX_BYTES + 1).fill(7);
    const draftId = await draft(desk.fairId, [big], from);
    const res = await put(draftId, sha(big), big, from);
    expect(res.status).toBe(413);
    expect(await codeOf(res)).toBe('PAYLOAD_TOO_LARGE');
    expect(await stored(sha(big))).toBe(false);
  });

  test('[PI7] a body that is not an image is refused with UNSUPPORTED_MEDIA_TYPE and nothing is stored', async () => {
    const desk = await enrol(storage(), newId());
    const from = nextAddress();
    const listed = bytesOf(`text pretending ${newId()}`);
    const draftId = await draft(desk.fairId, [listed], from);
    const res = await put(draftId, sha(listed), listed, from, 'text/html');
    expect(res.status).toBe(415);
    expect(await stored(sha(listed))).toBe(false);
  });

  test('[PI7] uploads are rate-limited per client address: 429 with Retry-After; another address goes on', async () => {
    const desk = await enrol(storage(), newId());
    const from = nextAddress();
    const photo = bytesOf(`limited ${newId()}`);
    const draftId = await draft(desk.fairId, [photo], from);
    for (let i = 0; i < PUBLIC_PHOTO_LIMIT.max; i++) expect((await put(draftId, sha(photo), photo, from)).status).toBeLessThan(300);
    const over = await put(draftId, sha(photo), photo, from);
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe(String(PUBLIC_PHOTO_LIMIT.windowSeconds));
    expect(await codeOf(over)).toBe('RATE_LIMITED');
    expect((await put(draftId, sha(photo), photo, nextAddress())).status).toBe(200);
  });

  test('[PI8] another fair’s desk, a listed hash under another draft and no token all get nothing', async () => {
    const desk = await enrol(storage(), newId());
    const stranger = await enrol(storage(), newId());
    const from = nextAddress();
    const photo = bytesOf(`own photo ${newId()}`);
    const draftId = await draft(desk.fairId, [photo], from);
    const otherDraft = await draft(desk.fairId, [PHOTO_B], from);
    expect((await put(draftId, sha(photo), photo, from)).status).toBe(201);
    expect((await read(draftId, sha(photo), stranger.fairId, stranger.token)).status).toBe(404);
    expect((await read(draftId, sha(photo), desk.fairId, stranger.token)).status).toBe(403);
    expect((await read(otherDraft, sha(photo), desk.fairId, desk.token)).status).toBe(404);
    expect((await app.request(`/api/intake/drafts/${draftId}/photos/${sha(photo)}?fair=${desk.fairId}`)).status).toBe(401);
  });
});
