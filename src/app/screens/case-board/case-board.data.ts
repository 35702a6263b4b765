import { batch, createMemo, createSignal, type Accessor } from 'solid-js';
import type { CaseRow } from '../../../store/cases';

export type { CaseRow };
import { BLANK_FILTER, boardIndex, filterRows, overdueCount, poolOf, type BoardFilter } from './board-model';
import { minuteNow } from './board-clock';
import { caseRowsOf, deskUsers } from './board-rows';

/** The board of one fair: rows kept live (board-rows.ts), filtered and ordered in memory (P3). */
export interface Board {
  readonly loaded: Accessor<boolean>;
  readonly visible: Accessor<readonly CaseRow[]>;
  readonly openCount: Accessor<number>;
  /** The cases the filter's scope holds before any other condition (none: the board says so, not "no match"). */
  readonly poolCount: Accessor<number>;
  readonly overdue: Accessor<number>;
  readonly filter: Accessor<BoardFilter>;
  setFilter(patch: Partial<BoardFilter>): void;
  readonly halls: Accessor<readonly string[]>;
  readonly experts: Accessor<readonly { id: string; name: string }[]>;
  expertName(id: string): string;
  /** Builds the other orders, the filter buckets and every row's search text now (idle time), so the first filter or search key is fast (P3). */
  warm(): void;
}

const NO_ROWS: readonly CaseRow[] = [];

export function createBoard(fairId: string): Board {
  const rows = caseRowsOf(fairId);
  const users = deskUsers();
  const [filter, setFilterSignal] = createSignal<BoardFilter>(BLANK_FILTER);
  // The index (open rows pre-sorted in every order) is built once per rows array and shared
  // with the rail's overdue badge; a filter is then one pass over a sorted list.
  const index = createMemo(() => boardIndex(rows() ?? NO_ROWS));
  const visible = createMemo(() => filterRows(index(), filter()));
  const names = createMemo(() => new Map((users() ?? []).map((u) => [u.id as string, u.name])));
  const expertName = (id: string): string => names().get(id) ?? id.slice(-6);
  const overdue = createMemo(() => overdueCount(index(), minuteNow()));
  return {
    loaded: () => rows() !== undefined,
    visible,
    openCount: () => index().byUrgency.length,
    poolCount: () => index().order('urgency', poolOf(filter())).length,
    overdue,
    filter,
    setFilter: (patch) => batch(() => setFilterSignal((f) => ({ ...f, ...patch }))),
    halls: () => index().halls,
    experts: () => index().experts.map((id) => ({ id, name: expertName(id) })),
    expertName,
    warm: () => index().warm(),
  };
}
