import { A } from '@solidjs/router';
import { For, Show, createResource, createSignal, onMount, type JSX } from 'solid-js';
import { ANNUAL_FIGURES, formatSignedTenths, formatTenths, type AnnualFigure, type Period, type Threshold } from '../../../domain/report/annual';
import type { RegionCode } from '../../../domain/region';
import type { AnnualReply } from '../../../domain/wire/console-annual';
import { locale } from '../../../app/i18n/index';
import { Notice } from '../../../app/ui/notice';
import type { ApiResult } from '../../lib/api';
import { commonMessages } from '../../lib/common.messages';
import { failureText } from '../../lib/failure';
import { translator } from '../../lib/i18n';
import { session } from '../../lib/session';
import { AnnualReport } from './annual-report';
import { AnnualTable } from './annual-table';
import { figureLabel, regionLabel, valueText } from './annual-words';
import { exportXlsx } from './annual-xlsx';
import { firstQuery } from './annual-path';
import { readAnnual, readAnnualFairs } from './annual.data';
import { annualMessages } from './annual.messages';
import { ImportPanel } from './import-panel';
import './annual.css';

const t = translator(annualMessages);
const common = translator(commonMessages);

/**
 * `/annual`: the administration's figures over a year or any dates (ANNUAL-SPEC A1–A8): the
 * table by provincial unit with 同比, threshold shares, provisional marks (AR5), the charts and
 * the printable statistics section, drill-down to a unit's fairs and a fair's summary, XLSX; the
 * import of other servers' files for organizers.
 */
