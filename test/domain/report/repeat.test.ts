import { describe, expect, test } from 'vitest';
import type { Case } from '../../../src/domain/case/case';
import { RepeatRule } from '../../../src/domain/fair';
import { recommendSanctions } from '../../../src/domain/report/repeat';
import { frequentComplainants } from '../../../src/domain/report/repeat-figures';
import { postShowSummary } from '../../../src/domain/report/post-show-summary';
import { makeFair } from '../../support/builders';
import { CURRENT, FAIR, KEYS, PREVIOUS } from './hand-session';
import { runCase, session } from './session-builder';
import type { CaseSpec } from './session-builder';

/** §7 RP2, RP3, RP6 as R15 applies them. The hand session: E1 2 established (+1 in CF136), E3 1 with a refused measure (+1 in CF136). */
const ladder = (over: Record<string, unknown> = {}) => RepeatRule.parse({ kind: 'ladder', ...over });
const baseline = RepeatRule.parse({ kind: 'national_baseline' });
const cur = CURRENT.cases;
const prev = PREVIOUS.cases;
const summaryOf = (r: ReturnType<typeof recommendSanctions>) => r.map((i) => [i.exhibitorKey, i.rule, i.sanctions]);

const established = (n: number, key: string, fair = FAIR): Case =>
  runCase(fair, {
    n,
    complaint: n,
    respondent: { key, hall: '1.1', stand: `Z${n}` },
    start: fair.id === FAIR.id ? '2025-04-16 10:00' : '2024-10-16 10:00',
    steps: ['Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion', 'CloseFair'],
  }).case;

describe('RP2 national baseline (R15)', () => {
  test('[RP2] established in two consecutive sessions → BAN_NEXT_SESSION; one session alone → nothing', () => {
    expect(summaryOf(recommendSanctions(baseline, cur, prev))).toEqual([
      [KEYS[0], 'RP2', [{ code: 'BAN_NEXT_SESSION' }]],
      [KEYS[2], 'RP2', [{ code: 'BAN_NEXT_SESSION' }]],
    ]);
    expect(recommendSanctions(baseline, cur, [])).toEqual([]);
  });

  test('[RP1] a weak NAME: key is never matched across sessions; a case without a key is left out', () => {
    const weakNow = established(901, 'NAME:某某贸易');
    const weakBefore = established(902, 'NAME:某某贸易', PREVIOUS.fair);
    expect(recommendSanctions(baseline, [weakNow], [weakBefore])).toEqual([]);
    const keyless: Case = { ...weakNow, respondent: { name: '无名', booth: weakNow.respondent.booth } };
    expect(recommendSanctions(ladder(), [keyless], [])).toEqual([]);
  });
});

describe('RP3 ladder (R15)', () => {
  test('[RP3] consecutive sessions → BAN_SESSIONS(1); a refused measure steps up to BAN_SESSIONS(2)', () => {
    const r = recommendSanctions(ladder(), cur, prev);
    expect(summaryOf(r)).toEqual([
      [KEYS[0], 'RP3', [{ code: 'BAN_SESSIONS', n: 1 }]],
      [KEYS[2], 'RP3', [{ code: 'BAN_SESSIONS', n: 2 }]],
    ]);
    expect(r.map((i) => i.aggravations)).toEqual([[], ['MEASURE_REFUSED']]);
  });

  test('[RP3] without the previous session: 2nd established case → DEDUCT_BOOTHS(n) from the settings; 1st + refusal → one step up', () => {
    expect(summaryOf(recommendSanctions(ladder({ deductBoothsOnSecond: 3 }), cur, []))).toEqual([
      [KEYS[0], 'RP3', [{ code: 'DEDUCT_BOOTHS', n: 3 }]],
      [KEYS[2], 'RP3', [{ code: 'DEDUCT_BOOTHS', n: 3 }]],
    ]);
  });

  test('[RP3] a first established case → PUBLIC_NOTICE; REDISPLAY or a prior judgment → DEDUCT_BOOTHS', () => {
    const plain = established(911, 'CN:914401010000000911');
    const redisplay: Case = { ...established(912, 'CN:914401010000000912'), flags: ['REDISPLAY'] };
    const base = established(913, 'CN:914401010000000913');
    const priorRuling: Case = { ...base, opinion: base.opinion === undefined ? undefined : { ...base.opinion, basis: 'PRIOR_RULING' } };
    const r = recommendSanctions(ladder(), [plain, redisplay, priorRuling], []);
    expect(r.map((i) => [i.sanctions, i.aggravations, i.repeat])).toEqual([
      [[{ code: 'PUBLIC_NOTICE' }], [], false],
      [[{ code: 'DEDUCT_BOOTHS', n: 1 }], ['REDISPLAY'], false],
      [[{ code: 'DEDUCT_BOOTHS', n: 1 }], ['PRIOR_RULING'], false],
    ]);
  });

  test('[RP3] BAN_PERMANENT is never recommended, even past the last step', () => {
    const rule = ladder({ banSessionsOnConsecutive: 10 });
    const all = recommendSanctions(rule, cur, prev).flatMap((i) => i.sanctions);
    expect(all.map((s) => s.code)).not.toContain('BAN_PERMANENT');
    expect(all).toContainEqual({ code: 'BAN_SESSIONS', n: 11 });
  });

  test('[R15] the summary counts sanctions per code under the fair\'s rule', () => {
    const fair = { ...FAIR, settings: { ...FAIR.settings, repeatRule: ladder() } };
    const s = postShowSummary({ ...CURRENT, fair, previousSession: PREVIOUS });
    expect([s.figures['R15.exhibitors'], s.figures['R15.repeat'], s.figures['R15.sanction.BAN_SESSIONS'], s.figures['R15.sanction.BAN_NEXT_SESSION']]).toEqual([2, 2, 2, 0]);
  });
});

describe('RP6 frequent complainants (R15)', () => {
  const fair = makeFair();
  const notEstablished = (n: number): CaseSpec => ({
    n,
    complaint: n,
    respondent: { key: `CN:9144010100000${n}XX`, hall: '1.1', stand: `N${n}` },
    start: '2025-04-16 10:00',
    steps: ['Accept', 'IssueOpinion', 'CloseFair'],
  });
  const est = (n: number): CaseSpec => ({ ...notEstablished(n), steps: ['Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion', 'CloseFair'] });

  test('[RP6] 3 NOT_ESTABLISHED of 4 determined (≥ 50 %) flags the complainant; 3 of 7 does not', () => {
    const flagged = [101, 102, 103].map(notEstablished).concat([est(104)]).map((s) => runCase(fair, s).case);
    expect(frequentComplainants(flagged, fair.settings.frequentComplainant)).toHaveLength(1);
    const diluted = [...flagged, ...[105, 106, 107].map((n) => runCase(fair, est(n)).case)];
    expect(frequentComplainants(diluted, fair.settings.frequentComplainant)).toEqual([]);
    const s = postShowSummary(session(fair, [101, 102, 103].map((n) => runCase(fair, notEstablished(n)))));
    expect(s.figures['R15.frequentComplainants']).toBe(1);
  });
});
