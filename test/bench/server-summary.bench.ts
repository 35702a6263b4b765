/**
 * P7 server (issue 9): the post-show summary over 100,000 cases with 10 events each (a million
 * `case_event` items), on PGlite and on PostgreSQL, ≤ 2 s each.
 *
 * Seeding: 60 template cases are driven through the real `decide` + `evolve` (Submit + 9 steps =
 * 10 events each, along six paths) and cloned with fresh case, event and complaint ids and one of
 * 2,000 respondents into the `items` table with batched INSERTs (one JSON parameter per 2,000
 * rows); the 94,000 cases whose projection rows are seeded carry the events' envelopes only
 * (see insertEvents), the 6,000 folded for real carry full payloads. The report projection is
 * what the server keeps up to date as items arrive
 * (case-projection.ts); its rows are seeded the same way, from each template's projected row with
 * the clone's ids — the fold of a clone is the template's fold with other ids. Then:
 *   - the summary with the projection current (the budget): `serverSummary`, median of 3;
 *   - the summary after 1,000 new cases arrived (10,000 events): the projection folds those again;
 *   - the fold rate of the projection itself (cases/s, cold, over 5,000 real cases), so the
 *     first summary of a fair never refreshed can be estimated.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandType } from '../../src/domain/case/commands';
import type { CaseEvent } from '../../src/domain/case/events';
import type { Fair } from '../../src/domain/fair';
import { projectCase, upsertRows, type ReportCaseRow } from '../../src/server/reports/case-projection';
import { catchUp } from '../../src/server/reports/projection-sync';
import { serverSummary } from '../../src/server/reports/summary-service';
import type { SqlClient } from '../../src/server/storage/sql';
import { openStorage, type Storage } from '../../src/server/storage/storage';
import { startPostgres } from '../support/postgres';
import { makeFair } from '../support/builders';
import { runCase, uscc } from '../domain/report/session-builder';
import type { StepSpec } from '../domain/report/session-builder';
import { median } from './figure';
import type { BenchSuite, Figure } from './figure';

/** `SUMMARY_BENCH_CASES` scales a quick look down; the budget is at 100,000. */
const CASES = Number(process.env.SUMMARY_BENCH_CASES ?? 100_000);
const TEMPLATES = 60;
const BATCH = 2_000;

type Steps = readonly (CommandType | readonly [CommandType, StepSpec])[];
/** Nine steps after Submit: ten events per case. */
const PATHS: readonly Steps[] = [
  ['Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion', ['OrderMeasures', { payload: { measures: [{ code: 'COVER' }] } }], ['VerifyMeasure', { payload: { measureIndex: 0 } }], 'AddNote', 'AddNote', 'CloseFair'],
  ['Accept', 'NotifyRespondent', 'RecordDefence', 'IssueOpinion', 'RequestReview', 'DecideReview', 'AddNote', 'AddNote', 'CloseFair'],
  ['RequestSupplement', 'AddNote', 'AddNote', 'AddNote', 'AddNote', 'AddNote', 'AddNote', 'AddNote', ['Reject', { payload: { reason: 'NR_OTHER', text: '非本展会展品' } }]],
  ['Accept', 'Transfer', 'RecordHandover', 'AddNote', 'AddNote', 'AddNote', 'AddNote', 'AddNote', 'CloseFair'],
  ['Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion', ['OrderMeasures', { payload: { measures: [{ code: 'DETAIN' }] } }], ['VerifyMeasure', { payload: { measureIndex: 0, result: 'refused' } }], 'AddNote', 'AddNote', 'CloseFair'],
  ['Accept', 'NotifyRespondent', 'AddNote', 'AddNote', 'AddNote', 'AddNote', 'AddNote', 'AddNote', 'CloseFair'],
];

interface Template {
  readonly caseId: string;
  readonly eventIds: readonly string[];
  readonly complaintId: string;
  readonly json: string;
  readonly row: ReportCaseRow;
}

