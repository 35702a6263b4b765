import { CASE_STATES, stateRange } from '../codes';
import type { CaseState } from '../codes';
import type { DomainError } from '../result';
import { domainError } from '../result';
import type { Instant } from '../time';
import type { Actor, Case } from './case';
import { missingRequired, unverifiedRequired } from './checklist';
import type { ChecklistItem } from './checklist';
import { COMMAND_ROLES } from './command-rules';
import type { CommandType, PayloadOf } from './commands';

/**
 * The state machine of CS8–CS30 (`case/SPEC.md`) as data: where each command may start, and the
 * guards that read only the case, the event's time, actor and payload. These are re-checked when
 * events from several devices are folded (CS5); guards that read the fair live in `decide.ts`.
 */

export const fail = (rule: string, params?: DomainError['params']): DomainError => domainError(`GUARD_FAILED:${rule}`, params);

/** The rules whose guard can fail (`GUARD_FAILED:<rule>`). */
export const GUARDED_RULES = [
  'CS4', 'CS7', 'CS8', 'CS9', 'CS11', 'CS12', 'CS13', 'CS14', 'CS16', 'CS17', 'CS18', 'CS19', 'CS20', 'CS21',
  'CS22', 'CS23', 'CS24', 'CS26', 'CS27', 'CS28', 'CS29', 'CS30', 'DL6', 'RP4', 'CN4',
] as const;

/** Every error code the case machine returns: the app has a zh-CN and an English message for each. */
export const CASE_ERROR_CODES: readonly string[] = ['ILLEGAL_TRANSITION', 'FORBIDDEN_ROLE', ...GUARDED_RULES.map((r) => `GUARD_FAILED:${r}`)];

const OPEN_STATES = CASE_STATES.filter((s) => s !== 'CLOSED');

/** §4.2 "From": the states each command may start in (Submit starts with no case). */
export const FROM = {
  Submit: [],
  RequestSupplement: ['RECEIVED'],
  RecordSupplement: ['INCOMPLETE'],
  Reject: ['RECEIVED', 'INCOMPLETE'],
  Accept: ['RECEIVED'],
  NotifyRespondent: ['ACCEPTED'],
  RecordDefence: ['NOTIFIED', 'DEFENCE_OVERDUE'],
  RecordAdmission: ['NOTIFIED', 'DEFENCE_RECEIVED'],
  MarkDefenceOverdue: ['NOTIFIED'],
  IssueOpinion: stateRange('ACCEPTED', 'DEFENCE_OVERDUE'),
  OrderMeasures: ['DETERMINED'],
  VerifyMeasure: ['MEASURES_ORDERED'],
  // "open from ACCEPTED": every open state once accepted (checked by `acceptedAt`), not twice.
  Transfer: OPEN_STATES.filter((s) => s !== 'RECEIVED' && s !== 'INCOMPLETE' && s !== 'TRANSFERRED'),
  RecordHandover: ['ACCEPTED', 'TRANSFERRED', 'PENDING_AT_CLOSE'],
  RequestReview: ['DETERMINED', 'MEASURES_ORDERED', 'MEASURES_VERIFIED'],
  DecideReview: ['UNDER_REVIEW'],
  RecordSettlement: stateRange('ACCEPTED', 'MEASURES_VERIFIED'),
  Withdraw: stateRange('RECEIVED', 'DEFENCE_OVERDUE'),
  CloseFair: OPEN_STATES,
  RecordPostShowResult: ['PENDING_AT_CLOSE', 'TRANSFERRED'],
  Close: ['DETERMINED', 'MEASURES_VERIFIED'],
  RecordVoluntaryRemoval: ['NOTIFIED', 'DEFENCE_RECEIVED', 'DEFENCE_OVERDUE'],
  ReorderAfterRedisplay: ['MEASURES_VERIFIED', 'CLOSED'],
  AddNote: CASE_STATES,
  ResolveConflict: CASE_STATES,
} as const satisfies Record<CommandType, readonly CaseState[]>;

