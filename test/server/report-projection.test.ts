import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { CommandType } from '../../src/domain/case/commands';
import type { CaseEvent } from '../../src/domain/case/events';
import type { Fair } from '../../src/domain/fair';
import type { SyncItem } from '../../src/domain/sync-item';
import { catchUp, projectEvents } from '../../src/server/reports/projection-sync';
import { serverSummary } from '../../src/server/reports/summary-service';
import type { SqlRunner } from '../../src/server/storage/sql';
import { openStorage } from '../../src/server/storage/storage';
import { makeFair } from '../support/builders';
import { right, runCase, uscc } from '../domain/report/session-builder';
import type { StepSpec } from '../domain/report/session-builder';
import { bothStorages } from './both-storages';
import { enrol, makeItem, newId, type TestDevice } from './support';

/**
 * The report projection the server's summary reads (SY24, P7) is kept by the pushes themselves (projection-sync.ts), and
 * caught up past its watermark for whatever arrived another way; either way every row equals the
 * domain's fold (`foldAll`, CS5) of all the case's events, on PGlite and on the real PostgreSQL.
 */
const databases = bothStorages();

type Steps = readonly (CommandType | readonly [CommandType, StepSpec])[];
const OPINION: Steps = ['Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion'];
const PATHS: readonly Steps[] = [
  [],
  [['Reject', { payload: { reason: 'NR_NO_STANDING' } }]],
  ['Accept', 'Withdraw'],
  ['Accept', 'Transfer', 'RecordHandover'],
  [...OPINION, ['OrderMeasures', { payload: { measures: [{ code: 'COVER' }, { code: 'DETAIN' }] } }], ['VerifyMeasure', { payload: { measureIndex: 0 } }], 'CloseFair'],
  [...OPINION, ['OrderMeasures', { payload: { measures: [{ code: 'DETAIN' }] } }], ['VerifyMeasure', { payload: { measureIndex: 0, result: 'refused' } }], 'CloseFair'],
  [...OPINION, 'RequestReview', ['DecideReview', { payload: { decision: 'overturned', reasons: '复核改判' } }], 'CloseFair'],
];
const KEYS = [1, 2, 3].map((n) => `CN:${uscc(`91440101MA59ABC${n}X`)}`);

let caseNo = 0;
function cases(fair: Fair, specs: readonly { path: number; respondent: number; minute: number }[]): CaseEvent[] {
  return specs.flatMap((s) => {
    caseNo++;
    const run = runCase(fair, {
      n: caseNo,
      complaint: caseNo,
      respondent: { key: KEYS[s.respondent] ?? '', hall: `${1 + s.respondent}.1`, stand: `A${s.respondent}` },
      rights: [right(s.respondent === 0 ? 'design' : 'trademark', caseNo)],
      start: `2025-04-15 ${String(9 + Math.floor(s.minute / 60)).padStart(2, '0')}:${String(s.minute % 60).padStart(2, '0')}`,
      steps: PATHS[s.path] ?? [],
    });
    return [...run.events];
  });
}

const itemOf = (device: TestDevice, seq: number, e: CaseEvent): SyncItem =>
  ({ id: newId(), fairId: device.fairId, deviceId: device.deviceId, seq, hlc: e.hlc, at: e.at, kind: 'case_event', entityId: e.caseId, payload: e }) as unknown as SyncItem;

/** The projection as stored, one JSON object per case (the same shape on both drivers). */
async function stored(db: SqlRunner, fairId: string): Promise<unknown[]> {
  const rows = await db.query<{ j: string }>(`select (to_jsonb(r) - 'fair_id')::text as j from report_cases r where fair_id = $1`, [fairId]);
  return rows.map((r) => JSON.parse(r.j) as { case_id: string }).sort((a, b) => (a.case_id < b.case_id ? -1 : 1));
}

/** What the domain's fold of these events gives, in the same shape. */
const expected = (fairId: string, events: readonly CaseEvent[]): unknown[] =>
  projectEvents(fairId, events)
    .sort((a, b) => (a.case_id < b.case_id ? -1 : 1))
    .map((r) => JSON.parse(JSON.stringify(r)) as unknown);

async function watermark(db: SqlRunner, fairId: string): Promise<number | undefined> {
  const [row] = await db.query<{ last_seq: unknown }>('select last_seq from report_watermarks where fair_id = $1', [fairId]);
  return row === undefined ? undefined : Number(row.last_seq);
}

