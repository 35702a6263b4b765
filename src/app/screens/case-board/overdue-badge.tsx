import { createMemo, Show, type JSX } from 'solid-js';
import { t } from '../../i18n/index';
import { useAppState } from '../../state/app-state';
import { boardIndex, overdueCount } from './board-model';
import { minuteNow } from './board-clock';
import { caseRowsOf } from './board-rows';
import './case-board.css';

/** DL8: the number of overdue cases, on every screen (beside the board's entry in the rail). */
export function OverdueBadge(): JSX.Element {
  const app = useAppState();
  const count = createMemo(() => {
    const fairId = app.device()?.fairId;
    const rows = fairId === undefined ? undefined : caseRowsOf(fairId)();
    // The same index as the board's: built here first, the board then opens from it (P3).
    return rows === undefined ? 0 : overdueCount(boardIndex(rows), minuteNow());
  });
  return (
    <Show when={count() > 0}>
      <span class="rail-overdue" data-testid="rail-overdue" title={t('board.overdueCount', { count: count() })}>
        {count()}
      </span>
    </Show>
  );
}
