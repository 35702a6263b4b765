import { getDb } from '../../store/db';
import { setDatabaseOutdated, setUpgradeBlocked } from './database-state';

let watching = false;

/**
 * Mirrors the shared database's `blocked`, `ready` and `versionchange` events into the shell's
 * signals. The flags the store keeps (db.ts) cover events fired before this module loaded.
 */
export function watchDatabase(): void {
  if (watching) return;
  watching = true;
  const db = getDb();
  if (db.upgradeBlocked && !db.isOpen()) setUpgradeBlocked(true);
  if (db.outdated) setDatabaseOutdated(true);
  db.on('blocked', () => void setUpgradeBlocked(true));
  // Sticky: every (re)open clears the banner, including the open the blocking window let through.
  db.on('ready', () => void setUpgradeBlocked(false), true);
  db.on('versionchange', () => void setDatabaseOutdated(true));
}
