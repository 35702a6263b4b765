import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import postgres from 'postgres';
import { openStorage } from '../../src/server/storage/storage';
import { PROTOCOL_VERSION, PushAccepted } from '../../src/domain/wire/protocol';
import { createDatabase } from '../support/postgres';
import { enrol, makeItems, newId, type TestDevice } from './support';

/**
 * PostgreSQL drops every connection of the server (here
 * `pg_terminate_backend`, as a restart or a failover does) while pushes are in flight. The server
 * runs as `npm start` runs it (src/server/main.ts, its own process, on DATABASE_URL), so a crash
 * is seen as a crash. The process must not die (postgres.js 3.4.9 can reject a dropped promise or
 * throw from a timer after a connection died, see `openPostgres`), each request answers 200 or a
 * retryable 503 (never a 500, never no answer), and the server recovers by itself: the next pushes
 * succeed and, retried, every item lands exactly once.
 */
let admin: postgres.Sql;
let database = '';
let child: ChildProcess;
let baseUrl = '';
let exited: number | null | undefined;
const devices: TestDevice[] = [];

beforeAll(async () => {
  const url = await createDatabase(inject('databaseUrl'));
  database = new URL(url).pathname.slice(1);
  admin = postgres(url, { max: 1, onnotice: () => {} });
  // The devices are enrolled from here, then this process's own connections are closed.
  const setup = await openStorage({ databaseUrl: url });
  for (let i = 0; i < 4; i++) devices.push(await enrol(setup, newId()));
  await setup.close();
  child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.on('exit', (code) => (exited = code));
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${log}`)), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      const m = /at (http:\/\/\S+),/.exec(d.toString());
      if (m !== null) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
  });
}, 90_000);
afterAll(async () => {
  child?.kill('SIGTERM');
  await admin?.end();
});
const killAll = async (): Promise<number> => {
  const rows = await admin<{ pid: number }[]>`
    select pg_terminate_backend(pid) as ok, pid from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`;
  return rows.length;
};

test('connections killed under load: the process lives, every request answers 200 or 503, then the server recovers and every item lands once', { timeout: 240_000 }, async () => {
  const batches = devices.map((d) => makeItems(d, 1, 200));
  const send = (k: number): Promise<Response> =>
    fetch(`${baseUrl}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${devices[k]!.token}` },
      body: JSON.stringify({ type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: devices[k]!.deviceId, fairId: devices[k]!.fairId, items: batches[k] }),
      signal: AbortSignal.timeout(60_000),
    });

  const statuses: number[] = [];
  for (let round = 0; round < 5; round++) {
    const inFlight = devices.map((_, k) => send(k));
    await new Promise((r) => setTimeout(r, 5 + round * 10));
    await killAll();
    for (const res of await Promise.all(inFlight)) {
      statuses.push(res.status);
      if (res.status === 503) expect(((await res.json()) as { code: string }).code).toBe('UNAVAILABLE');
    }
    // Idle connections die too: the next request finds a dead pool.
    await killAll();
  }
  expect(exited).toBeUndefined();
  expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
  expect(statuses).toContain(503);

  // Recovery: within a few retries every device's batch is taken, duplicates where it already landed.
  for (let k = 0; k < devices.length; k++) {
    let reply: PushAccepted | undefined;
    for (let attempt = 0; attempt < 20 && reply === undefined; attempt++) {
      const res = await send(k);
      if (res.status === 200) reply = PushAccepted.parse(await res.json());
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(reply?.ackedSeq).toBe(200);
    expect(reply?.results.every((r) => r.status === 'applied' || r.status === 'duplicate')).toBe(true);
  }
  const [count] = await admin<{ n: number }[]>`select count(*)::int as n from items`;
  expect(count?.n).toBe(800);
  expect(exited).toBeUndefined();
});
