import { Show, type JSX } from 'solid-js';
import { t } from '../../i18n/index';
import { Notice } from '../../ui/notice';
import type { Exports } from '../../ui/report/report-exports';

/** The summary's exports (PS5): XLSX, CSV, print and the raw ZIP, with progress and result. */
export function SummaryExports(props: { readonly exports: Exports }): JSX.Element {
  return (
    <section class="panel">
      <h2>{t('summary.exports')}</h2>
      <div class="summary-actions">
        <button type="button" class="btn" data-testid="export-xlsx" onClick={() => void props.exports.xlsx()}>
          {t('summary.export.xlsx')}
        </button>
        <button type="button" class="btn" data-testid="export-csv" onClick={() => props.exports.csv()}>
          {t('summary.export.csv')}
        </button>
        <button type="button" class="btn" data-testid="export-print" onClick={() => window.print()}>
          {t('summary.export.print')}
        </button>
        <button type="button" class="btn" data-testid="export-raw" onClick={() => void props.exports.raw()}>
          {t('summary.export.raw')}
        </button>
        <Show when={props.exports.progress()}>
          {(p) => (
            <span data-testid="export-progress">
              <progress max={p().total} value={p().done} /> {t('summary.export.progress', { done: p().done, total: p().total })}
            </span>
          )}
        </Show>
      </div>
      <Show when={props.exports.result()}>
        {(r) => {
          const res = r();
          return res.ok ? <Notice kind="ok" testId="export-done">{t('summary.export.done', { file: res.file })}</Notice> : <Notice kind="error" testId="export-failed">{t('summary.export.failed', { reason: res.reason })}</Notice>;
        }}
      </Show>
    </section>
  );
}
