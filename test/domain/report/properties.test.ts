import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CommandType } from '../../../src/domain/case/commands';
import { isPatentType, OUTCOMES } from '../../../src/domain/codes';
import { fairCloseAt, RepeatRule } from '../../../src/domain/fair';
import { needsEvents } from '../../../src/domain/report/timeline';
import { figureKind, isFigureKey } from '../../../src/domain/report/figures';
import type { FigureKey } from '../../../src/domain/report/figures';
import { postShowSummary } from '../../../src/domain/report/post-show-summary';
import { PostShowSummary } from '../../../src/domain/report/summary-schema';
import { makeFair } from '../../support/builders';
import { FOREIGN_COMPLAINANT, right, runCase, session } from './session-builder';
import type { CaseSpec } from './session-builder';

/**
 * Properties of the summary over generated sessions: every case goes through the real state
 * machine along one of the desk's usual paths. A failure prints fast-check's seed.
 */
const fair = makeFair();
const ladderFair = { ...fair, settings: { ...fair.settings, repeatRule: RepeatRule.parse({ kind: 'ladder' }) } };
const RUNS = 100;
const TIMEOUT_MS = 120_000;

const PATHS: readonly (readonly CommandType[])[] = [
  [],
  ['Reject'],
  ['Accept'],
  ['Accept', 'IssueOpinion', 'CloseFair'],
  ['Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion', 'CloseFair'],
  ['Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion', 'OrderMeasures', 'VerifyMeasure', 'CloseFair'],
  ['Accept', 'Withdraw'],
  ['Accept', 'RecordSettlement'],
  ['Accept', 'Transfer', 'RecordHandover'],
  ['Accept', 'NotifyRespondent', 'RecordVoluntaryRemoval'],
];
const TYPES = ['invention', 'utility_model', 'design', 'trademark', 'copyright'] as const;

const CaseArb = fc.record({
  path: fc.nat(PATHS.length - 1),
  newComplaint: fc.boolean(),
  respondent: fc.nat(5),
  foreign: fc.boolean(),
  types: fc.uniqueArray(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 2 }),
  day: fc.nat(3),
  minute: fc.nat(360),
});
type GenCase = typeof CaseArb extends fc.Arbitrary<infer T> ? T : never;

function specOf(g: GenCase, i: number, complaint: number): CaseSpec {
  const hh = String(9 + Math.floor(g.minute / 60)).padStart(2, '0');
  const mm = String(g.minute % 60).padStart(2, '0');
  return {
    n: i + 1,
    complaint,
    respondent: { key: `CN:91440101000000${String(g.respondent).padStart(2, '0')}XX`, hall: String(1 + (g.respondent % 3)), stand: `S${g.respondent}` },
    complainant: g.foreign ? FOREIGN_COMPLAINANT : undefined,
    rights: g.types.map((t, k) => right(t, i * 10 + k)),
    start: `2025-04-${15 + g.day} ${hh}:${mm}`,
    steps: PATHS[g.path] ?? [],
  };
}

function build(gen: readonly GenCase[]) {
  let complaint = 0;
  return gen.map((g, i) => runCase(fair, specOf(g, i, g.newComplaint || i === 0 ? ++complaint : complaint)));
}

const SessionArb = fc.array(CaseArb, { minLength: 0, maxLength: 10 });

