import { For, type JSX } from 'solid-js';
import { DEFENCE_PRESETS, WINDOW_KINDS, type WindowKind } from '../../../domain/fair';
import { t, type MessageKey } from '../../i18n/index';
import { messageAt } from '../../lib/field-errors';
import { SelectField, TextField } from '../field';
import type { FairSettingsBinding } from '../../screens/fair-setup/fair-form';

const WINDOW_LABEL = {
  acceptance: 'fair.window.acceptance',
  supplement: 'fair.window.supplement',
  defence: 'fair.window.defence',
  measure: 'fair.window.measure',
  reviewRequest: 'fair.window.reviewRequest',
  reviewDecision: 'fair.window.reviewDecision',
  handover: 'fair.window.handover',
} as const satisfies Record<WindowKind, MessageKey>;

const clockLabel = (c: 'elapsed' | 'opening'): string => t(c === 'elapsed' ? 'fair.clock.elapsed' : 'fair.clock.opening');

/** The §4.5 windows (DL1: hours + clock); the defence window has its presets (24 h, 12 h, 4 h opening). */
export function FairWindows(props: { readonly setup: FairSettingsBinding }): JSX.Element {
  const f = () => props.setup.form;
  return (
    <section class="panel">
      <h2>{t('fair.sectionWindows')}</h2>
      <div class="actions" data-testid="defence-presets">
        <span>{t('fair.defencePresets')}</span>
        <For each={DEFENCE_PRESETS}>
          {(p) => (
            <button
              type="button"
              class="btn"
              classList={{ primary: f().data.windows.defence.hours === String(p.hours) && f().data.windows.defence.clock === p.clock }}
              onClick={() => f().update((d) => void (d.windows.defence = { hours: String(p.hours), clock: p.clock }))}
            >
              {t('fair.preset', { hours: p.hours, clock: clockLabel(p.clock) })}
            </button>
          )}
        </For>
      </div>
      <div class="grid wide">
        <For each={WINDOW_KINDS}>
          {(k) => (
            <div class="row">
              <TextField
                name={`windows.${k}.hours`}
                label={`${t(WINDOW_LABEL[k])} · ${t('fair.hours')}`}
                inputMode="decimal"
                value={f().data.windows[k].hours}
                error={messageAt(props.setup.errors(), `settings.windows.${k}.hours`, `settings.windows.${k}`)}
                onInput={(v) => f().update((d) => void (d.windows[k].hours = v))}
              />
              <SelectField
                name={`windows.${k}.clock`}
                label={t('fair.clock')}
                value={f().data.windows[k].clock}
                options={[
                  { value: 'elapsed', label: clockLabel('elapsed') },
                  { value: 'opening', label: clockLabel('opening') },
                ]}
                onChange={(v) => f().update((d) => void (d.windows[k].clock = v))}
              />
            </div>
          )}
        </For>
      </div>
    </section>
  );
}
