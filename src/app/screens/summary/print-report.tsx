import { For, Show, type JSX } from 'solid-js';
import type { PostShowSummary } from '../../../domain/report/summary-schema';
import { summaryRows } from '../../../domain/report/summary-rows';
import { figureLabel, provisionalBanner, sanctionText } from '../../export/summary-tables';
import { tIn } from '../../i18n/index';

/**
 * The printable bilingual report (issue 9 §4; print CSS, A4; the browser makes the PDF): every
 * figure with its Chinese and English name, then the repeat infringers. Shown only in print. A
 * provisional report repeats its banner on every page (a fixed element prints on each page).
 */
export function PrintReport(props: { readonly summary: PostShowSummary; readonly fairName: string; readonly provisional: boolean; readonly generatedAt: string }): JSX.Element {
  const both = (k: 'summary.col.id' | 'summary.col.figure' | 'summary.col.value' | 'summary.col.prev' | 'summary.col.delta' | 'summary.col.deltaPct'): string =>
    `${tIn('zh-CN', k)} ${tIn('en', k)}`;
  return (
    <article class="print-report" data-testid="print-report">
      <Show when={props.provisional}>
        <div class="print-provisional" data-testid="print-provisional">
          {provisionalBanner()}
        </div>
      </Show>
      <h1>{tIn('zh-CN', 'summary.report.title')}</h1>
      <p>
        {props.fairName} · {tIn('zh-CN', 'summary.session', { sessionNo: props.summary.sessionNo, fair: '' })} / {tIn('en', 'summary.session', { sessionNo: props.summary.sessionNo, fair: '' })}
      </p>
      <p class="muted">
        {tIn('zh-CN', 'summary.report.generated')}: {props.generatedAt}
      </p>
      <table class="print-table">
        <thead>
          <tr>
            <th>{both('summary.col.id')}</th>
            <th>{both('summary.col.figure')}</th>
            <th>{both('summary.col.value')}</th>
            <th>{both('summary.col.prev')}</th>
            <th>{both('summary.col.delta')}</th>
            <th>{both('summary.col.deltaPct')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={summaryRows(props.summary)}>
            {(r) => (
              <tr>
                <td>{r.id}</td>
                <td>
                  {figureLabel('zh-CN', r.id)}
                  <br />
                  <span class="en">{figureLabel('en', r.id)}</span>
                </td>
                <td class="num">{r.value}</td>
                <td class="num">{r.prev}</td>
                <td class="num">{r.delta}</td>
                <td class="num">{r.deltaPct}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <h2>
        {tIn('zh-CN', 'summary.repeat')} / {tIn('en', 'summary.repeat')}
      </h2>
      <Show when={props.summary.repeatInfringers.length > 0} fallback={<p>{`${tIn('zh-CN', 'summary.repeat.none')} ${tIn('en', 'summary.repeat.none')}`}</p>}>
        <table class="print-table">
          <tbody>
            <For each={props.summary.repeatInfringers}>
              {(r) => (
                <tr>
                  <td>{r.exhibitorKey}</td>
                  <td>{r.name}</td>
                  <td class="num">{r.established}</td>
                  <td class="num">{r.previousEstablished}</td>
                  <td>
                    {r.sanctions.map((s) => sanctionText('zh-CN', s.code, s.n)).join('；')}
                    <br />
                    <span class="en">{r.sanctions.map((s) => sanctionText('en', s.code, s.n)).join('; ')}</span>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </article>
  );
}
