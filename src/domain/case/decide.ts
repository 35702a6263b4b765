import type { Fair } from '../fair';
import type { Hlc } from '../hlc';
import type { DeviceId, EventId } from '../ids';
import type { DomainError, Result } from '../result';
import { domainError, err, ok } from '../result';
import type { Instant } from '../time';
import type { Actor, Case } from './case';
import { missingRequired } from './checklist';
import { AFTER_CLOSE_COMMANDS } from './command-rules';
import { COMMAND_TYPES } from './commands';
import type { CaseCommand, CommandType, PayloadOf } from './commands';
import { closeAtOf, isInTime, startDeadline } from './deadlines';
import type { CaseEvent, DerivedOf } from './events';
import { intakeFacts } from './intake';
import type { IntakeHistory } from './intake';
import { fail, roleAllowed, stateCheck } from './rules';

/**
 * `decide(case, command, context) → events | DomainError` (CS1): pure, no clock, no ids of its
 * own. Errors emit nothing: `FORBIDDEN_ROLE`, `ILLEGAL_TRANSITION`, `GUARD_FAILED:<rule>`.
 */

export interface DecideContext {
  readonly fair: Fair;
  readonly now: Instant;
  readonly actor: Actor;
  readonly deviceId: DeviceId;
  readonly hlc: Hlc;
  /** The heads this device knows; defaults to the case's. */
  readonly parents?: readonly EventId[];
  /** For the RP checks at Submit (RP1, RP4–RP6, CM3). */
  readonly history?: IntakeHistory;
}

type FairCheck<T extends CommandType> = (c: Case | undefined, p: PayloadOf<T>, ctx: DecideContext) => DomainError | undefined;
type FairReady = (c: Case | undefined, ctx: DecideContext) => DomainError | undefined;

const settingOn = (on: boolean, rule: string): DomainError | undefined => (on ? undefined : fail(rule, { check: 'setting' }));

/** Guards on the fair's settings that need no payload. */
const FAIR_READY: Partial<Record<CommandType, FairReady>> = {
  RequestReview: (_c, ctx) => settingOn(ctx.fair.settings.reviewAllowed, 'CS22'),
  RecordSettlement: (_c, ctx) => settingOn(ctx.fair.settings.mediationAllowed, 'CS24'),
  RecordVoluntaryRemoval: (_c, ctx) => settingOn(ctx.fair.settings.voluntaryRemovalCloses, 'CS29'),
  // CS26: the system closes the fair's cases at `fairCloseAt`, not before.
  CloseFair: (_c, ctx) => (ctx.now < closeAtOf(ctx.fair) ? fail('CS26', { fairCloseAt: closeAtOf(ctx.fair) }) : undefined),
};

const measuresEnabled = (codes: readonly { code: string }[], ctx: DecideContext): boolean =>
  codes.every(
    (m) =>
      (ctx.fair.settings.measuresEnabled as readonly string[]).includes(m.code) &&
      (m.code !== 'TAKEDOWN_ONLINE' || ctx.fair.settings.onlineExhibition),
  );

/** Guards on the fair's settings that read the payload. */
const FAIR_CHECK: { readonly [T in CommandType]?: FairCheck<T> } = {
  Submit: (_c, p, ctx) => (p.fairId === ctx.fair.id ? undefined : fail('CS8', { check: 'fair' })),
  Reject: (_c, p, ctx) => (ctx.fair.settings.refusalReasons.includes(p.reason) ? undefined : fail('CS11', { reason: p.reason })),
  Accept: (c, _p, ctx) => {
    const s = ctx.fair.settings;
    // §3 `requireBadge`: the complainant shows a valid badge (else NR_NO_BADGE).
    if (s.requireBadge && c?.complainant.badgeNo === undefined) return fail('CS12', { check: 'badge' });
    const type = c?.rights.find((r) => !s.acceptedIpTypes.includes(r.type));
    if (type !== undefined) return fail('CS12', { check: 'ipType', type: type.type });
    const place = c?.rights.find((r) => !s.rightJurisdictions.includes(r.jurisdiction));
    return place === undefined ? undefined : fail('CS12', { check: 'jurisdiction', jurisdiction: place.jurisdiction });
  },
  IssueOpinion: (_c, p, ctx) =>
    new Set(p.experts).size < ctx.fair.settings.opinionMinExperts
      ? fail('CS17', { check: 'experts', min: ctx.fair.settings.opinionMinExperts })
      : undefined,
  OrderMeasures: (_c, p, ctx) => (measuresEnabled(p.measures, ctx) ? undefined : fail('CS18', { check: 'code' })),
  ReorderAfterRedisplay: (_c, p, ctx) => (measuresEnabled(p.measures, ctx) ? undefined : fail('CS30', { check: 'code' })),
  Transfer: (_c, p, ctx) =>
    ctx.fair.settings.authorities.some((a) => a.name === p.authorityName && a.kind === p.kind)
      ? undefined
      : fail('CS20', { check: 'authority' }),
};

