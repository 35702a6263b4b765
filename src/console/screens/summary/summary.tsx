import { useParams } from '@solidjs/router';
import { Show, createEffect, createSignal, onCleanup, onMount, type JSX } from 'solid-js';
import { instantFromMs } from '../../../domain/time';
import type { ConsoleSummary } from '../../../domain/wire/console-summary';
import { addMessages, locale } from '../../../app/i18n/index';
import { summaryMessages as deskSummaryMessages } from '../../../app/screens/summary/summary.messages';
import { consultationMessages } from '../../../app/screens/consultations/consultations.messages';
import { Notice } from '../../../app/ui/notice';
import { createExports } from '../../../app/ui/report/report-exports';
import { figureRows, reportModel } from '../../../app/ui/report/report-model';
import { FigureList, SummaryReport } from '../../../app/ui/report/summary-report';
import type { ApiResult } from '../../lib/api';
import { commonMessages } from '../../lib/common.messages';
import { failureText } from '../../lib/failure';
import { dateTime } from '../../lib/format';
import { translator } from '../../lib/i18n';
import { ClosePanel } from './close-panel';
import { ExportsPanel } from './exports-panel';
import { PreviousPanel } from './previous-panel';
import { deviceLines, TabletsPanel } from './tablets-panel';
import { fetchRawZip, readSummary } from './summary.data';
import { summaryMessages } from './summary.messages';
import './summary.css';

// The export tables and the provisional banner print the tablet's words, in both languages; the
// report names askers with the desk's labels (the base share has the codes and the rest).
addMessages(deskSummaryMessages);
addMessages(Object.fromEntries(Object.entries(consultationMessages).filter(([k]) => k.startsWith('consult.asker.'))));

const t = translator(summaryMessages);
const common = translator(commonMessages);
const REFRESH_MS = 30_000;

/**
 * `/fairs/:fairId/summary`: the post-show report of a fair from the server's data (CO40), the
 * tablet's own report components fed with the server's summary; every tablet's completeness
 * first (CO41), the exports as jobs (CO45), previous-session values typed and kept on the
 * server (CO42).
 */
export default function SummaryScreen(): JSX.Element {
  const params = useParams<{ fairId: string }>();
  const [result, setResult] = createSignal<ApiResult<ConsoleSummary>>();
  const refresh = async (): Promise<void> => void setResult(await readSummary(params.fairId));
  onMount(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    onCleanup(() => clearInterval(timer));
  });
  const data = (): ConsoleSummary | undefined => {
    const r = result();
    return r?.ok ? r.value : undefined;
  };
  const fairName = (): string => {
    const f = data()?.fair;
    if (f === undefined) return '…';
    return `${f.code} · ${locale() === 'en' && f.nameEn ? f.nameEn : f.nameZh}`;
  };
  const exports = createExports({
    fairCode: () => data()?.fair.code ?? 'FAIR',
    summary: () => data()?.summary,
    devices: () => deviceLines(data()?.tablets ?? []),
    provisional: () => data()?.provisional ?? true,
    lang: locale,
    raw: (_banner, onProgress) =>
      // The server writes its own PROVISIONAL note into the ZIP (CO45).
      fetchRawZip(params.fairId, onProgress, { network: common('err.network'), refused: (status) => common('err.other', { code: String(status) }) }),
  });
  createEffect(() => {
    if (data() !== undefined) requestAnimationFrame(() => performance.mark('console-summary-painted'));
  });

  return (
    <div class="c-summary">
      <div class="head-row no-print">
        <h1>{t('fairSummary.title', { fair: fairName() })}</h1>
        <button type="button" class="btn" data-testid="summary-refresh" onClick={() => void refresh()}>
          {t('fairSummary.refresh')}
        </button>
      </div>
      <Show when={result()} fallback={<p class="muted">{common('consoleCommon.loading')}</p>}>
        {(r) => {
          const res = r();
          return res.ok ? null : <Notice kind="error">{failureText(res.failure)}</Notice>;
        }}
      </Show>
      <Show when={data()}>
        {(d) => (
          <>
            <div class="no-print">
              <p class="muted">{t('fairSummary.generated', { time: dateTime(d().generatedAt) })}</p>
              <TabletsPanel tablets={d().tablets} />
              <Show when={d().provisional} fallback={<Notice kind="ok" testId="summary-final">{t('final.banner')}</Notice>}>
                <Notice kind="warn" testId="summary-provisional">
                  {t('provisional.banner')}
                </Notice>
              </Show>
              <ExportsPanel exports={exports} />
              <ClosePanel fairId={params.fairId} provisional={d().provisional} />
            </div>
            <section class="panel summary-report-panel">
              <SummaryReport
                model={reportModel(d().summary, locale(), {
                  fairNameZh: d().fair.nameZh,
                  fairNameEn: d().fair.nameEn ?? '',
                  timeZone: d().fair.settings.timeZone,
                  generatedAt: instantFromMs(Date.parse(d().generatedAt)),
                })}
                provisional={d().provisional ? t('provisional.banner') : undefined}
              />
            </section>
            <div class="no-print">
              <PreviousPanel fairId={params.fairId} data={d()} onSaved={() => void refresh()} />
              <details class="panel" data-testid="summary-details">
                <summary>{summaryZhOrEn('summary.figures')}</summary>
                <FigureList rows={figureRows(d().summary, locale())} lang={locale()} typedTag={summaryZhOrEn('summary.typed')} />
              </details>
            </div>
          </>
        )}
      </Show>
    </div>
  );
}

/** A word of the tablet's summary screen in the console's language. */
const summaryZhOrEn = translator(deskSummaryMessages);
