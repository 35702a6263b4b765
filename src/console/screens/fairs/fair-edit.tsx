import { useNavigate, useParams } from '@solidjs/router';
import { For, Index, Show, createEffect, createResource, createSignal, type JSX } from 'solid-js';
import { ulid } from 'ulidx';
import { Fair, WINDOW_KINDS } from '../../../domain/fair';
import { parseFields, type FieldError } from '../../../domain/field-errors';
import { CheckField, SelectField, TextField } from '../../../app/ui/field';
import { Notice } from '../../../app/ui/notice';
import { DEFAULT_DESK_HOURS, FAIR_FLAGS, blankFairForm, fairToForm, formToFairInput, type FairForm } from '../../../app/screens/fair-setup/fair-form';
import type { ApiFailure } from '../../lib/api';
import { createFormDraft, hasDraft } from '../../lib/drafts';
import { failureText } from '../../lib/failure';
import { errorAt, serverFieldErrors } from '../../lib/fields';
import { translator } from '../../lib/i18n';
import { listFairs, saveFair } from './fairs.data';
import { fairsMessages } from './fairs.messages';

const t = translator(fairsMessages);

/** The console's draft: the tablet's fair form (fair-form.ts), the id a retried create keeps, the CO12 thresholds. */
interface FairDraft {
  readonly id: string;
  form: FairForm;
  behind: string;
  silent: string;
}

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.trim()));

/**
 * Create or edit a fair with the domain's `Fair` schema (CO10), the same form state as the
 * tablet's fair setup. Settings the console does not show keep their current values.
 */
