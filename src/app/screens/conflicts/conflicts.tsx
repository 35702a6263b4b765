import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import { t } from '../../i18n/index';
import { createLiveQueryOn } from '../../lib/live-query';
import { useAppState } from '../../state/app-state';
import { conflictList } from './conflicts.data';
import './conflicts.css';

/** The cases two tablets acted on differently while offline (CS5), for an expert's review. */
export function ConflictsScreen(): JSX.Element {
  const app = useAppState();
  const list = createLiveQueryOn(
    () => app.fair()?.id,
    (fairId) => (fairId === undefined ? Promise.resolve([]) : conflictList(fairId)),
  );
  return (
    <>
      <h1>{t('conflicts.title')}</h1>
      <p class="muted">{t('conflicts.hint')}</p>
      <section class="panel">
        <Show when={(list()?.length ?? 0) > 0} fallback={<p data-testid="conflicts-none">{t('conflicts.none')}</p>}>
          <ul class="conflict-list" data-testid="conflict-list">
            <For each={list()}>
              {(x) => (
                <li data-testid="conflict-row" data-case={x.row.id} data-resolved={String(x.resolved)}>
                  <strong>{x.row.caseNo}</strong> · {x.row.complainant} → {x.row.respondent} ({x.row.booth}) ·{' '}
                  <span class={x.resolved ? 'ok' : 'warn'}>{x.resolved ? t('conflicts.resolved') : t('conflicts.open')}</span>{' '}
                  <A class="btn" href={`/conflicts/${x.row.id}`}>
                    {t('conflicts.review')}
                  </A>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </>
  );
}
