import { A } from '@solidjs/router';
import { For, Show, createResource, type JSX } from 'solid-js';
import { locale } from '../../../app/i18n/index';
import { Loaded } from '../../lib/loaded';
import { translator } from '../../lib/i18n';
import { listFairs } from '../fairs/fairs.data';
import { summaryMessages } from './summary.messages';

const t = translator(summaryMessages);

/** `/summary`: which fair's post-show summary; newest fair first, as the fairs list shows them. */
export default function PickFair(): JSX.Element {
  const [fairs] = createResource(listFairs);
  return (
    <>
      <h1>{t('fairSummary.pick')}</h1>
      <p class="muted">{t('fairSummary.pickHint')}</p>
      <Loaded result={fairs()}>
        {(list) => (
          <Show when={list.fairs.length > 0} fallback={<p class="muted">{t('fairSummary.noFairs')}</p>}>
            <ul class="fair-links" data-testid="summary-fairs">
              <For each={list.fairs}>
                {(f) => (
                  <li>
                    <A href={`/fairs/${f.fairId}/summary`} data-testid={`summary-fair-${f.code}`}>
                      {f.code} · {locale() === 'en' && f.nameEn ? f.nameEn : f.nameZh}
                    </A>{' '}
                    <span class="muted">
                      {f.firstDay} – {f.lastDay}
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Loaded>
    </>
  );
}
