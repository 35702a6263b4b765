import { getDb } from './db';
import type { FairCaseDb } from './db';

/**
 * Opening the database: an open another tab blocks (it holds an older version) fails fast, and
 * a connection another tab upgraded under us is out of date (db.ts keeps both flags).
 */

/** Raised when an open waits on another tab holding an older version (`blocked`). */
class UpgradeBlockedError extends Error {
  override readonly name = 'UpgradeBlockedError';
}
class VersionChangeError extends Error {
  override readonly name = 'VersionChangeError';
}

/** Opens the database unless it is open; an open that another tab blocks fails fast. */
export async function ready(db: FairCaseDb): Promise<void> {
  if (db.outdated) throw new VersionChangeError('another tab upgraded the database; reload');
  if (db.isOpen()) return;
  if (db.upgradeBlocked) throw new UpgradeBlockedError('the upgrade waits for another tab to close');
  await new Promise<void>((resolve, reject) => {
    const onBlocked = (): void => reject(new UpgradeBlockedError('the upgrade waits for another tab to close'));
    db.on('blocked', onBlocked);
    db.open().then(
      () => {
        db.upgradeBlocked = false;
        resolve();
      },
      reject,
    ).finally(() => db.on('blocked').unsubscribe(onBlocked));
  });
}

export interface ConnectionWatch {
  /** Our open waits on another tab that holds an older version open. */
  readonly onBlocked: () => void;
  /** The database (re)opened: whatever blocked it let go. */
  readonly onReady: () => void;
  /** Another tab upgraded the database under us: this page's code is out of date. */
  readonly onOutdated: () => void;
}

/**
 * The shared connection's `blocked`, `ready` and `versionchange` events, for the shell's banners.
 * The flags db.ts keeps report the events fired before the caller started watching.
 */
export function watchConnection(watch: ConnectionWatch): void {
  const db = getDb();
  if (db.upgradeBlocked && !db.isOpen()) watch.onBlocked();
  if (db.outdated) watch.onOutdated();
  // Handlers return nothing: a `false` from a `versionchange` handler would keep the old connection open.
  db.on('blocked', () => void watch.onBlocked());
  // Sticky: every (re)open reports, including the open the blocking window let through.
  db.on('ready', () => void watch.onReady(), true);
  db.on('versionchange', () => void watch.onOutdated());
}