/** Apply checklist updates by code; a code not on the list yet is added. */
export function mergeChecklist(list: readonly ChecklistItem[], updates: readonly ChecklistItem[]): ChecklistItem[] {
  const out = [...list];
  for (const u of updates) {
    const i = out.findIndex((x) => x.code === u.code);
    if (i >= 0) out[i] = { ...u, required: out[i]?.required ?? u.required };
    else out.push(u);
  }
  return out;
}

type Check<T extends CommandType> = (c: Case, p: PayloadOf<T>, at: Instant, actor: Actor) => DomainError | undefined;
type Ready = (c: Case, at: Instant, actor: Actor) => DomainError | undefined;

/** Guards that need no payload: they also explain a disabled action (`allowedCommands`). */
export const READY: Partial<Record<CommandType, Ready>> = {
  // CS9: ≥1 required item missing.
  RequestSupplement: (c) => (missingRequired(c.checklist).length === 0 ? fail('CS9') : undefined),
  // CS16 + DL6: only past an uncapped defence deadline.
  MarkDefenceOverdue: (c, at) => {
    const d = c.deadlines.defence;
    if (d === undefined) return fail('CS16');
    if (d.capped) return fail('DL6');
    return at > d.dueAt ? undefined : fail('CS16', { dueAt: d.dueAt });
  },
  // CS18: measures follow an established opinion only.
  OrderMeasures: (c) => (c.opinion?.conclusion === 'ESTABLISHED_ALLEGED' ? undefined : fail('CS18', { check: 'established' })),
  // CS20: "open from ACCEPTED".
  Transfer: (c) => (c.acceptedAt === undefined ? fail('CS20', { check: 'accepted' }) : undefined),
  // CS21: a transfer, or in `authority` mode an accepted case before CS13; once.
  RecordHandover: (c) => {
    if (c.deadlines.handover === undefined || c.handover !== undefined) return fail('CS21');
    if (c.state !== 'TRANSFERRED' && c.notification !== undefined) return fail('CS21', { check: 'beforeNotice' });
    return undefined;
  },
  // CS22: within the review window (absent when the fair allows no review).
  RequestReview: (c, at) => {
    const d = c.deadlines.reviewRequest;
    if (d === undefined) return fail('CS22', { check: 'noReview' });
    return at > d.dueAt ? fail('CS22', { dueAt: d.dueAt }) : undefined;
  },
  // CS23: an expert not on the opinion decides the review.
  DecideReview: (c, _at, actor) =>
    actor.userId === undefined || c.opinion === undefined || c.opinion.experts.includes(actor.userId) ? fail('CS23') : undefined,
  // CS30: reopen only an established case.
  ReorderAfterRedisplay: (c) =>
    c.opinion?.conclusion === 'ESTABLISHED_ALLEGED' && (c.state !== 'CLOSED' || c.outcome === 'ESTABLISHED_ALLEGED')
      ? undefined
      : fail('CS30'),
};

const itemIndexOk = (c: Case, measures: readonly { itemIndex?: number | undefined }[]): boolean =>
  measures.every((m) => m.itemIndex === undefined || m.itemIndex < c.accusedItems.length);

