import { For, Match, Show, Switch, type JSX } from 'solid-js';
import { BarChart } from './bar-chart';
import type { FigureRow, ReportBlock, ReportModel } from './report-model';
import { word } from './report.messages';
import './summary-report.css';

/**
 * The post-show report (§10) rendered from its model: headings, sentences with their units and
 * changes, charts, small tables. Plain props, no store: the tablet's summary screen and its print
 * use it, and so can the organizer's console with a summary from the server.
 */
export function SummaryReport(props: { readonly model: ReportModel; readonly provisional?: string | undefined; readonly testId?: string }): JSX.Element {
  return (
    <article class="report" data-testid={props.testId ?? 'summary-report'} lang={props.model.lang}>
      <Show when={props.provisional}>
        {(banner) => (
          <div class="report-provisional" data-testid="print-provisional">
            {banner()}
          </div>
        )}
      </Show>
      <header class="report-head">
        <h1>{props.model.title}</h1>
        <p class="report-fair" data-testid="report-fair">
          {props.model.fairName} · {props.model.session}
        </p>
        <p class="report-meta">{props.model.generated}</p>
        <For each={props.model.notes}>{(n) => <p class="report-meta">{n}</p>}</For>
      </header>
      <For each={props.model.sections}>
        {(sec) => (
          <section class="report-section" data-section={sec.id}>
            <h2>{sec.heading}</h2>
            <For each={sec.blocks}>{(b) => <Block block={b} empty={word(props.model.lang, 'chart.empty')} />}</For>
          </section>
        )}
      </For>
    </article>
  );
}

function Block(props: { readonly block: ReportBlock; readonly empty: string }): JSX.Element {
  return (
    <Switch>
      <Match when={props.block.kind === 'line' && props.block}>
        {(l) => (
          <p class="report-line" data-figures={l().figures.join(' ')}>
            <span>{l().text}</span>
            <span class="rule-ref">{l().rules.join(' ')}</span>
          </p>
        )}
      </Match>
      <Match when={props.block.kind === 'note' && props.block}>{(n) => <p class="report-line">{n().text}</p>}</Match>
      <Match when={props.block.kind === 'chart' && props.block}>{(c) => <BarChart testId={`chart-${c().id}`} title={c().title} bars={c().bars} empty={props.empty} />}</Match>
      <Match when={props.block.kind === 'table' && props.block}>
        {(t) => (
          <table class="report-table" data-testid={`report-table-${t().id}`}>
            <thead>
              <tr>
                <For each={t().headers}>{(h, i) => <th class={t().numeric[i()] === true ? 'num' : ''}>{h}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={t().rows}>
                {(row) => (
                  <tr data-testid={t().id === 'repeat' ? 'repeat-row' : undefined}>
                    <For each={row}>{(cell, i) => <td class={t().numeric[i()] === true ? 'num' : ''}>{cell}</td>}</For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        )}
      </Match>
    </Switch>
  );
}

/** Every figure in words, grouped by section: the screen's detail list (not printed). */
export function FigureList(props: { readonly rows: readonly FigureRow[]; readonly lang: ReportModel['lang']; readonly typedTag: string }): JSX.Element {
  const groups = (): { section: string; rows: FigureRow[] }[] => {
    const out: { section: string; rows: FigureRow[] }[] = [];
    for (const r of props.rows) {
      const last = out[out.length - 1];
      if (last !== undefined && last.section === r.section) last.rows.push(r);
      else out.push({ section: r.section, rows: [r] });
    }
    return out;
  };
  const w = (k: Parameters<typeof word>[1]): string => word(props.lang, k);
  const sign = (d: string): string => (d.startsWith('+') ? 'up' : d.startsWith('-') ? 'down' : '');
  return (
    <table class="summary-table report-figures" data-testid="summary-figures">
      <thead>
        <tr>
          <th>{w('col.figure')}</th>
          <th class="num">{w('col.value')}</th>
          <th class="num">{w('col.prev')}</th>
          <th class="num">{w('col.delta')}</th>
          <th class="num">{w('col.deltaPct')}</th>
          <th class="rule-ref">{w('col.item')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={groups()}>
          {(g) => (
            <>
              <tr class="rule-head">
                <td colSpan={6}>{g.section}</td>
              </tr>
              <For each={g.rows}>
                {(r) => (
                  <tr data-figure={r.id}>
                    <td>{r.name}</td>
                    <td class="num" data-testid={`fig-${r.id}`}>
                      {r.value}
                    </td>
                    <td class="num">
                      {r.prev}
                      <Show when={r.typed}>
                        <span class="typed-tag">{props.typedTag}</span>
                      </Show>
                    </td>
                    <td class={`num ${sign(r.delta)}`}>{r.delta}</td>
                    <td class={`num ${sign(r.deltaPct)}`}>{r.deltaPct}</td>
                    <td class="rule-ref">{r.rule}</td>
                  </tr>
                )}
              </For>
            </>
          )}
        </For>
      </tbody>
    </table>
  );
}
