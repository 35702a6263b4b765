import { useNavigate, useParams } from '@solidjs/router';
import { Show, createEffect, createResource, createSignal, type JSX } from 'solid-js';
import { produce } from 'solid-js/store';
import { ulid } from 'ulidx';
import { Fair } from '../../../domain/fair';
import { parseFields, type FieldError } from '../../../domain/field-errors';
import { TextField } from '../../../app/ui/field';
import { FairBasics } from '../../../app/ui/fair-settings/fair-basics';
import { FairRules } from '../../../app/ui/fair-settings/fair-rules';
import { FairWindows } from '../../../app/ui/fair-settings/fair-windows';
import { FormActions } from '../../../app/ui/form-actions';
import { t as appT } from '../../../app/i18n/index';
import { Notice } from '../../../app/ui/notice';
import { blankFairForm, fairToForm, formToFairInput, type FairForm, type FairSettingsBinding } from '../../../app/screens/fair-setup/fair-form';
import type { ApiFailure } from '../../lib/api';
import { createFormDraft, hasDraft } from '../../lib/drafts';
import { failureText } from '../../lib/failure';
import { errorAt, serverFieldErrors } from '../../lib/fields';
import { translator } from '../../lib/i18n';
import { listFairs, saveFair } from './fairs.data';
import { fairsMessages } from './fairs.messages';

const t = translator(fairsMessages);

/** The console's draft: the tablet's fair form (fair-form.ts) and the id a retried create keeps. */
interface FairDraft {
  readonly id: string;
  form: FairForm;
}

/**
 * Create or edit a fair: every setting, in the tablet's fair setup sections, checked with the
 * domain's `Fair` schema before it is sent and again by the server (CO10). The fair's service
 * record (the summary screen's entries) is not a setting: it keeps its value.
 */
export default function FairEdit(): JSX.Element {
  const params = useParams<{ fairId?: string }>();
  const navigate = useNavigate();
  const creating = params.fairId === undefined;
  const key = `fair:${params.fairId ?? 'new'}`;
  const draftWaiting = hasDraft(key);
  const draft = createFormDraft<FairDraft>(key, { id: params.fairId ?? ulid(), form: blankFairForm() });
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
    draft.reset({ id: fair.id, form: fairToForm(fair) });
  });
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [failure, setFailure] = createSignal<ApiFailure>();
  // A new value on every refused save: the summary beside Save then points at the fields again.
  const [refusal, setRefusal] = createSignal<object>();
  const [busy, setBusy] = createSignal(false);
  const binding: FairSettingsBinding = {
    form: {
      get data() {
        return draft.value.form;
      },
      update: (mutate) => draft.set('form', produce(mutate)),
    },
    errors,
    fairs: () => {
      const r = fairs();
      return r?.ok ? r.value.fairs.map((x) => ({ id: x.fairId as string, code: x.code, nameZh: x.nameZh })) : undefined;
    },
  };
  const failureMessage = (): string | undefined => {
    const f = failure();
    return f === undefined ? undefined : failureText(f);
  };
  const err = (...paths: string[]): string | undefined => errorAt(errors(), ...paths);

  const toFair = (): unknown => {
    const service = original()?.service;
    return { ...formToFairInput(draft.value.form), id: draft.value.id, ...(service === undefined ? {} : { service }) };
  };
  const refuse = (found: readonly FieldError[], f?: ApiFailure): void => {
    setErrors(found);
    setFailure(f);
    setRefusal({});
  };
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    setFailure();
    const parsed = parseFields(Fair, toFair());
    if (!parsed.ok) return refuse(parsed.errors);
    setErrors([]);
    setRefusal();
    setBusy(true);
    const r = await saveFair({ fair: parsed.value }, creating);
    setBusy(false);
    if (!r.ok) return refuse(serverFieldErrors(r.failure, 'fair'), r.failure);
    draft.reset();
    navigate('/fairs');
  };
  return (
    <form data-testid="fair-form" onSubmit={(e) => void submit(e)} novalidate>
      <div class="head-row">
        <h1>{creating ? t('fair.newTitle') : t('fairs.editOf', { name: draft.value.form.code })}</h1>
      </div>
      <Show when={draftWaiting && !creating}>
        <Notice kind="info" action={{ label: t('fair.discard'), onClick: () => ((filled = false), draft.reset(), location.reload()) }}>
          {t('fair.draftKept')}
        </Notice>
      </Show>
      <Show when={errors().length > 0}>
        <Notice kind="error" testId="fair-errors">
          {t('fair.fixErrors', { n: errors().length })}
        </Notice>
      </Show>
      <FairBasics setup={binding} currentId={params.fairId} />
      <FairWindows setup={binding} />
      <FairRules setup={binding} />
      <section class="panel">
        <h2>{t('fair.tabletStatus')}</h2>
        <div class="grid wide">
          <TextField
            name="tabletBehindMinutes"
            label={t('fair.tabletBehind')}
            inputMode="numeric"
            value={draft.value.form.tabletBehindMinutes}
            error={err('settings.tabletStatusMinutes.behind')}
            onInput={(v) => draft.set('form', 'tabletBehindMinutes', v)}
          />
          <TextField
            name="tabletSilentMinutes"
            label={t('fair.tabletSilent')}
            inputMode="numeric"
            value={draft.value.form.tabletSilentMinutes}
            error={err('settings.tabletStatusMinutes.silent')}
            onInput={(v) => draft.set('form', 'tabletSilentMinutes', v)}
          />
        </div>
      </section>
      <FormActions
        refusal={refusal()}
        refusedTitle={appT('form.refused')}
        message={failureMessage()}
        saveLabel={busy() ? t('fair.saving') : creating ? t('fair.create') : t('fair.save')}
        saveTestId="fair-save"
        busy={busy()}
        backLabel={t('fair.cancel')}
        onBack={() => (draft.reset(), navigate('/fairs'))}
      />
    </form>
  );
}
