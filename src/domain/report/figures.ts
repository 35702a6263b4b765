import { IP_TYPES, MEASURE_CODES, NOT_ACCEPTED_REASONS, OUTCOMES, PATENT_TYPES, SANCTION_CODES } from '../codes';
import { ASKER_KINDS } from '../consultation';
import type { FigureKind } from './rates';

/**
 * The catalogue of post-show figures (R1–R19, `report/SPEC.md`). Every number of the summary is one
 * figure with a stable id `R<n>.<name>`, so a breakdown cell (`R11.design.accepted`) compares
 * with the previous session, exports as a CSV row and is typed by the organizer exactly like a
 * headline figure. Halls are not known in advance: `R12.hall(<hall>).accepted|established`.
 */

export const FIGURE_RULES = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'R12', 'R13', 'R14', 'R15', 'R16', 'R17', 'R18', 'R19'] as const;
export type FigureRule = (typeof FIGURE_RULES)[number];

// Before the key lists below: they are sorted by rule as the module loads.
const RULE_OF_KEY = /^(R\d+)\./;
/** The rule a key starts with, if it is one of `FIGURE_RULES`. */
function ruleOfKey(key: string): FigureRule | undefined {
  const rule = RULE_OF_KEY.exec(key)?.[1];
  return FIGURE_RULES.find((r) => r === rule);
}

/** The §10 titles, zh-CN and English, as printed on the report and the dashboard. */
export const FIGURE_TITLES = {
  R1: { zh: '参展商, 展位', en: 'Exhibitors, booths' },
  R2: { zh: '承诺书签署率', en: 'Commitment rate' },
  R3: { zh: '收到投诉', en: 'Complaints received' },
  R4: { zh: '受理投诉', en: 'Complaints accepted' },
  R5: { zh: '受理率', en: 'Acceptance rate' },
  R6: { zh: '不予接受', en: 'Not accepted' },
  R7: { zh: '涉外投诉', en: 'Foreign-related complaints' },
  R8: { zh: '被投诉企业', en: 'Enterprises complained against' },
  R9: { zh: '认定涉嫌侵权企业', en: 'Enterprises established as alleged infringers' },
  R10: { zh: '企业认定率', en: 'Enterprise rate' },
  R11: { zh: '按类型', en: 'By IP type' },
  R12: { zh: '结果, 措施', en: 'Outcomes, measures' },
  R13: { zh: '案件移交, 复核', en: 'Transfers, reviews' },
  R14: { zh: '时效', en: 'Timeliness' },
  R15: { zh: '重复侵权', en: 'Repeat infringers' },
  R16: { zh: '咨询指导', en: 'Consultations answered' },
  R17: { zh: '侵权判定参考意见', en: 'Reference opinions issued' },
  R18: { zh: '培训, 宣传', en: 'Training, publicity' },
  R19: { zh: '驻场服务', en: 'On-site service' },
} as const satisfies Record<FigureRule, { zh: string; en: string }>;

const each = <P extends string, T extends string, S extends string>(prefix: P, items: readonly T[], suffix: S) =>
  items.map((t) => `${prefix}${t}${suffix}` as `${P}${T}${S}`);

/** R12 counts accepted cases by outcome; `NOT_ACCEPTED` cannot follow an acceptance except by hand (CS27). */
const COUNTS = [
  'R1.exhibitors',
  'R1.booths',
  'R2.committed',
  'R3.received',
  'R4.accepted',
  'R6.total',
  ...each('R6.', NOT_ACCEPTED_REASONS, ''),
  'R7.foreign',
  'R8.enterprises',
  'R9.enterprises',
  ...each('R11.', IP_TYPES, '.accepted'),
  ...each('R11.', IP_TYPES, '.established'),
  'R11.patent.accepted',
  'R12.accepted',
  ...each('R12.outcome.', OUTCOMES, ''),
  'R12.open',
  'R12.measures.ordered',
  'R12.measures.done',
  'R12.measures.refused',
  ...each('R12.measure.', MEASURE_CODES, '.ordered'),
  ...each('R12.measure.', MEASURE_CODES, '.done'),
  ...each('R12.measure.', MEASURE_CODES, '.refused'),
  'R13.transfers',
  'R13.transfer.admin',
  'R13.transfer.enforcement',
  'R13.handedOverIn24h',
  'R13.reviews.requested',
  'R13.reviews.upheld',
  'R13.reviews.overturned',
  'R14.closedByClose',
  'R15.exhibitors',
  'R15.repeat',
  ...each('R15.sanction.', SANCTION_CODES, ''),
  'R15.frequentComplainants',
  'R16.total',
  ...each('R16.asker.', ASKER_KINDS, ''),
  ...each('R16.type.', IP_TYPES, ''),
  'R16.type.unspecified',
  'R17.total',
  'R17.caseOpinions',
  'R17.reviewDecisions',
  'R17.consultations',
  'R18.trainingSessions',
  'R18.trainingParticipants',
  'R18.publicityActivities',
  'R18.publicityMaterials',
  'R19.experts',
  'R19.expertDays',
  'R19.authorities',
] as const;

