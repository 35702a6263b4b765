import { createEffect, createMemo, onCleanup, untrack, type JSX } from 'solid-js';
import { caseRowsOf } from '../screens/case-board/board-rows';
import { useAppState } from '../state/app-state';
import { startSystemTicker } from './system-ticker';

/**
 * Runs the system ticker while the app runs and a fair is selected (mounted once in app.tsx). It
 * ticks over the board's live rows of the fair (the same subscription as the rail's badge), from
 * the moment they are in memory: a desk started after a night off marks the defences that ran out
 * meanwhile at once (CS16), not one tick later.
 */
export function SystemTicker(): JSX.Element {
  const app = useAppState();
  // The fair whose rows are loaded (a string, so a change in its rows does not restart the ticker).
  const readyFair = createMemo(() => {
    const fair = app.fair();
    return fair !== undefined && caseRowsOf(fair.id)() !== undefined ? fair.id : undefined;
  });
  createEffect(() => {
    if (readyFair() === undefined) return;
    // Untracked: the first tick runs here and reads the fair and its rows, which must not restart
    // the ticker (a restart forgets what it already tried, and would try it all again).
    const stop = untrack(() =>
      startSystemTicker(
        () => app.fair(),
        (fairId) => caseRowsOf(fairId)(),
      ),
    );
    onCleanup(stop);
  });
  return null;
}
