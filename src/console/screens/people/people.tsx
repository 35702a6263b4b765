import { For, Show, createResource, createSignal, onMount, type JSX } from 'solid-js';
import { parseFields, type FieldError } from '../../../domain/field-errors';
import { CreatePersonRequest, ResetPasswordRequest, type AccountRole, type Person } from '../../../domain/wire/console';
import { SelectField, TextField } from '../../../app/ui/field';
import { Notice } from '../../../app/ui/notice';
import type { ApiFailure } from '../../lib/api';
import { createFormDraft } from '../../lib/drafts';
import { failureText } from '../../lib/failure';
import { errorAt, serverFieldErrors } from '../../lib/fields';
import { dateTime } from '../../lib/format';
import { translator } from '../../lib/i18n';
import { Loaded } from '../../lib/loaded';
import { SecretField } from '../../../app/ui/secret-field';
import { session } from '../../lib/session';
import { createPerson, listPeople, resetPassword, setDisabled } from './people.data';
import { peopleMessages } from './people.messages';

const t = translator(peopleMessages);

/** Console accounts: organizers, experts and administration viewers scoped to regions (CO8, CO9). */
export default function People(): JSX.Element {
  const [people, { refetch }] = createResource(listPeople);
  const [done, setDone] = createSignal<() => string>();
  const [failure, setFailure] = createSignal<ApiFailure>();
  const [resetting, setResetting] = createSignal<Person>();
  const toggle = async (p: Person): Promise<void> => {
    setDone();
    const r = await setDisabled(p.userId, p.disabledAt === null);
    if (!r.ok) return void setFailure(r.failure);
    setFailure();
    void refetch();
  };
  return (
    <>
      <h1>{t('people.title')}</h1>
      <Show when={done()}>{(d) => <Notice kind="ok" testId="people-done">{d()()}</Notice>}</Show>
      <Show when={failure()}>{(f) => <Notice kind="error">{failureText(f())}</Notice>}</Show>
      <Loaded result={people()}>
        {(list) => (
          <div class="table-wrap">
            <table class="data" data-testid="people-table">
              <caption class="sr-only">{t('people.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('people.col.name')}</th>
                  <th scope="col">{t('people.col.role')}</th>
                  <th scope="col">{t('people.col.scope')}</th>
                  <th scope="col">{t('people.col.created')}</th>
                  <th scope="col">{t('people.col.lastSignIn')}</th>
                  <th scope="col">{t('people.col.status')}</th>
                  <th scope="col">{t('people.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={list.people}>
                  {(p) => (
                    <tr data-testid={`person-${p.name}`} classList={{ 'age-revoked': p.disabledAt !== null }}>
                      <td>{p.name}</td>
                      <td>{t(`staffRole.${p.role}`)}</td>
                      <td>{p.scope === null ? '—' : p.scope.kind === 'national' ? t('people.scope.national') : t('people.regionsShort', { list: p.scope.regions.join(', ') })}</td>
                      <td class="nowrap">{dateTime(p.createdAt)}</td>
                      <td class="nowrap">{dateTime(p.lastSignInAt)}</td>
                      <td>{p.disabledAt === null ? t('people.active') : t('people.disabledAt', { at: dateTime(p.disabledAt) })}</td>
                      <td class="nowrap">
                        {/* Nobody disables the account they are signed in with. */}
                        <Show when={p.userId !== session()?.user.userId}>
                          <button type="button" class="btn small" classList={{ danger: p.disabledAt === null }} onClick={() => void toggle(p)}>
                            {p.disabledAt === null ? t('people.disable') : t('people.enable')}
                          </button>{' '}
                        </Show>
                        <button type="button" class="btn small" aria-label={t('people.resetOf', { name: p.name })} onClick={() => (setDone(), setResetting(p))}>
                          {t('people.reset')}
                        </button>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        )}
      </Loaded>
      <CreatePerson onCreated={(name) => (setDone(() => () => t('people.created', { name })), void refetch())} />
      <Show when={resetting()}>
        {(p) => (
          <ResetDialog
            person={p()}
            onClose={(ended) => {
              const name = p().name;
              setResetting();
              if (ended !== undefined) setDone(() => () => t('people.resetDone', { name, n: ended }));
            }}
          />
        )}
      </Show>
    </>
  );
}

function CreatePerson(props: { readonly onCreated: (name: string) => void }): JSX.Element {
  const draft = createFormDraft('person', { name: '', role: 'organizer' as AccountRole, scopeKind: 'national' as 'national' | 'regions', regions: '' });
  // Never kept in sessionStorage: a password is typed again after a reload.
  const [password, setPassword] = createSignal('');
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [failure, setFailure] = createSignal<ApiFailure>();
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    setFailure();
    const d = draft.value;
    const scope = d.role !== 'admin_viewer' ? undefined : d.scopeKind === 'national' ? { kind: 'national' } : { kind: 'regions', regions: d.regions.split(/[\s,，;；]+/).filter((s) => s !== '') };
    const parsed = parseFields(CreatePersonRequest, { name: d.name.trim(), password: password(), role: d.role, ...(scope === undefined ? {} : { scope }) });
    if (!parsed.ok) return void setErrors(parsed.errors);
    setErrors([]);
    const r = await createPerson(parsed.value);
    if (!r.ok) {
      setErrors(serverFieldErrors(r.failure));
      return void setFailure(r.failure);
    }
    draft.reset();
    setPassword('');
    props.onCreated(r.value.person.name);
  };
  return (
    <form class="panel" data-testid="person-form" onSubmit={(e) => void submit(e)} novalidate>
      <h2>{t('people.create')}</h2>
      <div class="grid">
        <TextField name="name" label={t('people.name')} value={draft.value.name} error={errorAt(errors(), 'name')} onInput={(v) => draft.set('name', v)} />
        <SecretField name="password" label={t('people.password')} autocomplete="new-password" value={password()} error={errorAt(errors(), 'password')} onInput={setPassword} />
        <SelectField
          name="role"
          label={t('people.role')}
          value={draft.value.role}
          options={(['organizer', 'expert', 'admin_viewer'] as const).map((r) => ({ value: r, label: t(`staffRole.${r}`) }))}
          error={errorAt(errors(), 'role')}
          onChange={(v) => draft.set('role', v)}
        />
        <Show when={draft.value.role === 'admin_viewer'}>
          <SelectField
            name="scopeKind"
            label={t('people.scope')}
            value={draft.value.scopeKind}
            options={[
              { value: 'national' as const, label: t('people.scope.national') },
              { value: 'regions' as const, label: t('people.scope.regions') },
            ]}
            error={errorAt(errors(), 'scope')}
            onChange={(v) => draft.set('scopeKind', v)}
          />
          <Show when={draft.value.scopeKind === 'regions'}>
            <TextField
              name="regions"
              label={t('people.regions')}
              value={draft.value.regions}
              error={errorAt(errors(), 'scope.regions', ...Array.from({ length: 34 }, (_, i) => `scope.regions.${i}`))}
              onInput={(v) => draft.set('regions', v)}
            />
          </Show>
        </Show>
      </div>
      <Show when={failure()}>{(f) => <Notice kind="error">{failureText(f())}</Notice>}</Show>
      <div class="actions">
        <button type="submit" class="btn primary" data-testid="person-create">
          {t('people.add')}
        </button>
      </div>
    </form>
  );
}

function ResetDialog(props: { readonly person: Person; readonly onClose: (endedSessions: number | undefined) => void }): JSX.Element {
  let dialog!: HTMLDialogElement;
  const [password, setPassword] = createSignal('');
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [failure, setFailure] = createSignal<ApiFailure>();
  onMount(() => dialog.showModal());
  const close = (ended: number | undefined): void => {
    dialog.close();
    props.onClose(ended);
  };
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const parsed = parseFields(ResetPasswordRequest, { newPassword: password() });
    if (!parsed.ok) return void setErrors(parsed.errors);
    const r = await resetPassword(props.person.userId, parsed.value);
    if (!r.ok) return void setFailure(r.failure);
    close(r.value.endedSessions);
  };
  return (
    <dialog ref={dialog} aria-labelledby="reset-title" onCancel={(e) => (e.preventDefault(), close(undefined))}>
      <form onSubmit={(e) => void submit(e)} novalidate>
        <h2 id="reset-title">{t('people.resetOf', { name: props.person.name })}</h2>
        <SecretField name="newPassword" label={t('people.newPassword')} autocomplete="new-password" value={password()} error={errorAt(errors(), 'newPassword')} onInput={setPassword} />
        <Show when={failure()}>{(f) => <Notice kind="error">{failureText(f())}</Notice>}</Show>
        <div class="actions">
          <button type="submit" class="btn primary">
            {t('people.reset')}
          </button>
          <button type="button" class="btn" onClick={() => close(undefined)}>
            {t('people.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
