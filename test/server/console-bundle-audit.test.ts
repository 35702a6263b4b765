import { beforeAll, describe, expect, test } from 'vitest';
import type { Hono } from 'hono';
import { strToU8 } from 'fflate';
import { createHttpApp } from '../../src/server/server';
import type { SqlClient, SqlRunner } from '../../src/server/storage/sql';
import { storageOn, type Storage } from '../../src/server/storage/storage';
import type { FairInput } from '../../src/domain/fair';
import { BundleAccepted } from '../../src/domain/wire/bundle';
import { bothStorages } from './both-storages';
import { forgeBundle, sha } from '../sync/bundle-forge';
import { enrol, makeItems, makeOrganizer, newId } from './support';

/**
 * CONSOLE-SPEC CO43: a bundle uploaded in the console has its audit row exactly when its items
 * applied. Faults are injected into the storage the route is given: the evidence store failing
 * after the items commit, and the audit row's insert failing inside the items' transaction.
 */
const ORIGIN = 'http://localhost';
const PASSWORD = 'correct horse battery';

/** The same database, with every `insert into audit_log` inside a transaction failing. */
function failingAuditRow(db: SqlClient): SqlClient {
  const guard = (tx: SqlRunner): SqlRunner => ({
    query: (text, params) => (text.trimStart().startsWith('insert into audit_log') ? Promise.reject(new Error('injected: the audit row fails')) : tx.query(text, params)),
    exec: (script) => tx.exec(script),
  });
  return {
    kind: db.kind,
    query: (text, params) => db.query(text, params),
    exec: (script) => db.exec(script),
    transaction: (fn) => db.transaction((tx) => fn(guard(tx))),
    close: () => Promise.resolve(),
  };
}

describe.each(bothStorages())('the console\'s bundle upload and its audit row on $name', (db) => {
  let storage: Storage;
  let app: Hono;
  let cookie: string;

  const upload = (on: Hono, bytes: Uint8Array, name: string) =>
    Promise.resolve(on.request(`${ORIGIN}/api/console/bundles`, {
      method: 'POST', headers: { origin: ORIGIN, cookie, 'content-type': 'application/zip', 'x-file-name': name }, body: bytes as BodyInit,
    }));
  const newFair = async (): Promise<string> => {
    const id = newId();
    const fair = { id, code: 'CF138', nameZh: '第138届广交会', sessionNo: 138, days: [{ date: '2026-11-25', opensAt: '09:00', closesAt: '17:00' }] } satisfies FairInput;
    const res = await app.request(`${ORIGIN}/api/console/fairs`, { method: 'POST', headers: { origin: ORIGIN, cookie, 'content-type': 'application/json' }, body: JSON.stringify({ fair }) });
    expect(res.status).toBe(201);
    return id;
  };
  const itemsOf = async (deviceId: string): Promise<number> =>
    Number((await storage.sql.query<{ n: unknown }>('select count(*) as n from items where device_id = $1', [deviceId]))[0]?.n);
  const rowsOf = async (fairId: string): Promise<Record<string, unknown>[]> =>
    (await storage.sql.query<{ details: unknown }>(`select details from audit_log where action = 'bundle_uploaded' and target = $1 order by id`, [`fair:${fairId}`]))
      .map((r) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>);

  beforeAll(async () => {
    storage = db.storage();
    app = createHttpApp({ distDir: 'dist', storage });
    const org = await makeOrganizer(storage);
    const res = await app.request(`${ORIGIN}/api/console/session`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ name: org.name, password: PASSWORD }) });
    cookie = /^([^=]+=[^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  });

  test('[CO43] the evidence store failing after the items commit leaves the applied items with their one row; the upload again stores the file', async () => {
    const fairId = await newFair();
    const tablet = await enrol(storage, fairId);
    const photo = strToU8(`jpeg bytes ${newId()}`);
    const bundle = forgeBundle({ fairId, deviceId: tablet.deviceId, items: makeItems(tablet, 1, 4), blobs: [photo], signWith: tablet.token });
    const broken = createHttpApp({ distDir: 'dist', storage: { ...storage, putBlob: () => Promise.reject(new Error('injected: the evidence store fails')) } });

    expect((await upload(broken, bundle, 'K07.zip')).status).toBe(500);
    expect(await itemsOf(tablet.deviceId)).toBe(4);
    expect(await storage.blobSize(sha(photo))).toBeUndefined();
    expect(await rowsOf(fairId)).toEqual([{ file: 'K07.zip', result: 'applied', items: 4, applied: 4, duplicates: 0, conflicts: 0, rejected: 0, evidenceFiles: 1 }]);

    const again = await upload(app, bundle, 'K07.zip');
    expect(BundleAccepted.parse(await again.json())).toMatchObject({ applied: 0, duplicates: 4, blobsStored: 1 });
    expect(await storage.blobSize(sha(photo))).toBe(photo.byteLength);
    expect((await rowsOf(fairId)).map((r) => [r.applied, r.duplicates])).toEqual([[4, 0], [0, 4]]);
  });

  test('[CO43] the audit row failing inside the items\' transaction leaves neither items nor row; the upload again applies them with one row', async () => {
    const fairId = await newFair();
    const tablet = await enrol(storage, fairId);
    const bundle = forgeBundle({ fairId, deviceId: tablet.deviceId, items: makeItems(tablet, 1, 4), signWith: tablet.token });
    const broken = createHttpApp({ distDir: 'dist', storage: storageOn(failingAuditRow(storage.sql)) });

    expect((await upload(broken, bundle, 'K08.zip')).status).toBe(500);
    expect(await itemsOf(tablet.deviceId)).toBe(0);
    expect(await rowsOf(fairId)).toEqual([]);

    const again = await upload(app, bundle, 'K08.zip');
    expect(BundleAccepted.parse(await again.json())).toMatchObject({ applied: 4, duplicates: 0 });
    expect(await itemsOf(tablet.deviceId)).toBe(4);
    expect(await rowsOf(fairId)).toEqual([{ file: 'K08.zip', result: 'applied', items: 4, applied: 4, duplicates: 0, conflicts: 0, rejected: 0, evidenceFiles: 0 }]);
  });
});
