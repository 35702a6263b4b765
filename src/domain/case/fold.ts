import type { CaseId, EventId } from '../ids';
import type { Case } from './case';
import { SYSTEM_COMMANDS } from './command-rules';
import type { CaseEvent } from './events';
import { evolve, stamp } from './evolve';
import { stateCheck } from './rules';

/**
 * Folding the events of several devices into cases (CS5): events apply in causal order (an event
 * after its parents), ties by hybrid clock, then device id (then event id, for a total order).
 * The result depends only on the set of events, never on their arrival order.
 */

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The CS5 tie-break: clock, then device, then id. */
export const compareEvents = (a: CaseEvent, b: CaseEvent): number =>
  cmp(a.hlc, b.hlc) || cmp(a.deviceId, b.deviceId) || cmp(a.id, b.id);

/**
 * Causal order: walk the events in tie-break order; an event waits until every parent present in
 * the set has been placed. Duplicates (same id, delivered twice) count once.
 */
export function causalOrder(events: readonly CaseEvent[]): CaseEvent[] {
  const byId = new Map<EventId, CaseEvent>();
  for (const e of events) if (!byId.has(e.id)) byId.set(e.id, e);
  const sorted = [...byId.values()].sort(compareEvents);
  const placed = new Set<EventId>();
  const waiting = new Map<EventId, CaseEvent[]>();
  const out: CaseEvent[] = [];
  const place = (e: CaseEvent): void => {
    const stack = [e];
    while (stack.length > 0) {
      const next = stack.pop() as CaseEvent;
      placed.add(next.id);
      out.push(next);
      const woken: CaseEvent[] = [];
      for (const w of waiting.get(next.id) ?? []) {
        const b = blocker(w);
        if (b === undefined) woken.push(w);
        else wait(b, w);
      }
      waiting.delete(next.id);
      stack.push(...woken.sort(compareEvents).reverse());
    }
  };
  const wait = (parent: EventId, e: CaseEvent): void => {
    const list = waiting.get(parent);
    if (list === undefined) waiting.set(parent, [e]);
    else list.push(e);
  };
  // The first parent not yet placed (parents outside the set do not block).
  const blocker = (e: CaseEvent): EventId | undefined => e.parents.find((p) => byId.has(p) && !placed.has(p) && p !== e.id);
  for (const e of sorted) {
    if (placed.has(e.id)) continue;
    const b = blocker(e);
    if (b === undefined) place(e);
    else wait(b, e);
  }
  // Events waiting on a parent that waits for them (a cycle cannot come from `decide`) are dropped.
  return out;
}

/**
 * One replayed event (CS5): applied when its state guards still hold; a system command that no
 * longer applies is a duplicate and changes nothing (CS3); any other failing event has no effect
 * but flags `CONFLICT`.
 */
export function replay(c: Case | undefined, e: CaseEvent): Case | undefined {
  const failed = stateCheck(c, e.type, e.payload, e.at, e.actor);
  if (failed === undefined && !(e.type === 'CloseFair' && c?.fairClosed === true)) return evolve(c, e);
  if (c === undefined) return undefined;
  if (SYSTEM_COMMANDS.has(e.type)) return stamp(c, e);
  const flagged = stamp(c, e);
  return {
    ...flagged,
    flags: flagged.flags.includes('CONFLICT') ? flagged.flags : [...flagged.flags, 'CONFLICT'],
    conflicts: [...flagged.conflicts, e.id],
  };
}

/** The case folded from its events (any arrival order); undefined without its Submit. */
export function fold(events: readonly CaseEvent[]): Case | undefined {
  let c: Case | undefined;
  for (const e of causalOrder(events)) c = replay(c, e);
  return c;
}

/** Every case of a mixed batch of events. */
export function foldAll(events: readonly CaseEvent[]): Map<CaseId, Case> {
  const groups = new Map<CaseId, CaseEvent[]>();
  for (const e of events) {
    const g = groups.get(e.caseId);
    if (g === undefined) groups.set(e.caseId, [e]);
    else g.push(e);
  }
  const out = new Map<CaseId, Case>();
  for (const [id, g] of groups) {
    const c = fold(g);
    if (c !== undefined) out.set(id, c);
  }
  return out;
}
