import { createMemo, Show, type JSX } from 'solid-js';
import { t } from '../../i18n/index';
import { useAppState } from '../../state/app-state';
import { overdueCount } from './board-model';
import { minuteNow } from './board-clock';
import { caseRowsOf } from './board-rows';
import './case-board.css';

/** DL8: the number of overdue cases, on every screen (beside the board's entry in the rail). */
export function OverdueBadge(): JSX.Element {
  const app = useAppState();
  const count = createMemo(() => {
    const fairId = app.device()?.fairId;
    return fairId === undefined ? 0 : overdueCount(caseRowsOf(fairId)() ?? [], minuteNow());
  });
  return (
    <Show when={count() > 0}>
      <span class="rail-overdue" data-testid="rail-overdue" title={t('board.overdueCount', { count: count() })}>
        {count()}
      </span>
    </Show>
  );
}
