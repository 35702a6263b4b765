import { Index, Show, type JSX } from 'solid-js';
import { PROVINCIAL_UNITS } from '../../../domain/region';
import { locale, t } from '../../i18n/index';
import { messageAt } from '../../lib/field-errors';
import { SelectField, TextField } from '../field';
import { DEFAULT_DESK_HOURS } from '../../screens/fair-setup/fair-form';
import type { FairSettingsBinding } from '../../screens/fair-setup/fair-form';

/** Code, names, session, previous session, zone, desk location; the days with desk hours; the close. */
export function FairBasics(props: { readonly setup: FairSettingsBinding; readonly currentId: string | undefined }): JSX.Element {
  const f = () => props.setup.form;
  const err = (...paths: string[]) => messageAt(props.setup.errors(), ...paths);
  const previousOptions = () => [
    { value: '', label: t('common.none') },
    ...(props.setup.fairs() ?? []).filter((x) => x.id !== props.currentId).map((x) => ({ value: x.id as string, label: `${x.code} · ${x.nameZh}` })),
  ];
  const regionOptions = () => [
    { value: '', label: t('common.none') },
    ...PROVINCIAL_UNITS.map((u) => ({ value: u.code as string, label: `${locale() === 'en' ? u.en : u.zh} (${u.code})` })),
  ];
  return (
    <>
      <section class="panel">
        <h2>{t('fair.sectionBasics')}</h2>
        <div class="grid">
          <TextField name="code" label={t('fair.code')} hint={t('fair.codeHint')} value={f().data.code} autocapitalize="characters" error={err('code')} onInput={(v) => f().update((d) => void (d.code = v))} />
          <TextField name="sessionNo" label={t('fair.sessionNo')} inputMode="numeric" value={f().data.sessionNo} error={err('sessionNo')} onInput={(v) => f().update((d) => void (d.sessionNo = v))} />
          <TextField name="nameZh" label={t('fair.nameZh')} value={f().data.nameZh} error={err('nameZh')} onInput={(v) => f().update((d) => void (d.nameZh = v))} />
          <TextField name="nameEn" label={`${t('fair.nameEn')} ${t('common.optional')}`} value={f().data.nameEn} error={err('nameEn')} onInput={(v) => f().update((d) => void (d.nameEn = v))} />
          <SelectField name="previousFairId" label={t('fair.previousFair')} value={f().data.previousFairId} options={previousOptions()} error={err('previousFairId')} onChange={(v) => f().update((d) => void (d.previousFairId = v))} />
          <TextField name="country" label={t('fair.country')} value={f().data.country} autocapitalize="characters" error={err('settings.country')} onInput={(v) => f().update((d) => void (d.country = v))} />
          <TextField name="timeZone" label={t('fair.timeZone')} value={f().data.timeZone} error={err('settings.timeZone')} onInput={(v) => f().update((d) => void (d.timeZone = v))} />
          <SelectField name="region" label={t('fair.region')} value={f().data.region} options={regionOptions()} error={err('settings.region')} onChange={(v) => f().update((d) => void (d.region = v))} />
          <TextField name="organizer" label={`${t('fair.organizer')} ${t('common.optional')}`} value={f().data.organizer} error={err('settings.organizer')} onInput={(v) => f().update((d) => void (d.organizer = v))} />
          <TextField name="deskLocation" label={`${t('fair.deskLocation')} ${t('common.optional')}`} value={f().data.deskLocation} error={err('settings.deskLocation')} onInput={(v) => f().update((d) => void (d.deskLocation = v))} />
        </div>
      </section>
      <section class="panel">
        <h2>{t('fair.sectionDays')}</h2>
        <Index each={f().data.days}>
          {(day, i) => (
            <div class="row" data-testid={`day-${i}`}>
              <TextField name={`days.${i}.date`} type="date" label={t('fair.day')} value={day().date} error={err(`days.${i}.date`, `days.${i}`)} onInput={(v) => f().update((d) => void (d.days[i]!.date = v))} />
              <TextField name={`days.${i}.opensAt`} type="time" label={t('fair.opensAt')} value={day().opensAt} error={err(`days.${i}.opensAt`)} onInput={(v) => f().update((d) => void (d.days[i]!.opensAt = v))} />
              <TextField name={`days.${i}.closesAt`} type="time" label={t('fair.closesAt')} value={day().closesAt} error={err(`days.${i}.closesAt`)} onInput={(v) => f().update((d) => void (d.days[i]!.closesAt = v))} />
              <button type="button" class="btn danger" disabled={f().data.days.length <= 1} onClick={() => f().update((d) => void d.days.splice(i, 1))}>
                {t('common.remove')}
              </button>
            </div>
          )}
        </Index>
        <Show when={messageAt(props.setup.errors(), 'days')}>
          {(m) => (
            <p class="error" role="alert">
              {m()}
            </p>
          )}
        </Show>
        <div class="actions">
          <button type="button" class="btn" data-testid="add-day" onClick={() => f().update((d) => void d.days.push({ date: '', ...DEFAULT_DESK_HOURS }))}>
            {t('fair.addDay')}
          </button>
        </div>
        <div class="grid">
          <TextField name="closeDate" type="date" label={`${t('fair.closeDate')} ${t('common.optional')}`} value={f().data.closeDate} error={err('closeAt')} onInput={(v) => f().update((d) => void (d.closeDate = v))} />
          <TextField name="closeTime" type="time" label={t('fair.closeTime')} value={f().data.closeTime} onInput={(v) => f().update((d) => void (d.closeTime = v))} />
        </div>
      </section>
    </>
  );
}
