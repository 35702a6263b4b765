import { batch, createMemo, createSignal, type Accessor } from 'solid-js';
import type { CaseRow } from '../../../store/cases';
import { listUsers } from '../../../store/users';
import { createLiveQuery } from '../../lib/live-query';
import { BLANK_FILTER, choicesOf, filterRows, overdueCount, sortRows, type BoardFilter } from './board-model';
import { minuteNow } from './board-clock';
import { caseRowsOf } from './board-rows';

/** The board of one fair: rows kept live (board-rows.ts), filtered and ordered in memory (P3). */
export interface Board {
  readonly loaded: Accessor<boolean>;
  readonly visible: Accessor<readonly CaseRow[]>;
  readonly openCount: Accessor<number>;
  readonly overdue: Accessor<number>;
  readonly filter: Accessor<BoardFilter>;
  setFilter(patch: Partial<BoardFilter>): void;
  readonly halls: Accessor<readonly string[]>;
  readonly experts: Accessor<readonly { id: string; name: string }[]>;
  expertName(id: string): string;
}

export function createBoard(fairId: string): Board {
  const rows = caseRowsOf(fairId);
  const users = createLiveQuery(() => listUsers());
  const [filter, setFilterSignal] = createSignal<BoardFilter>(BLANK_FILTER);
  const open = createMemo(() => (rows() ?? []).filter((r) => r.state !== 'CLOSED'));
  const visible = createMemo(() => sortRows(filterRows(open(), filter()), filter().sort, minuteNow()));
  const choices = createMemo(() => choicesOf(open()));
  const names = createMemo(() => new Map((users() ?? []).map((u) => [u.id as string, u.name])));
  const expertName = (id: string): string => names().get(id) ?? id.slice(-6);
  const overdue = createMemo(() => overdueCount(open(), minuteNow()));
  return {
    loaded: () => rows() !== undefined,
    visible,
    openCount: () => open().length,
    overdue,
    filter,
    setFilter: (patch) => batch(() => setFilterSignal((f) => ({ ...f, ...patch }))),
    halls: () => choices().halls,
    experts: () => choices().experts.map((id) => ({ id, name: expertName(id) })),
    expertName,
  };
}
