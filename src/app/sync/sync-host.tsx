import { createSignal, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { oldestUnsynced } from '../../store/outbox';
import { instantToMs } from '../../domain/time';
import { t } from '../i18n/index';
import { CLOCK_MOVED_EVENT, nowMs } from '../lib/clock';
import { createLiveQuery } from '../lib/live-query';
import { useAppState } from '../state/app-state';
import { Notice } from '../ui/notice';
import { startSyncLoop, stopSyncLoop } from './sync-runner';

/** Starts the sync loop once the app runs, if this tablet is enrolled. */
export function SyncHost(): JSX.Element {
  onMount(() => void startSyncLoop());
  onCleanup(stopSyncLoop);
  return null;
}

const HOUR_MS = 3_600_000;

/** Whether the oldest unsynced item is older than the fair's `unsyncedReminderHours` (FS18). */
export const reminderDue = (oldestMs: number | undefined, hours: number, now: number): boolean => oldestMs !== undefined && now - oldestMs > hours * HOUR_MS;

/** The reminder, shown under the status bar on every screen and on the sync screen. */
export function SyncReminder(): JSX.Element {
  const app = useAppState();
  const oldest = createLiveQuery(() => oldestUnsynced());
  const [tick, setTick] = createSignal(nowMs());
  const timer = setInterval(() => setTick(nowMs()), 60_000);
  const moved = (): void => void setTick(nowMs());
  // A moved app clock (tests) re-checks at once, as the system ticker does.
  window.addEventListener(CLOCK_MOVED_EVENT, moved);
  onCleanup(() => {
    clearInterval(timer);
    window.removeEventListener(CLOCK_MOVED_EVENT, moved);
  });
  const hours = (): number => app.fair()?.settings.unsyncedReminderHours ?? 4;
  const due = (): boolean => {
    const o = oldest();
    return reminderDue(o === undefined ? undefined : instantToMs(o), hours(), tick());
  };
  return (
    <Show when={due()}>
      <Notice kind="warn" testId="sync-reminder">
        {t('sync.reminder', { hours: hours() })}
      </Notice>
    </Show>
  );
}