/** The checks that need no payload, in the order the errors are reported. */
function precheck(c: Case | undefined, type: CommandType, ctx: DecideContext, payload?: unknown): DomainError | undefined {
  if (!roleAllowed(type, ctx.actor)) return domainError('FORBIDDEN_ROLE', { command: type, role: ctx.actor.role });
  // CS4: after fair close only transfers, handovers, the close itself, post-show results and notes.
  if (ctx.now > closeAtOf(ctx.fair) && !AFTER_CLOSE_COMMANDS.has(type)) return fail('CS4', { command: type });
  return stateCheck(c, type, payload, ctx.now, ctx.actor) ?? FAIR_READY[type]?.(c, ctx);
}

/** CS3: a system command whose effect is already there (e.g. from another device) changes nothing. */
function isDuplicateSystem(c: Case | undefined, type: CommandType): boolean {
  if (c === undefined) return false;
  if (type === 'MarkDefenceOverdue') return c.state === 'DEFENCE_OVERDUE';
  if (type === 'CloseFair') return c.fairClosed;
  return false;
}

function derive(c: Case | undefined, command: CaseCommand, ctx: DecideContext): DerivedOf<CommandType> {
  const { fair, now } = ctx;
  switch (command.type) {
    case 'Submit': {
      const facts = intakeFacts(command.payload, fair, ctx.history);
      return { ...facts, acceptanceDue: startDeadline(fair, 'acceptance', command.payload.receivedAt) };
    }
    case 'RequestSupplement':
      return { missing: missingRequired(c?.checklist ?? []), supplementDue: startDeadline(fair, 'supplement', now) };
    case 'RecordSupplement': {
      const d = c?.deadlines.supplement;
      return { late: d !== undefined && !isInTime(d, now) };
    }
    case 'Accept':
      // §3 `authority` mode: accepted cases are handed over within the handover window.
      return { handoverDue: fair.settings.handlingMode === 'authority' ? startDeadline(fair, 'handover', now) : undefined };
    case 'NotifyRespondent':
      // §4.5: the defence window starts when N2 is served.
      return { defenceDue: startDeadline(fair, 'defence', command.payload.servedAt) };
    case 'RecordDefence': {
      const d = c?.deadlines.defence;
      return { inTime: d === undefined || isInTime(d, now) };
    }
    case 'IssueOpinion':
      return { reviewDue: fair.settings.reviewAllowed ? startDeadline(fair, 'reviewRequest', now) : undefined };
    case 'OrderMeasures':
    case 'ReorderAfterRedisplay':
      return { measureDue: startDeadline(fair, 'measure', now) };
    case 'RequestReview':
      return { reviewDecisionDue: startDeadline(fair, 'reviewDecision', now) };
    case 'Transfer':
      return { handoverDue: startDeadline(fair, 'handover', now) };
    case 'RecordHandover': {
      const d = c?.deadlines.handover;
      return { inTime: d === undefined || isInTime(d, command.payload.handedOverAt) };
    }
    default:
      return {};
  }
}

export function decide(c: Case | undefined, command: CaseCommand, ctx: DecideContext): Result<readonly CaseEvent[], DomainError> {
  const { type, payload } = command;
  if (roleAllowed(type, ctx.actor) && isDuplicateSystem(c, type)) return ok([]);
  const failed =
    precheck(c, type, ctx, payload) ??
    (FAIR_CHECK[type] as FairCheck<CommandType> | undefined)?.(c, payload as PayloadOf<CommandType>, ctx);
  if (failed !== undefined) return err(failed);
  const event = {
    id: command.eventId,
    caseId: command.caseId,
    type,
    actor: ctx.actor,
    deviceId: ctx.deviceId,
    at: ctx.now,
    hlc: ctx.hlc,
    parents: [...(ctx.parents ?? c?.heads ?? [])],
    payload: { ...payload, ...derive(c, command, ctx) },
  } as CaseEvent;
  return ok([event]);
}

export type Allowed = { readonly ok: true } | { readonly ok: false; readonly error: DomainError };

/**
 * For every command: allowed, or the error that disables it (the desk shows the reason). Guards
 * that read a payload (a reason, a waiver) are checked when the command is decided.
 */
export function allowedCommands(c: Case | undefined, ctx: DecideContext): Readonly<Record<CommandType, Allowed>> {
  const out = {} as Record<CommandType, Allowed>;
  for (const type of COMMAND_TYPES) {
    const e = isDuplicateSystem(c, type) ? undefined : precheck(c, type, ctx);
    out[type] = e === undefined ? { ok: true } : { ok: false, error: e };
  }
  return out;
}
