import { A, useLocation, type RouteSectionProps } from '@solidjs/router';
import { createEffect, createSignal, For, lazy, on, onMount, Show, Suspense, type JSX } from 'solid-js';
import { storageErrorMessage } from './i18n/errors';
import { locale, t, type MessageKey } from './i18n/index';
import { applyUpdate, dismissOfflineReady, dismissUpdate, offlineReady, updateError, updateWaiting } from './pwa/register';
import { useAppState } from './state/app-state';
import { databaseOutdated, upgradeBlocked } from './state/database-state';
import { AfterStart } from './ui/after-start';
import { Notice } from './ui/notice';
import { StatusBar } from './ui/status-bar';
import { SessionBadge } from './session/session-badge';
import { BOARD_PATH, KeptBoard } from './screens/case-board/kept-board';
import { firstSyncProgress } from './sync/first-sync-progress';
import './ui/narrow.css';

/** DL8: the overdue count beside the board's entry, on every screen (a lazy chunk: P2). */
const OverdueBadge = lazy(() => import('./screens/case-board/overdue-badge').then((m) => ({ default: m.OverdueBadge })));
/** Unsynced data older than the fair's `unsyncedReminderHours`, on every screen (FS18). */
const SyncReminder = lazy(() => import('./sync/sync-host').then((m) => ({ default: m.SyncReminder })));

/** SY87: a new tablet's first sync, small, on every screen while it runs. */
const FirstSyncBar = lazy(() => import('./sync/first-sync-bar').then((m) => ({ default: m.FirstSyncBar })));

/** Above this share of the quota the status bar warns, before a save fails for lack of room. */
const QUOTA_WARN_SHARE = 0.8;

const NAV: readonly { readonly href: string; readonly label: MessageKey; readonly end?: boolean }[] = [
  { href: '/', label: 'nav.home', end: true },
  { href: '/complaints/new', label: 'nav.intake' },
  { href: '/handoff', label: 'nav.qrHandoff' },
  { href: '/board', label: 'nav.board' },
  { href: '/commitments', label: 'nav.commitments' },
  { href: '/consultations', label: 'nav.consultations' },
  { href: '/summary', label: 'nav.summary' },
  { href: '/fairs', label: 'nav.fairs' },
  { href: '/exhibitors', label: 'nav.exhibitors' },
  { href: '/device', label: 'nav.device' },
  { href: '/storage', label: 'nav.storage' },
  { href: '/sync', label: 'nav.sync' },
  { href: '/conflicts', label: 'nav.conflicts' },
  { href: '/users', label: 'nav.users' },
];

