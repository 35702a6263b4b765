import { beforeAll, describe, expect, test } from 'vitest';
import type { Hono } from 'hono';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { createHttpApp } from '../../src/server/server';
import type { Storage } from '../../src/server/storage/storage';
import type { FairInput } from '../../src/domain/fair';
import { BundleAccepted, BundleRefused } from '../../src/domain/wire/bundle';
import { ConsoleSummary, PreviousSaved } from '../../src/domain/wire/console-summary';
import { PROTOCOL_VERSION } from '../../src/domain/wire/protocol';
import type { SyncItem } from '../../src/domain/sync-item';
import { PostShowSummary } from '../../src/domain/report/summary-schema';
import { bothStorages } from './both-storages';
import { forgeBundle, sha } from '../sync/bundle-forge';
import { enrol, makeItems, makeOrganizer, newId, type TestDevice } from './support';

/** The console's post-show summary, previous values, bundle upload and raw export (CONSOLE-SPEC.md CO40–CO45), on both databases. */
const ORIGIN = 'http://localhost';
const PASSWORD = 'correct horse battery';

const fairInput = (id: string): FairInput => ({
  id, code: 'CF138', nameZh: '第138届广交会', nameEn: 'Canton Fair 138', sessionNo: 138,
  days: [{ date: '2026-11-25', opensAt: '09:00', closesAt: '17:00' }],
});