export default function AnnualScreen(): JSX.Element {
  const first = firstQuery();
  const [from, setFrom] = createSignal(first.from);
  const [to, setTo] = createSignal(first.to);
  const [thresholds, setThresholds] = createSignal<Threshold[]>([...first.thresholds]);
  const [result, setResult] = createSignal<ApiResult<AnnualReply>>();
  const [picked, setPicked] = createSignal<RegionCode>();
  // The table paints first; the report's sentences and charts follow in the next task.
  const [reportShown, setReportShown] = createSignal(false);
  const [exportFailure, setExportFailure] = createSignal<string>();
  const load = async (): Promise<void> => {
    setResult(await readAnnual(from(), to(), thresholds()));
    requestAnimationFrame(() => {
      performance.mark('console-annual-painted');
      setTimeout(() => setReportShown(true));
    });
  };
  const exportWithFairs = async (reply: AnnualReply): Promise<void> => {
    setExportFailure(undefined);
    const fairs = await readAnnualFairs(reply.period.from, reply.period.to, undefined);
    if (fairs.ok) await exportXlsx(reply, fairs.value.fairs, locale());
    else setExportFailure(failureText(fairs.failure));
  };
  onMount(() => void load());
  const data = (): AnnualReply | undefined => {
    const r = result();
    return r?.ok ? r.value : undefined;
  };
  const pickYear = (y: string): void => {
    if (!/^\d{4}$/.test(y)) return;
    setFrom(`${y}-01-01`);
    setTo(`${y}-12-31`);
  };
  const setThreshold = (i: number, patch: Partial<Threshold>): void => void setThresholds(thresholds().map((x, k) => (k === i ? { ...x, ...patch } : x)));

  return (
    <div class="c-annual">
      <div class="head-row no-print">
        <h1>{t('annual.title')}</h1>
      </div>
      <form class="panel row no-print" onSubmit={(e) => (e.preventDefault(), void load())} data-testid="annual-period">
        <div class="field">
          <label for="annual-year">{t('annual.year')}</label>
          <input id="annual-year" inputMode="numeric" size={6} value={from().slice(0, 4)} onChange={(e) => pickYear(e.currentTarget.value.trim())} />
        </div>
        <div class="field">
          <label for="annual-from">{t('annual.from')}</label>
          <input id="annual-from" type="date" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="annual-to">{t('annual.to')}</label>
          <input id="annual-to" type="date" value={to()} onInput={(e) => setTo(e.currentTarget.value)} />
        </div>
        <button type="submit" class="btn primary" data-testid="annual-show">{t('annual.show')}</button>
        <Show when={data()}>
          {(d) => (
            <>
              <button type="button" class="btn" data-testid="annual-xlsx" onClick={() => void exportWithFairs(d())}>{t('annual.xlsx')}</button>
              <button type="button" class="btn" data-testid="annual-print" onClick={() => window.print()}>{t('annual.print')}</button>
            </>
          )}
        </Show>
      </form>
      <Show when={exportFailure()}>{(text) => <Notice kind="error">{text()}</Notice>}</Show>
      <Show when={result()} fallback={<p class="muted">{common('consoleCommon.loading')}</p>}>
        {(r) => {
          const res = r();
          return res.ok ? null : <Notice kind="error">{failureText(res.failure)}</Notice>;
        }}
      </Show>
      <Show when={data()}>
        {(d) => (
          <>
            <Show when={d().national.provisional} fallback={<Notice kind="ok" testId="annual-final">{t('annual.allFinal')}</Notice>}>
              <Notice kind="warn" testId="annual-provisional">{t('annual.provisionalLegend', { n: d().provisionalFairs })}</Notice>
            </Show>
            <Show when={d().withoutRegion > 0}>
              <p class="muted">{t('annual.withoutRegion', { n: d().withoutRegion })}</p>
            </Show>
            <section class="panel" aria-labelledby="annual-table-title">
              <h2 id="annual-table-title">{t('annual.byRegion')}</h2>
              <AnnualTable reply={d()} lang={locale()} onPick={(r) => setPicked(r)} />
            </section>
            <Show when={picked()}>{(region) => <FairsOf period={d().period} region={region()} onClose={() => setPicked(undefined)} />}</Show>
            <section class="panel" aria-labelledby="annual-shares-title" data-testid="annual-shares">
              <h2 id="annual-shares-title">{t('annual.shares')}</h2>
              <table class="data">
                <thead>
                  <tr>
                    <th scope="col">{t('annual.figure')}</th>
                    <th scope="col" class="num">{t('annual.min')}</th>
                    <th scope="col" class="num">{t('annual.units')}</th>
                    <th scope="col" class="num">{t('annual.share')}</th>
                    <th scope="col" class="num">{t('annual.previousShare')}</th>
                    <th scope="col" class="num">{t('annual.points')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={d().shares}>
                    {(s) => (
                      <tr>
                        <th scope="row">{figureLabel(s.figure, locale())}</th>
                        <td class="num">{valueText(s.figure, s.min, locale())}</td>
                        <td class="num">{s.units} / 32</td>
                        <td class="num">{formatTenths(s.shareTenths)}%</td>
                        <td class="num">{formatTenths(s.previousShareTenths)}%</td>
                        <td class="num">{formatSignedTenths(s.deltaPointsTenths)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <form class="no-print thresholds" onSubmit={(e) => (e.preventDefault(), void load())}>
                <For each={thresholds()}>
                  {(th, i) => (
                    <div class="row">
                      <div class="field">
                        <label for={`th-figure-${i()}`}>{t('annual.figure')}</label>
                        <select id={`th-figure-${i()}`} value={th.figure} onChange={(e) => setThreshold(i(), { figure: e.currentTarget.value as AnnualFigure })}>
                          <For each={ANNUAL_FIGURES}>{(f) => <option value={f}>{figureLabel(f, locale())}</option>}</For>
                        </select>
                      </div>
                      <div class="field">
                        <label for={`th-min-${i()}`}>{t('annual.min')}</label>
                        <input id={`th-min-${i()}`} inputMode="numeric" size={8} value={String(th.min)} data-testid={`threshold-min-${i()}`} onInput={(e) => setThreshold(i(), { min: Math.max(0, Math.trunc(Number(e.currentTarget.value) || 0)) })} />
                      </div>
                      <button type="button" class="btn small" onClick={() => setThresholds(thresholds().filter((_, k) => k !== i()))}>{t('annual.remove')}</button>
                    </div>
                  )}
                </For>
                <div class="row">
                  <button type="button" class="btn small" onClick={() => setThresholds([...thresholds(), { figure: ANNUAL_FIGURES.find((f) => !thresholds().some((x) => x.figure === f)) ?? 'A1.services', min: 1 }])}>
                    {t('annual.addThreshold')}
                  </button>
                  <button type="submit" class="btn small primary" data-testid="thresholds-apply">{t('annual.apply')}</button>
                </div>
              </form>
            </section>
            <Show when={reportShown()}>
              <AnnualReport reply={d()} lang={locale()} />
            </Show>
          </>
        )}
      </Show>
      <Show when={session()?.user.role === 'organizer'}>
        <ImportPanel onImported={() => void load()} />
      </Show>
    </div>
  );
}

/** Drill-down: a unit's fairs of the period, asked for when drilled into, each to its summary (held here) or marked imported. */
function FairsOf(props: { readonly period: Period; readonly region: RegionCode; readonly onClose: () => void }): JSX.Element {
  const [list] = createResource(() => ({ ...props.period, region: props.region }), (q) => readAnnualFairs(q.from, q.to, q.region));
  const fairs = () => {
    const r = list();
    return r?.ok ? r.value.fairs : [];
  };
  return (
    <section class="panel" data-testid="annual-fairs" aria-labelledby="annual-fairs-title">
      <div class="head-row">
        <h2 id="annual-fairs-title">{t('annual.fairsOf', { region: regionLabel(props.region, locale()) })}</h2>
        <button type="button" class="btn small" onClick={() => props.onClose()}>{t('annual.close')}</button>
      </div>
      <Show when={list()} fallback={<p class="muted">{common('consoleCommon.loading')}</p>}>
        {(r) => {
          const res = r();
          return res.ok ? null : <Notice kind="error">{failureText(res.failure)}</Notice>;
        }}
      </Show>
      <Show when={list()?.ok === true && fairs().length > 0} fallback={<Show when={list()?.ok === true}><p class="muted">{t('annual.noFairs')}</p></Show>}>
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t('annual.fair')}</th>
              <th scope="col">{t('annual.organizer')}</th>
              <th scope="col">{t('annual.firstDay')}</th>
              <th scope="col">{t('annual.status')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={fairs()}>
              {(f) => (
                <tr data-testid={`annual-fair-${f.fairId}`}>
                  <th scope="row">
                    <Show when={f.source !== 'imported'} fallback={`${f.code} · ${locale() === 'en' && f.nameEn ? f.nameEn : f.nameZh}`}>
                      <A href={`/fairs/${f.fairId}/summary`}>{`${f.code} · ${locale() === 'en' && f.nameEn ? f.nameEn : f.nameZh}`}</A>
                    </Show>
                  </th>
                  <td>{f.organizer ?? '—'}</td>
                  <td>{f.firstDay}</td>
                  <td>{t(`annual.status.${f.source}`, { revision: f.revision ?? '' })}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
