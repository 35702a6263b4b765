import { Show, type JSX } from 'solid-js';
import { t } from '../../i18n/index';
import { messageAt, refusalText } from '../../lib/field-errors';
import { DESK_ROLES } from '../../session/session';
import { SelectField, TextField } from '../../ui/field';
import { FormErrorSummary } from '../../ui/form-errors';
import { SecretField } from '../../ui/secret-field';
import type { UserEditing } from './user-edit.data';

/** The open edit of one user: name and role, or a new PIN. */
export function UserEditForm(props: { readonly editing: UserEditing }): JSX.Element {
  const e = (): UserEditing => props.editing;
  const err = (...p: string[]): string | undefined => messageAt(e().errors(), ...p);
  return (
    <Show when={e().open()}>
      {(o) => (
        <form
          class="panel"
          data-testid={o().mode === 'pin' ? 'pin-reset-form' : 'user-edit-form'}
          onSubmit={(ev) => {
            ev.preventDefault();
            void e().save();
          }}
        >
          <h2>{o().mode === 'pin' ? t('users.resetPinTitle', { name: o().user.name }) : t('users.editTitle', { name: o().user.name })}</h2>
          <div class="grid">
            <Show
              when={o().mode === 'pin'}
              fallback={
                <>
                  <TextField name="edit.name" label={t('users.name')} value={e().name()} error={err('name')} onInput={(v) => e().setName(v)} />
                  <SelectField name="edit.role" label={t('users.role')} value={e().role()} error={err('role')} options={DESK_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} onChange={(v) => e().setRole(v)} />
                </>
              }
            >
              <SecretField pin name="reset.pin" label={t('users.pin')} hint={t('users.pinRule')} value={e().pin()} error={err('pin')} onInput={(v) => e().setPin(v)} />
              <SecretField pin name="reset.pinConfirm" label={t('users.pinConfirm')} value={e().pinConfirm()} error={err('pinConfirm')} onInput={(v) => e().setPinConfirm(v)} />
            </Show>
          </div>
          <div class="actions">
            <FormErrorSummary refusal={e().failure()} title={t('form.refused')} message={refusalText(e().failure())} />
            <button type="submit" class="btn primary" data-testid="save-edit">
              {o().mode === 'pin' ? t('users.resetPin') : t('users.saveEdit')}
            </button>
            <button type="button" class="btn" onClick={() => e().close()}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </Show>
  );
}
