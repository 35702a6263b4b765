import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { Case } from '../../src/domain/case/case';
import { RepeatRule } from '../../src/domain/fair';
import { establishedGroups, recommendSanctions, sanctionsOfGroups } from '../../src/domain/report/repeat';
import { upsertRows, type RepeatCase, type ReportCaseRow } from '../../src/server/reports/case-projection';
import { repeatGroups } from '../../src/server/reports/repeat-sql';
import { fcSeed } from '../support/fc-seed';
import { bothStorages } from './both-storages';

/**
 * R15 grouped in SQL (repeat-sql.ts) against the domain's own grouping and rule, on projection
 * rows written as the projection writes them: strong and weak (`NAME:`, Chinese) keys, cases
 * without a key, aggravating flags and opinion bases, cases received at the same instant, and
 * rows that are not final established cases.
 */
const databases = bothStorages();
const SEED = fcSeed('repeat-sql', 20_261_207);

const KEYS = ['CN:91440101MA59ABC1X1', 'CN:91440101MA59ABC2X2', 'CN:91440101MA59ABC3X3', 'NAME:广州某某贸易有限公司', 'NAME:𠀋记商行', 'NAME:zeta'];
const INSTANTS = ['2025-04-15T01:00:00.000Z', '2025-04-15T01:00:00.000Z', '2025-04-16T09:30:00.000Z', '2024-10-15T02:00:00.000Z'];

const CaseArb = fc.record({
  key: fc.option(fc.constantFrom(...KEYS), { nil: undefined }),
  name: fc.constantFrom('甲公司', '乙公司', 'Alpha Ltd', '𠀋记'),
  received: fc.constantFrom(...INSTANTS),
  final: fc.constantFrom('established', 'established', 'open', 'settled'),
  flags: fc.subarray(['REDISPLAY', 'MEASURE_REFUSED', 'OVERDUE']),
  basis: fc.option(fc.constantFrom('PRIOR_RULING', 'COMPARISON'), { nil: undefined }),
});
type GenCase = typeof CaseArb extends fc.Arbitrary<infer T> ? T : never;

let caseNo = 0;
function rowOf(g: GenCase): { row: ReportCaseRow; repeat: RepeatCase | null } {
  caseNo++;
  const id = `01C${String(caseNo).padStart(23, '0')}` as Case['id'];
  const established = g.final === 'established';
  const repeat = established
    ? ({
        id,
        receivedAt: g.received,
        state: 'CLOSED',
        outcome: 'ESTABLISHED_ALLEGED',
        flags: g.flags,
        respondent: { exhibitorKey: g.key, name: g.name },
        ...(g.basis === undefined ? {} : { opinion: { basis: g.basis } }),
      } as unknown as RepeatCase)
    : null;
  const row = {
    case_id: id, complaint_id: id, enterprise: g.key ?? `NAME:${g.name}`, hall: '1.1', accepted: true, established,
    not_accepted_reason: null, foreign_related: false, ip_types: ['trademark'], outcome: established ? 'ESTABLISHED_ALLEGED' : null, measures: [],
    transfer_kind: null, handed_over_in_time: false, reviews_requested: 0, reviews_upheld: 0, reviews_overturned: 0, has_opinion: g.basis !== undefined,
    opinion_not_established: false, complainant_key: 'P', to_accept_min: 0, to_opinion_min: null, to_verified_min: null, closed: established, closed_at: null, repeat,
  } as unknown as ReportCaseRow;
  return { row, repeat };
}

let fairNo = 0;
const RULES = [RepeatRule.parse({ kind: 'ladder' }), RepeatRule.parse({ kind: 'national_baseline' })];

for (const { name, storage } of databases) describe(`R15 grouped in SQL on ${name}`, () => {
  test('[R15] the groups and the recommendations equal the domain\'s, whatever the keys, flags and receipt order', async () => {
    let caught = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(CaseArb, { maxLength: 16 }), fc.array(CaseArb, { maxLength: 8 }), async (now, before) => {
        fairNo++;
        const fairId = `01F${String(fairNo * 2 + 1).padStart(23, '0')}`;
        const previousId = `01F${String(fairNo * 2).padStart(23, '0')}`;
        const cur = now.map(rowOf);
        const prev = before.map(rowOf);
        await upsertRows(storage().sql, fairId, cur.map((c) => c.row));
        await upsertRows(storage().sql, previousId, prev.map((c) => c.row));
        const cases = (list: typeof cur): Case[] => list.flatMap((c) => (c.repeat === null ? [] : [c.repeat as unknown as Case]));
        const groups = await repeatGroups(storage().sql, fairId, previousId);
        expect(new Map([...groups.now].sort())).toEqual(new Map([...establishedGroups(cases(cur), false)].sort()));
        // The previous session's weak keys come back from SQL; the rule never matches them (RP1).
        expect(new Map([...groups.before].filter(([k]) => !k.startsWith('NAME:')).sort())).toEqual(new Map([...establishedGroups(cases(prev), true)].sort()));
        for (const rule of RULES) {
          const expected = recommendSanctions(rule, cases(cur), cases(prev));
          expect(sanctionsOfGroups(rule, groups.now, groups.before)).toEqual(expected);
          caught += expected.length;
        }
      }),
      { numRuns: 25, seed: SEED },
    );
    expect(caught).toBeGreaterThan(0);
  }, 120_000);

  test('[R15] without a previous session every group is this session\'s', async () => {
    const fairId = '01F99999999999999999999999';
    const rows = [rowOf({ key: KEYS[0], name: '甲公司', received: INSTANTS[0] as string, final: 'established', flags: [], basis: 'PRIOR_RULING' })];
    await upsertRows(storage().sql, fairId, rows.map((r) => r.row));
    const groups = await repeatGroups(storage().sql, fairId, undefined);
    expect([...groups.now]).toEqual([[KEYS[0], { caseIds: [rows[0]?.row.case_id], latestName: '甲公司', aggravations: ['PRIOR_RULING'] }]]);
    expect(groups.before.size).toBe(0);
  });
});
