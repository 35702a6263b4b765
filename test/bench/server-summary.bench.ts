/**
 * P7 server: the post-show summary over 100,000 cases with 10 events each (a million
 * `case_event` items), on PGlite and on PostgreSQL, ≤ 2 s each, the first request after opening
 * the database (cold) and the next ones (warm).
 *
 * Seed (a bench seed: straight into the tables, not through the push path): 144 template cases
 * are driven through the real `decide` + `evolve` (Submit + 9 steps = 10 events each, along 12
 * paths: established with measures done or refused, reviews upheld and overturned, transfers
 * with and without a handover, refusals for two reasons, withdrawals, settlements, open at the
 * close), over 8 halls, one or two of five IP types, a quarter with a foreign complainant. Then
 * one `INSERT … SELECT` over `generate_series` per 5,000 cases (the indexes of `items` set aside
 * meanwhile and built again after) clones them into `items` with
 * full payloads: fresh case, event and complaint ids (two cases a complaint), one of 2,000
 * respondent enterprises (valid USCC keys), 20 devices; each case's ten events one after the
 * other in server order. The fair has 100,000 cases; its previous session (R15, the comparison,
 * whose figures the summary computes as well) 10,000.
 *
 * Then the projection is brought up to date once, timed on its own (`catchUp`: every case folded
 * by the domain, as a server would after a restore), the database is closed and opened again,
 * and the summary is asked for: once cold, three times warm (median). Last, 1,000 more cases
 * (10,000 events) come through the real push path (`Storage.push`, batches of 500, its projection
 * hook included) and the summary is asked for again: the pushes kept the projection current.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandType } from '../../src/domain/case/commands';
import type { CaseEvent } from '../../src/domain/case/events';
import type { Fair } from '../../src/domain/fair';
import type { SyncItem } from '../../src/domain/sync-item';
import { catchUp } from '../../src/server/reports/projection-sync';
import { serverSummary } from '../../src/server/reports/summary-service';
import { caseFiguresSql, repeatCases } from '../../src/server/reports/summary-sql';
import type { SqlRunner } from '../../src/server/storage/sql';
import { openStorage, type Storage, type StorageConfig } from '../../src/server/storage/storage';
import { startPostgres } from '../support/postgres';
import { makeFair } from '../support/builders';
import { enrol, newId } from '../server/support';
import { FOREIGN_COMPLAINANT, right, runCase, uscc } from '../domain/report/session-builder';
import type { StepSpec } from '../domain/report/session-builder';
import { median } from './figure';
import type { BenchSuite, Figure } from './figure';

/** `SUMMARY_BENCH_CASES` scales a quick look down; the budget is at 100,000. */
const CASES = Number(process.env.SUMMARY_BENCH_CASES ?? 100_000);
const PREVIOUS_CASES = Math.round(CASES / 10);
const ENTERPRISES = 2_000;
const DEVICES = 20;
const CHUNK = 5_000;
const PUSHED_CASES = 1_000;
const PUSH_BATCH = 500;

