import { For, type JSX } from 'solid-js';
import type { Language } from '../../../domain/codes';
import type { AnnualFigure } from '../../../domain/report/annual';
import type { AnnualReply } from '../../../domain/wire/console-annual';
import { translator } from '../../lib/i18n';
import { dateTime } from '../../lib/format';
import { annualMessages } from './annual.messages';
import { figureLabel, periodText, regionLabel, reportSentences } from './annual-words';
import { GroupedBars } from './grouped-bars';

const t = translator(annualMessages);

const CHART_FIGURES: readonly AnnualFigure[] = ['A1.services', 'A2.received', 'A2.accepted', 'A3.opinions', 'A4.consultations', 'A5.trainingSessions', 'A6.measuresOrdered', 'A6.transfers'];

/**
 * The printable statistics section, laid out as the national report's: a heading, the figures in
 * sentences with 同比, the threshold shares, and the charts of this period against the year
 * before. The page prints only this and the table (annual.css).
 */
export function AnnualReport(props: { readonly reply: AnnualReply; readonly lang: Language }): JSX.Element {
  const legend = () => ({ now: t('annual.thisPeriod'), before: t('annual.lastPeriod') });
  return (
    <section class="panel annual-report report-section" data-testid="annual-report" aria-labelledby="annual-report-title">
      <h2 id="annual-report-title">{t('annual.reportHeading', { period: periodText(props.reply.period, props.lang) })}</h2>
      <p class="muted">{t('annual.generated', { time: dateTime(props.reply.generatedAt) })}</p>
      <For each={reportSentences(props.reply, props.lang)}>{(s) => <p class="report-sentence">{s}</p>}</For>
      {/* The charts' heading prints on the page of the first chart, never alone at a page's foot (annual.css). */}
      <div class="keep-with-heading">
        <h3>{t('annual.charts')}</h3>
        <GroupedBars
          title={t('annual.chartNational')}
          testId="chart-national"
          perRow
          legend={legend()}
          pairs={CHART_FIGURES.map((f) => ({ label: figureLabel(f, props.lang), now: props.reply.national.values[f] ?? 0, before: props.reply.national.previous[f] ?? 0 }))}
        />
      </div>
      <GroupedBars
        title={t('annual.chartRegions')}
        testId="chart-regions"
        perRow={false}
        legend={legend()}
        pairs={props.reply.units
          .filter((u) => (u.values['A2.received'] ?? 0) > 0 || (u.previous['A2.received'] ?? 0) > 0)
          .map((u) => ({ label: regionLabel(u.region, props.lang), now: u.values['A2.received'] ?? 0, before: u.previous['A2.received'] ?? 0 }))}
      />
    </section>
  );
}
