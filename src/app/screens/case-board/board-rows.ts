import { createRoot, type Accessor } from 'solid-js';
import { listCaseRows, type CaseRow } from '../../../store/cases';
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
