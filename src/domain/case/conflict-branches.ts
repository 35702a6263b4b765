import type { Case } from './case';
import type { CaseEvent } from './events';

/**
 * How a case flagged `CONFLICT` (CS5) is shown for review: the history both tablets shared, the
 * branch in effect, the events set aside (their guard failed on replay; kept, never dropped), and
 * what came after a person saw both branches.
 */
export interface ConflictBranches {
  readonly common: readonly CaseEvent[];
  readonly applied: readonly CaseEvent[];
  readonly setAside: readonly CaseEvent[];
  readonly after: readonly CaseEvent[];
  /** An expert acted knowing every event set aside: the conflict has been reviewed. */
  readonly resolved: boolean;
}

/** Every event reachable from `e` through `parents` (its causal past), `e` excluded. */
function ancestorsOf(e: CaseEvent, byId: ReadonlyMap<string, CaseEvent>, memo: Map<string, Set<string>>): Set<string> {
  const known = memo.get(e.id);
  if (known !== undefined) return known;
  const out = new Set<string>();
  memo.set(e.id, out);
  const stack = [...e.parents];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    const p = byId.get(id);
    if (p !== undefined) stack.push(...p.parents);
  }
  return out;
}

/** `events` in fold order (store `allCaseEvents`). */
export function conflictBranches(c: Case, events: readonly CaseEvent[]): ConflictBranches {
  const byId = new Map(events.map((e) => [e.id as string, e]));
  const memo = new Map<string, Set<string>>();
  const aside = new Set<string>(c.conflicts);
  const shared = new Set<string>();
  for (const id of aside) {
    const e = byId.get(id);
    if (e !== undefined) for (const a of ancestorsOf(e, byId, memo)) if (!aside.has(a)) shared.add(a);
  }
  const common: CaseEvent[] = [];
  const applied: CaseEvent[] = [];
  const setAside: CaseEvent[] = [];
  const after: CaseEvent[] = [];
  let resolved = false;
  for (const e of events) {
    if (aside.has(e.id)) setAside.push(e);
    else if (shared.has(e.id)) common.push(e);
    else {
      const past = ancestorsOf(e, byId, memo);
      const sawAny = [...aside].some((id) => past.has(id));
      if (!sawAny) {
        applied.push(e);
        continue;
      }
      after.push(e);
      if (e.actor.role === 'expert' && [...aside].every((id) => past.has(id))) resolved = true;
    }
  }
  return { common, applied, setAside, after, resolved: aside.size > 0 && resolved };
}
