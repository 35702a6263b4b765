import { For, Show, type JSX } from 'solid-js';
import { isPatentType, RIGHT_STATUSES, type IpType } from '../../../domain/codes';
import type { Fair } from '../../../domain/fair';
import type { FieldError } from '../../../domain/field-errors';
import { STATUS_SOURCES } from '../../../domain/ip-right';
import { t } from '../../i18n/index';
import { messageAt } from '../../lib/field-errors';
import { SelectField, TextField } from '../../ui/field';
import type { ComplaintForm } from './complaint-form';
import { blankRight, type RightForm } from './party-right-form';

/**
 * The rights relied on (EN8): a patent number is checked by the domain (check
 * digit and type digit, VA3), a trademark needs its Nice classes, a copyright its title.
 */
export function RightsFields(props: {
  readonly form: ComplaintForm;
  readonly fair: Fair;
  readonly errors: readonly FieldError[];
  readonly update: (mutate: (d: ComplaintForm) => void) => void;
}): JSX.Element {
  const types = (): readonly IpType[] => props.fair.settings.acceptedIpTypes;
  const set = (i: number, mutate: (r: RightForm) => void): void =>
    props.update((d) => {
      const r = d.rights[i];
      if (r !== undefined) mutate(r);
    });
  return (
    <>
      <For each={props.form.rights}>
        {(right, i) => {
          const at = (f: string): string | undefined => messageAt(props.errors, `rights.${i()}.${f}`);
          return (
            <div class="panel sub" data-testid={`right-${i()}`}>
              <div class="grid">
                <SelectField label={t('right.type')} name={`rights.${i()}.type`} value={right.type} options={types().map((v) => ({ value: v, label: t(`ipType.${v}`) }))} onChange={(v) => set(i(), (r) => (r.type = v))} />
                <TextField
                  label={t('right.number')}
                  name={`rights.${i()}.number`}
                  value={right.number}
                  hint={isPatentType(right.type) ? t('right.numberHintPatent') : undefined}
                  error={at('number')}
                  autocapitalize="characters"
                  onInput={(v) => set(i(), (r) => (r.number = v))}
                />
                <TextField label={t('right.title')} name={`rights.${i()}.title`} value={right.title} error={at('title')} onInput={(v) => set(i(), (r) => (r.title = v))} />
                <TextField label={t('right.holder')} name={`rights.${i()}.holder`} value={right.holder} error={at('holder')} onInput={(v) => set(i(), (r) => (r.holder = v))} />
                <TextField label={t('right.jurisdiction')} name={`rights.${i()}.jurisdiction`} value={right.jurisdiction} error={at('jurisdiction')} onInput={(v) => set(i(), (r) => (r.jurisdiction = v.toUpperCase()))} />
                <Show when={right.type === 'trademark'}>
                  <TextField label={t('right.niceClasses')} name={`rights.${i()}.niceClasses`} value={right.niceClasses} inputMode="numeric" error={messageAt(props.errors, `rights.${i()}.niceClasses`, ...[0, 1, 2, 3].map((n) => `rights.${i()}.niceClasses.${n}`))} onInput={(v) => set(i(), (r) => (r.niceClasses = v))} />
                </Show>
                <SelectField label={t('right.status')} name={`rights.${i()}.status`} value={right.status} options={RIGHT_STATUSES.map((v) => ({ value: v as string, label: t(`rightStatus.${v}`) }))} onChange={(v) => set(i(), (r) => (r.status = v))} />
                <SelectField label={t('right.statusSource')} name={`rights.${i()}.statusSource`} value={right.statusSource} options={STATUS_SOURCES.map((v) => ({ value: v as string, label: t(`statusSource.${v}`) }))} onChange={(v) => set(i(), (r) => (r.statusSource = v))} />
              </div>
              <Show when={props.form.rights.length > 1}>
                <button type="button" class="btn danger" onClick={() => {
                  const idx = i();
                  props.update((d) => void d.rights.splice(idx, 1));
                }}>
                  {t('intake.removeRow')}
                </button>
              </Show>
            </div>
          );
        }}
      </For>
      <button type="button" class="btn" data-testid="add-right" onClick={() => {
          const j = props.fair.settings.rightJurisdictions[0] ?? 'CN';
          props.update((d) => void d.rights.push(blankRight(j)));
        }}>
        {t('intake.addRight')}
      </button>
    </>
  );
}
