import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import type { CommandType } from '../../src/domain/case/commands';
import type { CaseEvent } from '../../src/domain/case/events';
import { RepeatRule } from '../../src/domain/fair';
import type { Fair } from '../../src/domain/fair';
import { postShowSummary } from '../../src/domain/report/post-show-summary';
import type { SessionData } from '../../src/domain/report/session-data';
import type { SqlRunner } from '../../src/server/storage/sql';
import { serverSummary } from '../../src/server/reports/summary-service';
import { makeFair, userId } from '../support/builders';
import { CURRENT, PREVIOUS } from '../domain/report/hand-session';
import { FOREIGN_COMPLAINANT, right, runCase, session, uscc } from '../domain/report/session-builder';
import type { StepSpec } from '../domain/report/session-builder';
import { bothStorages } from './both-storages';

/**
 * The server computes every figure of R1–R19 across all devices — the case figures in SQL
 * over its report projection, the small record sets with the domain's counters — and the result
 * equals the domain's `postShowSummary` on the same data. Seeded random sessions (fast-check):
 * cases driven through the real `decide` + `evolve` along every kind of path (rejected with a
 * reason, withdrawn, open, established with measures done or refused, transferred and handed
 * over, reviewed upheld and overturned, settled, pending at close), one or two IP types,
 * foreign complainants, shared respondents, and a previous session sharing exhibitors (R15
 * under either repeat rule), synced as items into the database.
 */
const databases = bothStorages();

type Steps = readonly (CommandType | readonly [CommandType, StepSpec])[];
const OPINION: Steps = ['Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion'];
const PATHS: readonly Steps[] = [
  [],
  ['RequestSupplement'],
  [['Reject', { payload: { reason: 'NR_NO_STANDING' } }]],
  [['Reject', { payload: { reason: 'NR_OTHER', text: '非本展会展品' } }]],
  ['Withdraw'],
  ['Accept'],
  ['Accept', 'Withdraw'],
  ['Accept', 'RecordSettlement'],
  ['Accept', 'Transfer', 'RecordHandover'],
  ['Accept', 'Transfer', 'CloseFair'],
  ['Accept', 'CloseFair'],
  [...OPINION, 'CloseFair'],
  [...OPINION, ['OrderMeasures', { payload: { measures: [{ code: 'COVER' }, { code: 'DETAIN' }] } }], ['VerifyMeasure', { payload: { measureIndex: 0 } }], 'CloseFair'],
  [...OPINION, ['OrderMeasures', { payload: { measures: [{ code: 'COVER' }, { code: 'DETAIN' }] } }], ['VerifyMeasure', { payload: { measureIndex: 0 } }], ['VerifyMeasure', { payload: { measureIndex: 1 } }], 'CloseFair'],
  [...OPINION, ['OrderMeasures', { payload: { measures: [{ code: 'COVER' }] } }], ['VerifyMeasure', { payload: { measureIndex: 0 } }], 'CloseFair'],
  [...OPINION, ['OrderMeasures', { payload: { measures: [{ code: 'DETAIN' }] } }], ['VerifyMeasure', { payload: { measureIndex: 0, result: 'refused' } }], 'CloseFair'],
  [...OPINION, 'RequestReview', 'DecideReview', 'CloseFair'],
  [...OPINION, 'RequestReview', ['DecideReview', { payload: { decision: 'overturned', reasons: '复核改判' } }], 'CloseFair'],
  ['Accept', 'NotifyRespondent', 'RecordVoluntaryRemoval'],
  ['Accept', 'IssueOpinion', 'CloseFair'],
];
const TYPES = ['invention', 'utility_model', 'design', 'trademark', 'copyright'] as const;
const KEYS = [1, 2, 3, 4, 5, 6].map((n) => `CN:${uscc(`91440101MA59ABC${n}X`)}`);

const CaseArb = fc.record({
  complaint: fc.integer({ min: 1, max: 8 }),
  respondent: fc.integer({ min: 0, max: KEYS.length - 1 }),
  path: fc.integer({ min: 0, max: PATHS.length - 1 }),
  day: fc.integer({ min: 0, max: 3 }),
  minute: fc.integer({ min: 0, max: 300 }),
  foreign: fc.boolean(),
  types: fc.uniqueArray(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 2 }),
});
type GenCase = typeof CaseArb extends fc.Arbitrary<infer T> ? T : never;

let fairNo = 0;
let caseNo = 0;
/** Item ids and the device's sequence are unique across the whole database. */
let seq = 0;