function templates(fair: Fair): Template[] {
  const out: Template[] = [];
  for (let i = 0; i < TEMPLATES; i++) {
    const run = runCase(fair, {
      n: i + 1,
      complaint: i + 1,
      respondent: { key: `CN:${uscc(`91440101MA${String(i).padStart(5, '0')}X`.slice(0, 17))}`, hall: `${1 + (i % 4)}.1`, stand: `A${i}` },
      start: `2025-04-${15 + (i % 3)} 10:00`,
      steps: PATHS[i % PATHS.length] ?? [],
    });
    if (run.events.length !== 10) throw new Error(`template ${i}: ${run.events.length} events, not 10`);
    out.push({ caseId: run.case.id, eventIds: run.events.map((e) => e.id), complaintId: run.case.complaintId, json: JSON.stringify(run.events), row: projectCase(run.case, run.events) });
  }
  return out;
}

const id26 = (prefix: string, n: number): string => `${prefix}${String(n).padStart(26 - prefix.length, '0')}`;

/** Clone `n` of a template: every id replaced, the respondent one of 2,000. */
function clone(t: Template, n: number): { events: CaseEvent[]; row: ReportCaseRow } {
  const caseId = id26('01YC', n);
  let json = t.json.split(t.caseId).join(caseId).split(t.complaintId).join(id26('01YQ', Math.floor(n / 2)));
  t.eventIds.forEach((e, k) => (json = json.split(e).join(id26('01YE', n * 10 + k))));
  const enterprise = `CN:BENCH${String(n % 2000).padStart(10, '0')}`;
  const events = (JSON.parse(json) as CaseEvent[]).map((e) => (e.type === 'Submit' ? ({ ...e, payload: { ...e.payload, respondent: { ...(e.payload as { respondent: object }).respondent, exhibitorKey: enterprise } } } as CaseEvent) : e));
  return {
    events,
    row: {
      ...t.row,
      case_id: caseId,
      complaint_id: id26('01YQ', Math.floor(n / 2)),
      enterprise,
      repeat: t.row.repeat === null ? null : { ...t.row.repeat, id: caseId as never, respondent: { ...t.row.repeat.respondent, exhibitorKey: enterprise as never } },
    },
  };
}

let seq = 0;
/**
 * `full`: the event as the domain made it. Otherwise its envelope only (id, case, type, times):
 * with the projection current the summary reads no event payload, and a million full payloads
 * (~5 KB each with their indexes) take longer to write than this machine's session allows.
 */
