import { Show, type JSX } from 'solid-js';
import { summaryMessages as deskSummaryMessages } from '../../../app/screens/summary/summary.messages';
import { Notice } from '../../../app/ui/notice';
import type { Exports } from '../../../app/ui/report/report-exports';
import { translator } from '../../lib/i18n';
import { summaryMessages } from './summary.messages';

const t = translator(summaryMessages);
type Word = 'summary.export.xlsx' | 'summary.export.csv' | 'summary.export.print' | 'summary.export.raw' | 'summary.export.progress' | 'summary.export.done' | 'summary.export.failed';
/** The tablet's words for the same buttons. */
const w: (key: Word, params?: Record<string, string | number>) => string = translator(deskSummaryMessages);
const size = (bytes: number): string => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** CO45: each export a job: its progress while it runs, then its file or its failure in words. */
export function ExportsPanel(props: { readonly exports: Exports }): JSX.Element {
  const e = (): Exports => props.exports;
  return (
    <section class="panel" data-testid="summary-exports">
      <h2>{t('exports.heading')}</h2>
      <div class="actions">
        <button type="button" class="btn" data-testid="export-xlsx" disabled={e().progress() !== undefined} onClick={() => void e().xlsx()}>
          {w('summary.export.xlsx')}
        </button>
        <button type="button" class="btn" data-testid="export-csv" disabled={e().progress() !== undefined} onClick={() => e().csv()}>
          {w('summary.export.csv')}
        </button>
        <button type="button" class="btn" data-testid="export-print" onClick={() => window.print()}>
          {w('summary.export.print')}
        </button>
        <button type="button" class="btn" data-testid="export-raw" disabled={e().progress() !== undefined} onClick={() => void e().raw()}>
          {w('summary.export.raw')}
        </button>
      </div>
      <Show when={e().progress()}>
        {(p) => (
          <p data-testid="export-progress" role="status">
            <Show when={p().total > 0} fallback={<>{t('exports.bytes', { size: size(p().done) })}</>}>
              <progress max={p().total} value={p().done} /> {w('summary.export.progress', { done: p().done, total: p().total })}
            </Show>
          </p>
        )}
      </Show>
      <Show when={e().result()}>
        {(r) => {
          const res = r();
          return res.ok ? (
            <Notice kind="ok" testId="export-done">
              {w('summary.export.done', { file: res.file })}
            </Notice>
          ) : (
            <Notice kind="error" testId="export-failed">
              {w('summary.export.failed', { reason: res.reason })}
            </Notice>
          );
        }}
      </Show>
    </section>
  );
}
