import { beforeAll, describe, expect, test } from 'vitest';
import type { Hono } from 'hono';
import type { CaseEvent } from '../../src/domain/case/events';
import type { Fair } from '../../src/domain/fair';
import { formatHlc } from '../../src/domain/hlc';
import type { SyncItem } from '../../src/domain/sync-item';
import { CaseBrowsePage } from '../../src/domain/wire/console-cases';
import { browseRow, upsertBrowseRows, type BrowseRow } from '../../src/server/console/case-browse-projection';
import { COUNT_CAP, countCases, searchCondition } from '../../src/server/console/case-search';
import { searchText } from '../../src/server/console/case-browse-projection';
import { migrate } from '../../src/server/storage/migrations';
import { openStorage } from '../../src/server/storage/storage';
import type { SqlValue } from '../../src/server/storage/sql';
import { createHttpApp } from '../../src/server/server';
import type { Storage } from '../../src/server/storage/storage';
import { makeFair } from '../support/builders';
import { right, runCase, uscc } from '../domain/report/session-builder';
import { bothStorages } from './both-storages';
import { enrol, newId, type TestDevice } from './support';

/** The case browser's search by character pairs and its counts (CB2, CB5), through `app.request`, on both databases. */
const ORIGIN = 'http://localhost';
const PASSWORD = 'correct horse battery';
const NOW = Date.parse('2025-04-15T08:00:00Z');

/** Respondents sharing characters, so that a search must tell them apart by the exact substring. */
const CASES = [
  { n: 1, name: '广州甲电器有限公司', hall: '3.1', stand: 'A7' },
  { n: 2, name: '深圳甲电器贸易有限公司', hall: '3.1', stand: 'A70' },
  { n: 3, name: '广州乙电子有限公司', hall: '13.1', stand: 'A7' },
  // Holds the pairs 电器 and 器甲 of 电器甲, but not 电器甲 itself.
  { n: 4, name: '器甲乙电器公司', hall: '3.1', stand: 'A8' },
] as const;

