import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { openStorage, type Storage, type StorageConfig } from '../../src/server/storage/storage';
import { migrate } from '../../src/server/storage/migrations';
import type { PushOutcome } from '../../src/server/storage/sync-store';
import type { SyncItem } from '../../src/domain/sync-item';
import { enrol, makeItem, makeItems, makeOrganizer, newId } from './support';

/**
 * ONE storage contract for two databases, run on PGlite and on a
 * real PostgreSQL server. `fresh()` gives the config of a new, empty database.
 */
export interface Backend {
  readonly name: 'pglite' | 'postgres';
  fresh(): Promise<StorageConfig>;
}

const pushed = (o: PushOutcome | { kind: 'device-revoked' }): PushOutcome => {
  if (o.kind !== 'pushed') throw new Error(`expected a push result, got ${o.kind}`);
  return o;
};

export function storageContract(backend: Backend): void {
  describe(`storage contract on ${backend.name}`, () => {
    let storage: Storage;
    let config: StorageConfig;
    beforeAll(async () => {
      config = await backend.fresh();
      storage = await openStorage(config);
    });
    afterAll(async () => {
      await storage.close();
    });
    const fair = () => newId();

    test('migrations run at start and are idempotent', async () => {
      expect(await migrate(storage.sql)).toEqual([]);
      const tables = await storage.sql.query<{ id: string }>('select id from schema_migrations order by id');
      expect(tables.map((t) => t.id)).toContain('0001-sync');
    });

    test('push applies a batch in order with increasing server sequences and acknowledges the device', async () => {
      const d = await enrol(storage, fair());
      const items = makeItems(d, 1, 5);
      const out = pushed(await storage.push(d, items, Date.now()));
      expect(out.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
      const seqs = out.results.map((r) => ('serverSeq' in r ? r.serverSeq : 0));
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(5);
      expect(out.ackedSeq).toBe(5);
      expect(out.gap).toBe(false);
      const page = await storage.pull(d.fairId, 0, 100);
      expect(page.items.map((p) => p.item.id)).toEqual(items.map((i) => i.id));
      expect(page.items[0]?.item).toEqual(items[0]);
    });

    test('[SY1] the same id with the same content is a duplicate carrying the original server sequence', async () => {
      const d = await enrol(storage, fair());
      const items = makeItems(d, 1, 3);
      const first = pushed(await storage.push(d, items, Date.now()));
      // The answer was lost; the tablet pushes the same batch again, keys in another order.
      const again = items.map((i) => {
        const { payload, ...rest } = i;
        return JSON.parse(JSON.stringify({ payload, ...rest })) as typeof i;
      });
      const second = pushed(await storage.push(d, again, Date.now()));
      expect(second.results).toEqual(first.results.map((r) => ({ ...r, status: 'duplicate' })));
      expect(second.ackedSeq).toBe(3);
      expect((await storage.pull(d.fairId, 0, 100)).items).toHaveLength(3);
    });

    test('[SY1] the same id twice in one batch: the second is a duplicate of the first', async () => {
      const d = await enrol(storage, fair());
      const item = makeItem(d, 1);
      const out = pushed(await storage.push(d, [item, item], Date.now()));
      expect(out.results[0]).toMatchObject({ status: 'applied' });
      expect(out.results[1]).toEqual({ ...out.results[0], status: 'duplicate' });
    });

    test('[SY1] the same id with different content is a conflict, kept aside, never overwriting', async () => {
      const d = await enrol(storage, fair());
      const original = makeItem(d, 1, { topic: 'original' });
      pushed(await storage.push(d, [original], Date.now()));
      const changed = makeItem(d, 1, { id: original.id, entityId: original.entityId, topic: 'changed' });
      const out = pushed(await storage.push(d, [changed, makeItem(d, 2)], Date.now()));
      expect(out.results[0]).toEqual({ status: 'conflict', id: original.id });
      expect(out.results[1]).toMatchObject({ status: 'applied' });
      const page = await storage.pull(d.fairId, 0, 100);
      expect((page.items[0]?.item.payload as { topic: string }).topic).toBe('original');
      const conflicts = (await storage.conflicts(d.fairId)).records;
      expect(conflicts).toHaveLength(1);
      expect((JSON.parse(conflicts[0]?.item.head ?? 'null') as SyncItem).payload).toMatchObject({ topic: 'changed' });
      // Sent again, it stays one conflict.
      pushed(await storage.push(d, [changed], Date.now()));
      expect((await storage.conflicts(d.fairId)).records).toHaveLength(1);
    });

    test('[SY5] an item that can never apply is rejected with a code and acknowledged, so the queue moves on', async () => {
      const d = await enrol(storage, fair());
      const poison = makeItem(d, 1);
      (poison.payload as { topic: string }).topic = '';
      const wrongFair = makeItem(d, 2, { fairId: newId() as SyncItem['fairId'] });
      const good = makeItem(d, 3);
      const out = pushed(await storage.push(d, [poison, wrongFair, good], Date.now()));
      expect(out.results[0]).toMatchObject({ status: 'rejected', code: 'PAYLOAD_INVALID', issues: [{ path: 'topic' }] });
      expect(out.results[1]).toMatchObject({ status: 'rejected', code: 'WRONG_FAIR' });
      expect(out.results[2]).toMatchObject({ status: 'applied' });
      expect(out.ackedSeq).toBe(3);
      // Re-sent after a lost answer: the same verdict, nothing stored twice.
      const again = pushed(await storage.push(d, [poison], Date.now()));
      expect(again.results[0]).toMatchObject({ status: 'rejected', code: 'PAYLOAD_INVALID' });
      expect((await storage.pull(d.fairId, 0, 100)).items.map((p) => p.item.id)).toEqual([good.id]);
      // Kept for the organizer: the small item of another fair can be recovered whole from there.
      expect((await storage.rejected(d.fairId)).records.map((r) => [r.itemId, r.code])).toEqual([[poison.id, 'PAYLOAD_INVALID']]);
      expect((await storage.rejected(wrongFair.fairId)).records.map((r) => [r.itemId, r.code, r.deviceId])).toEqual([[wrongFair.id, 'WRONG_FAIR', d.deviceId]]);
    });

    test('[SY2] a sequence gap answers the expected number and applies nothing past it', async () => {
      const d = await enrol(storage, fair());
      pushed(await storage.push(d, makeItems(d, 1, 2), Date.now()));
      const [i3, , i5] = makeItems(d, 3, 5);
      const out = pushed(await storage.push(d, [i3!, i5!], Date.now()));
      expect(out.results.map((r) => r.status)).toEqual(['applied', 'skipped']);
      expect(out.gap).toBe(true);
      expect(out.ackedSeq).toBe(3);
      const only = pushed(await storage.push(d, [makeItem(d, 9)], Date.now()));
      expect(only.results[0]?.status).toBe('skipped');
      expect(only.ackedSeq).toBe(3);
      expect((await storage.pull(d.fairId, 0, 100)).items).toHaveLength(3);
    });

    test('[SY2] a new id with an already used sequence is rejected as SEQ_REUSED', async () => {
      const d = await enrol(storage, fair());
      pushed(await storage.push(d, makeItems(d, 1, 2), Date.now()));
      const out = pushed(await storage.push(d, [makeItem(d, 2)], Date.now()));
      expect(out.results[0]).toMatchObject({ status: 'rejected', code: 'SEQ_REUSED' });
      expect(out.ackedSeq).toBe(2);
    });

    test('[SY15] an item stamped hours before the server\'s time is applied with no warning', async () => {
      const d = await enrol(storage, fair());
      const item = makeItem(d, 1);
      const threeHoursLater = Date.now() + 3 * 3_600_000;
      const out = pushed(await storage.push(d, [item], threeHoursLater));
      expect(out.results[0]?.status).toBe('applied');
      expect(out.warnings).toEqual([]);
    });

    test('[SY14] a device\'s last reported clock offset is kept, one per device and fair', async () => {
      const d = await enrol(storage, fair());
      await storage.reportClock(d, -3 * 3_600_000, Date.parse('2025-04-15T02:00:00.000Z'));
      await storage.reportClock(d, 90_000, Date.parse('2025-04-15T03:00:00.000Z'));
      expect(await storage.clockReports(d.fairId)).toEqual([{ deviceId: d.deviceId, offsetMs: 90_000, reportedAt: '2025-04-15T03:00:00.000Z' }]);
    });

    test('[SY6] pull pages by server sequence, one fair only, with a cursor and hasMore', async () => {
      const d = await enrol(storage, fair());
      const other = await enrol(storage, fair());
      pushed(await storage.push(other, makeItems(other, 1, 3), Date.now()));
      const items = makeItems(d, 1, 7);
      pushed(await storage.push(d, items, Date.now()));
      const seen: string[] = [];
      let after = 0;
      for (let guard = 0; guard < 10; guard++) {
        const page = await storage.pull(d.fairId, after, 3);
        seen.push(...page.items.map((p) => p.item.id));
        expect(page.cursor).toBeGreaterThanOrEqual(after);
        after = page.cursor;
        if (!page.hasMore) break;
      }
      expect(seen).toEqual(items.map((i) => i.id));
      const empty = await storage.pull(d.fairId, after, 3);
      expect(empty).toMatchObject({ items: [], cursor: after, hasMore: false });
    });

    test('[SY7] the epoch is stable until the database is marked restored', async () => {
      const before = await storage.epoch();
      expect(await storage.epoch()).toBe(before);
      const after = await storage.markRestored();
      expect(after).not.toBe(before);
      expect(await storage.epoch()).toBe(after);
      expect((await storage.pull(newId(), 0, 1)).epoch).toBe(after);
      // Back to the first code range: the later tests choose codes, which a restore no longer grants (SY32).
      await storage.sql.query(`delete from server_meta where key = 'code_range'`);
    });

    test('a revoked device is refused at once, on push and on every token', async () => {
      const d = await enrol(storage, fair());
      expect(await storage.authenticate(d.token)).toMatchObject({ kind: 'device', deviceId: d.deviceId, fairId: d.fairId, role: 'desk' });
      expect(await storage.revokeDevice(d.deviceId)).toBe(1);
      expect(await storage.authenticate(d.token)).toEqual({ refused: 'TOKEN_REVOKED' });
      expect(await storage.push(d, [makeItem(d, 1)], Date.now())).toEqual({ kind: 'device-revoked' });
      expect(await storage.authenticate('not-a-token-at-all-000000')).toEqual({ refused: 'UNAUTHENTICATED' });
    });

    test('[CN1] an enrolment code works once; device codes are unique per fair, not across fairs', async () => {
      const f = fair();
      const org = await makeOrganizer(storage);
      const { code } = await storage.createEnrolment(org.userId, { fairId: f, role: 'desk', ttlMinutes: 5 }, Date.now());
      const a = await storage.redeemEnrolment({ code, deviceName: 'A', deviceCode: 'K07' });
      expect(a).toMatchObject({ fairId: f, deviceCode: 'K07', role: 'desk', expectedSeq: 1 });
      await expect(storage.redeemEnrolment({ code, deviceName: 'B' })).rejects.toMatchObject({ code: 'ENROLMENT_INVALID' });
      await expect(enrol(storage, f, { deviceCode: 'K07' })).rejects.toMatchObject({ code: 'DEVICE_CODE_TAKEN' });
      const auto = await Promise.all([enrol(storage, f), enrol(storage, f), enrol(storage, f)]);
      expect(new Set([...auto.map((x) => x.deviceCode), 'K07']).size).toBe(4);
      expect((await enrol(storage, fair(), { deviceCode: 'K07' })).deviceCode).toBe('K07');
      expect((await storage.listDevices(f)).map((x) => x.deviceCode).sort()).toEqual([...auto.map((x) => x.deviceCode), 'K07'].sort());
    });

    test('an expired enrolment code is refused', async () => {
      const org = await makeOrganizer(storage);
      const { code } = await storage.createEnrolment(org.userId, { fairId: fair(), role: 'desk', ttlMinutes: 1 }, Date.now() - 120_000);
      await expect(storage.redeemEnrolment({ code, deviceName: 'late' })).rejects.toMatchObject({ code: 'ENROLMENT_INVALID' });
    });

    test('re-enrolling the same device keeps its code and its sequence', async () => {
      const d = await enrol(storage, fair());
      pushed(await storage.push(d, makeItems(d, 1, 4), Date.now()));
      const again = await enrol(storage, d.fairId, { deviceId: d.deviceId });
      expect(again.deviceCode).toBe(d.deviceCode);
      const [row] = await storage.listDevices(d.fairId);
      expect(row?.ackedSeq).toBe(4);
    });

    test('the sequence is the device’s own: enrolled in a second fair, it carries on from its last number', async () => {
      const d = await enrol(storage, fair());
      pushed(await storage.push(d, makeItems(d, 1, 3), Date.now()));
      const inB = await enrol(storage, fair(), { deviceId: d.deviceId });
      const out = pushed(await storage.push(inB, [makeItem(inB, 4)], Date.now()));
      expect(out.results[0]?.status).toBe('applied');
      expect(out.ackedSeq).toBe(4);
      // An item of fair A pushed with fair B's token can never apply there.
      const stray = pushed(await storage.push(inB, [makeItem(d, 5)], Date.now()));
      expect(stray.results[0]).toMatchObject({ status: 'rejected', code: 'WRONG_FAIR' });
    });

    test('passwords and tokens are stored only as hashes', async () => {
      const org = await makeOrganizer(storage);
      expect(await storage.login(org.name, 'wrong password!')).toBeUndefined();
      expect(await storage.login('nobody-by-that-name', org.password)).toBeUndefined();
      const [user] = await storage.sql.query<{ password_hash: string }>('select password_hash from users where id = $1', [org.userId]);
      expect(user?.password_hash).toMatch(/^scrypt\$/);
      expect(user?.password_hash).not.toContain(org.password);
      const raw = await storage.sql.query('select 1 from tokens where hash = $1', [org.token]);
      expect(raw).toHaveLength(0);
      const hashed = await storage.sql.query('select 1 from tokens where hash = $1', [createHash('sha256').update(org.token).digest('hex')]);
      expect(hashed).toHaveLength(1);
      await expect(storage.createUser({ name: org.name, password: 'another password', role: 'expert' })).rejects.toMatchObject({ code: 'NAME_TAKEN' });
    });

    test('blobs are idempotent, and a push lists the evidence files the server still lacks', async () => {
      const data = new TextEncoder().encode(`photo ${newId()}`);
      const sha = createHash('sha256').update(data).digest('hex');
      expect(await storage.blobSize(sha)).toBeUndefined();
      const d = await enrol(storage, fair());
      const evidenceId = newId();
      const at = '2025-04-16T02:30:00.000Z';
      const item = makeItem(d, 1, {
        kind: 'evidence_meta',
        entityId: evidenceId,
        payload: { id: evidenceId, kind: 'photo', sha256: sha, mime: 'image/jpeg', bytes: data.byteLength, capturedAt: at, capturedBy: '01J00000000000000000000000', deviceId: d.deviceId },
      });
      expect(pushed(await storage.push(d, [item], Date.now())).missingBlobs).toEqual([sha]);
      expect(await storage.putBlob(sha, data)).toEqual({ created: true });
      expect(await storage.putBlob(sha, data)).toEqual({ created: false });
      expect(await storage.blobSize(sha)).toBe(data.byteLength);
      expect(new Uint8Array(await storage.getBlob(sha) as Uint8Array)).toEqual(data);
      expect(pushed(await storage.push(d, [item], Date.now())).missingBlobs).toEqual([]);
    });

    test('data outlives a restart of the server process', async () => {
      // PGlite's folder has one owner at a time: close, reopen, then carry on.
      if (backend.name === 'pglite') {
        const epoch = await storage.epoch();
        await storage.close();
        storage = await openStorage(config);
        expect(await storage.epoch()).toBe(epoch);
        return;
      }
      const second = await openStorage(config);
      try {
        expect(await second.epoch()).toBe(await storage.epoch());
      } finally {
        await second.close();
      }
    });
  });
}
