import { A } from '@solidjs/router';
import { createEffect, Index, on, Show, type JSX } from 'solid-js';
import { boothKey } from '../../../domain/validators/booth';
import { locale, t } from '../../i18n/index';
import { afterPaint } from '../../lib/frames';
import { TextField } from '../../ui/field';
import { createExhibitorList } from './exhibitors.data';
import './exhibitors.css';

/** The current fair's exhibitors: search, add by hand, import a file, edit one. */
export function ExhibitorsScreen(): JSX.Element {
  const list = createExhibitorList();
  let results: HTMLDivElement | undefined;
  let generation = 0;
  // Each new result is marked once painted: the bench measures a keystroke until then.
  createEffect(
    on(
      list.found,
      () => {
        const gen = ++generation;
        afterPaint(() => {
          if (results !== undefined) results.dataset.generation = String(gen);
          performance.mark(`exhibitors-result-${gen}`);
        });
      },
      { defer: true },
    ),
  );
  return (
    <>
      <h1>{t('exhibitors.title')}</h1>
      <Show when={list.fairId()} fallback={<p class="notice notice-warn">{t('exhibitors.needFair')}</p>}>
        <div class="actions">
          <A class="btn primary" href="/exhibitors/new" data-testid="add-exhibitor">
            {t('exhibitors.add')}
          </A>
          <A class="btn" href="/exhibitors/import" data-testid="import-exhibitors">
            {t('exhibitors.import')}
          </A>
          <span class="muted" data-testid="exhibitor-count" data-total={list.total()}>
            {t('exhibitors.count', { count: list.total() ?? 0 })}
          </span>
          <Show when={list.listVersion()}>
            {(v) => (
              <span class="muted" data-testid="exhibitor-list-version" data-version={v()}>
                {t('exhibitors.listVersion', { version: v() })}
              </span>
            )}
          </Show>
        </div>
        <TextField name="search" type="search" inputMode="search" label={t('common.search')} placeholder={t('exhibitors.searchAny')} value={list.search()} onInput={(v) => list.setSearch(v)} />
        <div ref={results} data-testid="exhibitor-matches" data-generation="0">
          <Show when={list.search().trim() !== '' && list.found() !== undefined}>
            <p class="muted" data-testid="exhibitor-found" data-count={list.found()?.length} data-more={String(list.more())}>
              {list.more() ? t('exhibitors.foundMore', { count: list.found()?.length ?? 0 }) : t('exhibitors.found', { count: list.found()?.length ?? 0 })}
            </p>
          </Show>
          <Show when={(list.found() ?? []).length > 0} fallback={<p class="muted">{list.found() === undefined ? t('common.loading') : t('exhibitors.empty')}</p>}>
            <table class="list exhibitor-table" data-testid="exhibitor-list">
              <thead>
                <tr>
                  <th>{t('exhibitors.colBooths')}</th>
                  <th>{t('exhibitors.colName')}</th>
                  <th>{t('exhibitors.colRegNo')}</th>
                  <th>{t('exhibitors.colContacts')}</th>
                  <th>{t('exhibitors.colDelegation')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {/* By position (<Index>): a new result rewrites the text of the rows already there instead of building new ones. */}
                <Index each={list.found()}>
                  {(e) => (
                    <tr>
                      <td class="booths">{e().booths.map(boothKey).join('; ')}</td>
                      <td>
                        {locale() === 'en' && e().nameEn !== undefined ? e().nameEn : e().nameZh}
                        <span class="muted name-en">{locale() !== 'en' ? (e().nameEn ?? '') : ''}</span>
                      </td>
                      <td>{e().uscc ?? (e().foreignRegNo === undefined ? '—' : `${e().country} ${e().foreignRegNo ?? ''}`)}</td>
                      <td class="contacts">{e().contacts.map((c) => `${c.name} ${c.phone}`).join('\n')}</td>
                      <td>{e().delegation ?? ''}</td>
                      <td>
                        {/* A plain link: the router handles its click (no route matching per row). */}
                        <a class="btn" href={`/exhibitors/${e().id}`}>
                          {t('common.edit')}
                        </a>
                      </td>
                    </tr>
                  )}
                </Index>
              </tbody>
            </table>
          </Show>
        </div>
      </Show>
    </>
  );
}