/** The kiosk layout: status bar, warnings, a navigation rail and the screen. */
export function Shell(props: RouteSectionProps): JSX.Element {
  const app = useAppState();
  const location = useLocation();
  let screen: HTMLElement | undefined;
  // A new screen opens at its top, not at the previous screen's scroll; the board keeps its own
  // (its list scrolls inside it, kept-board.tsx).
  createEffect(
    on(
      () => location.pathname,
      (path) => {
        if (path === BOARD_PATH || screen === undefined) return;
        screen.scrollTop = 0;
        // Again once the new screen has rendered (a lazy screen arrives a moment later).
        requestAnimationFrame(() => {
          if (screen !== undefined && location.pathname === path) screen.scrollTop = 0;
        });
      },
      { defer: true },
    ),
  );
  // Shown again on the next start: dismissing does not make the storage persistent.
  const [persistDismissed, setPersistDismissed] = createSignal(false);
  onMount(() => {
    // P2 (test/bench/app.bench.ts): the bench measures cold start up to this mark.
    document.documentElement.dataset.shell = 'interactive';
    performance.mark('shell-interactive');
    // Another window blocking or overtaking the database is said at once, not only at the next save.
    void import('./state/database-watch').then((m) => m.watchDatabase());
  });
  const quotaPercent = (): number | undefined => {
    const s = app.storage();
    return s === undefined || s.quota === 0 ? undefined : Math.round((s.usage / s.quota) * 100);
  };
  const persistRefused = (): boolean => {
    const asked = app.storage()?.asked;
    return asked !== undefined && asked.supported && !asked.granted && app.storage()?.persisted !== true;
  };
  return (
    <div class="shell" lang={locale()}>
      <StatusBar
        online={app.online()}
        unsynced={app.unsynced()}
        receiving={firstSyncProgress()?.done === false}
        fairName={app.fair()?.nameZh === undefined ? undefined : locale() === 'en' ? (app.fair()?.nameEn ?? app.fair()?.nameZh) : app.fair()?.nameZh}
        deviceCode={app.device()?.shortCode}
        onSwitchLanguage={() => void app.switchLanguage(locale() === 'en' ? 'zh-CN' : 'en')}
      />
      <div class="warnings">
        <AfterStart>
          <SyncReminder />
          <FirstSyncBar compact />
        </AfterStart>
        <Show when={upgradeBlocked()}>
          <Notice kind="error" testId="db-upgrade-blocked">
            {t('storageError.upgrade-blocked')}
          </Notice>
        </Show>
        <Show when={databaseOutdated()}>
          <Notice kind="error" testId="db-outdated">
            {t('storageError.version-conflict')}
          </Notice>
        </Show>
        <Show when={app.saveFailure()}>
          {(e) => (
            <Notice kind="error" testId="save-failure" action={{ label: t('warn.dismiss'), onClick: () => app.dismissSaveFailure() }}>
              {t('warn.saveFailed', { message: storageErrorMessage(e()) })}
            </Notice>
          )}
        </Show>
        <Show when={(quotaPercent() ?? 0) >= QUOTA_WARN_SHARE * 100}>
          <Notice kind="warn" testId="quota-warning">
            {t('warn.quotaHigh', { percent: quotaPercent() ?? 0 })}
          </Notice>
        </Show>
        <Show when={persistRefused() && !persistDismissed()}>
          <Notice kind="warn" testId="persist-warning" action={{ label: t('warn.dismiss'), onClick: () => setPersistDismissed(true) }}>
            {t('warn.persistRefused')}
          </Notice>
        </Show>
        <Show when={updateWaiting()}>
          <Notice kind="info" testId="update-prompt" action={{ label: t('pwa.updateNow'), onClick: () => void applyUpdate() }}>
            {t('pwa.updateAvailable')}{' '}
            <button type="button" class="btn link" onClick={() => dismissUpdate()}>
              {t('pwa.later')}
            </button>
          </Notice>
        </Show>
        <Show when={updateError()}>
          {(e) => (
            <Notice kind="error" testId="update-blocked">
              {t('pwa.updateBlocked', { message: storageErrorMessage(e()) })}
            </Notice>
          )}
        </Show>
        <Show when={offlineReady()}>
          <Notice kind="ok" testId="offline-ready" action={{ label: t('warn.dismiss'), onClick: () => dismissOfflineReady() }}>
            {t('pwa.offlineReady')}
          </Notice>
        </Show>
      </div>
      <div class="body">
        <nav class="rail" aria-label="FairCase">
          <For each={NAV}>
            {(item) => (
              <A href={item.href} end={item.end === true} class="rail-link" activeClass="active">
                {t(item.label)}
                <Show when={item.href === '/board'}>
                  <AfterStart>
                    <OverdueBadge />
                  </AfterStart>
                </Show>
              </A>
            )}
          </For>
          <SessionBadge />
        </nav>
        {/* The screen scrolls on its own: focusable, so a keyboard can scroll a screen with no control in view. */}
        <main class="screen" tabIndex={0} ref={screen}>
          <Suspense fallback={<p class="muted">{t('common.loading')}</p>}>{props.children}</Suspense>
          <KeptBoard />
        </main>
      </div>
    </div>
  );
}
