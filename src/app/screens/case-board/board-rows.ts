import { createRoot, type Accessor } from 'solid-js';
import { listCaseRows, type CaseRow } from '../../../store/cases';
import { listUsers, type User } from '../../../store/users';
import { createLiveQuery } from '../../lib/live-query';

/**
 * The current fair's board rows, read once and kept live for the whole app: DL8 wants the overdue
 * count on every screen (the rail's badge reads these rows), and the board then paints from
 * memory when the desk opens it (P3 first paint). One subscription per fair, owned by its own
 * root so that leaving the board does not drop it.
 */
let current: { readonly fairId: string; readonly rows: Accessor<readonly CaseRow[] | undefined>; readonly dispose: () => void } | undefined;

export function caseRowsOf(fairId: string): Accessor<readonly CaseRow[] | undefined> {
  if (current?.fairId !== fairId) {
    current?.dispose();
    current = createRoot((dispose) => ({ fairId, rows: createLiveQuery(() => listCaseRows(fairId)), dispose }));
  }
  return current.rows;
}

let users: Accessor<readonly User[] | undefined> | undefined;

/**
 * The desk's users (the board names the experts), read once and kept live like the rows: opening
 * the board again neither reads IndexedDB nor renders the names a second time when they arrive (P3).
 */
export function deskUsers(): Accessor<readonly User[] | undefined> {
  users ??= createRoot(() => createLiveQuery(() => listUsers()));
  return users;
}
