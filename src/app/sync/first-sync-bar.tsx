import { Show, type JSX } from 'solid-js';
import { t } from '../i18n/index';
import { firstSyncProgress } from './first-sync-progress';

/**
 * The first sync's progress (SY87): records received of all, megabytes and the time left on the
 * sync screen; the share only, small, in the shell while it runs.
 */
const count = (n: number): string => n.toLocaleString('en-US');
const percentOf = (items: number, total: number): number => (total === 0 ? 100 : Math.min(100, Math.floor((items / total) * 100)));

const timeLeft = (ms: number | undefined): string => {
  if (ms === undefined) return t('sync.first.leftUnknown');
  const s = Math.max(1, Math.round(ms / 1000));
  return t('sync.first.left', { time: s >= 60 ? t('sync.first.minutes', { m: Math.floor(s / 60), s: s % 60 }) : t('sync.first.seconds', { s }) });
};

export function FirstSyncBar(props: { readonly compact?: boolean }): JSX.Element {
  return (
    <Show when={firstSyncProgress()}>
      {(p) => (
        <Show
          when={props.compact !== true}
          fallback={
            <Show when={!p().done}>
              <div class="first-sync compact" data-testid="first-sync-shell">
                <span>{t('sync.first.short', { percent: percentOf(p().items, p().total) })}</span>
                <progress max={p().total} value={p().items} aria-label={t('sync.first.title')} />
              </div>
            </Show>
          }
        >
          <section class="panel first-sync" data-testid="first-sync" data-done={p().done ? 'yes' : 'no'}>
            <h2>{t('sync.first.title')}</h2>
            <progress max={p().total} value={p().items} aria-label={t('sync.first.title')} />
            <p data-testid="first-sync-counts">{t('sync.first.progress', { items: count(p().items), total: count(p().total), mb: (p().bytes / 1e6).toFixed(1) })}</p>
            <p class="muted">{p().done ? t('sync.first.done', { total: count(p().total) }) : timeLeft(p().msLeft)}</p>
            <p class="muted">{t('sync.first.hint')}</p>
          </section>
        </Show>
      )}
    </Show>
  );
}
