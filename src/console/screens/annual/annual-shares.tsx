import { For, type JSX } from 'solid-js';
import { ANNUAL_FIGURES, formatSignedTenths, formatTenths, type AnnualFigure, type Threshold } from '../../../domain/report/annual';
import type { AnnualReply } from '../../../domain/wire/console-annual';
import { locale } from '../../../app/i18n/index';
import { translator } from '../../lib/i18n';
import { figureLabel, valueText } from './annual-words';
import { annualMessages } from './annual.messages';

const t = translator(annualMessages);

/**
 * The threshold shares (ANNUAL-SPEC AR3) and the form of the thresholds asked for (AR12); drawn
 * after the table by unit (annual.tsx), which the page paints first.
 */
export function AnnualShares(props: {
  readonly reply: AnnualReply;
  readonly thresholds: readonly Threshold[];
  readonly onThresholds: (next: Threshold[]) => void;
  readonly onApply: () => void;
}): JSX.Element {
  const setThreshold = (i: number, patch: Partial<Threshold>): void => props.onThresholds(props.thresholds.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  return (
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
          <For each={props.reply.shares}>
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
      <form class="no-print thresholds" onSubmit={(e) => (e.preventDefault(), props.onApply())}>
        <For each={props.thresholds}>
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
              <button type="button" class="btn small" onClick={() => props.onThresholds(props.thresholds.filter((_, k) => k !== i()))}>{t('annual.remove')}</button>
            </div>
          )}
        </For>
        <div class="row">
          <button type="button" class="btn small" onClick={() => props.onThresholds([...props.thresholds, { figure: ANNUAL_FIGURES.find((f) => !props.thresholds.some((x) => x.figure === f)) ?? 'A1.services', min: 1 }])}>
            {t('annual.addThreshold')}
          </button>
          <button type="submit" class="btn small primary" data-testid="thresholds-apply">{t('annual.apply')}</button>
        </div>
      </form>
    </section>
  );
}