async function insertItems(db: SqlRunner, rows: readonly { fairId: string; kind: string; entityId: string; payload: unknown; at: string; hlc: string }[]): Promise<void> {
  for (const r of rows) {
    seq++;
    const json = JSON.stringify(r.payload);
    await db.query(
      // The server's own counter, as a push takes it (sync-store.ts): sequences in commit order.
      `with c as (update server_seq_counter set last = last + 1 where id = 1 returning last)
       insert into items (id, server_seq, fair_id, device_id, seq, hlc, at, kind, entity_id, payload, content_hash)
       select $1, c.last, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb, $10 from c`,
      [`01S${String(seq).padStart(23, '0')}`, r.fairId, `01D${String(process.pid).padStart(23, '0')}`, seq, r.hlc, r.at, r.kind, r.entityId, json, createHash('sha256').update(json).digest('hex')],
    );
  }
}

/** Everything a session's devices would have pushed: the fair, its records, its case events. */
async function sync(db: SqlRunner, data: SessionData): Promise<void> {
  const { fair } = data;
  const at = '2025-04-14T00:00:00.000Z';
  await insertItems(db, [
    { fairId: fair.id, kind: 'fair', entityId: fair.id, payload: fair, at, hlc: '0' },
    ...data.exhibitors.map((e) => ({ fairId: fair.id, kind: 'exhibitor', entityId: e.id, payload: e, at, hlc: '0' })),
    ...data.commitments.map((c) => ({ fairId: fair.id, kind: 'commitment', entityId: c.id, payload: c, at, hlc: '0' })),
    ...data.consultations.map((c) => ({ fairId: fair.id, kind: 'consultation', entityId: c.id, payload: c, at, hlc: '0' })),
    ...data.events.map((e: CaseEvent) => ({ fairId: fair.id, kind: 'case_event', entityId: e.caseId, payload: e, at: e.at, hlc: e.hlc })),
  ]);
}

function fairPair(ladder: boolean): { prev: Fair; cur: Fair } {
  fairNo++;
  const base = makeFair().settings;
  const settings = ladder ? { ...base, repeatRule: RepeatRule.parse({ kind: 'ladder' }) } : base;
  const prev = makeFair({ id: `01F${String(fairNo * 2).padStart(23, '0')}`, code: `CF${200 + fairNo * 2}`, sessionNo: 100, days: [{ date: '2024-10-15', opensAt: '09:00', closesAt: '17:00' }], settings } as never);
  const cur = makeFair({ id: `01F${String(fairNo * 2 + 1).padStart(23, '0')}`, code: `CF${201 + fairNo * 2}`, sessionNo: 101, previousFairId: prev.id, settings } as never);
  return { prev, cur };
}

function build(fair: Fair, gen: readonly GenCase[], date: (day: number) => string) {
  return gen.map((g) => {
    caseNo++;
    const hh = String(9 + Math.floor(g.minute / 60)).padStart(2, '0');
    const mm = String(g.minute % 60).padStart(2, '0');
    return runCase(fair, {
      n: caseNo,
      complaint: fairNo * 100 + g.complaint,
      respondent: { key: KEYS[g.respondent] ?? '', hall: g.respondent % 2 === 0 ? '1.1' : '2.2', stand: `A${g.respondent}` },
      complainant: g.foreign ? FOREIGN_COMPLAINANT : undefined,
      rights: g.types.map((t, k) => right(t, caseNo * 10 + k)),
      start: `${date(g.day)} ${hh}:${mm}`,
      steps: PATHS[g.path] ?? [],
    });
  });
}

const seen = { accepted: 0, established: 0, notAccepted: 0, repeat: 0, reviews: 0, measures: 0, medians: 0 };

