import { describe, expect, test } from 'vitest';
import { closeDb, getDb } from '../../src/store/db';
import { getFair, updateFair } from '../../src/store/fairs';
import type { Fair } from '../../src/domain/fair';
import { rewriteItems } from '../../src/server/storage/event-chain';
import { syncOnce } from '../../src/sync/http-sync';
import { readSyncState } from '../../src/store/sync-state';
import { httpTransport, TransportError, type SyncTransport } from '../../src/sync/transport';
import { loadCredentials } from '../../src/store/sync-state';
import { clock, fairInput } from '../store/fixtures';
import { syncServer } from './server-harness';

/**
 * The tablet's sync against the real server (PGlite in memory, called through `app.fetch`) and
 * the real store (fake-indexeddb): push, pull into the store, a lost answer, a restored server.
 */
const server = syncServer('sync');
const { fetch: fetchImpl, enrolled } = server;
const now = clock('2026-11-25T01:00:00.000Z');

const fairOnA = async (): Promise<Fair> => server.fairOn('A', 'KA', now);

const serverCount = async (fairId: string) => (await server.storage().pull(fairId, 0, 1000)).items.length;

describe('push and pull between two tablets through the server', { timeout: 60_000 }, () => {
  test('[SY6] A pushes its outbox; B pulls the fair into its store, page and cursor in one transaction', async () => {
    const fair = await fairOnA();
    const run = await syncOnce({ now, fetch: fetchImpl });
    expect(run.push.acknowledged).toBe(1);
    expect(await getDb().outbox.count()).toBe(0);
    expect(await getDb().items.count()).toBe(1);
    expect(await serverCount(fair.id)).toBe(1);
    expect((await readSyncState()).lastSuccessAt).toBeDefined();
    closeDb();

    await enrolled('B', fair.id);
    const pulled = await syncOnce({ now, fetch: fetchImpl });
    expect(pulled.pull.items).toBe(1);
    expect((await getFair(fair.id))?.code).toBe(fair.code);
    const state = await readSyncState();
    expect(state.cursor).toBeGreaterThan(0);
    const again = await syncOnce({ now, fetch: fetchImpl });
    expect(again.pull.items).toBe(0);
    expect((await readSyncState()).cursor).toBe(state.cursor);
  });

  test('[SY4] a lost answer: the items stay queued, the next run gets duplicates, the server keeps one copy', async () => {
    const fair = await fairOnA();
    const creds = (await loadCredentials())!;
    const real = httpTransport({ baseUrl: creds.baseUrl, token: creds.token, fetch: fetchImpl });
    let drop = true;
    const lossy: SyncTransport = {
      ...real,
      push: async (request) => {
        const reply = await real.push(request);
        if (drop) {
          drop = false;
          throw new TransportError('NETWORK', true);
        }
        return reply;
      },
    };
    await expect(syncOnce({ now, transport: lossy })).rejects.toMatchObject({ code: 'NETWORK' });
    expect(await getDb().outbox.count()).toBe(1);
    expect((await readSyncState()).lastError?.code).toBe('NETWORK');
    const run = await syncOnce({ now, transport: lossy });
    expect(run.push.acknowledged).toBe(1);
    expect(await getDb().outbox.count()).toBe(0);
    expect(await serverCount(fair.id)).toBe(1);
  });

  test('[SY7] a server restored from an earlier backup: the new epoch makes the tablet send everything again', async () => {
    const fair = await fairOnA();
    await syncOnce({ now, fetch: fetchImpl });
    const edited = await updateFair(fair.id, { ...fairInput(), nameEn: 'Edited' }, now());
    expect(edited.ok).toBe(true);
    await syncOnce({ now, fetch: fetchImpl });
    expect(await serverCount(fair.id)).toBe(2);
    // The backup predates both items: they are gone, and the device's acknowledgement with them.
    await rewriteItems(server.storage().sql, (tx) => tx.query('delete from items where fair_id = $1', [fair.id]));
    await server.storage().sql.query('update device_acks set acked_seq = 0 where device_id = $1', [(await loadCredentials())!.deviceId]);
    await server.storage().markRestored();
    expect(await serverCount(fair.id)).toBe(0);
    const run = await syncOnce({ now, fetch: fetchImpl });
    expect(run.pull.epochChanged).toBe(true);
    expect(run.push.acknowledged).toBe(2);
    expect(await serverCount(fair.id)).toBe(2);
    expect(await getDb().outbox.count()).toBe(0);
  });

  test('a revoked tablet stops syncing and says why', async () => {
    await fairOnA();
    await syncOnce({ now, fetch: fetchImpl });
    await updateFair((await loadCredentials())!.fairId, fairInput(), now());
    await server.storage().revokeDevice((await loadCredentials())!.deviceId);
    await expect(syncOnce({ now, fetch: fetchImpl })).rejects.toMatchObject({ code: 'TOKEN_REVOKED' });
    expect((await readSyncState()).refused).toBe('TOKEN_REVOKED');
    expect(await getDb().outbox.count()).toBe(1);
  });
});
