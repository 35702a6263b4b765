import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import { formatInZone } from '../../../domain/time';
import { locale, t } from '../../i18n/index';
import { useAppState } from '../../state/app-state';
import { createHomeData, draftHref, draftLabel } from './home.data';
import { FirstRunGuide } from './first-run';
import './home.css';

/** The desk's start screen: device, current fair, and the drafts that can be picked up again. */
export function HomeScreen(): JSX.Element {
  const app = useAppState();
  const data = createHomeData();
  const zone = () => app.fair()?.settings.timeZone ?? 'Asia/Shanghai';
  return (
    <>
      <h1>{t('home.title')}</h1>
      <FirstRunGuide users={data.users()} />
      <div class="cards">
        <section class="card" data-testid="home-device">
          <Show when={app.device()} fallback={<p>{t('home.noDevice')}</p>}>
            {(d) => <p>{t('home.device', { name: d().name, code: d().shortCode })}</p>}
          </Show>
          <A class="btn" href="/device">
            {t('home.setupDevice')}
          </A>
        </section>
        <section class="card" data-testid="home-fair">
          <Show when={app.fair()} fallback={<p>{t('home.noFair')}</p>}>
            {(f) => <p>{t('home.currentFair', { name: `${f().code} · ${locale() === 'en' ? (f().nameEn ?? f().nameZh) : f().nameZh}` })}</p>}
          </Show>
          <div class="actions">
            <A class="btn" href="/fairs">
              {t('home.manageFairs')}
            </A>
            <A class="btn" href="/exhibitors">
              {t('home.manageExhibitors')}
            </A>
          </div>
        </section>
      </div>
      <h2>{t('home.drafts')}</h2>
      <Show when={(data.drafts() ?? []).length > 0} fallback={<p class="muted">{t('home.noDrafts')}</p>}>
        <table class="list drafts-table" data-testid="drafts">
          <tbody>
            <For each={data.drafts()}>
              {(d) => (
                <tr data-testid="draft-row" data-key={d.key}>
                  <td>{t(draftLabel(d).key, draftLabel(d).params)}</td>
                  <td>{d.public ? t('home.draftPublic') : ''}</td>
                  <td>{formatInZone(d.updatedAt, zone())}</td>
                  <td>
                    <Show when={draftHref(d)}>
                      {(href) => (
                        <A class="btn primary" href={href()} data-testid="draft-open">
                          {t('home.openDraft')}
                        </A>
                      )}
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </>
  );
}
