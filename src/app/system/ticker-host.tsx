import { createEffect, onCleanup, type JSX } from 'solid-js';
import { useAppState } from '../state/app-state';
import { startSystemTicker } from './system-ticker';

/** Runs the system ticker while the app runs and a fair is selected (mounted once in app.tsx). */
export function SystemTicker(): JSX.Element {
  const app = useAppState();
  createEffect(() => {
    if (app.fair() === undefined) return;
    const stop = startSystemTicker(() => app.fair());
    onCleanup(stop);
  });
  return null;
}
