import { offsetWorthNoting } from '../../../domain/hlc';
import { formatInZone, instantToMs, type Instant } from '../../../domain/time';
import type { ClockReading } from '../../../sync/clock-offset';
import { oldestUnsynced, unsyncedCount } from '../../../store/outbox';
import { loadCredentials, readSyncState, type SyncCredentials, type SyncState } from '../../../store/sync-state';
import { isMessageKey, t } from '../../i18n/index';
import { offsetAmount } from '../../lib/clock-note';
import { createLiveQuery } from '../../lib/live-query';

/** What the sync screen shows, live from the store (meta and outbox). */
export interface SyncView {
  readonly credentials?: SyncCredentials;
  readonly state: SyncState;
  readonly unsynced: number;
  readonly oldest?: Instant;
}

export const createSyncView = () =>
  createLiveQuery(async (): Promise<SyncView> => {
    const [credentials, state, unsynced, oldest] = await Promise.all([loadCredentials(), readSyncState(), unsyncedCount(), oldestUnsynced()]);
    return { ...(credentials === undefined ? {} : { credentials }), state, unsynced, ...(oldest === undefined ? {} : { oldest }) };
  });

/** DL9: warn when this tablet's clock, as measured at the last sync (SY13), is off by more than 2 minutes. */
export const driftWarning = (clock: ClockReading | undefined): boolean => offsetWorthNoting(clock?.offsetMs);

/** SY13: the measured offset as the sync screen says it, e.g. "比服务器慢 3 小时（04-16 10:30 测得）". */
export function clockText(clock: ClockReading | undefined, zone: string): string {
  if (clock === undefined) return t('sync.clock.unknown');
  const at = formatInZone(clock.at, zone);
  if (Math.abs(clock.offsetMs) < 1000) return t('sync.clock.right', { at });
  return t(clock.offsetMs < 0 ? 'sync.clock.slow' : 'sync.clock.fast', { amount: offsetAmount(clock.offsetMs), at });
}

/** An error code of sync in the user's language (unknown codes name the code). */
export function syncErrorText(code: string): string {
  const key = `sync.error.${code}`;
  return isMessageKey(key) ? t(key) : t('sync.error.other', { code });
}

/** "just now", "12 min ago", "3 h 12 min ago" */
export function ageText(at: Instant, nowMs: number): string {
  const minutes = Math.max(0, Math.floor((nowMs - instantToMs(at)) / 60_000));
  if (minutes < 1) return t('sync.justNow');
  if (minutes < 60) return t('sync.ageMinutes', { minutes });
  return t('sync.age', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}
