import { expect, test } from 'vitest';
import { getDb } from '../../src/store/db';
import { getBlob, storeEvidence } from '../../src/store/evidence';
import { createFair } from '../../src/store/fairs';
import { syncOnce } from '../../src/sync/http-sync';
import type { BlobSource } from '../../src/sync/push-outbox';
import type { FetchLike } from '../../src/sync/transport';
import { clock, fairInput } from '../store/fixtures';
import { syncServer } from './server-harness';

/**
 * SY4 for evidence (a tablet frees a file only once the server has verified it), found by the
 * seeded fault run (test/proof): the push answer names the evidence files the server lacks; if
 * the upload of one of them fails, the `evidence_meta` item must stay in the outbox, so that the
 * next push asks for the file again. Freed first, the item was never sent again and the server
 * never got the file.
 */
const server = syncServer('push-evidence');
const now = clock('2026-11-25T01:00:00.000Z');
const blobs: BlobSource = async (sha) => {
  const blob = await getBlob(sha);
  return blob === undefined ? undefined : { data: new Uint8Array(await blob.arrayBuffer()), mime: blob.type };
};

test('[SY4] a failed evidence upload keeps its item queued; the next run uploads the file', { timeout: 60_000 }, async () => {
  server.useDevice('tablet');
  const fair = await createFair(fairInput(), now());
  if (!fair.ok) throw new Error(fair.error.kind);
  await server.enrolHere(fair.value.id, 'Tablet', 'KA');
  const bytes = new Uint8Array(2_000).map((_, i) => (i * 37) & 0xff);
  const stored = await storeEvidence(new Blob([bytes], { type: 'image/jpeg' }), { kind: 'photo', mime: 'image/jpeg', capturedAt: now(), fairId: fair.value.id }, now());
  if (!stored.ok) throw new Error(stored.error.kind);
  const sha = stored.value.sha256;

  // The upload of the file is cut off once (the network drops, the tablet sleeps…).
  let cut = 0;
  const flaky: FetchLike = async (url, init) => {
    if (url.includes('/api/blobs/') && init?.method === 'PUT' && cut++ === 0) throw new TypeError('fetch failed');
    return server.app().request(url, init);
  };
  await expect(syncOnce({ now, fetch: flaky, blobs })).rejects.toMatchObject({ code: 'NETWORK' });
  expect(await server.storage().blobSize(sha)).toBeUndefined();
  const queued = await getDb().outbox.toArray();
  expect(queued.map((i) => i.kind)).toContain('evidence_meta');

  await syncOnce({ now, fetch: flaky, blobs });
  expect(await server.storage().blobSize(sha)).toBe(bytes.byteLength);
  expect(await getDb().outbox.count()).toBe(0);
});
