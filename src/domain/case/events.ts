import { z } from 'zod';
import { CaseFlag } from '../codes';
import { Hlc } from '../hlc';
import { CaseId, DeviceId, EventId } from '../ids';
import { Instant } from '../time';
import { Actor } from './case';
import { ChecklistCode } from './checklist';
import { COMMAND_TYPES, PAYLOADS } from './commands';
import type { CommandType } from './commands';
import { Deadline } from './deadlines';

/**
 * Case events (CS1): `type` = the command's name, stamped with actor, role, device, `at = now`, a
 * hybrid logical clock and `parents`, the case's latest events this device knew (forks stay
 * visible, CS5). What `decide` computed from the fair's settings travels in the payload: every
 * `dueAt` is computed once and stored here, never recomputed (DL7).
 */

/** Importers read the actor stamp here beside the events; it is the case's own (case.ts). */
export { Actor };

/** Facts derived when deciding (needing the fair or the history); replay trusts them. */
export const DERIVED = {
  Submit: {
    flags: z.array(CaseFlag),
    foreignRelated: z.boolean(),
    acceptanceDue: Deadline,
  },
  RequestSupplement: { missing: z.array(ChecklistCode).min(1), supplementDue: Deadline },
  RecordSupplement: { late: z.boolean() },
  Accept: { handoverDue: Deadline.optional() },
  NotifyRespondent: { defenceDue: Deadline },
  RecordDefence: { inTime: z.boolean() },
  IssueOpinion: { reviewDue: Deadline.optional() },
  OrderMeasures: { measureDue: Deadline },
  RequestReview: { reviewDecisionDue: Deadline },
  Transfer: { handoverDue: Deadline },
  RecordHandover: { inTime: z.boolean() },
  ReorderAfterRedisplay: { measureDue: Deadline },
} as const satisfies Partial<Record<CommandType, z.ZodRawShape>>;

type DerivedShape<T extends CommandType> = T extends keyof typeof DERIVED ? (typeof DERIVED)[T] : Record<never, never>;

const eventPayload = <T extends CommandType>(type: T) =>
  PAYLOADS[type].extend((DERIVED as Partial<Record<CommandType, z.ZodRawShape>>)[type] ?? {}) as unknown as z.ZodObject<
    (typeof PAYLOADS)[T]['shape'] & DerivedShape<T>
  >;

const event = <T extends CommandType>(type: T) =>
  z.object({
    id: EventId,
    caseId: CaseId,
    type: z.literal(type),
    actor: Actor,
    deviceId: DeviceId,
    at: Instant,
    hlc: Hlc,
    parents: z.array(EventId).max(64),
    /** SY16: the recording device's clock offset at its last sync, when beyond DL9 (negative: slow). */
    clockOffsetMs: z.number().int().optional(),
    payload: eventPayload(type),
  });

/** One event schema per type of `COMMAND_TYPES`, in its order (the tuple a discriminated union takes). */
type SchemasOf<L extends readonly CommandType[]> = { readonly [I in keyof L]: ReturnType<typeof event<L[I]>> };
type EventSchemas = SchemasOf<typeof COMMAND_TYPES>;

export const CaseEvent = z.discriminatedUnion('type', COMMAND_TYPES.map((type) => event(type)) as unknown as EventSchemas);
export type CaseEvent = z.infer<typeof CaseEvent>;
export type EventOf<T extends CommandType> = Extract<CaseEvent, { readonly type: T }>;
export type EventPayloadOf<T extends CommandType> = EventOf<T>['payload'];
export type DerivedOf<T extends CommandType> = T extends keyof typeof DERIVED
  ? z.infer<z.ZodObject<(typeof DERIVED)[T]>>
  : Record<never, never>;
