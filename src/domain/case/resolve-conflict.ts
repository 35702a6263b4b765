import { tickHlc } from '../hlc';
import type { DeviceId, EventId } from '../ids';
import { domainError, err, ok, type DomainError, type Result } from '../result';
import type { Instant } from '../time';
import type { Case } from './case';
import { CaseEvent, type EventOf } from './events';

export interface Resolution {
  readonly resolves: readonly string[];
  readonly stands: 'applied' | 'set_aside';
  readonly reason: string;
  readonly decidedBy: string;
}

/**
 * CS31: the event recording an organizer's decision on a flagged case. It settles only events
 * the case holds aside, and takes the case's heads as parents and a clock past its last one, so
 * every device folds it after what it settles (CS5).
 */
export function resolutionEvent(
  c: Case,
  decision: Resolution,
  ctx: { readonly eventId: EventId; readonly deviceId: DeviceId; readonly now: Instant; readonly nowMs: number },
): Result<EventOf<'ResolveConflict'>, DomainError> {
  const unknown = decision.resolves.filter((id) => !c.conflicts.includes(id as EventId));
  if (decision.resolves.length === 0 || unknown.length > 0) return err(domainError('NOT_IN_CONFLICT', { unknown: unknown.join(',') }));
  const parsed = CaseEvent.safeParse({
    id: ctx.eventId,
    caseId: c.id,
    type: 'ResolveConflict',
    actor: { role: 'organizer' },
    deviceId: ctx.deviceId,
    at: ctx.now,
    hlc: tickHlc(c.lastHlc, ctx.nowMs, ctx.deviceId),
    parents: c.heads,
    payload: { resolves: [...decision.resolves], stands: decision.stands, reason: decision.reason, decidedBy: decision.decidedBy },
  });
  if (!parsed.success) return err(domainError('INVALID_DECISION', { issue: parsed.error.issues[0]?.path.join('.') ?? '' }));
  return ok(parsed.data as EventOf<'ResolveConflict'>);
}
