import { Show, createSignal, onMount, type JSX } from 'solid-js';
import type { Threshold } from '../../../domain/report/annual';
import type { RegionCode } from '../../../domain/region';
import type { AnnualReply } from '../../../domain/wire/console-annual';
import { locale } from '../../../app/i18n/index';
import { Notice } from '../../../app/ui/notice';
import type { ApiResult } from '../../lib/api';
import { commonMessages } from '../../lib/common.messages';
import { failureText } from '../../lib/failure';
import { translator } from '../../lib/i18n';
import { onDemand } from '../../lib/on-demand';
import { session } from '../../lib/session';
import { AnnualTable } from './annual-table';
import { firstQuery } from './annual-path';
import { readAnnual, readAnnualFairs } from './annual.data';
import { annualMessages } from './annual.messages';
import './annual.css';

const t = translator(annualMessages);
const common = translator(commonMessages);

// The page's first chunk holds what its first paint needs: the period form and the table by
// unit. The rest comes in chunks of their own: the shares, report and charts and the import
// panel once the table has painted; the drill-down and the XLSX export when asked for.
const later = onDemand(() => import('./annual-later'));
const importPanel = onDemand(() => import('./import-panel'));
const drillDown = onDemand(() => import('./annual-fairs'));
const xlsx = onDemand(() => import('./annual-xlsx'));

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
  // The table paints first; the shares, the report and the import panel follow in the next task.
  const [laterShown, setLaterShown] = createSignal(false);
  const [exportFailure, setExportFailure] = createSignal<string>();
  const load = async (): Promise<void> => {
    setResult(await readAnnual(from(), to(), thresholds()));
    requestAnimationFrame(() => {
      performance.mark('console-annual-painted');
      setTimeout(() => {
        setLaterShown(true);
        void later.load();
        if (session()?.user.role === 'organizer') void importPanel.load();
      });
    });
  };
  const exportWithFairs = async (reply: AnnualReply): Promise<void> => {
    setExportFailure(undefined);
    const fairs = await readAnnualFairs(reply.period.from, reply.period.to, undefined);
    if (!fairs.ok) return void setExportFailure(failureText(fairs.failure));
    const m = await xlsx.load();
    if (m === undefined) setExportFailure(failureText({ kind: 'network' }));
    else await m.exportXlsx(reply, fairs.value.fairs, locale());
  };
  // The printout leads with the statistics section (annual.css), drawn after the table.
  const print = async (): Promise<void> => {
    setLaterShown(true);
    if ((await later.load()) !== undefined) window.print();
  };
  const pick = (region: RegionCode): void => {
    setPicked(region);
    void drillDown.load();
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
              <button type="button" class="btn" data-testid="annual-print" onClick={() => void print()}>{t('annual.print')}</button>
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
              <AnnualTable reply={d()} lang={locale()} onPick={pick} />
            </section>
            <Show when={drillDown.module()}>
              {(m) => {
                const FairsOf = m().default;
                return <Show when={picked()}>{(region) => <FairsOf period={d().period} region={region()} onClose={() => setPicked(undefined)} />}</Show>;
              }}
            </Show>
            <Show when={laterShown() && later.module()}>
              {(m) => {
                const Later = m().default;
                return <Later reply={d()} thresholds={thresholds()} onThresholds={setThresholds} onApply={() => void load()} />;
              }}
            </Show>
          </>
        )}
      </Show>
      <Show when={laterShown() && session()?.user.role === 'organizer' && importPanel.module()}>
        {(m) => {
          const ImportPanel = m().ImportPanel;
          return <ImportPanel onImported={() => void load()} />;
        }}
      </Show>
    </div>
  );
}
