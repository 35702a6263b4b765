import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { IP_TYPES, NOT_ACCEPTED_REASONS, OUTCOMES } from '../../../domain/codes';
import { FIGURE_RULES, FIGURE_TITLES, isHallKey, STATIC_FIGURE_KEYS } from '../../../domain/report/figures';
import type { FigureKey, Figures } from '../../../domain/report/figures';
import type { PostShowSummary } from '../../../domain/report/summary-schema';
import { summaryRows } from '../../../domain/report/summary-rows';
import { figureLabel, sanctionText, type DeviceLine } from '../../export/summary-tables';
import { isMessageKey, locale, t } from '../../i18n/index';
import { SignedIn } from '../../session/signed-in';
import { useAppState } from '../../state/app-state';
import { formatInZone } from '../../../domain/time';
import type { Fair } from '../../../domain/fair';
import { Notice } from '../../ui/notice';
import { BarChart, type Bar } from './bar-chart';
import { PrintReport } from './print-report';
import { ServiceForm } from './service-form';
import { createSummary, type SummaryState } from './summary.data';
import { createExports } from './summary-exports';
import './summary.css';

/** `/summary`: the post-show summary dashboard (issue 9, DOMAIN.md §10), organizer only. */
export function SummaryScreen(): JSX.Element {
  const app = useAppState();
  return (
    <div class="summary-screen">
      <h1 class="no-print">{t('summary.title')}</h1>
      <Show when={app.device()?.fairId} keyed fallback={<p class="notice notice-warn">{app.deviceLoaded() ? t('board.needFair') : t('common.loading')}</p>}>
        {(fairId) => <SignedIn roles={['organizer']}>{(user) => <Dashboard fairId={fairId} userId={user.id} />}</SignedIn>}
      </Show>
    </div>
  );
}

const value = (f: Figures, k: string): number => f[k as FigureKey] ?? 0;

function chartBars(f: Figures): Record<'outcomes' | 'types' | 'reasons' | 'halls', Bar[]> {
  // The bar's name is the translated code it counts (`R12.outcome.MEDIATED` → 调解结案).
  const codeName = (prefix: string, code: string): string => {
    const key = `${prefix}.${code}`;
    return isMessageKey(key) ? t(key) : code;
  };
  return {
    outcomes: [
      ...OUTCOMES.filter((o) => o !== 'NOT_ACCEPTED').map((o) => ({ label: codeName('outcome', o), value: value(f, `R12.outcome.${o}`) })),
      { label: t('summary.chart.open'), value: value(f, 'R12.open') },
    ],
    types: IP_TYPES.map((x) => ({ label: codeName('ipType', x), value: value(f, `R11.${x}.accepted`) })),
    reasons: NOT_ACCEPTED_REASONS.map((r) => ({ label: codeName('reason', r), value: value(f, `R6.${r}`) })),
    halls: Object.keys(f)
      .filter((k) => isHallKey(k) && k.endsWith('.accepted'))
      .sort()
      .map((k) => ({ label: k.slice('R12.hall('.length, k.lastIndexOf(')')), value: value(f, k) })),
  };
}

