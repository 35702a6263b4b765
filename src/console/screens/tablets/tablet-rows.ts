import type { TabletRow } from '../../../domain/wire/console';
import { durationText, shortDateTime as dateTime } from '../../lib/format';
import { translator } from '../../lib/i18n';
import { tabletsMessages } from './tablets.messages';

const t = translator(tabletsMessages);

/**
 * The tablets table's body as plain DOM, built in one pass: text cells and one button, no
 * component or reactive computation per cell, so 200 rows draw within one frame's budget.
 * Text goes in through `textContent` (never markup). The revoke buttons carry the device id;
 * the table listens once (`revokeTarget`).
 */
const stateText = (row: TabletRow): string => {
  const s = row.state;
  switch (s.kind) {
    case 'in_sync':
      return t('state.in_sync');
    case 'behind':
      return t('state.behind', { since: dateTime(s.since) });
    case 'silent':
      return t('state.silent', { since: dateTime(s.since) });
    case 'revoked':
      return t('state.revoked', { at: dateTime(s.at) });
  }
};

const clockText = (ms: number | null): string => (ms === null ? '—' : Math.abs(ms) < 1000 ? '±0' : ms > 0 ? t('clock.ahead', { d: durationText(ms) }) : t('clock.behind', { d: durationText(ms) }));

function cell(tr: HTMLTableRowElement, text: string | number, className?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = String(text);
  if (className !== undefined) td.className = className;
  tr.appendChild(td);
  return td;
}

function line(parent: HTMLElement, text: string, className: string, testId?: string): void {
  const div = document.createElement('div');
  div.className = className;
  div.textContent = text;
  if (testId !== undefined) div.dataset.testid = testId;
  parent.appendChild(div);
}

export function tabletRow(r: TabletRow): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.className = `age-${r.state.kind}`;
  tr.dataset.testid = `tablet-${r.deviceCode}`;
  tr.dataset.state = r.state.kind;
  cell(tr, r.deviceCode, 'mono');
  cell(tr, r.name);
  cell(tr, t(`deviceRole.${r.role}`));
  const enrolled = cell(tr, dateTime(r.enrolledAt), 'nowrap');
  line(enrolled, r.enrolledBy?.name ?? '—', 'muted');
  cell(tr, dateTime(r.lastSeenAt), 'nowrap');
  cell(tr, r.reported?.appVersion ?? '—');
  cell(tr, r.serverHasThroughSeq, 'num').dataset.testid = 'seq';
  cell(tr, r.reported?.outboxCount ?? '—', 'num');
  cell(tr, r.reported?.lastError ?? '—');
  cell(tr, clockText(r.clockOffsetMs), 'nowrap');
  const state = document.createElement('td');
  const label = document.createElement('span');
  label.className = `state state-${r.state.kind}`;
  label.dataset.testid = 'state';
  label.textContent = stateText(r);
  state.appendChild(label);
  if (r.itemsAtRisk !== null && r.itemsAtRisk > 0) line(state, t('atRisk', { n: r.itemsAtRisk }), 'at-risk', 'at-risk');
  if (r.revocation !== null) line(state, r.revocation.reason, 'muted');
  tr.appendChild(state);
  const actions = document.createElement('td');
  if (r.state.kind !== 'revoked') {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn small danger';
    button.textContent = t('revoke');
    button.setAttribute('aria-label', t('revoke.of', { code: r.deviceCode }));
    button.dataset.testid = 'revoke';
    button.dataset.device = r.deviceId;
    actions.appendChild(button);
  }
  tr.appendChild(actions);
  return tr;
}

/** The device id of the revoke button a click landed on, if any. */
export const revokeTarget = (e: MouseEvent): string | undefined => (e.target instanceof Element ? ((e.target.closest('button[data-device]') as HTMLElement | null)?.dataset.device ?? undefined) : undefined);
