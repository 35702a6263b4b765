import { z } from 'zod';
import type { SummaryCase } from './summary-case';
import { SanctionCode } from '../codes';
import { isWeakKey } from '../exhibitor';
import type { ExhibitorKey } from '../exhibitor';
import type { RepeatRule } from '../fair';
import { CaseId } from '../ids';

/**
 * R15 and §7: which exhibitors the fair's repeat rule catches, and the sanction it recommends
 * (the organizer decides, §6). Shared by the post-show summary and the repeat-infringer screen.
 *
 * - RP1: exhibitors are matched on `exhibitorKey`, never the name; a weak `NAME:` key counts
 *   within the session but is never matched against the previous session.
 * - RP2 `national_baseline`: a final `ESTABLISHED_ALLEGED` case in this and the previous session
 *   → `BAN_NEXT_SESSION` (unverified rule, §12: the organizer confirms).
 * - RP3 `ladder`: 1st established case → `PUBLIC_NOTICE`, 2nd → `DEDUCT_BOOTHS(n)`, this and the
 *   previous session → `BAN_SESSIONS(m)`; `REDISPLAY`, `MEASURE_REFUSED` or a prior judgment
 *   (opinion basis `PRIOR_RULING`, GEN-07) → one step up, once. Past `BAN_SESSIONS(m)` a step up
 *   adds a session: `BAN_PERMANENT` is never recommended, only decided by hand. The highest step
 *   reached is the one recommendation.
 */

export const AGGRAVATIONS = ['REDISPLAY', 'MEASURE_REFUSED', 'PRIOR_RULING'] as const;
export const Aggravation = z.enum(AGGRAVATIONS);
export type Aggravation = z.infer<typeof Aggravation>;

export const RecommendedSanction = z.object({ code: SanctionCode, n: z.number().int().min(1).optional() });
export type RecommendedSanction = z.infer<typeof RecommendedSanction>;

export const RepeatInfringer = z.object({
  exhibitorKey: z.string().min(1),
  /** The respondent's name on its latest established case (received order), for the list. */
  name: z.string(),
  /** Final established cases this session and in the previous one. */
  established: z.number().int().min(0),
  previousEstablished: z.number().int().min(0),
  /** Two established cases this session, or one in each of two consecutive sessions. */
  repeat: z.boolean(),
  aggravations: z.array(Aggravation),
  rule: z.enum(['RP2', 'RP3']),
  sanctions: z.array(RecommendedSanction).min(1),
  /** The established cases the recommendation rests on: this session's, then the previous one's, each in received order. */
  basisCaseIds: z.array(CaseId).min(1),
});
export type RepeatInfringer = z.infer<typeof RepeatInfringer>;

/** Final `ESTABLISHED_ALLEGED` (CS6: the outcome is set on entering CLOSED). */
export const isFinalEstablished = (c: SummaryCase): boolean => c.state === 'CLOSED' && c.outcome === 'ESTABLISHED_ALLEGED';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Received order, then id: the same list whatever order the cases came in. */
const byReceipt = (a: SummaryCase, b: SummaryCase): number => cmp(a.receivedAt, b.receivedAt) || cmp(a.id, b.id);

function establishedByKey(cases: readonly SummaryCase[], crossSession: boolean): Map<ExhibitorKey, SummaryCase[]> {
  const out = new Map<ExhibitorKey, SummaryCase[]>();
  for (const c of cases) {
    const key = c.respondent.exhibitorKey;
    if (key === undefined || !isFinalEstablished(c) || (crossSession && isWeakKey(key))) continue;
    const list = out.get(key);
    if (list === undefined) out.set(key, [c]);
    else list.push(c);
  }
  for (const list of out.values()) list.sort(byReceipt);
  return out;
}

function aggravationsOf(cases: readonly SummaryCase[]): Aggravation[] {
  const found = new Set<Aggravation>();
  for (const c of cases) {
    if (c.flags.includes('REDISPLAY')) found.add('REDISPLAY');
    if (c.flags.includes('MEASURE_REFUSED')) found.add('MEASURE_REFUSED');
    if (c.opinion?.basis === 'PRIOR_RULING') found.add('PRIOR_RULING');
  }
  return AGGRAVATIONS.filter((a) => found.has(a));
}