type Steps = readonly (CommandType | readonly [CommandType, StepSpec])[];
const notes = (n: number): CommandType[] => Array.from({ length: n }, () => 'AddNote' as const);
const OPINION: Steps = ['Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion'];
/** Nine steps after Submit: ten events per case. */
const PATHS: readonly Steps[] = [
  [...OPINION, ['OrderMeasures', { payload: { measures: [{ code: 'COVER' }] } }], ['VerifyMeasure', { payload: { measureIndex: 0 } }], ...notes(2), 'CloseFair'],
  ['Accept', 'NotifyRespondent', 'RecordDefence', 'IssueOpinion', 'RequestReview', 'DecideReview', ...notes(2), 'CloseFair'],
  ['RequestSupplement', ...notes(7), ['Reject', { payload: { reason: 'NR_OTHER', text: '非本展会展品' } }]],
  ['Accept', 'Transfer', 'RecordHandover', ...notes(5), 'CloseFair'],
  [...OPINION, ['OrderMeasures', { payload: { measures: [{ code: 'DETAIN' }] } }], ['VerifyMeasure', { payload: { measureIndex: 0, result: 'refused' } }], ...notes(2), 'CloseFair'],
  ['Accept', 'NotifyRespondent', ...notes(6), 'CloseFair'],
  ['Accept', 'Withdraw', ...notes(7)],
  ['Accept', 'RecordSettlement', ...notes(7)],
  ['RequestSupplement', ...notes(7), ['Reject', { payload: { reason: 'NR_NO_STANDING' } }]],
  [...OPINION, 'RequestReview', ['DecideReview', { payload: { decision: 'overturned', reasons: '复核改判' } }], ...notes(2), 'CloseFair'],
  ['Accept', 'Transfer', ...notes(6), 'CloseFair'],
  [...OPINION, ['OrderMeasures', { payload: { measures: [{ code: 'COVER' }, { code: 'REMOVE_LITERATURE' }] } }], ['VerifyMeasure', { payload: { measureIndex: 1 } }], ...notes(2), 'CloseFair'],
];
const TYPES = ['invention', 'utility_model', 'design', 'trademark', 'copyright'] as const;
const TEMPLATES = PATHS.length * 12;

interface Template {
  readonly t: number;
  readonly key: string;
  readonly events: readonly CaseEvent[];
}

/** The template cases of a fair; template `t` is cloned as cases `n` with `n % TEMPLATES = t`. */
function templates(fair: Fair, dates: readonly string[]): Template[] {
  return Array.from({ length: TEMPLATES }, (_, t) => {
    const v = Math.floor(t / PATHS.length);
    const key = `CN:${uscc(`91440101MB${String(t).padStart(7, '0')}`)}`;
    const types = v < 6 ? [TYPES[v % 5]] : [TYPES[v % 5], TYPES[(v + 2) % 5]];
    const run = runCase(fair, {
      n: t + 1,
      complaint: 1,
      respondent: { key, hall: `${1 + (t % 8)}.${1 + (v % 3)}`, stand: `B${t}` },
      complainant: v % 4 === 0 ? FOREIGN_COMPLAINANT : undefined,
      rights: types.map((type, k) => right(type as (typeof TYPES)[number], t * 10 + k)),
      start: `${dates[t % dates.length]} ${String(9 + (t % 7)).padStart(2, '0')}:${String((t * 7) % 60).padStart(2, '0')}`,
      steps: PATHS[t % PATHS.length] ?? [],
    });
    if (run.events.length !== 10) throw new Error(`template ${t}: ${run.events.length} events, not 10`);
    return { t, key, events: run.events };
  });
}

/** `01C` + twenty zeros + the template's number: the first six zeros become the clone's number. */
const cloneId = (prefix: string, n: string): string => `replace(%s, '${prefix}000000', '${prefix}' || lpad(${n}::text, 6, '0'))`;

/**
 * Clones `from … to - 1` (case numbers) of a fair's templates into `items`, `CHUNK` cases a
 * statement; server sequences from `base + 1`, ten a case. Returns the last sequence used.
 */