describe('post-show summary properties (fast-check)', () => {
  test('rates stay within 0–10000 bp (or "—"), counts are never negative, and the summary parses with its schema', () => {
    fc.assert(
      fc.property(SessionArb, (gen) => {
        const s = postShowSummary(session(fair, build(gen)));
        for (const [key, v] of Object.entries(s.figures as Record<string, number | null>)) {
          expect(isFigureKey(key)).toBe(true);
          const kind = figureKind(key as FigureKey);
          if (kind === 'rate' && v !== null) expect(v >= 0 && v <= 10000).toBe(true);
          if (kind === 'count') expect(v !== null && v >= 0).toBe(true);
        }
        expect(PostShowSummary.safeParse(JSON.parse(JSON.stringify(s))).success).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  test('[R11] a two-type case counts once in each of its types (and once among patent cases)', () => {
    fc.assert(
      fc.property(SessionArb, fc.uniqueArray(fc.constantFrom(...TYPES), { minLength: 2, maxLength: 2 }), fc.boolean(), (gen, types, established) => {
        const runs = build(gen);
        const before = postShowSummary(session(fair, runs)).figures;
        const extra = runCase(fair, {
          n: 999,
          complaint: 999,
          respondent: { key: 'CN:914401010000009999', hall: '9', stand: 'X1' },
          rights: types.map((t, k) => right(t, 9990 + k)),
          start: '2025-04-18 10:00',
          steps: established ? ['Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion', 'CloseFair'] : ['Accept', 'IssueOpinion', 'CloseFair'],
        });
        const after = postShowSummary(session(fair, [...runs, extra])).figures;
        for (const t of TYPES) {
          const inCase = (types as readonly string[]).includes(t) ? 1 : 0;
          expect(after[`R11.${t}.accepted`]).toBe((before[`R11.${t}.accepted`] ?? 0) + inCase);
          expect(after[`R11.${t}.established`]).toBe((before[`R11.${t}.established`] ?? 0) + (established ? inCase : 0));
        }
        expect(after['R12.accepted']).toBe((before['R12.accepted'] ?? 0) + 1);
        expect(after['R11.patent.accepted']).toBe((before['R11.patent.accepted'] ?? 0) + (types.some(isPatentType) ? 1 : 0));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  test('[R12] outcomes plus open add up to the accepted cases; [R4] ≤ [R3]; [R9] ≤ [R8]', () => {
    fc.assert(
      fc.property(SessionArb, (gen) => {
        const f = postShowSummary(session(fair, build(gen))).figures;
        const outcomes = OUTCOMES.reduce((sum, o) => sum + (f[`R12.outcome.${o}`] ?? 0), 0);
        expect(outcomes + (f['R12.open'] ?? 0)).toBe(f['R12.accepted']);
        expect(f['R4.accepted'] ?? 0).toBeLessThanOrEqual(f['R3.received'] ?? 0);
        expect(f['R9.enterprises'] ?? 0).toBeLessThanOrEqual(f['R8.enterprises'] ?? 0);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  test('the summary does not depend on the order of cases and events', () => {
    fc.assert(
      fc.property(
        SessionArb.chain((gen) => {
          const runs = build(gen);
          const events = runs.flatMap((r) => r.events);
          return fc.tuple(fc.constant(runs), fc.shuffledSubarray(runs, { minLength: runs.length }), fc.shuffledSubarray(events, { minLength: events.length }));
        }),
        ([runs, shuffledRuns, shuffledEvents]) => {
          // The ladder (RP3) lists every established exhibitor, so the R15 list is exercised too.
          const a = postShowSummary(session(ladderFair, runs));
          const b = postShowSummary({ ...session(ladderFair, shuffledRuns), events: shuffledEvents });
          expect(a.repeatInfringers.length).toBe(a.figures['R15.exhibitors']);
          expect(b).toEqual(a);
        },
      ),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);
});

describe('[R14] the events a summary needs (P7: the tablet reads only those)', () => {
  test('[R14] leaving out the events of every case `needsEvents` rejects changes no figure', () => {
    fc.assert(
      fc.property(SessionArb, (gen) => {
        const data = session(fair, build(gen));
        const closeAt = fairCloseAt(fair);
        const needed = new Set(data.cases.filter((c) => needsEvents(c, closeAt)).map((c) => c.id));
        const some = postShowSummary({ ...data, events: data.events.filter((e) => needed.has(e.caseId)) });
        expect(some).toEqual(postShowSummary(data));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  test('[R14] an accepted case closed after fairCloseAt needs its events; an unaccepted one never does', () => {
    const late = runCase(fair, { n: 1, complaint: 1, respondent: { key: 'CN:914401010000000001XX', hall: '1', stand: 'S1' }, start: '2025-04-18 10:00', steps: ['Accept', 'CloseFair'] });
    const never = runCase(fair, { n: 2, complaint: 2, respondent: { key: 'CN:914401010000000001XX', hall: '1', stand: 'S1' }, start: '2025-04-18 10:00', steps: ['Reject'] });
    const closeAt = fairCloseAt(fair);
    expect(needsEvents(never.case, closeAt)).toBe(false);
    expect(needsEvents({ ...late.case, state: 'CLOSED', updatedAt: '2099-01-01T00:00:00.000Z' as never }, closeAt)).toBe(true);
    expect(needsEvents({ ...late.case, state: 'CLOSED', updatedAt: closeAt }, closeAt)).toBe(false);
  });
});