/** RP3 steps 1–3 and beyond: PUBLIC_NOTICE, DEDUCT_BOOTHS(n), BAN_SESSIONS(m), BAN_SESSIONS(m + k). */
function ladderSanction(step: number, rule: Extract<RepeatRule, { kind: 'ladder' }>): RecommendedSanction {
  if (step <= 1) return { code: 'PUBLIC_NOTICE' };
  if (step === 2) return { code: 'DEDUCT_BOOTHS', n: rule.deductBoothsOnSecond };
  return { code: 'BAN_SESSIONS', n: rule.banSessionsOnConsecutive + (step - 3) };
}

/**
 * One exhibitor's final established cases in one session (RP1), as the rule reads them: their ids
 * in received order, the respondent's name on the latest, and the aggravations among them (in
 * `AGGRAVATIONS` order). The server groups its projection into these in SQL (R15).
 */
export interface EstablishedGroup {
  readonly caseIds: readonly CaseId[];
  readonly latestName: string;
  readonly aggravations: readonly Aggravation[];
}

/** Each exhibitor's established cases of one session, grouped as `sanctionsOfGroups` reads them. */
export function establishedGroups(cases: readonly SummaryCase[], crossSession: boolean): Map<ExhibitorKey, EstablishedGroup> {
  const out = new Map<ExhibitorKey, EstablishedGroup>();
  for (const [key, list] of establishedByKey(cases, crossSession)) {
    out.set(key, { caseIds: list.map((c) => c.id), latestName: (list[list.length - 1] as SummaryCase).respondent.name, aggravations: aggravationsOf(list) });
  }
  return out;
}

/**
 * The exhibitors this session's cases put under the fair's repeat rule, with the recommended
 * sanction; `previousCases` are the cases of the session named by `previousFairId` (RP1, RP2).
 * Sorted by exhibitor key. Exhibitors the rule does not catch are left out.
 */
export function recommendSanctions(rule: RepeatRule, cases: readonly SummaryCase[], previousCases: readonly SummaryCase[]): RepeatInfringer[] {
  return sanctionsOfGroups(rule, establishedGroups(cases, false), establishedGroups(previousCases, true));
}

/**
 * `recommendSanctions` over grouped cases: `now` this session's groups, `before` the previous
 * session's (a weak key there is never matched, RP1, whoever grouped them).
 */
export function sanctionsOfGroups(rule: RepeatRule, now: ReadonlyMap<ExhibitorKey, EstablishedGroup>, before: ReadonlyMap<ExhibitorKey, Pick<EstablishedGroup, 'caseIds'>>): RepeatInfringer[] {
  const out: RepeatInfringer[] = [];
  for (const [key, mine] of [...now].sort(([a], [b]) => cmp(a, b))) {
    const prior = isWeakKey(key) ? [] : (before.get(key)?.caseIds ?? []);
    const consecutive = prior.length > 0;
    const established = mine.caseIds.length;
    const aggravations = [...mine.aggravations];
    let sanctions: RecommendedSanction[];
    if (rule.kind === 'national_baseline') {
      if (!consecutive) continue;
      sanctions = [{ code: 'BAN_NEXT_SESSION' }];
    } else {
      const base = consecutive ? 3 : established >= 2 ? 2 : 1;
      sanctions = [ladderSanction(base + (aggravations.length > 0 ? 1 : 0), rule)];
    }
    out.push({
      exhibitorKey: key,
      name: mine.latestName,
      established,
      previousEstablished: prior.length,
      repeat: consecutive || established >= 2,
      aggravations,
      rule: rule.kind === 'national_baseline' ? 'RP2' : 'RP3',
      sanctions,
      basisCaseIds: [...mine.caseIds, ...prior],
    });
  }
  return out;
}
