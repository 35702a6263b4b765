import { Show, type JSX } from 'solid-js';
import { minutesLeft, urgency, type Deadline } from '../../../domain/case/deadlines';
import { formatInZone, type Instant } from '../../../domain/time';
import { t } from '../../i18n/index';

/** DL8: the deadline absolute in the fair's zone, with a countdown; amber near, red overdue; DL4 capped. */
export function DeadlineView(props: { readonly deadline: Deadline; readonly zone: string; readonly now: Instant; readonly done?: boolean }): JSX.Element {
  const left = (): number => minutesLeft(props.deadline, props.now);
  const hm = (m: number): { h: number; m: number } => ({ h: Math.floor(Math.abs(m) / 60), m: Math.abs(m) % 60 });
  return (
    <span class={`deadline urgency-${props.done === true ? 'normal' : urgency(props.deadline, props.now)}`} data-kind={props.deadline.kind} data-due={props.deadline.dueAt}>
      <strong>{formatInZone(props.deadline.dueAt, props.zone)}</strong>
      <Show when={props.deadline.capped}>
        <span class="capped"> · {t('deadline.capped')}</span>
      </Show>
      <Show when={props.done !== true}>
        <span class="countdown"> · {left() < 0 ? t('deadline.overdue', hm(left())) : t('deadline.left', hm(left()))}</span>
      </Show>
    </span>
  );
}