function Dashboard(props: { readonly fairId: string; readonly userId: string }): JSX.Element {
  const app = useAppState();
  // eslint-disable-next-line solid/reactivity -- fixed for this mount (keyed on the fair above)
  const s: SummaryState = createSummary(props.fairId);
  const zone = (): string => s.data()?.fair.settings.timeZone ?? 'Asia/Shanghai';
  const devices = (): DeviceLine[] => deviceLines(s, zone());
  const exports = createExports({
    // eslint-disable-next-line solid/reactivity -- fixed for this mount
    fairId: props.fairId,
    fairCode: () => s.data()?.fair.code ?? app.fair()?.code ?? 'FAIR',
    summary: s.summary,
    devices,
    provisional: s.provisional,
    lang: locale,
  });
  return (
    <Show when={s.summary()} fallback={<p class="muted">{t('common.loading')}</p>}>
      {(summary) => (
        <>
          <div class="no-print">
            <p class="muted" data-testid="summary-session">
              {t('summary.session', { sessionNo: summary().sessionNo, fair: s.data()?.fair.nameZh ?? '' })}
            </p>
            <Show when={s.provisional()}>
              <Notice kind="warn" testId="summary-provisional">
                <span class="summary-provisional">{t('summary.provisional')}</span> — {t('summary.devices.incomplete')}
              </Notice>
            </Show>
            <Completeness s={s} devices={devices()} />
            <section class="panel">
              <h2>{t('summary.exports')}</h2>
              <div class="summary-actions">
                <button type="button" class="btn" data-testid="export-xlsx" onClick={() => void exports.xlsx()}>
                  {t('summary.export.xlsx')}
                </button>
                <button type="button" class="btn" data-testid="export-csv" onClick={() => exports.csv()}>
                  {t('summary.export.csv')}
                </button>
                <button type="button" class="btn" data-testid="export-print" onClick={() => window.print()}>
                  {t('summary.export.print')}
                </button>
                <button type="button" class="btn" data-testid="export-raw" onClick={() => void exports.raw()}>
                  {t('summary.export.raw')}
                </button>
                <Show when={exports.progress()}>
                  {(p) => (
                    <span data-testid="export-progress">
                      <progress max={p().total} value={p().done} /> {t('summary.export.progress', { done: p().done, total: p().total })}
                    </span>
                  )}
                </Show>
              </div>
              <Show when={exports.result()}>
                {(r) => {
                  const res = r();
                  return res.ok ? <Notice kind="ok" testId="export-done">{t('summary.export.done', { file: res.file })}</Notice> : <Notice kind="error" testId="export-failed">{t('summary.export.failed', { reason: res.reason })}</Notice>;
                }}
              </Show>
            </section>
            <Charts figures={summary().figures} />
            <FigureTable summary={summary()} />
            <RepeatList summary={summary()} />
            <PreviousForm s={s} />
            {/* Keyed on the fair's id, not its record: a re-read must not wipe unsaved entries. */}
            <Show when={s.data()?.fair.id} keyed>
              {(_id) => <ServiceForm fair={s.data()?.fair as Fair} userId={props.userId} />}
            </Show>
          </div>
          <PrintReport summary={summary()} fairName={`${s.data()?.fair.nameZh ?? ''} ${s.data()?.fair.nameEn ?? ''}`} provisional={s.provisional()} generatedAt={new Date().toISOString()} />
        </>
      )}
    </Show>
  );
}

/** The gate's rows in words, in the screen's language (the exports print the same). */
function deviceLines(s: SummaryState, zone: string): DeviceLine[] {
  const g = s.gate();
  if (g === undefined) return [];
  return g.lines.map((l) => ({
    name: `${l.deviceCode} · ${l.name}${l.thisDevice ? ` (${t('summary.devices.thisDevice')})` : ''}`,
    serverSeq: l.ackedSeq === undefined ? '—' : String(l.ackedSeq),
    lastSeen: l.lastSeenAt === undefined ? (l.ackedSeq === undefined ? '—' : t('summary.devices.never')) : formatInZone(l.lastSeenAt, zone),
    unsynced: l.unsynced === undefined ? '' : String(l.unsynced),
    status: t(`summary.devices.status.${l.status}`),
  }));
}

