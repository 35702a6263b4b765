import { useNavigate, useParams } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { formatInZone, isValidTimeZone } from '../../../domain/time';
import { storageErrorMessage } from '../../i18n/errors';
import { t } from '../../i18n/index';
import { FormActions } from '../../ui/form-actions';
import { refusalText } from '../../lib/field-errors';
import { Notice } from '../../ui/notice';
import { FairBasics } from '../../ui/fair-settings/fair-basics';
import { FairRules } from '../../ui/fair-settings/fair-rules';
import { FairWindows } from '../../ui/fair-settings/fair-windows';
import { createFairSetup } from './fair-setup.data';

/** Create or edit a fair with every fair setting (FS1–FS18) that `Fair` has. */
export function FairSetupScreen(): JSX.Element {
  const params = useParams<{ id?: string }>();
  // The route decides once: a new form per fair (the component remounts on another id).
  const id = params.id;
  const setup = createFairSetup(id);
  const navigate = useNavigate();
  const onSave = async (): Promise<void> => {
    const fair = await setup.save();
    if (fair !== undefined) navigate('/fairs', { state: { saved: fair.id } });
  };
  return (
    <Show when={setup.form.ready()} fallback={<p class="muted">{t('common.loading')}</p>}>
      <h1>{id === undefined ? t('fair.titleNew') : t('fair.titleEdit', { name: setup.form.data.nameZh })}</h1>
      <Show when={setup.form.restoredAt()}>
        {(at) => (
          <Notice kind="info" testId="draft-restored">
            {t('common.draftRestored', { time: formatInZone(at(), isValidTimeZone(setup.form.data.timeZone) ? setup.form.data.timeZone : 'Asia/Shanghai') })}
          </Notice>
        )}
      </Show>
      <Show when={setup.failure()}>
        {(e) => (
          <Notice kind="error" testId="form-error">
            {e().kind === 'invalid' ? t('common.fixErrors') : storageErrorMessage(e())}
          </Notice>
        )}
      </Show>
      <form
        data-testid="fair-form"
        onSubmit={(e) => {
          e.preventDefault();
          void onSave();
        }}
      >
        <FairBasics setup={setup} currentId={id} />
        <FairWindows setup={setup} />
        <FairRules setup={setup} />
        <FormActions refusal={setup.failure()} refusedTitle={t('form.refused')} message={refusalText(setup.failure())} saveLabel={t('common.save')} saveTestId="save" busy={setup.saving()} backLabel={t('common.back')} onBack={() => navigate('/fairs')} />
      </form>
    </Show>
  );
}
