import { For, Show, type JSX } from 'solid-js';
import type { CaseEvent } from '../../../domain/case/events';
import { formatInZone } from '../../../domain/time';
import { isMessageKey, t } from '../../i18n/index';
import { clockNote } from '../../lib/clock-note';

/** Who an event names: a tablet's user list, or the console's names from the server. */
export interface NamedUser {
  readonly id: string;
  readonly name: string;
}

/** A short, translated summary of what an event decided (reason, conclusion, measures…). */
function detail(e: CaseEvent): string {
  const p = e.payload as Record<string, unknown>;
  const parts: string[] = [];
  const tr = (key: string, fallback: string): string => (isMessageKey(key) ? t(key) : fallback);
  if (typeof p.reason === 'string' && e.type === 'Reject') parts.push(tr(`reason.${p.reason}`, p.reason));
  if (typeof p.conclusion === 'string') parts.push(tr(`conclusion.${p.conclusion}`, p.conclusion));
  if (typeof p.basis === 'string') parts.push(tr(`basis.${p.basis}`, p.basis));
  if (Array.isArray(p.measures)) parts.push((p.measures as { code: string }[]).map((m) => tr(`measure.${m.code}`, m.code)).join(', '));
  if (typeof p.result === 'string') parts.push(tr(`result.${p.result}`, p.result));
  if (typeof p.decision === 'string') parts.push(tr(`decision.${p.decision}`, p.decision));
  if (typeof p.text === 'string') parts.push(p.text);
  // CS31: the organizer's decision, in words: whose outcome stands and why.
  if (e.type === 'ResolveConflict') parts.push(tr(`stands.${e.payload.stands}`, e.payload.stands), e.payload.reason);
  if (typeof p.authorityName === 'string') parts.push(p.authorityName);
  return parts.join(' · ');
}

/** The case's events: who, when in the fair's zone, on which device (the tablet's case detail and the console's, CB3). */
export function Timeline(props: { readonly events: readonly CaseEvent[]; readonly users: readonly NamedUser[]; readonly zone: string; readonly deviceLabel: (id: string) => string }): JSX.Element {
  const who = (e: CaseEvent): string => (e.type === 'ResolveConflict' ? e.payload.decidedBy : e.actor.userId === undefined ? t('role.system') : (props.users.find((u) => u.id === e.actor.userId)?.name ?? e.actor.userId.slice(-6)));
  const role = (r: string): string => {
    const key = `role.${r}`;
    return isMessageKey(key) ? t(key) : r;
  };
  return (
    <ol class="timeline" data-testid="timeline">
      <For each={props.events}>
        {(e) => (
          <li data-type={e.type}>
            <span class="when">
              {formatInZone(e.at, props.zone)}
              <Show when={clockNote(e.clockOffsetMs)}>{(note) => <span class="clock-note" data-testid="clock-note">{note()}</span>}</Show>
            </span>
            <strong>{t(`cmd.${e.type}`)}</strong>
            <span class="muted">{t('case.eventLine', { who: who(e), role: role(e.actor.role), device: props.deviceLabel(e.deviceId) })}</span>
            <Show when={detail(e) !== ''}>
              <span class="detail">{detail(e)}</span>
            </Show>
          </li>
        )}
      </For>
    </ol>
  );
}
