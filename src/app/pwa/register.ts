import { createSignal } from 'solid-js';
import type { StorageError } from '../../store/result';
import { flushAllDrafts } from '../drafts/registry';

/**
 * The ONLY bridge to the service worker: no other module registers or messages
 * it. The worker precaches the whole app, lazy chunks included (vite.config.ts), so after
 * the first load the kiosk starts with the network off.
 *
 * - first install: "ready to work offline";
 * - a new build waiting: "update available"; the page reloads only after every open draft has
 *   been written (flushAllDrafts), and never on its own while a draft could not be saved.
 */
const [offlineReady, setOfflineReady] = createSignal(false);
const [updateWaiting, setUpdateWaiting] = createSignal(false);
const [updateError, setUpdateError] = createSignal<StorageError>();
export { offlineReady, updateWaiting, updateError };

let updateSW: ((reload?: boolean) => Promise<void>) | undefined;

let updating = false;
let reloading = false;

/** Reloads only when every draft is safely stored; otherwise says why and stays. */
async function reloadWhenSafe(): Promise<void> {
  if (reloading) return;
  const failure = await flushAllDrafts();
  if (failure !== undefined) {
    setUpdateError(failure);
    return;
  }
  reloading = true;
  window.location.reload();
}

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  // workbox-window marks a `controlling` event as an update only when the page was already
  // controlled at load; a kiosk installed in this very page life would never reload. So after
  // the user's "update now", any controller change is the new build taking over.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (updating) void reloadWhenSafe();
  });
  const { registerSW } = await import('virtual:pwa-register');
  updateSW = registerSW({
    immediate: true,
    onOfflineReady: () => setOfflineReady(true),
    onNeedRefresh: () => setUpdateWaiting(true),
    // The new worker took control (this tab's button, or another tab's): the default would
    // reload at once; we save the drafts first.
    onNeedReload: () => void reloadWhenSafe(),
    onRegisterError: (e: unknown) => console.warn('service worker registration failed', e),
  });
}

export const dismissOfflineReady = (): void => void setOfflineReady(false);
export const dismissUpdate = (): void => void setUpdateWaiting(false);

/** The "update now" button: drafts first, then let the waiting worker take over (it reloads us). */
export async function applyUpdate(): Promise<void> {
  setUpdateError(undefined);
  const failure = await flushAllDrafts();
  if (failure !== undefined) {
    setUpdateError(failure);
    return;
  }
  updating = true;
  await updateSW?.(true);
}
