import { For, Show, type JSX } from 'solid-js';
import { storageErrorMessage } from '../../i18n/errors';
import { t } from '../../i18n/index';
import { FormErrorSummary } from '../../ui/form-errors';
import { messageAt, refusalText } from '../../lib/field-errors';
import { DESK_ROLES } from '../../session/session';
import { SignedIn } from '../../session/signed-in';
import { RoleBar } from '../../session/role-bar';
import { SelectField, TextField } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { SecretField } from '../../ui/secret-field';
import { createUsers } from './users.data';
import { UserEditForm } from './user-edit';
import { createUserEditing } from './user-edit.data';
import './users.css';

/** The tablet's users: the organizer adds clerks, experts and other organizers (LC5). */
export function UsersScreen(): JSX.Element {
  return (
    <>
      <h1>{t('users.title')}</h1>
      <RoleBar screen="users" />
      <SignedIn roles={['organizer']}>{(me) => <UsersBody selfId={me.id} />}</SignedIn>
    </>
  );
}

function UsersBody(props: { readonly selfId: string }): JSX.Element {
  const u = createUsers();
  const editing = createUserEditing();
  const err = (...p: string[]): string | undefined => messageAt(u.errors(), ...p);
  return (
    <>
      <Show when={editing.done()}>
        {(d) => (
          <Notice kind="ok" testId="user-changed">
            {t(d().kind === 'saved' ? 'users.saved' : d().kind === 'pin' ? 'users.pinReset' : d().kind === 'deactivated' ? 'users.deactivated' : 'users.reactivated', { name: d().name })}
          </Notice>
        )}
      </Show>
      <table class="list users-list" data-testid="user-list">
        <thead>
          <tr>
            <th>{t('users.name')}</th>
            <th>{t('users.role')}</th>
            <th>{t('users.status')}</th>
            <th>{t('users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={u.list()}>
            {(user) => (
              <tr data-testid="user-row" data-name={user.name} data-active={user.active}>
                <td>{user.name}</td>
                <td>{t(`role.${user.role}`)}</td>
                <td>{user.active ? t('users.active') : t('users.inactive')}</td>
                <td class="row-actions">
                  <button type="button" class="btn" data-testid="user-edit" onClick={() => editing.start(user, 'edit')}>
                    {t('users.edit')}
                  </button>
                  <button type="button" class="btn" data-testid="user-reset-pin" onClick={() => editing.start(user, 'pin')}>
                    {t('users.resetPin')}
                  </button>
                  <button
                    type="button"
                    class="btn"
                    classList={{ danger: user.active }}
                    data-testid="user-active"
                    disabled={user.active && user.id === props.selfId}
                    title={user.active && user.id === props.selfId ? t('users.notSelf') : undefined}
                    onClick={() => void editing.setActive(user, !user.active)}
                  >
                    {user.active ? t('users.deactivate') : t('users.reactivate')}
                  </button>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <UserEditForm editing={editing} />
      <Show when={u.form.ready()}>
        <form
          class="panel"
          style={{ 'margin-top': '20px' }}
          data-testid="user-form"
          onSubmit={(e) => {
            e.preventDefault();
            void u.add();
          }}
        >
          <h2>{t('users.add')}</h2>
          <Show when={u.failure()}>
            {(e) => (
              <Notice kind="error" testId="form-error">
                {e().kind === 'invalid' ? t('common.fixErrors') : storageErrorMessage(e())}
              </Notice>
            )}
          </Show>
          <Show when={u.added()}>{(a) => <Notice kind="ok" testId="saved">{t('users.added', { name: a().name })}</Notice>}</Show>
          <div class="grid">
            <TextField name="name" label={t('users.name')} value={u.form.data.name} error={err('name')} onInput={(v) => u.form.update((d) => void (d.name = v))} />
            <SelectField name="role" label={t('users.role')} value={u.form.data.role} error={err('role')} options={DESK_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} onChange={(v) => u.form.update((d) => void (d.role = v))} />
            <SecretField pin name="pin" label={t('users.pin')} hint={t('users.pinRule')} value={u.pin()} error={err('pin')} onInput={(v) => u.setPin(v)} />
            <SecretField pin name="pinConfirm" label={t('users.pinConfirm')} value={u.pinConfirm()} error={err('pinConfirm')} onInput={(v) => u.setPinConfirm(v)} />
          </div>
          <div class="actions">
            <FormErrorSummary refusal={u.failure()} title={t('form.refused')} message={refusalText(u.failure())} />
            <button type="submit" class="btn primary" data-testid="save">
              {t('users.add')}
            </button>
          </div>
        </form>
      </Show>
    </>
  );
}
