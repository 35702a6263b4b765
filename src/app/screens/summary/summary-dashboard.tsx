import { Show, type JSX } from 'solid-js';
import { Notice } from '../../ui/notice';
import type { Fair } from '../../../domain/fair';
import { locale, t } from '../../i18n/index';
import { useAppState } from '../../state/app-state';
import { figureRows, reportModel, type ReportContext } from '../../ui/report/report-model';
import { FigureList, SummaryReport } from '../../ui/report/summary-report';
import { createExports } from '../../ui/report/report-exports';
import type { DeviceLine } from '../../ui/report/summary-tables';
import { PreviousForm } from './previous-form';
import { ServiceForm } from './service-form';
import { SummaryDevices, deviceLines } from './summary-devices';
import { SummaryExports } from './summary-exports';
import { createSummary, type SummaryState } from './summary.data';

/** One fair's summary (PS1): devices, exports (PS5), the report, its figures and the forms. */
export function SummaryDashboard(props: { readonly fairId: string; readonly userId: string }): JSX.Element {
  const app = useAppState();
  // eslint-disable-next-line solid/reactivity -- fixed for this mount (keyed on the fair above)
  const s: SummaryState = createSummary(props.fairId);
  const zone = (): string => s.data()?.fair.settings.timeZone ?? 'Asia/Shanghai';
  const devices = (): DeviceLine[] => deviceLines(s, zone());
  // The time the report is looked at or printed (the data's clock), in the fair's zone.
  const reportContext = (): ReportContext => ({
    fairNameZh: s.data()?.fair.nameZh ?? '',
    fairNameEn: s.data()?.fair.nameEn ?? '',
    timeZone: zone(),
    generatedAt: s.lookedAt(),
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
            <SummaryDevices s={s} devices={devices()} />
            <SummaryExports exports={exports} />
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
