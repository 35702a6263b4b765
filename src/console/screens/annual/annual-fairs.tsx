import { A } from '@solidjs/router';
import { For, Show, createResource, type JSX } from 'solid-js';
import type { Period } from '../../../domain/report/annual';
import type { RegionCode } from '../../../domain/region';
import { locale } from '../../../app/i18n/index';
import { Notice } from '../../../app/ui/notice';
import { commonMessages } from '../../lib/common.messages';
import { failureText } from '../../lib/failure';
import { translator } from '../../lib/i18n';
import { regionLabel } from './annual-words';
import { readAnnualFairs } from './annual.data';
import { annualMessages } from './annual.messages';

const t = translator(annualMessages);
const common = translator(commonMessages);

/** Drill-down: a unit's fairs of the period, asked for when drilled into, each to its summary (held here) or marked imported. */
export default function FairsOf(props: { readonly period: Period; readonly region: RegionCode; readonly onClose: () => void }): JSX.Element {
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
