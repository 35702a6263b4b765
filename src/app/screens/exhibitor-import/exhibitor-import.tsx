import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import type { Fair } from '../../../domain/fair';
import { fieldErrorMessage, storageErrorMessage, type FieldErrorLike } from '../../i18n/errors';
import { isMessageKey, t } from '../../i18n/index';
import { isGood, splitBooths, type RowResult } from '../../../domain/exhibitor-import';
import { useAppState } from '../../state/app-state';
import { Notice } from '../../ui/notice';
import { createExhibitorImport } from './exhibitor-import.data';

const GOOD_ROWS_SHOWN = 200;

/** "USCC: the check digit is wrong": the column, then the message, in the user's language. */
function rowError(e: FieldErrorLike): string {
  const head = e.field.split('.')[0] ?? '';
  const key = `field.${head}`;
  const label = isMessageKey(key) ? t(key) : '';
  return label === '' ? fieldErrorMessage(e) : `${label}: ${fieldErrorMessage(e)}`;
}

/** Store errors come back per imported row index (`3.booths.0`): name the file row. */
function storeErrorLines(fields: readonly FieldErrorLike[], rows: readonly RowResult[]): string[] {
  const good = rows.filter(isGood);
  return fields.map((f) => {
    const [index, ...rest] = f.field.split('.');
    const row = good[Number(index)]?.row;
    const msg = rowError({ ...f, field: rest.join('.') });
    return row === undefined ? msg : `${t('field.row', { row })}: ${msg}`;
  });
}

export function ExhibitorImportScreen(): JSX.Element {
  const app = useAppState();
  return (
    <Show when={app.fair()} keyed fallback={<p class="notice notice-warn">{app.deviceLoaded() ? t('exhibitors.needFair') : t('common.loading')}</p>}>
      {(fair) => <ImportView fair={fair} />}
    </Show>
  );
}

function ImportView(props: { readonly fair: Fair }): JSX.Element {
  const imp = createExhibitorImport();
  const results = () => imp.preview()?.results ?? [];
  const good = () => results().filter(isGood).length;
  const bad = () => results().length - good();
  // An organizer's list can hold tens of thousands of rows: every bad row is listed (first),
  // the good ones only up to a screenful; all of them are imported.
  const shown = () => {
    const all = results();
    const warned = (r: RowResult): boolean => isGood(r) && r.warnings !== undefined;
    return [...all.filter((r) => !isGood(r)), ...all.filter(warned), ...all.filter((r) => isGood(r) && !warned(r)).slice(0, GOOD_ROWS_SHOWN)];
  };
  let lastResults: readonly RowResult[] = [];
  return (
    <>
      <h1>{t('import.title')}</h1>
      <p class="muted">{t('import.columns')}</p>
      <div class="actions">
        <label class="btn primary">
          {t('import.pick')}
          <input
            type="file"
            data-testid="import-file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            style={{ display: 'none' }}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file !== undefined) void imp.pick(file, props.fair);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <A class="btn" href="/exhibitors">
          {t('common.back')}
        </A>
      </div>
      <Show when={imp.reading()}>
        <p class="muted">{t('import.reading')}</p>
      </Show>
      <Show when={imp.readError()}>
        {(e) => <Notice kind="error">{e().reason === 'unknown-format' ? t('import.unknownFormat') : t('import.unreadable', { detail: e().detail ?? '' })}</Notice>}
      </Show>
      <Show when={imp.imported()}>
        {(n) => (
          <Notice kind="ok" testId="import-done">
            {t('import.done', { count: n() })}
          </Notice>
        )}
      </Show>
      <Show when={imp.failure()}>
        {(e) => (
          <Notice kind="error" testId="import-failure">
            {e().kind === 'invalid' ? storeErrorLines(e().fields ?? [], lastResults).join(' · ') : storageErrorMessage(e())}
          </Notice>
        )}
      </Show>
      <Show when={imp.preview()}>
        {(p) => (
          <Show
            when={p().missingColumns.length === 0}
            fallback={<Notice kind="error">{t('import.missingColumns', { columns: p().missingColumns.map((c) => t(c === 'nameZh' ? 'field.nameZh' : 'field.booths')).join(', ') })}</Notice>}
          >
            <Show when={results().length > 0} fallback={<Notice kind="warn">{t('import.noRows')}</Notice>}>
              <p data-testid="import-summary">{t('import.summary', { total: results().length, good: good(), bad: bad() })}</p>
              <Show when={results().filter((r) => isGood(r) && r.warnings !== undefined).length}>
                {(n) => (
                  <Notice kind="warn" testId="import-uscc-warning">
                    {t('import.warnCount', { n: n() })}
                  </Notice>
                )}
              </Show>
              <Show when={bad() > 0}>
                <Notice kind="warn" testId="import-bad-rows">
                  {t('import.badNotImported', { count: bad() })}
                </Notice>
              </Show>
              <div class="actions">
                <button
                  type="button"
                  class="btn primary"
                  data-testid="import-confirm"
                  disabled={good() === 0}
                  onClick={() => {
                    lastResults = results();
                    void imp.confirm(props.fair);
                  }}
                >
                  {t('import.confirm', { count: good() })}
                </button>
              </div>
              <table class="list" data-testid="import-preview">
                <thead>
                  <tr>
                    <th>{t('import.row')}</th>
                    <th>{t('exhibitors.colName')}</th>
                    <th>{t('exhibitors.colBooths')}</th>
                    <th>{t('exhibitors.colRegNo')}</th>
                    <th>{t('import.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={shown()}>
                    {(r) => (
                      <tr classList={{ bad: !isGood(r) }} data-row={r.row} data-ok={String(isGood(r))}>
                        <td>{r.row}</td>
                        <td>{isGood(r) ? r.exhibitor.nameZh : (r.cells.nameZh ?? '')}</td>
                        <td>{isGood(r) ? r.exhibitor.booths.map((b) => `${b.hall}/${b.stand}`).join('; ') : splitBooths(r.cells.hall ?? '', r.cells.stand ?? '').map((b) => `${b.hall}/${b.stand}`).join('; ')}</td>
                        <td>{isGood(r) ? (r.exhibitor.uscc ?? r.exhibitor.foreignRegNo ?? '') : (r.cells.regNo ?? '')}</td>
                        <td class={isGood(r) ? '' : 'err'}>
                          {isGood(r) ? [r.weakKey ? t('import.okWeakKey') : t('import.ok'), ...(r.warnings ?? []).map(rowError)].join(' · ') : r.errors.map(rowError).join(' · ')}
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <Show when={good() > GOOD_ROWS_SHOWN}>
                <p class="muted" data-testid="import-more">
                  {t('import.moreGood', { count: good() - GOOD_ROWS_SHOWN })}
                </p>
              </Show>
            </Show>
          </Show>
        )}
      </Show>
    </>
  );
}