export default function FairEdit(): JSX.Element {
  const params = useParams<{ fairId?: string }>();
  const navigate = useNavigate();
  const creating = params.fairId === undefined;
  const key = `fair:${params.fairId ?? 'new'}`;
  const draftWaiting = hasDraft(key);
  const draft = createFormDraft<FairDraft>(key, { id: params.fairId ?? ulid(), form: blankFairForm(), behind: '15', silent: '60' });
  const [fairs] = createResource(listFairs);
  const original = (): Fair | undefined => {
    const r = fairs();
    return r?.ok ? r.value.fairs.find((f) => f.fairId === params.fairId)?.fair : undefined;
  };
  // Editing: the server's copy fills the form once, unless an unsaved draft of it is waiting.
  let filled = creating || draftWaiting;
  createEffect(() => {
    const fair = original();
    if (filled || fair === undefined) return;
    filled = true;
    draft.reset({ id: fair.id, form: fairToForm(fair), behind: String(fair.settings.tabletStatusMinutes.behind), silent: String(fair.settings.tabletStatusMinutes.silent) });
  });
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [failure, setFailure] = createSignal<ApiFailure>();
  const [busy, setBusy] = createSignal(false);
  const f = (): FairForm => draft.value.form;
  const set = <K extends keyof FairForm>(k: K, v: FairForm[K]): void => draft.set('form', k, v);
  const err = (...paths: string[]): string | undefined => errorAt(errors(), ...paths);

  const toFair = (): unknown => {
    const input = formToFairInput(draft.value.form);
    const orig = original();
    const thresholds = { ...(num(draft.value.behind) === undefined ? {} : { behind: num(draft.value.behind) }), ...(num(draft.value.silent) === undefined ? {} : { silent: num(draft.value.silent) }) };
    return {
      ...input,
      id: draft.value.id,
      ...(orig?.service === undefined ? {} : { service: orig.service }),
      settings: { ...(orig?.settings ?? {}), ...input.settings, tabletStatusMinutes: thresholds },
    };
  };
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    setFailure();
    const parsed = parseFields(Fair, toFair());
    if (!parsed.ok) {
      setErrors(parsed.errors);
      (document.querySelector('.field.invalid input, .field.invalid select') as HTMLElement | null)?.focus();
      return;
    }
    setErrors([]);
    setBusy(true);
    const r = await saveFair({ fair: parsed.value }, creating);
    setBusy(false);
    if (!r.ok) {
      setErrors(serverFieldErrors(r.failure, 'fair'));
      return void setFailure(r.failure);
    }
    draft.reset();
    navigate('/fairs');
  };
  const previousOptions = (): { value: string; label: string }[] => {
    const r = fairs();
    const rows = r?.ok ? r.value.fairs.filter((x) => x.fairId !== draft.value.id) : [];
    return [{ value: '', label: '—' }, ...rows.map((x) => ({ value: x.fairId as string, label: `${x.code} · ${x.nameZh}` }))];
  };
  return (
    <form data-testid="fair-form" onSubmit={(e) => void submit(e)} novalidate>
      <div class="head-row">
        <h1>{creating ? t('fair.newTitle') : t('fairs.editOf', { name: f().code })}</h1>
      </div>
      <Show when={draftWaiting && !creating}>
        <Notice kind="info" action={{ label: t('fair.discard'), onClick: () => ((filled = false), draft.reset(), location.reload()) }}>
          {t('fair.draftKept')}
        </Notice>
      </Show>
      <Show when={errors().length > 0}>
        <Notice kind="error" testId="fair-errors">{t('fair.fixErrors', { n: errors().length })}</Notice>
      </Show>
      <Show when={failure()}>{(x) => <Notice kind="error">{failureText(x())}</Notice>}</Show>
      <section class="panel">
        <h2>{t('fair.basics')}</h2>
        <div class="grid">
          <TextField name="code" label={t('fair.code')} value={f().code} autocapitalize="characters" error={err('code')} onInput={(v) => set('code', v)} />
          <TextField name="sessionNo" label={t('fair.sessionNo')} inputMode="numeric" value={f().sessionNo} error={err('sessionNo')} onInput={(v) => set('sessionNo', v)} />
          <TextField name="nameZh" label={t('fair.nameZh')} value={f().nameZh} error={err('nameZh')} onInput={(v) => set('nameZh', v)} />
          <TextField name="nameEn" label={t('fair.nameEn')} value={f().nameEn} error={err('nameEn')} onInput={(v) => set('nameEn', v)} />
          <SelectField name="previousFairId" label={t('fair.previous')} value={f().previousFairId} options={previousOptions()} error={err('previousFairId')} onChange={(v) => set('previousFairId', v)} />
          <TextField name="country" label={t('fair.country')} value={f().country} autocapitalize="characters" error={err('settings.country')} onInput={(v) => set('country', v)} />
          <TextField name="timeZone" label={t('fair.timeZone')} value={f().timeZone} error={err('settings.timeZone')} onInput={(v) => set('timeZone', v)} />
          <TextField name="deskLocation" label={t('fair.deskLocation')} value={f().deskLocation} error={err('settings.deskLocation')} onInput={(v) => set('deskLocation', v)} />
          <SelectField
            name="handlingMode"
            label={t('fair.handling')}
            value={f().handlingMode}
            options={[
              { value: 'workstation' as const, label: t('fair.handling.workstation') },
              { value: 'authority' as const, label: t('fair.handling.authority') },
            ]}
            onChange={(v) => set('handlingMode', v)}
          />
        </div>
      </section>
      <section class="panel">
        <h2>{t('fair.days')}</h2>
        <Index each={f().days}>
          {(day, i) => (
            <div class="row" data-testid={`day-${i}`}>
              <TextField name={`days.${i}.date`} type="date" label={t('fair.day')} value={day().date} error={err(`days.${i}.date`, `days.${i}`)} onInput={(v) => draft.set('form', 'days', i, 'date', v)} />
              <TextField name={`days.${i}.opensAt`} type="time" label={t('fair.opensAt')} value={day().opensAt} error={err(`days.${i}.opensAt`)} onInput={(v) => draft.set('form', 'days', i, 'opensAt', v)} />
              <TextField name={`days.${i}.closesAt`} type="time" label={t('fair.closesAt')} value={day().closesAt} error={err(`days.${i}.closesAt`)} onInput={(v) => draft.set('form', 'days', i, 'closesAt', v)} />
              <button type="button" class="btn danger" disabled={f().days.length <= 1} onClick={() => set('days', f().days.filter((_, j) => j !== i))}>
                {t('fair.removeDay')}
              </button>
            </div>
          )}
        </Index>
        <Show when={err('days')}>
          {(m) => (
            <p class="error" role="alert">
              {m()}
            </p>
          )}
        </Show>
        <div class="actions">
          <button type="button" class="btn" data-testid="add-day" onClick={() => set('days', [...f().days, { date: '', ...DEFAULT_DESK_HOURS }])}>
            {t('fair.addDay')}
          </button>
        </div>
        <div class="grid">
          <TextField name="closeDate" type="date" label={t('fair.closeDate')} value={f().closeDate} error={err('closeAt')} onInput={(v) => set('closeDate', v)} />
          <TextField name="closeTime" type="time" label={t('fair.closeTime')} value={f().closeTime} onInput={(v) => set('closeTime', v)} />
        </div>
      </section>
      <section class="panel">
        <h2>{t('fair.windows')}</h2>
        <div class="grid">
          <For each={WINDOW_KINDS}>
            {(k) => (
              <TextField
                name={`windows.${k}.hours`}
                label={t(`fair.window.${k}`)}
                inputMode="decimal"
                value={f().windows[k].hours}
                error={err(`settings.windows.${k}.hours`, `settings.windows.${k}`)}
                onInput={(v) => draft.set('form', 'windows', k, 'hours', v)}
              />
            )}
          </For>
        </div>
      </section>
      <section class="panel">
        <h2>{t('fair.rules')}</h2>
        <div class="checks">
          <For each={FAIR_FLAGS}>{(flag) => <CheckField name={flag} label={t(`fair.flag.${flag}`)} checked={f()[flag]} onChange={(v) => set(flag, v)} />}</For>
        </div>
        <div class="grid">
          <TextField name="unsyncedReminderHours" label={t('fair.unsyncedReminderHours')} inputMode="decimal" value={f().unsyncedReminderHours} error={err('settings.unsyncedReminderHours')} onInput={(v) => set('unsyncedReminderHours', v)} />
          <TextField name="publicFormIdleSeconds" label={t('fair.publicFormIdleSeconds')} inputMode="numeric" value={f().publicFormIdleSeconds} error={err('settings.publicFormIdleSeconds')} onInput={(v) => set('publicFormIdleSeconds', v)} />
        </div>
        <h2>{t('fair.tabletStatus')}</h2>
        <div class="grid">
          <TextField name="tabletBehind" label={t('fair.tabletBehind')} inputMode="numeric" value={draft.value.behind} error={err('settings.tabletStatusMinutes.behind')} onInput={(v) => draft.set('behind', v)} />
          <TextField name="tabletSilent" label={t('fair.tabletSilent')} inputMode="numeric" value={draft.value.silent} error={err('settings.tabletStatusMinutes.silent')} onInput={(v) => draft.set('silent', v)} />
        </div>
        <p class="muted">{t('fair.otherSettings')}</p>
      </section>
      <div class="actions">
        <button type="submit" class="btn primary" disabled={busy()} data-testid="fair-save">
          {busy() ? t('fair.saving') : creating ? t('fair.create') : t('fair.save')}
        </button>
        <button type="button" class="btn" onClick={() => (draft.reset(), navigate('/fairs'))}>
          {t('fair.cancel')}
        </button>
      </div>
    </form>
  );
}
