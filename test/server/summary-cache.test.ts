import { beforeAll, describe, expect, test } from 'vitest';
import type { Hono } from 'hono';
import { PostShowSummary } from '../../src/domain/report/summary-schema';
import { cachedServerSummary } from '../../src/server/reports/summary-cache';
import { serverSummary } from '../../src/server/reports/summary-service';
import { createHttpApp } from '../../src/server/server';
import type { Storage } from '../../src/server/storage/storage';
import { bothStorages } from './both-storages';
import { enrol, makeItems, makeOrganizer, newId } from './support';

/** CONSOLE-SPEC CO46: the console's summary is computed once per state of the log, on both databases. */
const ORIGIN = 'http://localhost';

describe.each(bothStorages())('the console summary kept per state of the log on $name', (db) => {
  let app: Hono;
  let storage: Storage;
  let cookie: string;

  beforeAll(async () => {
    storage = db.storage();
    app = createHttpApp({ distDir: 'dist', storage });
    const org = await makeOrganizer(storage);
    const res = await app.request(`${ORIGIN}/api/console/session`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ name: org.name, password: org.password }) });
    cookie = /^([^=]+=[^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  });

  const newFair = async (previousFairId?: string): Promise<string> => {
    const id = newId();
    const fair = {
      id, code: 'CF138', nameZh: '第138届广交会', sessionNo: 138, days: [{ date: '2026-11-25', opensAt: '09:00', closesAt: '17:00' }],
      ...(previousFairId === undefined ? {} : { previousFairId }),
    };
    const res = await app.request(`${ORIGIN}/api/console/fairs`, { method: 'POST', headers: { origin: ORIGIN, cookie, 'content-type': 'application/json' }, body: JSON.stringify({ fair }) });
    expect(res.status).toBe(201);
    return id;
  };

  test('[CO46] the same state answers the figures already made; an item of the fair or of its previous session, or a typed value, makes them again', async () => {
    const previousId = await newFair();
    const fairId = await newFair(previousId);
    const tablet = await enrol(storage, fairId);
    const earlier = await enrol(storage, previousId);
    const items = makeItems(tablet, 1, 5);
    expect((await storage.push(tablet, items.slice(0, 3), Date.now())).kind).toBe('pushed');

    const first = await cachedServerSummary(storage.sql, fairId, previousId, {});
    expect(first?.summary.figures['R16.total']).toBe(3);
    expect(await cachedServerSummary(storage.sql, fairId, previousId, {})).toBe(first);

    expect((await storage.push(tablet, items.slice(3), Date.now())).kind).toBe('pushed');
    const second = await cachedServerSummary(storage.sql, fairId, previousId, {});
    expect(second?.summary.figures['R16.total']).toBe(5);
    expect(second?.summary).toEqual((await serverSummary(storage.sql, fairId))?.summary);

    expect((await storage.push(earlier, makeItems(earlier, 1, 2), Date.now())).kind).toBe('pushed');
    const third = await cachedServerSummary(storage.sql, fairId, previousId, {});
    expect(third).not.toBe(second);
    expect(third?.summary.changes['R16.total']).toEqual((await serverSummary(storage.sql, fairId))?.summary.changes['R16.total']);
    expect(third?.summary.changes['R16.total']?.prev).toBe(2);

    const typed = await cachedServerSummary(storage.sql, fairId, previousId, { 'R16.total': 4 });
    expect(PostShowSummary.parse(typed?.summary).typedPrevious).toEqual(['R16.total']);
    expect(typed?.summary).toEqual((await serverSummary(storage.sql, fairId, { 'R16.total': 4 }))?.summary);
  });
});