async function cloneCases(db: SqlRunner, fairId: string, from: number, to: number, base: number): Promise<number> {
  let payload = 'p.payload';
  for (const [prefix, n] of [['01C', 'g.n'], ['01E', 'g.n'], ['01Q', '(g.n / 2)']] as const) payload = cloneId(prefix, n).replace('%s', payload);
  payload = `replace(${payload}, p.key, e.key)`;
  for (let start = from; start < to; start += CHUNK) {
    const end = Math.min(to, start + CHUNK);
    await db.query(
      `insert into items (id, server_seq, fair_id, device_id, seq, hlc, at, kind, entity_id, payload, content_hash)
       select '01J' || lpad(s.seq::text, 23, '0'), s.seq, $1, '01D' || lpad((g.n % ${DEVICES})::text, 23, '0'), s.seq, p.hlc, p.at,
              'case_event', '01C' || lpad(g.n::text, 6, '0') || substr(p.case_id, 10), s.payload::jsonb, md5(s.payload)
       from generate_series($2::int, $3::int) as g(n)
       join bench_templates p on p.fair_id = $1 and p.t = g.n % ${TEMPLATES}
       join bench_keys e on e.i = g.n % ${ENTERPRISES}
       cross join lateral (select $4::bigint + (g.n - $2::int) * 10 + p.k as seq, ${payload} as payload) s`,
      [fairId, start, end - 1, base + (start - from) * 10],
    );
  }
  return base + (to - from) * 10;
}

async function seedFair(db: SqlRunner, fair: Fair, dates: readonly string[], cases: number, base: number): Promise<number> {
  const rows = templates(fair, dates).flatMap((tpl) =>
    tpl.events.map((e, k) => ({ fair_id: fair.id, t: tpl.t, k: k + 1, key: tpl.key, case_id: e.caseId, hlc: e.hlc, at: e.at, payload: JSON.stringify(e) })),
  );
  await db.query(
    `insert into bench_templates select * from jsonb_to_recordset($1::text::jsonb)
       as r(fair_id text, t int, k int, key text, case_id text, hlc text, at text, payload text)`,
    [JSON.stringify(rows)],
  );
  await db.query(
    `insert into items (id, server_seq, fair_id, device_id, seq, hlc, at, kind, entity_id, payload, content_hash)
     values ($1, $2, $3, '01D0000000000000000000FAIR', $2, '0', '2025-04-01T00:00:00.000Z', 'fair', $3, $4::text::jsonb, 'x')`,
    [`01J${newId().slice(3)}`, base + 1, fair.id, JSON.stringify(fair)],
  );
  return cloneCases(db, fair.id, 1, cases + 1, base + 1);
}

/**
 * Runs `fill` with the indexes and unique constraints of `items` set aside and builds them again
 * after, exactly as they were (a bench seed: one sort per index instead of a million inserts into
 * each; the summary then runs over the schema the migrations made).
 */