/** Guards that read the payload (and the case). */
export const CHECK: { readonly [T in CommandType]?: Check<T> } = {
  Reject: (c, p, at) => {
    // CS11: NR_INCOMPLETE only from INCOMPLETE past the supplement deadline; NR_OTHER says why.
    if (p.reason === 'NR_INCOMPLETE') {
      const d = c.deadlines.supplement;
      if (c.state !== 'INCOMPLETE' || d === undefined || at <= d.dueAt) return fail('CS11', { reason: p.reason });
    }
    if (p.reason === 'NR_OTHER' && p.text === undefined) return fail('CS11', { reason: p.reason });
    return undefined;
  },
  Accept: (c, p) => {
    // CS12: required items verified or waived; rights valid; the respondent an exhibitor; RP4 cleared.
    const missing = unverifiedRequired(mergeChecklist(c.checklist, p.checklist));
    if (missing.length > 0) return fail('CS12', { check: 'checklist', codes: missing.join(',') });
    const invalid = c.rights.find((r) => r.status !== 'valid');
    if (invalid !== undefined) return fail('CS12', { check: 'rightStatus', status: invalid.status });
    if (c.respondent.exhibitorKey === undefined) return fail('CS12', { check: 'notExhibitor' });
    if (c.flags.includes('DUPLICATE') && p.duplicateClearedReason === undefined) return fail('RP4');
    return undefined;
  },
  // CS13: served before it is recorded.
  NotifyRespondent: (_c, p, at) => (p.servedAt > at ? fail('CS13', { check: 'servedAt' }) : undefined),
  // CS14: in time (DL5), else an expert records good cause.
  RecordDefence: (c, p, at) => {
    const d = c.deadlines.defence;
    return d !== undefined && at > d.dueAt && p.goodCause === undefined ? fail('CS14', { dueAt: d.dueAt }) : undefined;
  },
  // CS7: ESTABLISHED_ALLEGED needs a ground matching its basis.
  IssueOpinion: (c, p) => {
    if (p.conclusion !== 'ESTABLISHED_ALLEGED') return undefined;
    const ground = {
      ADMISSION: c.state === 'ADMITTED',
      NO_DEFENCE: c.state === 'DEFENCE_OVERDUE' && c.deadlines.defence?.capped === false,
      PRIOR_RULING: c.checklist.some((i) => i.code === 'GEN-07' && (i.status === 'provided' || i.status === 'verified')),
      EXPERT_REVIEW: c.state === 'DEFENCE_RECEIVED',
    }[p.basis];
    return ground ? undefined : fail('CS7', { basis: p.basis });
  },
  OrderMeasures: (c, p) => (itemIndexOk(c, p.measures) ? undefined : fail('CS18', { check: 'itemIndex' })),
  VerifyMeasure: (c, p, _at, actor) => {
    const m = c.measures[p.measureIndex];
    if (m === undefined || m.verification?.result === 'done') return fail('CS19', { check: 'measure' });
    return actor.userId === undefined ? fail('CS19', { check: 'verifier' }) : undefined;
  },
  RequestReview: (c, p, _at, actor) => {
    // CS22: once per party; a party asks for itself (a clerk may enter it, CS2).
    if (c.review.requestedBy.includes(p.party)) return fail('CS22', { check: 'once', party: p.party });
    if ((actor.role === 'complainant' || actor.role === 'respondent') && actor.role !== p.party) return fail('CS22', { check: 'party' });
    return undefined;
  },
  // CS27: a transfer closes with the authority's result.
  RecordPostShowResult: (c, p) => (c.state === 'TRANSFERRED' && p.authorityResult === undefined ? fail('CS27') : undefined),
  // CS28: the review window is over, or both parties waived it.
  Close: (c, p, at) => {
    const d = c.deadlines.reviewRequest;
    return d === undefined || at > d.dueAt || p.reviewWaiver !== undefined ? undefined : fail('CS28', { dueAt: d.dueAt });
  },
  ReorderAfterRedisplay: (c, p) => (itemIndexOk(c, p.measures) ? undefined : fail('CS30', { check: 'itemIndex' })),
};

export const roleAllowed = (type: CommandType, actor: Actor): boolean =>
  (COMMAND_ROLES[type] as readonly string[]).includes(actor.role);

/**
 * The checks that need no fair: existence, role, from-state and the state guards. `fold` re-runs
 * them on replay (CS5); `decide` adds the fair's guards.
 */
export function stateCheck(
  c: Case | undefined,
  type: CommandType,
  payload: unknown,
  at: Instant,
  actor: Actor,
): DomainError | undefined {
  if (!roleAllowed(type, actor)) return domainError('FORBIDDEN_ROLE', { command: type, role: actor.role });
  if (type === 'Submit') return c === undefined ? undefined : domainError('ILLEGAL_TRANSITION', { command: type, state: c.state });
  if (c === undefined) return domainError('ILLEGAL_TRANSITION', { command: type, state: 'NONE' });
  if (!(FROM[type] as readonly CaseState[]).includes(c.state)) return domainError('ILLEGAL_TRANSITION', { command: type, state: c.state });
  const ready = READY[type]?.(c, at, actor);
  if (ready !== undefined || payload === undefined) return ready;
  const check = CHECK[type] as Check<CommandType> | undefined;
  return check?.(c, payload as PayloadOf<CommandType>, at, actor);
}
