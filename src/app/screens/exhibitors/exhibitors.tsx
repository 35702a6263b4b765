import { A } from '@solidjs/router';
import { createEffect, Index, on, Show, type JSX } from 'solid-js';
import type { Exhibitor } from '../../../domain/exhibitor';
import { boothKey } from '../../../domain/validators/booth';
import { locale, t } from '../../i18n/index';
import { afterPaint } from '../../lib/frames';
import { TextField } from '../../ui/field';
import { createListWindow, windowItems } from '../../ui/windowed-list';
import { createExhibitorList, type FoundExhibitors } from './exhibitors.data';
import './exhibitors.css';

/** Row height of the list, px (two lines of text, or the 44 px edit button, with padding); exhibitors.css sizes the rows to it. */
const ROW_HEIGHT = 64;
/** The sticky header's height, px (exhibitors.css). */
const HEAD_HEIGHT = 44;
/** Spare rows above and below the viewport, so a flick shows no blank before the next frame. */
const OVERSCAN = 3;
/** About the list's height on a 1280×800 tablet before its size is observed. */
const INITIAL_VIEWPORT = 460;

/** The current fair's exhibitors: search, add by hand, import a file, edit one. */
export function ExhibitorsScreen(): JSX.Element {
  const list = createExhibitorList();
  const found = (): FoundExhibitors => list.found() ?? { length: 0, slice: () => [] };
  // P3: every match is in the list (scrolled through), only the rows in sight are rendered.
  const win = createListWindow({ count: () => found().length, rowHeight: ROW_HEIGHT, overscan: OVERSCAN, initialViewport: INITIAL_VIEWPORT, offsetTop: HEAD_HEIGHT });
  const rows = windowItems(found, win);
  let results: HTMLDivElement | undefined;
  let generation = 0;
  // Each new result is marked once painted: the bench measures a keystroke until then.
  createEffect(
    on(
      list.found,
      (f) => {
        if (f === undefined) return;
        const gen = ++generation;
        afterPaint(() => {
          if (results !== undefined) results.dataset.generation = String(gen);
          performance.mark(`exhibitors-result-${gen}`);
          win.painted();
        });
      },
      { defer: true },
    ),
  );
  const name = (e: Exhibitor): string => (locale() === 'en' && e.nameEn !== undefined ? e.nameEn : e.nameZh);
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
        <TextField
          name="search"
          type="search"
          inputMode="search"
          label={t('common.search')}
          placeholder={t('exhibitors.searchAny')}
          value={list.search()}
          onInput={(v) => win.showNewResult(() => list.setSearch(v))}
        />
        <div ref={results} data-testid="exhibitor-matches" data-generation="0">
          {/* A line of its own size: its text changes with every result without moving what is around it. */}
          <p class="muted exhibitor-found-line">
            <Show when={list.search().trim() !== '' && list.found() !== undefined} fallback={list.found() === undefined ? t('common.loading') : ''}>
              <span data-testid="exhibitor-found" data-count={found().length}>
                {t('exhibitors.found', { count: found().length })}
              </span>
            </Show>
          </p>
          <Show when={list.found() !== undefined}>
            {/* Table roles spelled out: the rows are laid out as blocks (exhibitors.css), which would drop the table's semantics. */}
            <div class="exhibitor-scroll" ref={win.scroller}>
              <table class="list exhibitor-table" role="table" data-testid="exhibitor-list" aria-rowcount={found().length + 1}>
                <thead role="rowgroup">
                  <tr role="row" aria-rowindex={1}>
                    <th role="columnheader">{t('exhibitors.colBooths')}</th>
                    <th role="columnheader">{t('exhibitors.colName')}</th>
                    <th role="columnheader">{t('exhibitors.colRegNo')}</th>
                    <th role="columnheader">{t('exhibitors.colContacts')}</th>
                    <th role="columnheader">{t('exhibitors.colDelegation')}</th>
                    <th role="columnheader" />
                  </tr>
                </thead>
                <tbody role="rowgroup" style={{ height: `${win.height()}px` }}>
                  {/* By position (<Index>): a new result rewrites the text of the rows already there instead of building new ones. */}
                  <Index each={rows().items}>
                    {(e, i) => (
                      <tr role="row" aria-rowindex={rows().start + i + 2} style={{ top: `${win.top(rows().start + i)}px` }}>
                        <td role="cell" class="booths">{e().booths.map(boothKey).join('; ')}</td>
                        <td role="cell">
                          <span class="line">{name(e())}</span>
                          <span class="muted line name-en">{locale() !== 'en' ? (e().nameEn ?? '') : ''}</span>
                        </td>
                        <td role="cell">{e().uscc ?? (e().foreignRegNo === undefined ? '—' : `${e().country} ${e().foreignRegNo ?? ''}`)}</td>
                        <td role="cell" class="contacts">{e().contacts.map((c) => `${c.name} ${c.phone}`).join('\n')}</td>
                        <td role="cell">{e().delegation ?? ''}</td>
                        <td role="cell">
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
              <Show when={found().length === 0}>
                <p class="muted exhibitor-empty">{t('exhibitors.empty')}</p>
              </Show>
            </div>
          </Show>
        </div>
      </Show>
    </>
  );
}
