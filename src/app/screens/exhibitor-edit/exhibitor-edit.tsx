import { useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { Index, Show, type JSX } from 'solid-js';
import { storageErrorMessage } from '../../i18n/errors';
import { t } from '../../i18n/index';
import { FormActions } from '../../ui/form-actions';
import { messageAt, messagesUnder, refusalText } from '../../lib/field-errors';
import { TextField } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { useAppState } from '../../state/app-state';
import { createExhibitorEdit } from './exhibitor-edit.data';
import { isChinese } from './exhibitor-form';

/** Needs the current fair: an exhibitor belongs to one fair session. */
export function ExhibitorEditScreen(): JSX.Element {
  const app = useAppState();
  return (
    <Show when={app.device()?.fairId} keyed fallback={<p class="notice notice-warn">{app.deviceLoaded() ? t('exhibitors.needFair') : t('common.loading')}</p>}>
      {(fairId) => <ExhibitorEditForm fairId={fairId} />}
    </Show>
  );
}

function ExhibitorEditForm(props: { readonly fairId: string }): JSX.Element {
  const params = useParams<{ id?: string }>();
  // One form per route visit; another id remounts the screen.
  const id = params.id;
  const [search] = useSearchParams<{ visitor?: string; draft?: string }>();
  const visitor = search.visitor === '1';
  // eslint-disable-next-line solid/reactivity
  const edit = createExhibitorEdit(props.fairId, id, { visitor, draftKey: search.draft });
  const navigate = useNavigate();
  const f = () => edit.form;
  const err = (...p: string[]) => messageAt(edit.errors(), ...p);
  return (
    <Show when={f().ready()} fallback={<p class="muted">{t('common.loading')}</p>}>
      <h1>{id === undefined ? t('exhibitor.titleNew') : t('exhibitor.titleEdit')}</h1>
      <Show when={visitor && edit.saved()}>
        <Notice kind="ok" testId="saved">
          {t('exhibitor.saved')}
        </Notice>
      </Show>
      <Show when={edit.failure()}>
        {(e) => (
          <Notice kind="error" testId="form-error">
            {e().kind === 'invalid' ? t('common.fixErrors') : storageErrorMessage(e())}
          </Notice>
        )}
      </Show>
      <form
        data-testid="exhibitor-form"
        onSubmit={(e) => {
          e.preventDefault();
          void edit.save().then((saved) => saved !== undefined && !visitor && navigate('/exhibitors'));
        }}
      >
        <section class="panel">
          <div class="grid wide">
            <TextField name="nameZh" label={t('exhibitor.nameZh')} value={f().data.nameZh} error={err('nameZh')} onInput={(v) => f().update((d) => void (d.nameZh = v))} />
            <TextField name="nameEn" label={`${t('exhibitor.nameEn')} ${t('common.optional')}`} value={f().data.nameEn} error={err('nameEn')} onInput={(v) => f().update((d) => void (d.nameEn = v))} />
            <TextField name="country" label={t('exhibitor.country')} autocapitalize="characters" value={f().data.country} error={err('country')} onInput={(v) => f().update((d) => void (d.country = v))} />
            <TextField
              name="regNo"
              label={isChinese(f().data.country) ? t('exhibitor.uscc') : t('exhibitor.foreignRegNo')}
              autocapitalize="characters"
              value={f().data.regNo}
              error={err('uscc', 'foreignRegNo')}
              hint={f().data.regNo.trim() === '' ? t('exhibitor.weakKey') : undefined}
              onInput={(v) => f().update((d) => void (d.regNo = v))}
            />
            <TextField name="delegation" label={`${t('exhibitor.delegation')} ${t('common.optional')}`} value={f().data.delegation} error={err('delegation')} onInput={(v) => f().update((d) => void (d.delegation = v))} />
          </div>
        </section>
        <section class="panel">
          <h2>{t('exhibitor.booths')}</h2>
          <Index each={f().data.booths}>
            {(b, i) => (
              <div class="row">
                <TextField name={`booths.${i}.hall`} label={t('exhibitor.hall')} autocapitalize="characters" value={b().hall} error={err(`booths.${i}.hall`)} onInput={(v) => f().update((d) => void (d.booths[i]!.hall = v))} />
                <TextField name={`booths.${i}.stand`} label={t('exhibitor.stand')} autocapitalize="characters" value={b().stand} error={err(`booths.${i}.stand`, `booths.${i}`)} onInput={(v) => f().update((d) => void (d.booths[i]!.stand = v))} />
                <button type="button" class="btn danger" disabled={f().data.booths.length <= 1} onClick={() => f().update((d) => void d.booths.splice(i, 1))}>
                  {t('common.remove')}
                </button>
              </div>
            )}
          </Index>
          <Show when={err('booths')}>
            {(m) => (
              <p class="error" role="alert">
                {m()}
              </p>
            )}
          </Show>
          <div class="actions">
            <button type="button" class="btn" onClick={() => f().update((d) => void d.booths.push({ hall: d.booths[d.booths.length - 1]?.hall ?? '', stand: '' }))}>
              {t('exhibitor.addBooth')}
            </button>
          </div>
        </section>
        <section class="panel">
          <h2>{t('exhibitor.contacts')}</h2>
          <Index each={f().data.contacts}>
            {(c, i) => (
              <div class="row">
                <TextField name={`contacts.${i}.name`} label={t('exhibitor.contactName')} value={c().name} error={err(`contacts.${i}.name`)} onInput={(v) => f().update((d) => void (d.contacts[i]!.name = v))} />
                <TextField name={`contacts.${i}.phone`} type="tel" inputMode="tel" label={t('exhibitor.contactPhone')} value={c().phone} error={err(`contacts.${i}.phone`)} onInput={(v) => f().update((d) => void (d.contacts[i]!.phone = v))} />
                <button type="button" class="btn danger" onClick={() => f().update((d) => void d.contacts.splice(i, 1))}>
                  {t('common.remove')}
                </button>
              </div>
            )}
          </Index>
          <Show when={messagesUnder(edit.errors(), 'contacts') !== undefined && err('contacts') !== undefined}>
            <p class="error">{err('contacts')}</p>
          </Show>
          <div class="actions">
            <button type="button" class="btn" onClick={() => f().update((d) => void d.contacts.push({ name: '', phone: '' }))}>
              {t('exhibitor.addContact')}
            </button>
          </div>
        </section>
        <FormActions refusal={edit.failure()} refusedTitle={t('form.refused')} message={refusalText(edit.failure())} saveLabel={t('common.save')} saveTestId="save" backLabel={t('common.back')} onBack={() => navigate('/exhibitors')} />
      </form>
    </Show>
  );
}
