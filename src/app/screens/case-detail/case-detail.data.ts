import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Allowed } from '../../../domain/case/decide';
import type { Case } from '../../../domain/case/case';
import type { CaseEvent } from '../../../domain/case/events';
import type { Instant } from '../../../domain/time';
import { allowedActions, getCase } from '../../../store/cases';
import { allCaseEvents } from '../../../store/apply-pulled';
import { listUsers, type User } from '../../../store/users';
import { nowInstant } from '../../lib/clock';
import { createLiveQuery, createLiveQueryOn } from '../../lib/live-query';
import type { Actor } from '../../../domain/case/events';
import type { CommandType } from './action-codes';

/** The reads of the case detail screen, live: the case, its timeline, the users, what is allowed now. */
export interface CaseDetail {
  readonly loaded: Accessor<boolean>;
  readonly current: Accessor<Case | undefined>;
  readonly events: Accessor<readonly CaseEvent[]>;
  readonly users: Accessor<readonly User[]>;
  readonly allowed: Accessor<Readonly<Record<CommandType, Allowed>> | undefined>;
  readonly now: Accessor<Instant>;
}

/** How often countdowns and time guards (CS14, CS16, CS22) are re-read. */
const TICK_MS = 5_000;

export function createCaseDetail(caseId: string, actor: Accessor<Actor | undefined>): CaseDetail {
  // Every tablet's events: this one's own and those pulled from the others (CS5).
  const read = createLiveQuery(async () => ({ c: await getCase(caseId), events: await allCaseEvents(caseId) }));
  const users = createLiveQuery(() => listUsers());
  const [now, setNow] = createSignal<Instant>(nowInstant());
  const timer = setInterval(() => setNow(nowInstant()), TICK_MS);
  onCleanup(() => clearInterval(timer));
  const allowed = createLiveQueryOn(
    () => ({ a: actor(), n: now(), v: read()?.c?.eventCount }),
    async ({ a, n }) => (a === undefined ? undefined : allowedActions(caseId, a, n)),
  );
  return {
    loaded: () => read() !== undefined,
    current: () => read()?.c,
    events: () => read()?.events ?? [],
    users: () => users() ?? [],
    allowed: () => allowed(),
    now,
  };
}
