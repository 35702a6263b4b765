import { A } from '@solidjs/router';
import { For, Show, createResource, type JSX } from 'solid-js';
import { Notice } from '../../../app/ui/notice';
import type { FairRow } from '../../../domain/wire/console';
import { Loaded } from '../../lib/loaded';
import { dateTime } from '../../lib/format';
import { translator } from '../../lib/i18n';
import { listFairs } from './fairs.data';
import { fairsMessages } from './fairs.messages';

const t = translator(fairsMessages);

/** Every fair on the server: session, dates, tablets, cases, last activity. */
export default function Fairs(): JSX.Element {
  const [fairs] = createResource(listFairs);
  return (
    <>
      <div class="head-row">
        <h1>{t('fairs.title')}</h1>
        <A href="/fairs/new" class="btn primary" data-testid="new-fair">
          {t('fairs.new')}
        </A>
      </div>
      <Loaded result={fairs()}>{(list) => <FairTable rows={list.fairs} />}</Loaded>
    </>
  );
}

function FairTable(props: { readonly rows: readonly FairRow[] }): JSX.Element {
  return (
    <Show when={props.rows.length > 0} fallback={<Notice kind="info">{t('fairs.empty')}</Notice>}>
      <div class="table-wrap">
        <table class="data" data-testid="fairs-table">
          <caption class="sr-only">{t('fairs.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fairs.col.fair')}</th>
              <th scope="col" class="num">{t('fairs.col.session')}</th>
              <th scope="col">{t('fairs.col.dates')}</th>
              <th scope="col" class="num">{t('fairs.col.devices')}</th>
              <th scope="col" class="num">{t('fairs.col.cases')}</th>
              <th scope="col">{t('fairs.col.activity')}</th>
              <th scope="col">{t('fairs.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(f) => (
                <tr data-testid={`fair-${f.code}`}>
                  <td>
                    <strong>{f.code}</strong> · {f.nameZh}
                    <Show when={f.nameEn}>{(en) => <div class="muted">{en()}</div>}</Show>
                  </td>
                  <td class="num">{f.sessionNo}</td>
                  <td class="nowrap">{f.firstDay === f.lastDay ? f.firstDay : `${f.firstDay} – ${f.lastDay}`}</td>
                  <td class="num">
                    {f.deviceCount}
                    <Show when={f.revokedCount > 0}> {t('fairs.revoked', { n: f.revokedCount })}</Show>
                  </td>
                  <td class="num">{f.caseCount}</td>
                  <td class="nowrap">{dateTime(f.lastActivityAt)}</td>
                  <td class="nowrap">
                    <A href={`/fairs/${f.fairId}/cases`} class="btn small" data-testid="fair-cases">
                      {t('fairs.cases')}
                    </A>{' '}
                    <A href={`/fairs/${f.fairId}/tablets`} class="btn small">
                      {t('fairs.tablets')}
                    </A>{' '}
                    <A href={`/enrol?fair=${f.fairId}`} class="btn small">
                      {t('fairs.enrol')}
                    </A>{' '}
                    <A href={`/fairs/${f.fairId}/edit`} class="btn small" aria-label={t('fairs.editOf', { name: f.code })}>
                      {t('fairs.edit')}
                    </A>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
