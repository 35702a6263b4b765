import { createContext, createEffect, createSignal, getOwner, on, onCleanup, onMount, runWithOwner, useContext, type Accessor, type JSX } from 'solid-js';
import type { Fair } from '../../domain/fair';
import type { Language } from '../../domain/codes';
import type { DeviceSettings } from '../../store/device';
import type { StorageStatus } from '../../store/persistence';
import type { StorageError } from '../../store/result';
import { locale, rememberedLocale, setLocale } from '../i18n/index';
import type * as StoreLinkModule from './store-link';

/**
 * Cross-screen state in one context: this device, its current fair, the language,
 * the network, the unsynced count and the storage warnings of the status bar. The store itself
 * is linked in after the first paint (state/store-link.ts), so the shell is interactive sooner.
 */
export interface AppState {
  readonly device: Accessor<DeviceSettings | undefined>;
  /** False until the device row has been read once (undefined then means "not set up"). */
  readonly deviceLoaded: Accessor<boolean>;
  readonly fair: Accessor<Fair | undefined>;
  readonly online: Accessor<boolean>;
  readonly unsynced: Accessor<number | undefined>;
  readonly storage: Accessor<StorageStatus | undefined>;
  /** The last failed save anywhere in the app, until dismissed. */
  readonly saveFailure: Accessor<StorageError | undefined>;
  reportStorageError(e: StorageError): void;
  dismissSaveFailure(): void;
  refreshStorage(): Promise<void>;
  switchLanguage(lang: Language): Promise<void>;
}

const AppStateContext = createContext<AppState>();

const STORAGE_POLL_MS = 60_000;

type StoreLink = typeof StoreLinkModule;
const storeLink = (): Promise<StoreLink> => import('./store-link');

export function AppStateProvider(props: { readonly children: JSX.Element }): JSX.Element {
  const [device, setDevice] = createSignal<DeviceSettings>();
  const [deviceLoaded, setDeviceLoaded] = createSignal(false);
  const [fair, setFair] = createSignal<Fair>();
  const [unsynced, setUnsynced] = createSignal<number>();
  const [online, setOnline] = createSignal(navigator.onLine);
  const [storage, setStorage] = createSignal<StorageStatus>();
  const [saveFailure, setSaveFailure] = createSignal<StorageError>();

  const refreshStorage = async (): Promise<void> => {
    try {
      setStorage(await (await storeLink()).readStorageStatus());
    } catch {
      // The status bar keeps its last reading.
    }
  };

  const owner = getOwner();
  onMount(() => {
    const up = (): void => void setOnline(true);
    const down = (): void => void setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    // Storage figures are not observable; read them now, after saves and once a minute.
    const timer = setInterval(() => void refreshStorage(), STORAGE_POLL_MS);
    onCleanup(() => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      clearInterval(timer);
    });
    void storeLink().then((link) => {
      runWithOwner(owner, () =>
        link.connect({
          device: (d) => {
            setDevice(d);
            setDeviceLoaded(true);
          },
          fair: setFair,
          unsynced: setUnsynced,
        }),
      );
      void link.readLanguage().then((stored) => {
        // The switch writes localStorage at once and the store a moment later, so after a reload
        // in between the page's own memory is the newer one: the store catches up to it. The
        // store decides only when the page remembers nothing (cleared site data, a new page).
        if (rememberedLocale() === undefined) {
          if (stored !== locale()) setLocale(stored);
        } else if (stored !== locale()) void link.writeLanguage(locale());
      });
      void refreshStorage();
    });
  });

  // A save may have asked for persistence or filled the disk: read the figures again after each.
  createEffect(on(unsynced, () => void refreshStorage(), { defer: true }));

  const state: AppState = {
    device,
    deviceLoaded,
    fair,
    online,
    unsynced,
    storage,
    saveFailure,
    reportStorageError: (e) => {
      // Validation errors are shown at their fields, not as a storage failure.
      if (e.kind !== 'invalid') setSaveFailure(e);
      void refreshStorage();
    },
    dismissSaveFailure: () => setSaveFailure(undefined),
    refreshStorage,
    switchLanguage: async (lang) => {
      setLocale(lang);
      const failed = await (await storeLink()).writeLanguage(lang);
      if (failed !== undefined) state.reportStorageError(failed);
    },
  };
  return <AppStateContext.Provider value={state}>{props.children}</AppStateContext.Provider>;
}

export function useAppState(): AppState {
  const s = useContext(AppStateContext);
  if (s === undefined) throw new Error('useAppState outside AppStateProvider');
  return s;
}
