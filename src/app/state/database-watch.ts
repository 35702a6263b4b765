import { watchConnection } from '../../store/connection';
import { setDatabaseOutdated, setUpgradeBlocked } from './database-state';

let watching = false;

/**
 * Mirrors the shared database's `blocked`, `ready` and `versionchange` events into the shell's
 * signals. The flags the store keeps (db.ts) cover events fired before this module loaded.
 */
export function watchDatabase(): void {
  if (watching) return;
  watching = true;
  watchConnection({
    onBlocked: () => setUpgradeBlocked(true),
    // Every (re)open clears the banner, including the open the blocking window let through.
    onReady: () => setUpgradeBlocked(false),
    onOutdated: () => setDatabaseOutdated(true),
  });
}
