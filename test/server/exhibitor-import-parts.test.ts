import { beforeAll, describe, expect, test } from 'vitest';
import type { Hono } from 'hono';
import { ExhibitorsImported } from '../../src/domain/wire/console-review';
import { createHttpApp } from '../../src/server/server';
import { checkChain } from '../../src/server/storage/event-chain';
import { num } from '../../src/server/storage/sql';
import type { Storage } from '../../src/server/storage/storage';
import { makeFair } from '../support/builders';
import { bothStorages } from './both-storages';
import { newId } from './support';

/** CONSOLE-SPEC CO17, CO23: an import larger than one write statement's part, on both databases. */
const ORIGIN = 'http://localhost';
const PASSWORD = 'correct horse battery';
/** More than one of `writeServerItems`' parts. */
const ROWS = 2_345;

describe.each(bothStorages())('a large exhibitor import on $name', (db) => {
  let app: Hono;
  let storage: Storage;
  let cookie = '';

  beforeAll(async () => {
    storage = db.storage();
    app = createHttpApp({ distDir: 'dist', storage, now: () => Date.now() });
    const name = `importer-${newId().slice(-6)}`;
    await storage.createUser({ name, password: PASSWORD, role: 'organizer' });
    const res = await call('POST', '/session', { name, password: PASSWORD });
    cookie = /^([^=]+=[^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  });

  function call(method: string, path: string, body: unknown): Promise<Response> {
    return Promise.resolve(app.request(`${ORIGIN}/api/console${path}`, {
      method, headers: { origin: ORIGIN, cookie, 'content-type': 'application/json' }, body: JSON.stringify(body),
    }));
  }

  test('[CO23][CO17] every row is stored as the next item of the server device, in consecutive server sequences and one unbroken chain', async () => {
    const fair = makeFair({ id: newId() });
    expect((await call('POST', '/fairs', { fair })).status).toBe(201);
    const rows = Array.from({ length: ROWS }, (_, i) => ({
      row: i + 2, fields: { nameZh: `展商${i}`, country: 'CN', booths: [{ hall: '11.2', stand: `C${String(i).padStart(4, '0')}` }], contacts: [] },
    }));
    const res = await call('POST', `/fairs/${fair.id}/exhibitors/import`, { rows });
    expect(res.status).toBe(200);
    expect(ExhibitorsImported.parse(await res.json())).toEqual({ type: 'exhibitors-saved', version: 1, saved: ROWS, rowErrors: [], warnings: [] });

    const stored = await storage.sql.query<{ device_id: string; seq: unknown; server_seq: unknown; name: string; list_version: unknown }>(
      `select device_id, seq, server_seq, payload->>'nameZh' as name, payload->>'listVersion' as list_version
       from items where fair_id = $1 and kind = 'exhibitor' order by seq`,
      [fair.id],
    );
    expect(stored).toHaveLength(ROWS);
    const device = stored[0]?.device_id;
    const first = num(stored[0]?.seq);
    const firstServer = num(stored[0]?.server_seq);
    expect(stored.every((r, i) => r.device_id === device && num(r.seq) === first + i && num(r.server_seq) === firstServer + i && num(r.list_version) === 1)).toBe(true);
    expect(stored.map((r) => r.name)).toEqual(rows.map((r) => r.fields.nameZh));
    const [acked] = await storage.sql.query<{ acked_seq: unknown }>('select acked_seq from device_acks where device_id = $1', [device ?? '']);
    expect(num(acked?.acked_seq)).toBe(first + ROWS - 1);
    expect((await checkChain(storage.sql)).broken).toEqual([]);
  });
});