describe.each(bothStorages())('the console summary on $name', (db) => {
  let app: Hono;
  let storage: Storage;
  let cookie: string;
  let bearer: string;

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    Promise.resolve(app.request(`${ORIGIN}/api/console${path}`, {
      method,
      headers: { origin: ORIGIN, cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }));
  const summaryOf = async (fairId: string): Promise<ConsoleSummary> => {
    const res = await call('GET', `/fairs/${fairId}/summary`);
    expect(res.status).toBe(200);
    return ConsoleSummary.parse(await res.json());
  };
  const push = async (device: TestDevice, items: SyncItem[], outboxCount: number): Promise<void> => {
    const res = await app.request(`${ORIGIN}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify({ type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: device.deviceId, fairId: device.fairId, items, status: { appVersion: '0.1.0', outboxCount, lastError: null } }),
    });
    expect(res.status).toBe(200);
  };
  const newFair = async (): Promise<string> => {
    const id = newId();
    expect((await call('POST', '/fairs', { fair: fairInput(id) })).status).toBe(201);
    return id;
  };
  const auditOf = (fairId: string, action: string) =>
    storage.sql.query<{ details: unknown }>('select details from audit_log where action = $1 and target = $2 order by id', [action, `fair:${fairId}`]);
  const detailsOf = (d: unknown): Record<string, unknown> => (typeof d === 'string' ? JSON.parse(d) : d) as Record<string, unknown>;
  const upload = (bytes: Uint8Array | ReadableStream<Uint8Array>, name = 'tablet.zip') =>
    Promise.resolve(app.request(`${ORIGIN}/api/console/bundles`, {
      method: 'POST', headers: { origin: ORIGIN, cookie, 'content-type': 'application/zip', 'x-file-name': name }, body: bytes as BodyInit, ...({ duplex: 'half' } as object),
    }));

  beforeAll(async () => {
    storage = db.storage();
    app = createHttpApp({ distDir: 'dist', storage });
    const org = await makeOrganizer(storage);
    bearer = org.token;
    const res = await app.request(`${ORIGIN}/api/console/session`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ name: org.name, password: PASSWORD }) });
    cookie = /^([^=]+=[^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  });

  test('[CO40][CO41] the server\'s figures with every tablet first; provisional while a tablet reported items still waiting', async () => {
    const fairId = await newFair();
    const tablet = await enrol(storage, fairId);
    const items = makeItems(tablet, 1, 5);
    // Five waiting, three sent with this push: two still on the tablet.
    await push(tablet, items.slice(0, 3), 5);
    const first = await summaryOf(fairId);
    expect(first.tablets.map((t) => [t.deviceId, t.serverHasThroughSeq, t.waiting, t.state.kind])).toEqual([[tablet.deviceId, 3, 2, 'in_sync']]);
    expect(first.provisional).toBe(true);
    expect(first.summary.figures['R16.total']).toBe(3);

    await push(tablet, items.slice(3), 2);
    const second = await summaryOf(fairId);
    expect(second.tablets.map((t) => [t.serverHasThroughSeq, t.waiting])).toEqual([[5, 0]]);
    expect(second.provisional).toBe(false);
    // The same computation as the bearer route's report.
    const { type: _type, summary } = (await (await app.request(`${ORIGIN}/api/reports/summary?fair=${fairId}`, { headers: { authorization: `Bearer ${bearer}` } })).json()) as { type: string; summary: unknown };
    expect(second.summary.figures).toEqual(PostShowSummary.parse(summary).figures);
    expect(second.summary.figures['R16.total']).toBe(5);
  });

  test('[CO42] a typed previous value is stored with its audit row and compared with; a bad one is refused and writes nothing; empty clears', async () => {
    const fairId = await newFair();
    const tablet = await enrol(storage, fairId);
    await push(tablet, makeItems(tablet, 1, 6), 6);

    const saved = await call('PUT', `/fairs/${fairId}/summary/previous`, { figure: 'R16.total', text: '4' });
    expect(PreviousSaved.parse(await saved.json())).toEqual({ type: 'previous-saved', figure: 'R16.total', value: 4 });
    expect((await call('PUT', `/fairs/${fairId}/summary/previous`, { figure: 'R5.rate', text: '75.5' })).status).toBe(200);
    const s = await summaryOf(fairId);
    expect(s.typed).toEqual({ 'R16.total': 4, 'R5.rate': 7550 });
    expect(s.summary.typedPrevious.sort()).toEqual(['R16.total', 'R5.rate']);
    expect(s.summary.changes['R16.total']).toEqual({ prev: 4, delta: 2, deltaPctBp: 5000 });
    expect((await auditOf(fairId, 'previous_figure_set')).map((r) => detailsOf(r.details))).toEqual([
      { figure: 'R16.total', value: 4, before: null },
      { figure: 'R5.rate', value: 7550, before: null },
    ]);

    for (const bad of [{ figure: 'R16.total', text: 'four' }, { figure: 'R99.nothing', text: '1' }, { figure: 'R5.rate', text: '100.001' }]) {
      const res = await call('PUT', `/fairs/${fairId}/summary/previous`, bad);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { code: string }).code).toBe('INVALID_BODY');
    }
    expect((await auditOf(fairId, 'previous_figure_set')).length).toBe(2);
    expect((await summaryOf(fairId)).typed).toEqual({ 'R16.total': 4, 'R5.rate': 7550 });

    expect(PreviousSaved.parse(await (await call('PUT', `/fairs/${fairId}/summary/previous`, { figure: 'R16.total', text: '' })).json()).value).toBeNull();
    expect((await summaryOf(fairId)).typed).toEqual({ 'R5.rate': 7550 });
    expect(detailsOf((await auditOf(fairId, 'previous_figure_set'))[2]?.details)).toEqual({ figure: 'R16.total', value: null, before: 4 });
  });

  test('[CO43] a bundle uploaded in the console is ingested as by the bundle route: applied, then duplicates; a forged one refused with its code; one audit row each', async () => {
    const fairId = await newFair();
    const tablet = await enrol(storage, fairId);
    const photo = strToU8('jpeg bytes of a stand');
    const bundle = forgeBundle({ fairId, deviceId: tablet.deviceId, items: makeItems(tablet, 1, 4), blobs: [photo], signWith: tablet.token });

    const first = await upload(bundle, 'K07.zip');
    expect(first.status).toBe(200);
    expect(BundleAccepted.parse(await first.json())).toMatchObject({ items: 4, applied: 4, duplicates: 0, blobsStored: 1 });
    expect(await storage.blobSize(sha(photo))).toBe(photo.byteLength);
    const again = await upload(bundle, 'K07.zip');
    expect(BundleAccepted.parse(await again.json())).toMatchObject({ items: 4, applied: 0, duplicates: 4, blobsStored: 0, blobsHeld: 1 });

    const unsigned = forgeBundle({ fairId, deviceId: tablet.deviceId, items: makeItems(tablet, 5, 6) });
    const refused = await upload(unsigned, 'forged.zip');
    expect(refused.status).toBe(403);
    expect(BundleRefused.parse(await refused.json()).error.code).toBe('BUNDLE_SIGNATURE_INVALID');
    expect((await summaryOf(fairId)).summary.figures['R16.total']).toBe(4);

    expect((await auditOf(fairId, 'bundle_uploaded')).map((r) => detailsOf(r.details))).toEqual([
      { file: 'K07.zip', result: 'applied', items: 4, applied: 4, duplicates: 0, conflicts: 0, rejected: 0, evidenceFiles: 1 },
      { file: 'K07.zip', result: 'applied', items: 4, applied: 0, duplicates: 4, conflicts: 0, rejected: 0, evidenceFiles: 1 },
    ]);
    const refusedRows = await storage.sql.query<{ details: unknown }>(`select details from audit_log where action = 'bundle_uploaded' and target is null and details->>'file' = 'forged.zip'`);
    expect(refusedRows.map((r) => detailsOf(r.details).code)).toContain('BUNDLE_SIGNATURE_INVALID');
  });

  test('[CO43] a body past 256 MB is read as a stream and cut off: 413 BUNDLE_TOO_LARGE', async () => {
    const MB = new Uint8Array(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 256) return controller.close();
        sent++;
        controller.enqueue(MB);
      },
    });
    const res = await upload(body, 'huge.zip');
    expect(res.status).toBe(413);
    expect(BundleRefused.parse(await res.json()).error.code).toBe('BUNDLE_TOO_LARGE');
  });

  test('[CO45] the raw ZIP is streamed with every item of the fair, as CSV, and marked provisional while a tablet is behind', async () => {
    const fairId = await newFair();
    const tablet = await enrol(storage, fairId);
    await push(tablet, makeItems(tablet, 1, 3), 4);
    const res = await call('GET', `/fairs/${fairId}/exports/raw.zip`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="CF138-raw-PROVISIONAL.zip"');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['PROVISIONAL.txt', 'all-items.csv', 'events.csv', 'evidence.csv', 'measures.csv']);
    const rows = strFromU8(files['all-items.csv'] as Uint8Array).trim().split('\r\n');
    // The header, the fair record the console wrote, the three consultations.
    expect(rows.length).toBe(1 + 1 + 3);
    expect(rows.filter((r) => r.includes(',consultation,')).length).toBe(3);
    expect(Number(res.headers.get('x-export-items'))).toBe(4);
  });
});