async function insertEvents(db: SqlClient, fairId: string, events: readonly CaseEvent[], full: boolean): Promise<void> {
  for (let i = 0; i < events.length; i += BATCH) {
    const rows = events.slice(i, i + BATCH).map((e) => {
      seq++;
      const payload = full ? e : { id: e.id, caseId: e.caseId, type: e.type, at: e.at, hlc: e.hlc };
      return { id: id26('01J', seq), server_seq: seq, seq, hlc: e.hlc, at: e.at, entity_id: e.caseId, payload };
    });
    await db.query(
      `insert into items (id, server_seq, fair_id, device_id, seq, hlc, at, kind, entity_id, payload, content_hash)
       select id, server_seq, $1, '01D0000000000000000000BNCH', seq, hlc, at, 'case_event', entity_id, payload, md5(payload::text)
       from jsonb_to_recordset($2::text::jsonb) as r(id text, server_seq bigint, seq bigint, hlc text, at text, entity_id text, payload jsonb)`,
      [fairId, JSON.stringify(rows)],
    );
  }
  await db.query('update server_seq_counter set last = $1 where id = 1', [seq]);
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

interface Result {
  readonly summaryMs: number[];
  readonly incrementalMs: number;
  readonly refreshed: number;
  readonly seedMs: number;
  readonly foldRate: number;
  readonly accepted: number | null | undefined;
}

async function measure(storage: Storage): Promise<Result> {
  const db = storage.sql;
  seq = 0;
  const fair = makeFair();
  const tpl = templates(fair);
  const seedStart = performance.now();
  await db.query(
    `insert into items (id, server_seq, fair_id, device_id, seq, hlc, at, kind, entity_id, payload, content_hash)
     values ($1, 0, $2, '01D0000000000000000000BNCF', 0, '0', '2025-04-14T00:00:00.000Z', 'fair', $2, $3::text::jsonb, 'x')`,
    [id26('01J', 0), fair.id, JSON.stringify(fair)],
  );
  const seedCases = async (from: number, to: number, withRows: boolean): Promise<void> => {
    for (let n = from; n < to; n += BATCH) {
      const clones = Array.from({ length: Math.min(BATCH, to - n) }, (_, k) => clone(tpl[(n + k) % tpl.length] as Template, n + k + 1));
      await insertEvents(db, fair.id, clones.flatMap((c) => c.events), !withRows);
      if (withRows) await upsertRows(db, fair.id, clones.map((c) => c.row));
    }
  };
  // The fold rate, cold: 5,000 real cases folded and written by the projection.
  await seedCases(0, 5_000, false);
  const fold = await time(() => catchUp(db, fair.id));
  await seedCases(5_000, Math.max(CASES, 5_000), true);
  await db.query(`update report_watermarks set last_seq = $2 where fair_id = $1`, [fair.id, seq]);
  await db.query('analyze items');
  await db.query('analyze report_cases');
  const seedMs = performance.now() - seedStart;

  const summaryMs: number[] = [];
  let accepted: number | null | undefined;
  for (let i = 0; i < 3; i++) {
    const r = await time(() => serverSummary(db, fair.id));
    if (r.value?.refreshed !== 0) throw new Error(`the projection was not current (${r.value?.refreshed} refreshed)`);
    accepted = r.value.summary.figures['R4.accepted'];
    summaryMs.push(r.ms);
  }
  await seedCases(CASES, CASES + 1_000, false);
  const inc = await time(() => serverSummary(db, fair.id));
  return { summaryMs, incrementalMs: inc.ms, refreshed: inc.value?.refreshed ?? 0, seedMs, foldRate: fold.value / (fold.ms / 1000), accepted };
}

function figure(db: string, r: Result): Figure {
  return {
    name: `P7 summary, ${CASES.toLocaleString('en')} cases, server (${db})`,
    value: Math.round(median(r.summaryMs)),
    unit: 'ms',
    goal: { op: '<=', value: 2000 },
    note: `median of 3 (${r.summaryMs.map((t) => Math.round(t)).join(', ')} ms), ${(CASES * 10).toLocaleString('en')} case events (all but 6,000 cases' as envelopes, see the suite), R4 accepted = ${r.accepted ?? '?'}; after 1,000 more cases arrived: ${Math.round(r.incrementalMs)} ms (${r.refreshed} folded again); projection fold rate ${Math.round(r.foldRate)} cases/s cold; seeding ${Math.round(r.seedMs / 1000)} s`,
  };
}

export const serverSummaryBench: BenchSuite = {
  name: 'server-summary',
  async run(): Promise<readonly Figure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'faircase-bench-summary-'));
    let pglite: Result;
    const a = await openStorage({ dataDir: join(dir, 'pglite') });
    try {
      pglite = await measure(a);
    } finally {
      await a.close();
      rmSync(dir, { recursive: true, force: true });
    }
    const done = figure('PGlite', pglite);
    // Printed at once: the PostgreSQL half must not lose this one if it fails.
    console.log(`${done.name}: ${done.value} ms; ${done.note ?? ''}`);
    const pg = await startPostgres();
    let postgres: Result;
    const b = await openStorage({ databaseUrl: pg.url });
    try {
      postgres = await measure(b);
    } finally {
      await b.close();
      await pg.stop();
    }
    return [done, figure('PostgreSQL', postgres)];
  },
};
