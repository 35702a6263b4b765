import { For, Show, type JSX } from 'solid-js';
import { formatInZone } from '../../../domain/time';
import { t } from '../../i18n/index';
import { Notice } from '../../ui/notice';
import type { DeviceLine } from '../../ui/report/summary-tables';
import type { SummaryState } from './summary.data';

/** The gate's rows in words, in the screen's language (the exports print the same). */
export function deviceLines(s: SummaryState, zone: string): DeviceLine[] {
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

/** The completeness gate's devices (PS2): the server's list merged with this tablet's outbox. */
export function SummaryDevices(props: { readonly s: SummaryState; readonly devices: readonly DeviceLine[] }): JSX.Element {
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