function Completeness(props: { readonly s: SummaryState; readonly devices: readonly DeviceLine[] }): JSX.Element {
  const server = () => props.s.serverDevices();
  return (
    <section class="panel" data-testid="summary-devices">
      <h2>{t('summary.devices')}</h2>
      <div class="row summary-devices-head">
        <Show when={server()} fallback={<p class="muted">{t('summary.devices.asking')}</p>}>
          {(sv) => {
            const v = sv();
            return v.ok ? (
              <p class="muted">{t('summary.devices.server')}</p>
            ) : (
              <Notice kind="warn" testId="summary-devices-unknown">
                {t(`summary.devices.unknown.${v.reason}`)}
              </Notice>
            );
          }}
        </Show>
        <button type="button" class="btn" data-testid="devices-refresh" onClick={() => props.s.refreshDevices()}>
          {t('summary.devices.refresh')}
        </button>
      </div>
      <table class="summary-table">
        <thead>
          <tr>
            <th>{t('summary.devices.device')}</th>
            <th>{t('summary.devices.serverSeq')}</th>
            <th>{t('summary.devices.lastSeen')}</th>
            <th>{t('summary.devices.unsynced')}</th>
            <th>{t('summary.devices.status')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.devices}>
            {(d, i) => (
              <tr data-testid="device-row" data-status={props.s.gate()?.lines[i()]?.status}>
                <td>{d.name}</td>
                <td class="num">{d.serverSeq}</td>
                <td>{d.lastSeen}</td>
                <td class="num" data-testid="device-unsynced">
                  {d.unsynced}
                </td>
                <td>{d.status}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}

function Charts(props: { readonly figures: Figures }): JSX.Element {
  const bars = createMemo(() => chartBars(props.figures));
  return (
    <section class="panel">
      <h2>{t('summary.charts')}</h2>
      <div class="summary-grid">
        <BarChart testId="chart-outcomes" title={t('summary.chart.outcomes')} bars={bars().outcomes} />
        <BarChart testId="chart-types" title={t('summary.chart.types')} bars={bars().types} />
        <BarChart testId="chart-reasons" title={t('summary.chart.reasons')} bars={bars().reasons} />
        <BarChart testId="chart-halls" title={t('summary.chart.halls')} bars={bars().halls} />
      </div>
    </section>
  );
}

function FigureTable(props: { readonly summary: PostShowSummary }): JSX.Element {
  const rows = createMemo(() => summaryRows(props.summary));
  const typed = (): ReadonlySet<string> => new Set(props.summary.typedPrevious);
  const sign = (d: string): string => (d.startsWith('+') ? 'up' : d.startsWith('-') ? 'down' : '');
  return (
    <section class="panel">
      <h2>{t('summary.figures')}</h2>
      <table class="summary-table" data-testid="summary-figures">
        <thead>
          <tr>
            <th>{t('summary.col.id')}</th>
            <th>{t('summary.col.figure')}</th>
            <th>{t('summary.col.value')}</th>
            <th>{t('summary.col.prev')}</th>
            <th>{t('summary.col.delta')}</th>
            <th>{t('summary.col.deltaPct')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={FIGURE_RULES}>
            {(rule) => (
              <>
                <tr class="rule-head">
                  <td>{rule}</td>
                  <td colSpan={5}>{FIGURE_TITLES[rule][locale() === 'en' ? 'en' : 'zh']}</td>
                </tr>
                <For each={rows().filter((r) => r.rule === rule)}>
                  {(r) => (
                    <tr data-figure={r.id}>
                      <td>{r.id}</td>
                      <td>{figureLabel(locale(), r.id)}</td>
                      <td class="num" data-testid={`fig-${r.id}`}>
                        {r.value}
                      </td>
                      <td class="num">
                        {r.prev}
                        <Show when={typed().has(r.id)}>
                          <span class="typed-tag">{t('summary.typed')}</span>
                        </Show>
                      </td>
                      <td class={`num ${sign(r.delta)}`}>{r.delta}</td>
                      <td class={`num ${sign(r.deltaPct)}`}>{r.deltaPct}</td>
                    </tr>
                  )}
                </For>
              </>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}

function RepeatList(props: { readonly summary: PostShowSummary }): JSX.Element {
  return (
    <section class="panel" data-testid="summary-repeat">
      <h2>{t('summary.repeat')}</h2>
      <Show when={props.summary.repeatInfringers.length > 0} fallback={<p class="muted">{t('summary.repeat.none')}</p>}>
        <table class="summary-table">
          <thead>
            <tr>
              <th>{t('summary.repeat.key')}</th>
              <th>{t('summary.repeat.name')}</th>
              <th>{t('summary.repeat.established')}</th>
              <th>{t('summary.repeat.previous')}</th>
              <th>{t('summary.repeat.isRepeat')}</th>
              <th>{t('summary.repeat.sanctions')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.summary.repeatInfringers}>
              {(r) => (
                <tr data-testid="repeat-row">
                  <td>{r.exhibitorKey}</td>
                  <td>{r.name}</td>
                  <td class="num">{r.established}</td>
                  <td class="num">{r.previousEstablished}</td>
                  <td>{r.repeat ? '✓' : ''}</td>
                  <td>{r.sanctions.map((x) => sanctionText(locale(), x.code, x.n)).join('; ')}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}

function PreviousForm(props: { readonly s: SummaryState }): JSX.Element {
  const [id, setId] = createSignal('');
  const [text, setText] = createSignal('');
  const [error, setError] = createSignal<string>();
  const fair = () => props.s.data()?.fair;
  return (
    <section class="panel" data-testid="summary-previous">
      <h2>{t('summary.previous')}</h2>
      <Show when={fair()?.previousFairId !== undefined} fallback={<p class="muted">{t('summary.previous.noSeries')}</p>}>
        <p class="muted">{props.s.previousHeld() === true ? t('summary.previous.computed', { sessionNo: (fair()?.sessionNo ?? 1) - 1 }) : t('summary.previous.none')}</p>
      </Show>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          const code = props.s.setTyped(id(), text());
          setError(code);
          if (code === undefined) setText('');
        }}
      >
        <label class="field">
          <span>{t('summary.previous.figure')}</span>
          <input name="figure" list="summary-figure-ids" value={id()} onInput={(e) => setId(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('summary.previous.value')}</span>
          <input name="previous" inputMode="decimal" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn primary" data-testid="previous-save">
          {t('summary.previous.add')}
        </button>
        <button type="button" class="btn" data-testid="previous-clear" onClick={() => props.s.typed.update((d) => void (d.values = {}))}>
          {t('summary.previous.clear')}
        </button>
      </form>
      <Show when={error()}>{(c) => <Notice kind="error" testId="previous-error">{t('summary.previous.bad', { code: c() })}</Notice>}</Show>
      <datalist id="summary-figure-ids">
        <For each={STATIC_FIGURE_KEYS}>{(k) => <option value={k} />}</For>
      </datalist>
    </section>
  );
}
