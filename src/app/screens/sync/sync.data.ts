import { instantToMs, type Instant } from '../../../domain/time';
import { oldestUnsynced, unsyncedCount } from '../../../store/outbox';
import { loadCredentials, readSyncState, type SyncCredentials, type SyncState } from '../../../sync/sync-state';
import { isMessageKey, t } from '../../i18n/index';
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

/** DL9: warn when the server's clock differs from this tablet's by more than 2 minutes. */
export const DRIFT_WARN_MS = 2 * 60_000;
export const driftWarning = (driftMs: number | undefined): boolean => driftMs !== undefined && Math.abs(driftMs) > DRIFT_WARN_MS;

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
