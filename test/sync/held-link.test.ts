import { describe, expect, test, vi } from 'vitest';
import type { Fair } from '../../src/domain/fair';
import { closeDb, getDb } from '../../src/store/db';
import { getFair, updateFair } from '../../src/store/fairs';
import { heldKey } from '../../src/store/held-items';
import { ALL_APPLIERS } from '../../src/store/appliers';
import { syncOnce } from '../../src/sync/http-sync';
import { pullPages } from '../../src/sync/pull-pages';
import { loadCredentials, readSyncState, type SyncCredentials } from '../../src/store/sync-state';
import { httpTransport } from '../../src/sync/transport';
import { clock, fairInput } from '../store/fixtures';
import { heldLink, type HeldLink } from './held-link';
import { syncServer } from './server-harness';

/**
 * The tablet's side of sync with the network in the test's hand (held-link.ts): each request
 * waits until the test delivers, loses or drops it, so the interleavings below happen in the
 * same order on every run. The server behind the link is the real one.
 */
const server = syncServer('held');
const now = clock('2026-11-25T01:00:00.000Z');

async function credentials(): Promise<SyncCredentials> {
  const creds = await loadCredentials();
  if (creds === undefined) throw new Error('this tablet is not enrolled');
  return creds;
}

async function linkHere(): Promise<HeldLink> {
  const creds = await credentials();
  return heldLink(httpTransport({ baseUrl: creds.baseUrl, token: creds.token, fetch: server.fetch }));
}

const outboxIds = async (): Promise<string[]> => (await getDb().outbox.toArray()).map((i) => i.id);
const serverCount = async (fairId: string): Promise<number> => (await server.storage().pull(fairId, 0, 1000)).items.length;

async function edit(fair: Fair, nameEn: string): Promise<void> {
  const edited = await updateFair(fair.id, fairInput({ nameEn }), now());
  if (!edited.ok) throw new Error(edited.error.kind);
}

describe('sync with the network held by the test', { timeout: 60_000 }, () => {
  test('[SY4] an item saved while a push is on its way stays in the outbox when that push is answered', async () => {
    const fair = await server.fairOn('A', 'KA', now);
    const [created] = await outboxIds();
    const link = await linkHere();
    const run = syncOnce({ now, transport: link.transport });
    await link.requested();
    expect(link.pending()).toEqual(['push']);

    await edit(fair, 'Edited while sending');
    const [, edited] = await outboxIds();
    expect(edited).toBeDefined();
    await link.deliver();
    // The next request is the second round's push: the answered item is gone, the new one waits.
    await link.requested();
    expect(link.pending()).toEqual(['push']);
    expect(await outboxIds()).toEqual([edited]);
    expect(created).not.toBe(edited);

    const done = await link.settle(run);
    expect(done.push.acknowledged).toBe(2);
    expect(await outboxIds()).toEqual([]);
    expect(await serverCount(fair.id)).toBe(2);
  });

  test('[SY4] a push answer lost on the way back frees nothing; sent again, the items are answered and freed once', async () => {
    const fair = await server.fairOn('A', 'KA', now);
    const link = await linkHere();
    const first = syncOnce({ now, transport: link.transport });
    await link.requested();
    expect(await link.loseAnswer()).toBe('push');
    await expect(first).rejects.toMatchObject({ code: 'NETWORK' });
    expect(await outboxIds()).toHaveLength(1);
    expect(await serverCount(fair.id)).toBe(1);
    expect((await readSyncState()).lastError?.code).toBe('NETWORK');

    const again = await link.settle(syncOnce({ now, transport: link.transport }));
    expect(again.push.acknowledged).toBe(1);
    expect(await outboxIds()).toEqual([]);
    expect(await serverCount(fair.id)).toBe(1);
    expect((await readSyncState()).lastError).toBeUndefined();
  });

  test('[SY6] the network drops between two pull pages: the first page stays with its cursor, and the next run goes on after it', async () => {
    const fair = await server.fairOn('A', 'KA', now);
    for (const name of ['Edit 1', 'Edit 2', 'Edit 3']) await edit(fair, name);
    await syncOnce({ now, fetch: server.fetch });
    expect(await serverCount(fair.id)).toBe(4);
    closeDb();

    await server.enrolled('B', fair.id);
    const link = await linkHere();
    const creds = await credentials();
    const pull = (): Promise<{ pages: number; items: number }> => pullPages({ transport: link.transport, credentials: creds, appliers: ALL_APPLIERS, limit: 2, now });
    const cut = pull();
    await link.requested();
    await link.deliver();
    await link.requested();
    // SY91: the next page is asked for while the first is written: wait for the first to land.
    await vi.waitFor(async () => expect((await readSyncState()).cursor).toBeGreaterThan(0));
    const afterFirstPage = (await readSyncState()).cursor;
    expect(afterFirstPage).toBeGreaterThan(0);
    expect((await getFair(fair.id))?.nameEn).toBe('Edit 1');
    expect(await link.drop()).toBe('pull');
    await expect(cut).rejects.toMatchObject({ code: 'NETWORK' });
    expect((await readSyncState()).cursor).toBe(afterFirstPage);

    const rest = await link.settle(pull());
    expect(rest.items).toBe(2);
    expect((await getFair(fair.id))?.nameEn).toBe('Edit 3');
    // SY39: each of A's four items is kept once, none twice for the page pulled before the cut.
    const aDevice = (await server.storage().pull(fair.id, 0, 10)).items[0]!.item.deviceId;
    const held = await getDb().meta.where('key').between(heldKey(aDevice, 0), heldKey(aDevice, Number.MAX_SAFE_INTEGER), true, true).primaryKeys();
    expect(held).toEqual([1, 2, 3, 4].map((seq) => heldKey(aDevice, seq)));
  });
});