const RATES = [
  'R2.rate',
  'R5.rate',
  'R7.rate',
  'R10.rate',
  ...each('R11.', IP_TYPES, '.rate'),
  'R11.patent.share',
  ...each('R11.', PATENT_TYPES, '.share'),
  'R13.handoverRate',
  'R14.closedByCloseRate',
] as const;

const MINUTES = ['R14.receivedToAccepted', 'R14.acceptedToOpinion', 'R14.orderedToVerified'] as const;

export type StaticFigureKey = (typeof COUNTS)[number] | (typeof RATES)[number] | (typeof MINUTES)[number];
/** Per-hall breakdown of accepted cases (by the respondent's booth). */
export type HallFigureKey = `R12.hall(${string}).${'accepted' | 'established'}`;
export type FigureKey = StaticFigureKey | HallFigureKey;

/** Every figure that every summary has, in report order (R1 … R19). */
export const STATIC_FIGURE_KEYS: readonly StaticFigureKey[] = [...COUNTS, ...RATES, ...MINUTES].sort(
  (a, b) => ruleIndex(a) - ruleIndex(b),
);

export const hallKey = (hall: string, what: 'accepted' | 'established'): HallFigureKey => `R12.hall(${hall}).${what}`;
// A fair's own hall pattern may allow any character, so the hall is whatever lies between.
const HALL_KEY = /^R12\.hall\((.+)\)\.(accepted|established)$/;
export const isHallKey = (key: string): key is HallFigureKey => HALL_KEY.test(key);

/** A hall figure read back: its hall and what it counts (`R12.hall(1.1).accepted` → 1.1, accepted). */
export function parseHallKey(key: string): { readonly hall: string; readonly what: 'accepted' | 'established' } | undefined {
  const m = HALL_KEY.exec(key);
  return m?.[1] === undefined ? undefined : { hall: m[1], what: m[2] === 'accepted' ? 'accepted' : 'established' };
}

const KIND = new Map<string, FigureKind>([
  ...COUNTS.map((k) => [k, 'count'] as const),
  ...RATES.map((k) => [k, 'rate'] as const),
  ...MINUTES.map((k) => [k, 'minutes'] as const),
]);

export const isFigureKey = (key: string): key is FigureKey => KIND.has(key) || isHallKey(key);

/** How a figure compares with the previous session (§10: rates in percentage points). */
export function figureKind(key: FigureKey): FigureKind {
  return KIND.get(key) ?? 'count';
}

/** The rule a figure belongs to: `R11.design.rate` → `R11` (every key starts with its rule). */
export function figureRule(key: FigureKey): FigureRule {
  return ruleOfKey(key) ?? 'R1';
}

function ruleIndex(key: string): number {
  const rule = ruleOfKey(key);
  return rule === undefined ? -1 : FIGURE_RULES.indexOf(rule);
}

/** The values of one session: every static figure, plus the halls that had cases; null = "—". */
export type Figures = Record<StaticFigureKey, number | null> & Partial<Record<HallFigureKey, number>>;

/** Figures in report order: by rule, static figures in catalogue order, halls sorted. */
export function orderedFigureKeys(figures: Figures): FigureKey[] {
  const halls = Object.keys(figures)
    .filter(isHallKey)
    .sort();
  const out: FigureKey[] = [];
  for (const rule of FIGURE_RULES) {
    for (const k of STATIC_FIGURE_KEYS) if (figureRule(k) === rule) out.push(k);
    if (rule === 'R12') out.push(...halls);
  }
  return out;
}
