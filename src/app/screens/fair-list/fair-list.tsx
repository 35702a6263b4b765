import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import { t } from '../../i18n/index';
import { createFairList } from './fair-list.data';

/** Every fair on this tablet; make one current, edit one, or create a new one. */
export function FairListScreen(): JSX.Element {
  const list = createFairList();
  return (
    <>
      <h1>{t('fairList.title')}</h1>
      <div class="actions">
        <A class="btn primary" href="/fairs/new" data-testid="new-fair">
          {t('fairList.new')}
        </A>
      </div>
      <Show when={(list.fairs() ?? []).length > 0} fallback={<p class="muted">{t('fairList.empty')}</p>}>
        <div class="cards" data-testid="fair-list">
          <For each={list.fairs()}>
            {(fair) => (
              <article class="card" classList={{ current: fair.id === list.currentId() }} data-testid="fair-card">
                <h3>
                  {fair.code} · {fair.nameZh}
                </h3>
                <Show when={fair.nameEn}>{(n) => <p class="muted">{n()}</p>}</Show>
                <p>
                  {t('fairList.session', { no: fair.sessionNo })} · {t('fairList.days', { first: fair.days[0]?.date ?? '', last: fair.days[fair.days.length - 1]?.date ?? '' })}
                </p>
                <div class="actions">
                  <A class="btn" href={`/fairs/${fair.id}`}>
                    {t('common.edit')}
                  </A>
                  <Show when={fair.id !== list.currentId()} fallback={<strong>{t('fairList.current')}</strong>}>
                    <Show
                      when={list.canSelect()}
                      fallback={
                        <A class="btn" href="/device">
                          {t('home.setupDevice')}
                        </A>
                      }
                    >
                      <button type="button" class="btn" onClick={() => void list.select(fair.id)}>
                        {t('fairList.select')}
                      </button>
                    </Show>
                  </Show>
                </div>
              </article>
            )}
          </For>
        </div>
      </Show>
    </>
  );
}
