import { createSignal } from 'solid-js';

/**
 * What other windows do to this tablet's database (`src/store/README.md`: `upgrade-blocked`), for
 * the shell's banners: an upgrade waiting for a window that still runs the old version (every read
 * and save waits with it), or another window having upgraded it under this page (this page's code
 * is old: reload). Set by database-watch.ts, which the shell loads after it has painted (P2: no
 * Dexie up front).
 */
export const [upgradeBlocked, setUpgradeBlocked] = createSignal(false);
export const [databaseOutdated, setDatabaseOutdated] = createSignal(false);
