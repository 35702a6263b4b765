import { Show, type JSX } from 'solid-js';
import { storageErrorMessage } from '../../i18n/errors';
import { t } from '../../i18n/index';
import { FormErrorSummary } from '../../ui/form-errors';
import { refusalText } from '../../lib/field-errors';
import { messageAt } from '../../lib/field-errors';
import { SelectField, TextField } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { createDeviceSetup } from './device-setup.data';

/** Device name, short code (2–4 USCC-alphabet chars, CN1) and the fair this tablet works for. */
export function DeviceSetupScreen(): JSX.Element {
  const setup = createDeviceSetup();
  const f = () => setup.form;
  const err = (p: string) => messageAt(setup.errors(), p);
  return (
    <Show when={f().ready()} fallback={<p class="muted">{t('common.loading')}</p>}>
      <h1>{t('device.title')}</h1>
      <Show when={setup.saved()}>
        <Notice kind="ok" testId="saved">
          {t('device.saved')}
        </Notice>
      </Show>
      <Show when={setup.failure()}>
        {(e) => (
          <Notice kind="error" testId="form-error">
            {e().kind === 'invalid' ? t('common.fixErrors') : storageErrorMessage(e())}
          </Notice>
        )}
      </Show>
      <form
        class="panel"
        data-testid="device-form"
        onSubmit={(e) => {
          e.preventDefault();
          void setup.save();
        }}
      >
        <div class="grid wide">
          <TextField name="name" label={t('device.name')} value={f().data.name} error={err('name')} onInput={(v) => f().update((d) => void (d.name = v))} />
          <TextField
            name="shortCode"
            label={t('device.shortCode')}
            hint={t('device.shortCodeHint')}
            autocapitalize="characters"
            value={f().data.shortCode}
            error={err('shortCode')}
            onInput={(v) => f().update((d) => void (d.shortCode = v))}
          />
          <SelectField
            name="fairId"
            label={t('device.fair')}
            value={f().data.fairId}
            error={err('fairId')}
            hint={(setup.fairs() ?? []).length === 0 ? t('device.noFairs') : undefined}
            options={[{ value: '', label: t('common.none') }, ...(setup.fairs() ?? []).map((x) => ({ value: x.id as string, label: `${x.code} · ${x.nameZh}` }))]}
            onChange={(v) => f().update((d) => void (d.fairId = v))}
          />
        </div>
        <div class="actions">
          <FormErrorSummary refusal={setup.failure()} title={t('form.refused')} message={refusalText(setup.failure())} />
          <button type="submit" class="btn primary" data-testid="save">
            {t('common.save')}
          </button>
        </div>
      </form>
    </Show>
  );
}
