import { For, Index, Show, type JSX } from 'solid-js';
import { AUTHORITY_KINDS, IP_TYPES, LANGUAGES, MEASURE_CODES, NOT_ACCEPTED_REASONS, type AuthorityKind } from '../../../domain/codes';
import { t, type MessageKey } from '../../i18n/index';
import { messageAt } from '../../lib/field-errors';
import { CheckField, CheckGroup, SelectField, TextField } from '../field';
import { FAIR_FLAGS, type FairForm } from '../../screens/fair-setup/fair-form';
import type { FairSettingsBinding } from '../../screens/fair-setup/fair-form';
import { FairClauses } from './fair-clauses';

const key = (k: string): MessageKey => k as MessageKey;

/** Handling mode, accepted types, measures, refusal reasons, the booleans; §7 rules; languages; authorities; other settings. */
export function FairRules(props: { readonly setup: FairSettingsBinding }): JSX.Element {
  const f = () => props.setup.form;
  const err = (...paths: string[]) => messageAt(props.setup.errors(), ...paths.map((p) => `settings.${p}`));
  const text = (name: keyof FairForm & string, label: MessageKey, errPath: string, mode?: 'numeric' | 'decimal') => (
    <TextField
      name={name}
      label={t(label)}
      inputMode={mode}
      value={f().data[name] as string}
      error={err(errPath)}
      onInput={(v) => f().update((d) => void ((d as unknown as Record<string, string>)[name] = v))}
    />
  );
  return (
    <>
      <section class="panel">
        <h2>{t('fair.sectionRules')}</h2>
        <div class="grid wide">
          <SelectField
            name="handlingMode"
            label={t('fair.handlingMode')}
            value={f().data.handlingMode}
            options={[
              { value: 'workstation', label: t('fair.handlingMode.workstation') },
              { value: 'authority', label: t('fair.handlingMode.authority') },
            ]}
            onChange={(v) => f().update((d) => void (d.handlingMode = v))}
          />
          {text('rightJurisdictions', 'fair.rightJurisdictions', 'rightJurisdictions')}
          {text('opinionMinExperts', 'fair.opinionMinExperts', 'opinionMinExperts', 'numeric')}
        </div>
        <CheckGroup name="acceptedIpTypes" label={t('fair.acceptedIpTypes')} options={IP_TYPES.map((v) => ({ value: v, label: t(key(`ipType.${v}`)) }))} selected={f().data.acceptedIpTypes} error={err('acceptedIpTypes')} onChange={(v) => f().update((d) => void (d.acceptedIpTypes = v))} />
        <CheckGroup name="measuresEnabled" label={t('fair.measuresEnabled')} options={MEASURE_CODES.map((v) => ({ value: v, label: t(key(`measure.${v}`)) }))} selected={f().data.measuresEnabled} error={err('measuresEnabled')} onChange={(v) => f().update((d) => void (d.measuresEnabled = v))} />
        <CheckGroup name="refusalReasons" label={t('fair.refusalReasons')} options={NOT_ACCEPTED_REASONS.map((v) => ({ value: v, label: t(key(`reason.${v}`)) }))} selected={f().data.refusalReasons} error={err('refusalReasons')} onChange={(v) => f().update((d) => void (d.refusalReasons = v))} />
        <div class="checks">
          <For each={FAIR_FLAGS}>{(flag) => <CheckField name={flag} label={t(key(`fair.${flag}`))} checked={f().data[flag]} onChange={(v) => f().update((d) => void (d[flag] = v))} />}</For>
        </div>
      </section>
      <FairClauses setup={props.setup} />
      <section class="panel">
        <h2>{t('fair.sectionRepeat')}</h2>
        <div class="grid wide">
          <SelectField
            name="repeatKind"
            label={t('fair.repeatRule')}
            value={f().data.repeatKind}
            options={[
              { value: 'national_baseline', label: t('fair.repeatRule.national_baseline') },
              { value: 'ladder', label: t('fair.repeatRule.ladder') },
            ]}
            onChange={(v) => f().update((d) => void (d.repeatKind = v))}
          />
          <Show when={f().data.repeatKind === 'ladder'}>
            {text('deductBoothsOnSecond', 'fair.deductBoothsOnSecond', 'repeatRule.deductBoothsOnSecond', 'numeric')}
            {text('banSessionsOnConsecutive', 'fair.banSessionsOnConsecutive', 'repeatRule.banSessionsOnConsecutive', 'numeric')}
          </Show>
          {text('minNotEstablished', 'fair.minNotEstablished', 'frequentComplainant.minNotEstablished', 'numeric')}
          {text('minShare', 'fair.minShare', 'frequentComplainant.minShare', 'decimal')}
        </div>
      </section>
      <section class="panel">
        <h2>{t('fair.sectionLanguages')}</h2>
        <CheckGroup name="uiLanguages" label={t('fair.uiLanguages')} options={LANGUAGES.map((v) => ({ value: v, label: t(key(`lang.${v}`)) }))} selected={f().data.uiLanguages} error={err('uiLanguages')} onChange={(v) => f().update((d) => void (d.uiLanguages = v))} />
        <CheckGroup name="noticeLanguages" label={t('fair.noticeLanguages')} options={LANGUAGES.map((v) => ({ value: v, label: t(key(`lang.${v}`)) }))} selected={f().data.noticeLanguages} error={err('noticeLanguages')} onChange={(v) => f().update((d) => void (d.noticeLanguages = v))} />
      </section>
      <section class="panel">
        <h2>{t('fair.sectionAuthorities')}</h2>
        <Index each={f().data.authorities}>
          {(a, i) => (
            <div class="row">
              <TextField name={`authorities.${i}.name`} label={t('fair.authorityName')} value={a().name} error={err(`authorities.${i}.name`)} onInput={(v) => f().update((d) => void (d.authorities[i]!.name = v))} />
              <SelectField
                name={`authorities.${i}.kind`}
                label={t('fair.authorityKind')}
                value={a().kind}
                options={AUTHORITY_KINDS.map((k) => ({ value: k, label: t(key(`authorityKind.${k}`)) }))}
                onChange={(v: AuthorityKind) => f().update((d) => void (d.authorities[i]!.kind = v))}
              />
              <TextField name={`authorities.${i}.contact`} label={t('fair.authorityContact')} value={a().contact} error={err(`authorities.${i}.contact`)} onInput={(v) => f().update((d) => void (d.authorities[i]!.contact = v))} />
              <button type="button" class="btn danger" onClick={() => f().update((d) => void d.authorities.splice(i, 1))}>
                {t('common.remove')}
              </button>
            </div>
          )}
        </Index>
        <div class="actions">
          <button type="button" class="btn" onClick={() => f().update((d) => void d.authorities.push({ name: '', kind: 'admin', contact: '' }))}>
            {t('fair.addAuthority')}
          </button>
        </div>
      </section>
      <section class="panel">
        <h2>{t('fair.sectionOther')}</h2>
        <div class="grid wide">
          {text('boothHall', 'fair.boothHall', 'booth.hall')}
          {text('boothStand', 'fair.boothStand', 'booth.stand')}
          {text('unsyncedReminderHours', 'fair.unsyncedReminderHours', 'unsyncedReminderHours', 'decimal')}
          {text('publicFormIdleSeconds', 'fair.publicFormIdleSeconds', 'publicFormIdleSeconds', 'numeric')}
        </div>
      </section>
    </>
  );
}