describe.each(bothStorages())('the case browser\'s search and counts on $name', (db) => {
  let app: Hono;
  let storage: Storage;
  let fair: Fair;
  let desk: TestDevice;
  let cookie = '';
  let seq = 2;
  const caseIds = new Map<number, string>();

  const list = async (query: string): Promise<CaseBrowsePage> => {
    const res = await app.request(`${ORIGIN}/api/console/fairs/${fair.id}/cases?${query}`, { headers: { origin: ORIGIN, cookie } });
    expect(res.status, query).toBe(200);
    return CaseBrowsePage.parse(await res.json());
  };
  const found = async (q: string): Promise<number[]> => {
    const page = await list(`q=${encodeURIComponent(q)}`);
    const byId = new Map([...caseIds].map(([n, id]) => [id, n]));
    return page.rows.map((r) => byId.get(r.caseId) ?? -1).sort((a, b) => a - b);
  };
  const push = async (events: readonly CaseEvent[]): Promise<void> => {
    const items = events.map((e) => {
      const event = JSON.parse(JSON.stringify(e).split(e.deviceId).join(desk.deviceId)) as CaseEvent;
      return { id: newId(), fairId: fair.id, deviceId: desk.deviceId, seq: seq++, hlc: event.hlc, at: event.at, kind: 'case_event', entityId: event.caseId, payload: event } as unknown as SyncItem;
    });
    expect(await storage.push({ deviceId: desk.deviceId, fairId: fair.id }, items, Date.now())).toMatchObject({ kind: 'pushed' });
  };
  const run = (c: { n: number; name: string; hall: string; stand: string }, steps: readonly ('Accept' | 'NotifyRespondent')[] = []) =>
    runCase(fair, {
      n: c.n, complaint: c.n, respondent: { key: `CN:${uscc(`91440101MB${String(c.n).padStart(7, '0')}`)}`, name: c.name, hall: c.hall, stand: c.stand },
      rights: [right('invention', c.n)], start: `2025-04-15 1${c.n % 10}:00`, steps,
    });

  beforeAll(async () => {
    storage = db.storage();
    app = createHttpApp({ distDir: 'dist', storage, now: () => NOW });
    fair = makeFair({ id: newId(), code: 'CF138' } as never);
    desk = await enrol(storage, fair.id, { deviceCode: 'K08' });
    const fairItem = { id: newId(), fairId: fair.id, deviceId: desk.deviceId, seq: 1, hlc: formatHlc({ wallMs: NOW - 86_400_000, counter: 0, node: 'N1' }), at: new Date(NOW - 86_400_000).toISOString(), kind: 'fair', entityId: fair.id, payload: fair } as unknown as SyncItem;
    expect(await storage.push({ deviceId: desk.deviceId, fairId: fair.id }, [fairItem], Date.now())).toMatchObject({ kind: 'pushed' });
    for (const c of CASES) {
      const r = run(c);
      caseIds.set(c.n, r.case.id);
      await push(r.events);
    }
    const name = `search-org-${newId().slice(-6)}`;
    await storage.createUser({ name, password: PASSWORD, role: 'organizer' });
    const res = await app.request(`${ORIGIN}/api/console/session`, {
      method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ name, password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    cookie = /^([^=]+=[^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  });

  test('[CB2] a Chinese party-name search returns exactly the cases whose text holds it', async () => {
    expect(await found('甲电器')).toEqual([1, 2]);
    expect(await found('州甲电')).toEqual([1]);
    expect(await found('电器甲')).toEqual([]);
    expect(await found('电器')).toEqual([1, 2, 4]);
    expect(await found('乙')).toEqual([3, 4]);
    expect(await found('广州乙电子有限公司')).toEqual([3]);
  });

  test('[CB2] a booth search returns exactly the cases at booths holding it', async () => {
    expect(await found('3.1/a7')).toEqual([1, 2, 3]);
    expect(await found('3.1/Ａ70')).toEqual([2]);
    expect(await found(' 13.1/a7 ')).toEqual([3]);
    expect(await found('3.1/a8')).toEqual([4]);
  });

  test('[CB5] the totals follow cases added and cases changing state', async () => {
    expect(await list('')).toMatchObject({ total: 4, more: false });
    expect(await list('state=RECEIVED')).toMatchObject({ total: 4, more: false });
    const added = { n: 5, name: '东莞甲电器厂', hall: '4.1', stand: 'C1' };
    const fifth = run(added, ['Accept']);
    caseIds.set(added.n, fifth.case.id);
    await push(fifth.events);
    expect(await list('')).toMatchObject({ total: 5, more: false });
    expect(await list('state=RECEIVED')).toMatchObject({ total: 4, more: false });
    expect(await list('state=ACCEPTED')).toMatchObject({ total: 1, more: false });
    expect(await found('甲电器')).toEqual([1, 2, 5]);
    // Case 1 moves on: accepted, then notified (its earlier events are already on the server).
    const moved = run(CASES[0], ['Accept', 'NotifyRespondent']);
    await push(moved.events.slice(1));
    expect(await list('')).toMatchObject({ total: 5, more: false });
    expect(await list('state=RECEIVED')).toMatchObject({ total: 3, more: false });
    expect(await list('state=NOTIFIED')).toMatchObject({ total: 1, more: false });
    expect((await list('state=NOTIFIED')).rows.map((r) => r.caseId)).toEqual([caseIds.get(1)]);
    expect(await list(`q=${encodeURIComponent('甲电器')}&state=NOTIFIED`)).toMatchObject({ total: 1, more: false });
  });

  test('[CB5] past the cap a filtered count says more than the cap; the fair\'s total stays exact and follows deletes', async () => {
    const other = makeFair({ id: newId(), code: 'CF140' } as never);
    const template = browseRow(run(CASES[0]).case, run(CASES[0]).events);
    const rows: BrowseRow[] = Array.from({ length: COUNT_CAP + 1 }, (_, i) => ({
      ...template,
      case_id: `${template.case_id.slice(0, 20)}${String(i).padStart(6, '0')}`,
      received_at: new Date(NOW - i * 1000).toISOString(),
    }));
    await upsertBrowseRows(storage.sql, other.id, rows);
    await upsertBrowseRows(storage.sql, other.id, rows.slice(0, 10));
    expect(await countCases(storage.sql, other.id, undefined, [])).toEqual({ total: COUNT_CAP + 1, more: false });
    expect(await countCases(storage.sql, other.id, 'fair_id = $1 and state = $2', ['RECEIVED'])).toEqual({ total: COUNT_CAP, more: true });
    expect(await countCases(storage.sql, other.id, 'fair_id = $1 and case_id = $2', [rows[7]?.case_id ?? ''])).toEqual({ total: 1, more: false });
    // This fair's counts are its own.
    expect(await list('')).toMatchObject({ total: 5, more: false });
    await storage.sql.query('delete from console_cases where fair_id = $1 and case_id = $2', [other.id, rows[3]?.case_id ?? '']);
    expect(await countCases(storage.sql, other.id, undefined, [])).toEqual({ total: COUNT_CAP, more: false });
    // A truncate (an operator rebuilding the projection) empties the totals too; rolled back here.
    const rollback = new Error('rolled back');
    await expect(storage.sql.transaction(async (tx) => {
      await tx.query('truncate console_cases');
      expect(await tx.query('select fair_id from console_case_totals')).toEqual([]);
      throw rollback;
    })).rejects.toBe(rollback);
    expect(await list('')).toMatchObject({ total: 5, more: false });
  });
});

test('[CB5] the migration fills the totals from the rows already there, and the pair search finds them', async () => {
  const s = await openStorage({ dataDir: 'memory://' });
  try {
    const fair = makeFair({ id: newId(), code: 'CF141' } as never);
    const base = runCase(fair, { n: 1, complaint: 1, respondent: { key: `CN:${uscc('91440101MB0000001')}`, name: '广州甲电器有限公司', hall: '3.1', stand: 'A7' }, start: '2025-04-15 10:00', steps: [] });
    const template = browseRow(base.case, base.events);
    const names = ['广州甲电器有限公司', '深圳乙电子有限公司', '佛山甲电器厂'];
    const rows = names.map((name, i) => ({ ...template, case_id: `${template.case_id.slice(0, 20)}${String(i).padStart(6, '0')}`, respondent: name, search: searchText(`${template.case_no}\n${name}`) }));
    // As a server of before this step left it: its rows there, no totals, no pair index.
    await s.sql.exec(`
      drop trigger console_cases_total_add on console_cases; drop trigger console_cases_total_remove on console_cases; drop trigger console_cases_total_clear on console_cases;
      drop function console_case_totals_add(); drop function console_case_totals_remove(); drop function console_case_totals_clear();
      drop table console_case_totals; drop index console_cases_grams; drop function console_case_grams(text);
      delete from schema_migrations where id = '0020-console-case-search-counts';`);
    await upsertBrowseRows(s.sql, fair.id, rows);
    expect(await migrate(s.sql)).toEqual(['0020-console-case-search-counts']);
    expect(await countCases(s.sql, fair.id, undefined, [])).toEqual({ total: 3, more: false });
    const params: SqlValue[] = [];
    const $ = (v: SqlValue): string => `$${params.push(v) + 1}`;
    const where = `fair_id = $1 and ${searchCondition('甲电器', '%甲电器%', $)}`;
    const found = await s.sql.query<{ respondent: string }>(`select respondent from console_cases where ${where} order by respondent`, [fair.id, ...params]);
    expect(found.map((r) => r.respondent)).toEqual(['佛山甲电器厂', '广州甲电器有限公司']);
  } finally {
    await s.close();
  }
});
