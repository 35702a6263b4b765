import { A, useParams } from '@solidjs/router';
import { For, Show, createEffect, createMemo, createResource, createSignal, onCleanup, onMount, type JSX } from 'solid-js';
import type { TabletRow, TabletTable } from '../../../domain/wire/console';
import { Notice } from '../../../app/ui/notice';
import type { ApiFailure } from '../../lib/api';
import { failureText } from '../../lib/failure';
import { clockTime, dateTime } from '../../lib/format';
import { locale, translator } from '../../lib/i18n';
import { listFairs } from '../fairs/fairs.data';
import { RevokeDialog } from './revoke-dialog';
import { revokeTarget, tabletRow } from './tablet-rows';
import { SORT_COLUMNS, readTablets, sortTablets, type SortColumn } from './tablets.data';
import { tabletsMessages } from './tablets.messages';

const t = translator(tabletsMessages);
const REFRESH_MS = 15_000;

/**
 * A fair's tablets, like CommCare's Application Status: one plain row per tablet (200 must draw
 * in one frame), coloured by its state under the fair's thresholds (CO12), sortable by every
 * column, refreshed every 15 s and when the window regains focus.
 */
export default function Tablets(): JSX.Element {
  const params = useParams<{ fairId: string }>();
  const [fairs] = createResource(listFairs);
  const fairName = (): string => {
    const r = fairs();
    const row = r?.ok ? r.value.fairs.find((f) => f.fairId === params.fairId) : undefined;
    return row === undefined ? '…' : `${row.code} · ${row.nameZh}`;
  };
  const [rows, setRows] = createSignal<readonly TabletRow[]>([]);
  const [meta, setMeta] = createSignal<Omit<TabletTable, 'tablets'>>();
  const [failure, setFailure] = createSignal<ApiFailure>();
  const [sort, setSort] = createSignal<{ column: SortColumn; ascending: boolean }>({ column: 'state', ascending: true });
  const [revoking, setRevoking] = createSignal<TabletRow>();
  const [done, setDone] = createSignal<() => string>();

  const refresh = async (): Promise<void> => {
    const r = await readTablets(params.fairId);
    if (!r.ok) return void setFailure(r.failure);
    setFailure();
    const { tablets, ...rest } = r.value;
    setMeta(rest);
    setRows(tablets);
  };
  onMount(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    const onFocus = (): void => void refresh();
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') void refresh();
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    onCleanup(() => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    });
  });
  const sorted = createMemo(() => sortTablets(rows(), sort().column, sort().ascending));
  const counts = createMemo(() => {
    const c = { in_sync: 0, behind: 0, silent: 0, revoked: 0 };
    for (const r of rows()) c[r.state.kind]++;
    return c;
  });
  // Plain rows (tablet-rows.ts), rebuilt on a new reply, a sort or a language switch.
  let tbody: HTMLTableSectionElement | undefined;
  createEffect(() => {
    const list = sorted();
    locale();
    if (tbody === undefined) return;
    tbody.replaceChildren(...list.map(tabletRow));
    requestAnimationFrame(() => performance.mark('console-tablets-painted'));
  });
  const onRowClick = (e: MouseEvent): void => {
    const id = revokeTarget(e);
    const row = rows().find((r) => r.deviceId === id);
    if (row === undefined) return;
    setDone();
    setRevoking(row);
  };
  const sortBy = (column: SortColumn): void => {
    setSort((s) => ({ column, ascending: s.column === column ? !s.ascending : true }));
  };
  const ariaSort = (column: SortColumn): 'ascending' | 'descending' | 'none' => (sort().column === column ? (sort().ascending ? 'ascending' : 'descending') : 'none');

  return (
    <>
      <div class="head-row">
        <h1>{t('tablets.title', { fair: fairName() })}</h1>
        <button type="button" class="btn" onClick={() => void refresh()} data-testid="tablets-refresh">
          {t('tablets.refresh')}
        </button>
        <A href={`/enrol?fair=${params.fairId}`} class="btn primary">
          {t('tablets.enrol')}
        </A>
      </div>
      <Show when={meta()}>
        {(m) => (
          <p class="muted" data-testid="tablets-summary">
            {t('tablets.lead', { behind: m().thresholds.behind, silent: m().thresholds.silent })}{' '}
            {t('tablets.summary', { n: rows().length, ok: counts().in_sync, behind: counts().behind, silent: counts().silent, revoked: counts().revoked })} ·{' '}
            {t('tablets.updated', { time: clockTime(m().now) })}
          </p>
        )}
      </Show>
      <Show when={done()}>{(d) => <Notice kind="ok" testId="revoke-done">{d()()}</Notice>}</Show>
      <Show when={failure()}>{(f) => <Notice kind="error">{failureText(f())}</Notice>}</Show>
      <Show when={meta() !== undefined && rows().length === 0}>
        <Notice kind="info">{t('tablets.empty')}</Notice>
      </Show>
      <Show when={rows().length > 0}>
        <div class="table-wrap">
          <table class="data tablets" data-testid="tablets-table">
            <thead>
              <tr>
                <For each={SORT_COLUMNS}>
                  {(c) => (
                    <th scope="col" aria-sort={ariaSort(c)} classList={{ num: c === 'seq' || c === 'waiting' }}>
                      <button type="button" onClick={() => sortBy(c)} data-testid={`sort-${c}`}>
                        {t(`tabletCol.${c}`)}
                        <span aria-hidden="true">{sort().column === c ? (sort().ascending ? '▲' : '▼') : ''}</span>
                      </button>
                    </th>
                  )}
                </For>
                <th scope="col">{t('tabletCol.actions')}</th>
              </tr>
            </thead>
            <tbody ref={tbody} onClick={onRowClick} />
          </table>
        </div>
      </Show>
      <Show when={revoking()}>
        {(row) => (
          <RevokeDialog
            fairId={params.fairId}
            row={row()}
            onClose={(result) => {
              // Read before the dialog's <Show> goes: its accessor is stale afterwards.
              const code = row().deviceCode;
              setRevoking();
              if (result !== undefined) {
                setDone(() => () => (result.already ? t('revoke.already', { code, at: dateTime(result.at), by: result.by?.name ?? '—' }) : t('revoke.done', { code })));
                void refresh();
              }
            }}
          />
        )}
      </Show>
    </>
  );
}
