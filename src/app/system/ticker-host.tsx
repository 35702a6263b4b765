import { createEffect, onCleanup, type JSX } from 'solid-js';
import { caseRowsOf } from '../screens/case-board/board-rows';
import { useAppState } from '../state/app-state';
import { startSystemTicker } from './system-ticker';

/**
 * Runs the system ticker while the app runs and a fair is selected (mounted once in app.tsx). It
 * ticks over the board's live rows of the fair (the same subscription as the rail's badge).
 */
export function SystemTicker(): JSX.Element {
  const app = useAppState();
  createEffect(() => {
    if (app.fair() === undefined) return;
    const stop = startSystemTicker(
      () => app.fair(),
      (fairId) => caseRowsOf(fairId)(),
    );
    onCleanup(stop);
  });
  return null;
}