for (const { name, storage } of databases) describe(`server summary on ${name}`, () => {
  test('[R3][R4][R5][R6][R7][R8][R9][R10][R11][R12][R13][R14][R15][R17] every server figure equals postShowSummary on seeded random sessions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(CaseArb, { maxLength: 14 }), fc.array(CaseArb, { maxLength: 5 }), fc.boolean(), async (now, before, ladder) => {
        const { prev, cur } = fairPair(ladder);
        const previous = session(prev, build(prev, before, () => '2024-10-15'));
        const current = session(cur, build(cur, now, (d) => `2025-04-${15 + d}`));
        const expected = postShowSummary({ ...current, previousSession: previous });
        await sync(storage().sql, previous);
        await sync(storage().sql, current);
        const server = await serverSummary(storage().sql, cur.id);
        expect(server?.summary).toEqual(expected);
        const f = expected.figures;
        seen.accepted += f['R4.accepted'] ?? 0;
        seen.established += f['R9.enterprises'] ?? 0;
        seen.notAccepted += f['R6.total'] ?? 0;
        seen.repeat += f['R15.exhibitors'] ?? 0;
        seen.reviews += f['R13.reviews.overturned'] ?? 0;
        seen.measures += f['R12.measures.refused'] ?? 0;
        seen.medians += f["R14.orderedToVerified"] === null ? 0 : 1;
      }),
      { numRuns: 20, seed: 9 },
    );
    // The generator reaches every kind of case, so the equalities above mean something.
    for (const [k, v] of Object.entries(seen)) expect([k, v > 0]).toEqual([k, true]);
  }, 240_000);

  test('[R1][R2][R16][R17][R18][R19] the hand-made session: exhibitors, commitments, consultations, the R18/R19 entries in the fair record; equal to the domain, every figure', async () => {
    fairNo++;
    const suffix = String(fairNo).padStart(6, '0');
    const prevFair = { ...PREVIOUS.fair, id: `01FA${suffix.padStart(22, '0')}` } as Fair;
    const fair = {
      ...CURRENT.fair,
      id: `01FB${suffix.padStart(22, '0')}`,
      previousFairId: prevFair.id,
      service: { outreach: CURRENT.outreach, expertsOnDuty: CURRENT.expertsOnDuty, updatedAt: '2025-04-19T10:00:00.000Z', updatedBy: userId(1) },
    } as Fair;
    const move = <T extends { fairId: string }>(list: readonly T[], to: string): T[] => list.map((r) => ({ ...r, fairId: to }));
    const moveEvents = (data: SessionData, to: string): CaseEvent[] => data.events.map((e) => ({ ...e, payload: 'fairId' in (e.payload as object) ? { ...(e.payload as object), fairId: to } : e.payload }) as CaseEvent);
    const current: SessionData = {
      ...CURRENT,
      fair,
      cases: move(CURRENT.cases, fair.id),
      events: moveEvents(CURRENT, fair.id),
      exhibitors: move(CURRENT.exhibitors, fair.id),
      commitments: move(CURRENT.commitments, fair.id),
      consultations: move(CURRENT.consultations, fair.id),
      outreach: move(CURRENT.outreach, fair.id),
    };
    const previous: SessionData = { ...PREVIOUS, fair: prevFair, cases: move(PREVIOUS.cases, prevFair.id), events: moveEvents(PREVIOUS, prevFair.id) };
    const expected = postShowSummary({ ...current, previousSession: previous });
    await sync(storage().sql, previous);
    await sync(storage().sql, current);
    const server = await serverSummary(storage().sql, fair.id);
    expect(server?.summary).toEqual(expected);
    // The hand-computed values of post-show-summary.test.ts, so neither side can drift alone.
    const f = server?.summary.figures;
    expect([f?.['R1.exhibitors'], f?.['R2.committed'], f?.['R16.total'], f?.['R17.total']]).toEqual([6, 3, 4, 9]);
    expect([f?.['R18.trainingSessions'], f?.['R18.trainingParticipants'], f?.['R18.publicityMaterials'], f?.['R19.experts'], f?.['R19.expertDays']]).toEqual([2, 200, 500, 2, 3]);
  }, 60_000);

  test('[R12] the projection folds again only the cases with new events: a case accepted later moves R4 and R12', async () => {
    const { cur } = fairPair(false);
    const c = runCase(cur, { n: ++caseNo, complaint: 1, respondent: { key: KEYS[0] ?? '', hall: '1.1', stand: 'A1' }, start: '2025-04-15 10:00', steps: ['Accept'] });
    const first = c.events.slice(0, 1);
    await sync(storage().sql, session(cur, [{ case: c.case, events: first }]));
    const before = await serverSummary(storage().sql, cur.id);
    expect([before?.summary.figures['R3.received'], before?.summary.figures['R4.accepted'], before?.refreshed]).toEqual([1, 0, 1]);
    const again = await serverSummary(storage().sql, cur.id);
    expect(again?.refreshed).toBe(0);
    await insertItems(
      storage().sql,
      c.events.slice(1).map((e) => ({ fairId: cur.id, kind: 'case_event', entityId: e.caseId, payload: e, at: e.at, hlc: e.hlc })),
    );
    const after = await serverSummary(storage().sql, cur.id);
    expect([after?.summary.figures['R4.accepted'], after?.summary.figures['R12.open'], after?.refreshed]).toEqual([1, 1, 1]);
  });

  test('[R4] a fair with no cases: zero counts, every rate "—"; an unknown fair, undefined', async () => {
    const { cur } = fairPair(false);
    await sync(storage().sql, session(cur, []));
    const s = await serverSummary(storage().sql, cur.id);
    expect([s?.summary.figures['R3.received'], s?.summary.figures['R4.accepted'], s?.summary.figures['R5.rate'], s?.summary.figures['R14.receivedToAccepted']]).toEqual([0, 0, null, null]);
    expect(await serverSummary(storage().sql, '01F77777777777777777777777')).toBeUndefined();
  });
});
