import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import postgres from 'postgres';
import { createHttpApp } from '../../src/server/server';
import { openStorage, type Storage } from '../../src/server/storage/storage';
import { PROTOCOL_VERSION, PushAccepted } from '../../src/domain/wire/protocol';
import { createDatabase } from '../support/postgres';
import { enrol, makeItems, newId } from './support';

/**
 * A push cut off in the middle of its transaction (here its statement is cancelled, as when the
 * server process dies or PostgreSQL restarts; terminating the backend instead would trip a
 * postgres.js bug, see `survivePostgresJsNullSocket`):
 * nothing of the batch lands, the device's acknowledgement does not move, the client gets a
 * retryable 503, and sending the same batch again applies it exactly once.
 */
let storage: Storage;
let admin: postgres.Sql;

beforeAll(async () => {
  const url = await createDatabase(inject('databaseUrl'));
  storage = await openStorage({ databaseUrl: url });
  admin = postgres(url, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await storage.close();
  await admin.end();
});

test('a push cut off mid-transaction changes nothing, answers a retryable 503, and the retry applies the batch once', async () => {
  const app = createHttpApp({ distDir: 'dist', storage });
  const d = await enrol(storage, newId());
  const items = makeItems(d, 1, 50);
  const body = JSON.stringify({ type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: d.deviceId, fairId: d.fairId, items });
  const send = () =>
    app.request('/api/sync/push', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${d.token}` }, body });

  // Hold the server-sequence counter: the push gets past its read and into its one write statement, then waits.
  const held = admin.reserve();
  const blocker = await held;
  await blocker`begin`;
  await blocker`select last from server_seq_counter where id = 1 for update`;
  const pending = send();
  let victim: number | undefined;
  for (let i = 0; i < 200 && victim === undefined; i++) {
    const rows = await admin<{ pid: number }[]>`
      select pid from pg_stat_activity where wait_event_type = 'Lock' and query like '%update server_seq_counter%'`;
    victim = rows[0]?.pid;
    if (victim === undefined) await new Promise((r) => setTimeout(r, 25));
  }
  expect(victim).toBeDefined();
  await admin`select pg_cancel_backend(${victim!})`;
  const cut = await pending;
  await blocker`rollback`;
  blocker.release();
  expect(cut.status).toBe(503);
  expect(((await cut.json()) as { code: string }).code).toBe('UNAVAILABLE');
  expect(cut.headers.get('retry-after')).toBe('1');

  const [count] = await admin<{ n: number }[]>`select count(*)::int as n from items where device_id = ${d.deviceId}`;
  expect(count?.n).toBe(0);
  const [ack] = await admin<{ acked_seq: string }[]>`select acked_seq from device_acks where device_id = ${d.deviceId}`;
  expect(Number(ack?.acked_seq)).toBe(0);

  const retry = await send();
  expect(retry.status).toBe(200);
  const reply = PushAccepted.parse(await retry.json());
  expect(reply.results.every((r) => r.status === 'applied')).toBe(true);
  expect(reply.ackedSeq).toBe(50);
  const again = PushAccepted.parse(await (await send()).json());
  expect(again.results.every((r) => r.status === 'duplicate')).toBe(true);
  const [after] = await admin<{ n: number }[]>`select count(*)::int as n from items where device_id = ${d.deviceId}`;
  expect(after?.n).toBe(50);
});