async function withoutItemIndexes(db: SqlRunner, fill: () => Promise<void>): Promise<void> {
  const found = await db.query<{ name: string; def: string; con: string | null; condef: string | null }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def, c.conname as con, pg_get_constraintdef(c.oid) as condef
     from pg_index i left join pg_constraint c on c.conindid = i.indexrelid and c.conrelid = i.indrelid
     where i.indrelid = 'items'::regclass`,
  );
  for (const f of found) await db.exec(f.con === null ? `drop index ${f.name}` : `alter table items drop constraint ${f.con}`);
  try {
    await fill();
  } finally {
    for (const f of found) await db.exec(f.con === null ? f.def : `alter table items add constraint ${f.con} ${f.condef ?? ''}`);
  }
}

/**
 * The bench seed: `cases` cases of a fair (ten events each) and a tenth as many of its previous
 * session, straight into the tables (see the top of this file). The console's summary page
 * bench (console-summary.bench.ts) reads the same data.
 */
export async function seedSessions(db: SqlRunner, cases: number): Promise<{ fair: Fair; previous: Fair }> {
  const previous = makeFair({ id: `01F${newId().slice(3)}`, code: 'CF136', sessionNo: 136, days: ['2024-10-15', '2024-10-16', '2024-10-17'].map((date) => ({ date, opensAt: '09:00', closesAt: '17:00' })) } as never);
  const fair = makeFair({ id: `01F${newId().slice(3)}`, previousFairId: previous.id } as never);
  await db.exec(`create table bench_templates (fair_id text, t int, k int, key text, case_id text, hlc text, at text, payload text);
                 create table bench_keys (i int primary key, key text)`);
  const keys = Array.from({ length: ENTERPRISES }, (_, i) => ({ i, key: `CN:${uscc(`91440300MA${String(i).padStart(7, '0')}`)}` }));
  await db.query(`insert into bench_keys select * from jsonb_to_recordset($1::text::jsonb) as r(i int, key text)`, [JSON.stringify(keys)]);
  const [counter] = await db.query<{ last: unknown }>('select last from server_seq_counter');
  let last = Number(counter?.last ?? 0);
  await withoutItemIndexes(db, async () => {
    last = await seedFair(db, previous, ['2024-10-15', '2024-10-16', '2024-10-17'], Math.round(cases / 10), last);
    last = await seedFair(db, fair, ['2025-04-15', '2025-04-16', '2025-04-17', '2025-04-18'], cases, last);
  });
  await db.query('update server_seq_counter set last = $1 where id = 1', [last]);
  await db.exec('drop table bench_templates; drop table bench_keys; analyze items');
  return { fair, previous };
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

interface Result {
  readonly seedMs: number;
  readonly catchUpMs: number;
  readonly folded: number;
  readonly coldMs: number;
  readonly warmMs: number[];
  readonly pushMs: number;
  readonly afterPushMs: number;
  readonly afterPushRefreshed: number;
  readonly accepted: number | null | undefined;
  readonly repeat: number;
  readonly load: string;
  readonly parts: string;
}

const load = (): string => `${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`;

async function measure(config: StorageConfig): Promise<Result> {
  let storage: Storage = await openStorage(config);
  try {
    const db = storage.sql;
    const seedStart = performance.now();
    const { fair, previous } = await seedSessions(db, CASES);
    const seedMs = performance.now() - seedStart;
    console.log(`  seeded ${(CASES + PREVIOUS_CASES).toLocaleString('en')} cases in ${Math.round(seedMs / 1000)} s (load ${load()})`);

    const caught = await time(async () => (await catchUp(db, previous.id)) + (await catchUp(db, fair.id)));
    await db.query('analyze report_cases');
    console.log(`  projection caught up: ${caught.value} cases folded in ${Math.round(caught.ms / 1000)} s (load ${load()})`);

    // Cold: a database opened afresh (PGlite: a new instance from its folder; PostgreSQL: a new pool of new backends).
    await storage.close();
    storage = await openStorage(config);
    const cold = await time(() => serverSummary(storage.sql, fair.id));
    if (cold.value?.refreshed !== 0) throw new Error(`the projection was not current (${cold.value?.refreshed} folded)`);
    const warmMs: number[] = [];
    for (let i = 0; i < 3; i++) warmMs.push((await time(() => serverSummary(storage.sql, fair.id))).ms);
    // Where a warm summary's time goes (the current session's parts; the previous session's are a tenth).
    const parts = [
      `catch-up check ${Math.round((await time(() => catchUp(storage.sql, fair.id))).ms)}`,
      `case figures SQL ${Math.round((await time(() => caseFiguresSql(storage.sql, fair))).ms)}`,
      `R15 established cases ${Math.round((await time(() => repeatCases(storage.sql, fair.id))).ms)}`,
    ].join(', ');

    // 1,000 more cases through the real push path, its projection hook included.
    const device = await enrol(storage, fair.id);
    const more = templates(fair, ['2025-04-19']).slice(0, 10);
    let seq = 0;
    const items: SyncItem[] = [];
    for (let n = 0; n < PUSHED_CASES; n++) {
      const tpl = more[n % more.length] as Template;
      const caseId = `01C${String(900_000 + n).padStart(6, '0')}${tpl.events[0]?.caseId.slice(9) ?? ''}`;
      for (const e of tpl.events) {
        const json = JSON.stringify(e).split(e.caseId).join(caseId).split('01E000000').join(`01E${String(900_000 + n).padStart(6, '0')}`).split('01Q000000').join(`01Q${String(900_000 + n).padStart(6, '0')}`);
        const event = JSON.parse(json) as CaseEvent;
        items.push({ id: newId(), fairId: fair.id, deviceId: device.deviceId, seq: ++seq, hlc: e.hlc, at: e.at, kind: 'case_event', entityId: caseId, payload: event } as unknown as SyncItem);
      }
    }
    const pushed = await time(async () => {
      for (let i = 0; i < items.length; i += PUSH_BATCH) {
        const out = await storage.push({ deviceId: device.deviceId, fairId: fair.id }, items.slice(i, i + PUSH_BATCH), Date.now());
        if (out.kind !== 'pushed' || out.ackedSeq !== Math.min(i + PUSH_BATCH, items.length)) throw new Error(`push refused: ${JSON.stringify(out).slice(0, 200)}`);
      }
    });
    const after = await time(() => serverSummary(storage.sql, fair.id));
    const figures = after.value?.summary.figures;
    return {
      seedMs, catchUpMs: caught.ms, folded: caught.value, coldMs: cold.ms, warmMs, pushMs: pushed.ms, afterPushMs: after.ms,
      afterPushRefreshed: after.value?.refreshed ?? -1, parts, accepted: figures?.['R4.accepted'], repeat: after.value?.summary.repeatInfringers.length ?? 0, load: load(),
    };
  } finally {
    await storage.close();
  }
}

function figures(db: string, r: Result): Figure[] {
  const events = `${(CASES * 10).toLocaleString('en')} case events (+ ${(PREVIOUS_CASES * 10).toLocaleString('en')} of the previous session)`;
  return [
    {
      name: `P7 summary, ${CASES.toLocaleString('en')} cases, server (${db}), cold`,
      value: Math.round(r.coldMs),
      unit: 'ms',
      goal: { op: '<=', value: 2000 },
      note: `first request after opening the database; ${events}; R4 accepted = ${r.accepted ?? '?'}, ${r.repeat} repeat infringers listed; load average ${r.load}`,
    },
    {
      name: `P7 summary, ${CASES.toLocaleString('en')} cases, server (${db}), warm`,
      value: Math.round(median(r.warmMs)),
      unit: 'ms',
      goal: { op: '<=', value: 2000 },
      note:
        `median of 3 (${r.warmMs.map((t) => Math.round(t)).join(', ')} ms; of which ${r.parts} ms); seed ${Math.round(r.seedMs / 1000)} s (INSERT … SELECT generate_series); ` +
        `projection catch-up once ${Math.round(r.catchUpMs / 1000)} s (${r.folded.toLocaleString('en')} cases, ${Math.round(r.folded / (r.catchUpMs / 1000))} cases/s); ` +
        `${PUSHED_CASES.toLocaleString('en')} more cases pushed (${(PUSHED_CASES * 10).toLocaleString('en')} events, batches of ${PUSH_BATCH}, projection hook included) at ${Math.round((PUSHED_CASES * 10) / (r.pushMs / 1000))} items/s, ` +
        `then the summary ${Math.round(r.afterPushMs)} ms (${r.afterPushRefreshed} cases left to catch up); load average ${r.load}`,
    },
  ];
}

export const serverSummaryBench: BenchSuite = {
  name: 'server-summary',
  async run(): Promise<readonly Figure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'faircase-bench-summary-'));
    let pglite: Result;
    try {
      pglite = await measure({ dataDir: join(dir, 'pglite') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const done = figures('PGlite', pglite);
    // Printed at once: the PostgreSQL half must not lose these if it fails.
    for (const f of done) console.log(`${f.name}: ${f.value} ms; ${f.note ?? ''}`);
    const pg = await startPostgres();
    let postgres: Result;
    try {
      postgres = await measure({ databaseUrl: pg.url });
    } finally {
      await pg.stop();
    }
    return [...done, ...figures('PostgreSQL', postgres)];
  },
};
