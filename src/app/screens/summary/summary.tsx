import { createSignal, For, Show, type JSX } from 'solid-js';
import { STATIC_FIGURE_KEYS } from '../../../domain/report/figures';
import type { DeviceLine } from '../../ui/report/summary-tables';
import { locale, t, type MessageKey } from '../../i18n/index';
import { SignedIn } from '../../session/signed-in';
import { useAppState } from '../../state/app-state';
import { formatInZone, instantFromMs } from '../../../domain/time';
import type { Fair } from '../../../domain/fair';
import { Notice } from '../../ui/notice';
import { figureName, sectionHeading, sectionOf } from '../../ui/report/report-figures';
import { figureRows, reportModel, type ReportContext } from '../../ui/report/report-model';
import { FigureList, SummaryReport } from '../../ui/report/summary-report';
import { ServiceForm } from './service-form';
import { createSummary, type SummaryState } from './summary.data';
import { createExports } from '../../ui/report/report-exports';
import './summary.css';

/** `/summary`: the post-show summary dashboard (PS1–PS5), organizer only. */
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

function Dashboard(props: { readonly fairId: string; readonly userId: string }): JSX.Element {
  const app = useAppState();
  // eslint-disable-next-line solid/reactivity -- fixed for this mount (keyed on the fair above)
  const s: SummaryState = createSummary(props.fairId);
  const zone = (): string => s.data()?.fair.settings.timeZone ?? 'Asia/Shanghai';
  const devices = (): DeviceLine[] => deviceLines(s, zone());
  // The time the report is looked at or printed, in the fair's zone.
  const reportContext = (): ReportContext => ({
    fairNameZh: s.data()?.fair.nameZh ?? '',
    fairNameEn: s.data()?.fair.nameEn ?? '',
    timeZone: zone(),
    generatedAt: instantFromMs(Date.now()),
  });
  const exports = createExports({
    // The tablet's raw ZIP comes from its own store (a lazy chunk).
    raw: async (banner, onProgress) => (await import('../../export/raw-zip.chunk')).buildRawZip(props.fairId, banner, onProgress) as Promise<BlobPart>,
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
              {t('summary.session', { sessionNo: summary().sessionNo, fair: (locale() === 'en' ? s.data()?.fair.nameEn : undefined) || (s.data()?.fair.nameZh ?? '') })}
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
          </div>
          <section class="panel summary-report-panel">
            <SummaryReport model={reportModel(summary(), locale(), reportContext())} provisional={s.provisional() ? t('summary.provisional') : undefined} />
          </section>
          <div class="no-print">
            <details class="panel" data-testid="summary-details" open>
              <summary>{t('summary.figures')}</summary>
              <FigureList rows={figureRows(summary(), locale())} lang={locale()} typedTag={t('summary.typed')} />
            </details>
            <PreviousForm s={s} />
            {/* Keyed on the fair's id, not its record: a re-read must not wipe unsaved entries. */}
            <Show when={s.data()?.fair.id} keyed>
              {(_id) => <ServiceForm fair={s.data()?.fair as Fair} userId={props.userId} />}
            </Show>
          </div>
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

const previousErrorKey = (code: string): MessageKey =>
  code === 'UNKNOWN_FIGURE' || code === 'NOT_A_NUMBER' ? `summary.previous.err.${code}` : 'summary.previous.err.OTHER';

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
          <select name="figure" value={id()} onChange={(e) => setId(e.currentTarget.value)}>
            <option value="">{t('summary.previous.pick')}</option>
            <For each={STATIC_FIGURE_KEYS}>{(k) => <option value={k}>{`${sectionHeading(locale(), sectionOf(k))} · ${figureName(locale(), k)}`}</option>}</For>
          </select>
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
      <Show when={error()}>{(c) => <Notice kind="error" testId="previous-error">{t('summary.previous.bad', { reason: t(previousErrorKey(c())) })}</Notice>}</Show>
    </section>
  );
}
