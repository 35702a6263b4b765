import { createSignal, onMount, type Accessor } from 'solid-js';
import type { Instant } from '../../../domain/time';
import { oldestUnsynced, unsyncedCount } from '../../../store/outbox';
import { requestPersistence, storageStatus, type StorageStatus } from '../../../store/persistence';
import { nowInstant } from '../../lib/clock';
import { createLiveQuery } from '../../lib/live-query';

/** Usage, quota, persistence (`src/store/README.md`), and what is still waiting to sync. */
export interface StorageData {
  readonly status: Accessor<StorageStatus | undefined>;
  readonly unsynced: Accessor<number | undefined>;
  readonly oldest: Accessor<Instant | undefined>;
  readonly refused: Accessor<boolean>;
  request(): Promise<void>;
}

export function createStorageData(): StorageData {
  const [status, setStatus] = createSignal<StorageStatus>();
  const [refused, setRefused] = createSignal(false);
  const refresh = async (): Promise<void> => void setStatus(await storageStatus());
  onMount(() => void refresh());
  const counts = createLiveQuery(async () => ({ count: await unsyncedCount(), oldest: await oldestUnsynced() }));
  return {
    status,
    unsynced: () => counts()?.count,
    oldest: () => counts()?.oldest,
    refused,
    request: async () => {
      const granted = await requestPersistence(nowInstant());
      setRefused(!granted);
      await refresh();
    },
  };
}

/** Bytes as MB with one decimal (a tablet's quota is gigabytes; usage kilobytes to megabytes). */
export const formatBytes = (n: number): string => (n >= 1024 * 1024 * 1024 ? `${(n / 1024 ** 3).toFixed(1)} GB` : `${(n / 1024 ** 2).toFixed(1)} MB`);
