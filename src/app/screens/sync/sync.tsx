import { createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import { formatInZone } from '../../../domain/time';
import { t } from '../../i18n/index';
import { nowMs } from '../../lib/clock';
import { offsetAmount } from '../../lib/clock-note';
import { useAppState } from '../../state/app-state';
import { lastSyncRun, syncNow, syncRunning } from '../../sync/sync-runner';
import { Notice } from '../../ui/notice';
import { BundlePanel } from './bundle-panel';
import { FirstSyncBar } from '../../sync/first-sync-bar';
import { EnrolForm } from './enrol-form';
import { ageText, clockText, createSyncView, driftWarning, syncErrorText } from './sync.data';

/**
 * The sync screen (`src/sync/SPEC.md`): enrolment, what waits to be sent and since when, the last
 * success and error, the server's epoch, the items the server refused or set aside, the clock
 * drift (DL9) and "sync now".
 */
export function SyncScreen(): JSX.Element {
  const app = useAppState();
  const view = createSyncView();
  const [now, setNow] = createSignal(nowMs());
  const timer = setInterval(() => setNow(nowMs()), 30_000);
  onCleanup(() => clearInterval(timer));
  const [reenrol, setReenrol] = createSignal(false);
  // A message as a thunk, so it follows a language switch.
  const [done, setDone] = createSignal<() => string>();
  const zone = (): string => app.fair()?.settings.timeZone ?? 'Asia/Shanghai';
  const enrolled = () => view()?.credentials;

  const runNow = async (): Promise<void> => {
    setDone();
    const run = await syncNow();
    setNow(nowMs());
    if (run !== undefined) setDone(() => () => t('sync.done', { pushed: run.push.acknowledged, pulled: run.pull.items }));
  };

  return (
    <>
      <h1>{t('sync.title')}</h1>
      <div class="warnings">
        <Show when={driftWarning(view()?.state.clock)}>
          <Notice kind="warn" testId="sync-drift">
            {t('sync.drift', { amount: offsetAmount(view()?.state.clock?.offsetMs ?? 0) })}
          </Notice>
        </Show>
        <Show when={lastSyncRun()?.pull.epochChanged}>
          <Notice kind="warn" testId="sync-epoch-changed">
            {t('sync.epochChanged')}
          </Notice>
        </Show>
        <Show when={view()?.state.updateRequired}>
          <Notice kind="error">{t('sync.updateRequired')}</Notice>
        </Show>
        <Show when={view()?.state.refused}>{(code) => <Notice kind="error">{t('sync.refused', { code: code() })}</Notice>}</Show>
      </div>

      <Show when={enrolled() !== undefined && !reenrol()} fallback={<EnrolForm onDone={(c) => { setReenrol(false); setDone(() => () => t('sync.enrol.done', { code: c })); }} />}>
        <section class="panel">
          <p data-testid="sync-enrolled">
            {t('sync.enrolled', { server: enrolled()?.baseUrl ?? '', code: enrolled()?.deviceCode ?? '' })}{' '}
            <button type="button" class="btn link" onClick={() => setReenrol(true)}>
              {t('sync.enrol.again')}
            </button>
          </p>
        </section>
      </Show>
      <Show when={enrolled() === undefined}>
        <Notice kind="info">{t('sync.notEnrolled')}</Notice>
      </Show>

      <FirstSyncBar />

      <section class="panel">
        <h2>{t('sync.status')}</h2>
        <dl class="facts" data-testid="sync-facts">
          <dt>{t('sync.unsynced')}</dt>
          <dd data-testid="sync-unsynced">{view()?.unsynced ?? 0}</dd>
          <dt>{t('sync.oldest')}</dt>
          <dd data-testid="sync-oldest">
            <Show when={view()?.oldest} fallback={t('common.none')}>
              {(o) => <>{`${formatInZone(o(), zone())} (${ageText(o(), now())})`}</>}
            </Show>
          </dd>
          <dt>{t('sync.lastSuccess')}</dt>
          <dd data-testid="sync-last-success">
            <Show when={view()?.state.lastSuccessAt} fallback={t('sync.never')}>
              {(at) => <>{`${formatInZone(at(), zone())} (${ageText(at(), now())})`}</>}
            </Show>
          </dd>
          <dt>{t('sync.lastError')}</dt>
          <dd data-testid="sync-last-error">
            <Show when={view()?.state.lastError} fallback={t('common.none')}>
              {(e) => <>{`${syncErrorText(e().code)} · ${formatInZone(e().at, zone())}`}</>}
            </Show>
          </dd>
          <dt>{t('sync.clock')}</dt>
          <dd data-testid="sync-clock">{clockText(view()?.state.clock, zone())}</dd>
          <dt>{t('sync.epoch')}</dt>
          <dd data-testid="sync-epoch">{epochText(view()?.state.epoch)}</dd>
        </dl>
        <div class="actions">
          <button type="button" class="btn primary" data-testid="sync-now" disabled={syncRunning() || enrolled() === undefined} onClick={() => void runNow()}>
            {syncRunning() ? t('sync.running') : t('sync.now')}
          </button>
        </div>
        <Show when={done()}>{(m) => <Notice kind="ok" testId="sync-done">{m()()}</Notice>}</Show>
      </section>

      <BundlePanel enrolled={enrolled() !== undefined} />

      <section class="panel">
        <h2>{t('sync.problems')}</h2>
        <Show when={(view()?.state.problems.length ?? 0) > 0} fallback={<p class="muted">{t('sync.problems.none')}</p>}>
          <ul class="problems" data-testid="sync-problems">
            <For each={view()?.state.problems}>
              {(p) => (
                <li>
                  {t('sync.problem.line', { seq: p.seq, kind: p.kind, status: p.status === 'conflict' ? t('sync.problem.conflict') : t('sync.problem.rejected') })}
                  <Show when={p.code}>{(c) => <span class="muted"> · {syncErrorText(c())}</span>}</Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </>
  );
}

/** The server's data version as a short check code people can compare (1F3A-9C2B), not a raw UUID. */
const epochText = (epoch: string | undefined): string => {
  if (epoch === undefined) return '—';
  const hex = epoch.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}`;
};