/** Items stored the way no push stores them (a restored backup, rows older than migration 0006). */
async function storeDirectly(db: SqlRunner, fairId: string, events: readonly CaseEvent[]): Promise<void> {
  for (const e of events) {
    const json = JSON.stringify(e);
    await db.query(
      `with c as (update server_seq_counter set last = last + 1 where id = 1 returning last)
       insert into items (id, server_seq, fair_id, device_id, seq, hlc, at, kind, entity_id, payload, content_hash)
       select $1, c.last, $2, $3, c.last, $4, $5, 'case_event', $6, $7::text::jsonb, md5($7) from c`,
      [newId(), fairId, `01D${newId().slice(3)}`, e.hlc, e.at, e.caseId, json],
    );
  }
}

for (const { name, storage } of databases) describe(`report projection on ${name}`, () => {
  test('[CS5][R4][R12] two tablets push the events of random cases in random batches: after every push the projection equals the fold of everything pushed, and the summary folds nothing more', async () => {
    const Spec = fc.record({ path: fc.integer({ min: 0, max: PATHS.length - 1 }), respondent: fc.integer({ min: 0, max: 2 }), minute: fc.integer({ min: 0, max: 300 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(Spec, { minLength: 1, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), fc.integer({ min: 1, max: 9 }), async (specs, toB, batch) => {
        const fair = makeFair({ id: newId() } as never);
        const s = storage();
        const a = await enrol(s, fair.id);
        const b = await enrol(s, fair.id);
        const fairPush = await s.push({ deviceId: a.deviceId, fairId: fair.id }, [makeItem(a, 1, { kind: 'fair', entityId: fair.id, payload: fair } as never)], Date.now());
        expect(fairPush).toMatchObject({ kind: 'pushed' });
        const events = cases(fair, specs);
        // Each event goes to one of the two tablets: a case's events may arrive from both, in any interleaving.
        const queues = { a: [] as CaseEvent[], b: [] as CaseEvent[] };
        events.forEach((e, i) => (toB[i % toB.length] === true ? queues.b : queues.a).push(e));
        const seqs = { a: 2, b: 1 };
        const sent: CaseEvent[] = [];
        while (queues.a.length + queues.b.length > 0) {
          for (const [name, device] of [['a', a], ['b', b]] as const) {
            const chunk = queues[name].splice(0, batch);
            if (chunk.length === 0) continue;
            const items = chunk.map((e) => itemOf(device, seqs[name]++, e));
            const outcome = await s.push({ deviceId: device.deviceId, fairId: fair.id }, items, Date.now());
            expect(outcome).toMatchObject({ kind: 'pushed' });
            sent.push(...chunk);
            expect(await stored(s.sql, fair.id)).toEqual(expected(fair.id, sent));
          }
        }
        const summary = await serverSummary(s.sql, fair.id);
        expect(summary?.refreshed).toBe(0);
        expect(summary?.summary.figures['R3.received']).toBe(specs.length);
      }),
      { numRuns: 8, seed: 24 },
    );
  }, 240_000);

  test('[CS5] events stored without a push are caught up past the watermark in batches, exactly; a push meanwhile folds its own cases but leaves the watermark to the catch-up', async () => {
    const fair = makeFair({ id: newId() } as never);
    const s = storage();
    const backlog = cases(fair, [0, 1, 2, 3, 4, 5, 6].map((path) => ({ path, respondent: path % 3, minute: path * 7 })));
    await storeDirectly(s.sql, fair.id, backlog);
    expect(await stored(s.sql, fair.id)).toEqual([]);

    // A push arrives before any summary: its case is folded, the older backlog is not, the watermark stays.
    const device = await enrol(s, fair.id);
    const late = cases(fair, [{ path: 4, respondent: 0, minute: 99 }]);
    expect(await s.push({ deviceId: device.deviceId, fairId: fair.id }, late.map((e, i) => itemOf(device, i + 1, e)), Date.now())).toMatchObject({ kind: 'pushed' });
    expect(await stored(s.sql, fair.id)).toEqual(expected(fair.id, late));
    expect(await watermark(s.sql, fair.id)).toBe(0);

    // Seven events a batch: cases straddle batches and are folded again, whole, each time.
    const folded = await catchUp(s.sql, fair.id, 7);
    expect(folded).toBeGreaterThan(backlog.length / 7);
    expect(await stored(s.sql, fair.id)).toEqual(expected(fair.id, [...backlog, ...late]));
    const [top] = await s.sql.query<{ last: unknown }>(`select max(server_seq) as last from items where fair_id = $1`, [fair.id]);
    expect(await watermark(s.sql, fair.id)).toBe(Number(top?.last));
    expect(await catchUp(s.sql, fair.id, 7)).toBe(0);

    // Current again: the next push moves the watermark with it.
    const more = cases(fair, [{ path: 2, respondent: 1, minute: 5 }]);
    await s.push({ deviceId: device.deviceId, fairId: fair.id }, more.map((e, i) => itemOf(device, late.length + i + 1, e)), Date.now());
    const [after] = await s.sql.query<{ last: unknown }>(`select max(server_seq) as last from items where fair_id = $1`, [fair.id]);
    expect(await watermark(s.sql, fair.id)).toBe(Number(after?.last));
    expect(await stored(s.sql, fair.id)).toEqual(expected(fair.id, [...backlog, ...late, ...more]));
  }, 60_000);

  test('[CS5] a catch-up racing pushes of the same cases never leaves a row folded from fewer events', async () => {
    const fair = makeFair({ id: newId() } as never);
    const s = storage();
    const events = cases(fair, [4, 5, 6, 3].map((path) => ({ path, respondent: path % 3, minute: path })));
    const half = events.filter((_, i) => i % 2 === 0);
    const rest = events.filter((_, i) => i % 2 === 1);
    await storeDirectly(s.sql, fair.id, half);
    const device = await enrol(s, fair.id);
    // The pushes of one device go one after the other (its sequence), the catch-ups beside them.
    const pushing = async (): Promise<void> => {
      for (const [i, e] of rest.entries()) {
        expect(await s.push({ deviceId: device.deviceId, fairId: fair.id }, [itemOf(device, i + 1, e)], Date.now())).toMatchObject({ kind: 'pushed', gap: false });
      }
    };
    await Promise.all([pushing(), catchUp(s.sql, fair.id, 3), catchUp(s.sql, fair.id, 5)]);
    await catchUp(s.sql, fair.id);
    expect(await stored(s.sql, fair.id)).toEqual(expected(fair.id, events));
  }, 60_000);
});

test('[CS5] migration 0006 makes the projection tables (once) and replaces the lazily made ones of before, which the catch-up then fills again', async () => {
  const s = await openStorage({ dataDir: 'memory://' });
  try {
    const applied = await s.sql.query<{ id: string }>(`select id from schema_migrations where id = '0006-report-projection'`);
    expect(applied).toHaveLength(1);
    const fair = makeFair({ id: newId() } as never);
    const events = cases(fair, [{ path: 4, respondent: 0, minute: 1 }]);
    await storeDirectly(s.sql, fair.id, events);
    // As a server of before this step left it: its own tables, a row and a watermark already at the top.
    await s.sql.exec(`
      delete from schema_migrations where id = '0006-report-projection';
      drop table report_cases; drop table report_watermarks;
      create table report_cases (fair_id text not null, case_id text, complaint_id text, primary key (fair_id, case_id));
      insert into report_cases values ('${fair.id}', 'stale', 'stale');
      create table report_watermarks (fair_id text primary key, last_seq bigint not null);
      insert into report_watermarks values ('${fair.id}', 999999999);`);
    const { migrate } = await import('../../src/server/storage/migrations');
    expect(await migrate(s.sql)).toEqual(['0006-report-projection']);
    expect(await migrate(s.sql)).toEqual([]);
    expect(await stored(s.sql, fair.id)).toEqual([]);
    expect(await catchUp(s.sql, fair.id)).toBe(1);
    expect(await stored(s.sql, fair.id)).toEqual(expected(fair.id, events));
    const indexes = await s.sql.query<{ indexname: string }>(`select indexname from pg_indexes where tablename = 'items' and indexname in ('items_case_events', 'items_fair_kind') order by 1`);
    expect(indexes.map((i) => i.indexname)).toEqual(['items_case_events', 'items_fair_kind']);
  } finally {
    await s.close();
  }
});
