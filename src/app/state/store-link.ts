import { createEffect, type Accessor } from 'solid-js';
import type { Fair } from '../../domain/fair';
import { loadDevice, loadLanguage, setLanguage, type DeviceSettings } from '../../store/device';
import { getFair } from '../../store/fairs';
import { unsyncedCount } from '../../store/outbox';
import { storageStatus, type StorageStatus } from '../../store/persistence';
import type { StorageError } from '../../store/result';
import { createLiveQuery, createLiveQueryOn } from '../lib/live-query';

/**
 * The status bar's reads and the language write, loaded after the shell has painted: the store
 * (Dexie, zod schemas) is most of the app's JavaScript and the shell does not need it to be
 * interactive (budget P2). Runs under the provider's owner, so the live queries end with it.
 */
export interface StoreSinks {
  device(d: DeviceSettings | undefined): void;
  fair(f: Fair | undefined): void;
  unsynced(n: number | undefined): void;
}

export function connect(sinks: StoreSinks): void {
  const deviceRead = createLiveQuery(async () => ({ device: await loadDevice() }));
  const fairId: Accessor<string | undefined> = () => deviceRead()?.device?.fairId;
  const fair = createLiveQueryOn(fairId, async (id) => (id === undefined ? undefined : getFair(id)));
  const unsynced = createLiveQuery(() => unsyncedCount());
  createEffect(() => {
    const d = deviceRead();
    if (d !== undefined) sinks.device(d.device);
  });
  createEffect(() => sinks.fair(fair()));
  createEffect(() => sinks.unsynced(unsynced()));
}

export const readStorageStatus = (): Promise<StorageStatus> => storageStatus();
export const readLanguage = loadLanguage;
export const writeLanguage = (lang: Parameters<typeof setLanguage>[0]): Promise<StorageError | undefined> =>
  setLanguage(lang).then((r) => (r.ok ? undefined : r.error));
