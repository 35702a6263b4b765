import type { CaseFlag } from '../codes';
import type { ExhibitorKey } from '../exhibitor';
import { isWeakKey } from '../exhibitor';
import type { Fair } from '../fair';
import type { CaseId, EventId } from '../ids';
import { rightKey } from '../ip-right';
import type { IpRight } from '../ip-right';
import type { Party } from '../party';
import { isForeign } from '../party';
import type { DomainError, Result } from '../result';
import { err, ok } from '../result';
import type { Case, Respondent } from './case';
import type { CaseNumber } from './case-number';
import { requiredChecklist } from './checklist';
import type { ChecklistItem } from './checklist';
import type { CommandOf, PayloadOf } from './commands';
import { fail, mergeChecklist } from './rules';

/**
 * Intake (CS8): what `Submit` learns from the fair and the history the tablet holds (RP1): the
 * full §5 checklist and the RP flags. Computed once and stored in the event.
 */

/** The flags a Submit may carry from the RP checks; the rest arise later. */
export const INTAKE_FLAGS = ['DUPLICATE', 'PRIOR_SESSION', 'REPEAT_RESPONDENT', 'FREQUENT_COMPLAINANT', 'NO_COMMITMENT'] as const satisfies readonly CaseFlag[];

export interface IntakeHistory {
  /** Earlier cases of this session and of the sessions chained by `previousFairId` (RP1). */
  readonly cases: readonly Case[];
  /** Exhibitor keys holding a current commitment (CM3); absent = not known, no flag. */
  readonly committedExhibitors?: ReadonlySet<string>;
}

/** A complainant's identity across cases: registration numbers before names. */
export function partyKey(p: Pick<Party, 'uscc' | 'foreignRegNo' | 'country' | 'idDoc' | 'name'>): string {
  if (p.uscc !== undefined) return `CN:${p.uscc}`;
  if (p.foreignRegNo !== undefined) return `${p.country}:${p.foreignRegNo.toUpperCase()}`;
  if (p.idDoc !== undefined) return `ID:${JSON.stringify(p.idDoc)}`;
  return `NAME:${p.name.toUpperCase()}`;
}

const sharesRight = (a: readonly IpRight[], b: readonly IpRight[]): boolean => {
  const keys = new Set(a.map(rightKey));
  return b.some((r) => keys.has(rightKey(r)));
};

/** Same complainant, right and respondent (by key): the triple of RP4 and RP5. */
const sameTriple = (h: Case, p: PayloadOf<'Submit'>, key: ExhibitorKey | undefined): boolean =>
  key !== undefined &&
  h.respondent.exhibitorKey === key &&
  partyKey(h.complainant) === partyKey(p.complainant) &&
  sharesRight(h.rights, p.rights);

const established = (h: Case): boolean => h.opinion?.conclusion === 'ESTABLISHED_ALLEGED';

export interface IntakeFacts {
  readonly checklist: ChecklistItem[];
  readonly flags: CaseFlag[];
  readonly foreignRelated: boolean;
}

export function intakeFacts(p: PayloadOf<'Submit'>, fair: Fair, history: IntakeHistory | undefined): IntakeFacts {
  const key = p.respondent.exhibitorKey;
  const cases = history?.cases ?? [];
  const flags: CaseFlag[] = [];
  // RP4: same triple in this session, earlier case not NOT_ACCEPTED.
  if (cases.some((h) => h.fairId === fair.id && h.outcome !== 'NOT_ACCEPTED' && sameTriple(h, p, key))) flags.push('DUPLICATE');
  // RP5 (matched on the key, never the name, RP1): determined last session; REP-01 becomes required.
  const priorMatter =
    fair.previousFairId !== undefined &&
    key !== undefined &&
    !isWeakKey(key) &&
    cases.some((h) => h.fairId === fair.previousFairId && h.opinion !== undefined && sameTriple(h, p, key));
  const rep01 = p.checklist.some((i) => i.code === 'REP-01' && (i.status === 'provided' || i.status === 'verified'));
  if (priorMatter && !rep01) flags.push('PRIOR_SESSION');
  // RP1: the respondent's established cases, this and earlier sessions, by key only.
  if (key !== undefined && !isWeakKey(key) && cases.some((h) => h.respondent.exhibitorKey === key && established(h))) {
    flags.push('REPEAT_RESPONDENT');
  }
  // RP6: ≥ n NOT_ESTABLISHED this session, making ≥ share of the complainant's determined cases.
  const mine = cases.filter((h) => h.fairId === fair.id && h.opinion !== undefined && partyKey(h.complainant) === partyKey(p.complainant));
  const notEstablished = mine.filter((h) => h.opinion?.conclusion === 'NOT_ESTABLISHED').length;
  const rule = fair.settings.frequentComplainant;
  if (notEstablished >= rule.minNotEstablished && notEstablished >= rule.minShare * mine.length) flags.push('FREQUENT_COMPLAINANT');
  // CM3: with `commitmentRequired`, a respondent lacking a current commitment.
  const committed = history?.committedExhibitors;
  if (fair.settings.commitmentRequired && committed !== undefined && (key === undefined || !committed.has(key))) flags.push('NO_COMMITMENT');

  const foreignRelated = isForeign(p.complainant, fair.settings.country);
  const base = requiredChecklist({
    rightTypes: p.rights.map((r) => r.type),
    standing: p.complainant.standing,
    hasAgent: p.agent !== undefined,
    foreignComplainant: foreignRelated,
    requireEvaluationReport: fair.settings.requireEvaluationReport,
    priorSessionMatter: priorMatter,
  });
  return { checklist: mergeChecklist(base, p.checklist), flags, foreignRelated };
}

/** A filing as the complainant makes it (a phone draft has only its ULID): several respondents. */
export type Filing = Omit<PayloadOf<'Submit'>, 'respondent' | 'caseNo'> & { readonly respondents: readonly Respondent[] };

export interface Numbered {
  readonly caseId: CaseId;
  readonly eventId: EventId;
  readonly caseNo: CaseNumber;
}

/**
 * CN4: the importing desk numbers a filing; each respondent becomes its own case, all sharing
 * `complaintId`. `numbered` holds one fresh id and case number per respondent, in order.
 */
export function submitsForFiling(filing: Filing, numbered: readonly Numbered[]): Result<CommandOf<'Submit'>[], DomainError> {
  if (filing.respondents.length === 0 || numbered.length !== filing.respondents.length) {
    return err(fail('CN4', { respondents: filing.respondents.length, numbers: numbered.length }));
  }
  const { respondents, ...rest } = filing;
  return ok(
    respondents.map((respondent, i) => {
      const n = numbered[i] as Numbered;
      return { type: 'Submit', caseId: n.caseId, eventId: n.eventId, payload: { ...rest, respondent, caseNo: n.caseNo } };
    }),
  );
}
