import { A } from '@solidjs/router';
import { createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import { storageErrorMessage } from '../../i18n/errors';
import { t } from '../../i18n/index';
import { FormErrorSummary } from '../../ui/form-errors';
import { nowMs } from '../../lib/clock';
import { messageAt, refusalText } from '../../lib/field-errors';
import { useSession, type DeskRole } from '../../session/session';
import { SelectField, TextField } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { PinPad } from './pin-pad';
import { SecretField } from '../../ui/secret-field';
import { createSignIn } from './sign-in.data';

/** The route `/sign-in`: who is signed in, or the sign-in panel. */
export function SignInScreen(): JSX.Element {
  const session = useSession();
  return (
    <>
      <h1>{t('signIn.title')}</h1>
      <Show when={session.user()} fallback={<SignInPanel />}>
        {(u) => (
          <section class="panel" data-testid="signed-in">
            <p>{t('signIn.signedInAs', { name: u().name, role: t(`role.${u().role}`) })}</p>
            <Show when={u().role === 'organizer'}>
              <Notice kind="info" testId="next-staff">
                {t('firstRun.nextStaff')}{' '}
                <A class="btn" href="/users" data-testid="next-staff-link">
                  {t('firstRun.staff')}
                </A>
              </Notice>
            </Show>
            <div class="actions">
              <A class="btn primary" href="/board">
                {t('nav.board')}
              </A>
              <button type="button" class="btn" data-testid="sign-out" onClick={() => session.signOut()}>
                {t('signIn.signOut')}
              </button>
            </div>
          </section>
        )}
      </Show>
    </>
  );
}

/**
 * Pick a user, type the PIN (LC5). With no user on the device yet, the first one is
 * created here (device setup): an organizer or an expert, who can then add the others.
 */
export function SignInPanel(): JSX.Element {
  const s = createSignIn();
  return (
    <Show when={s.users()} fallback={<p class="muted">{t('common.loading')}</p>}>
      {(users) => (
        <Show when={users().length > 0} fallback={<FirstUserForm signIn={s} />}>
          <div class="sign-in-layout" data-testid="sign-in">
            <section class="panel">
              <h2>{t('signIn.who')}</h2>
              <div class="user-tiles">
                <For each={users()}>
                  {(u) => (
                    <button type="button" class="user-tile" classList={{ selected: s.selected()?.id === u.id }} data-testid="user-tile" data-name={u.name} onClick={() => s.select(u)}>
                      <strong>{u.name}</strong>
                      <span class="muted">{t(`role.${u.role}`)}</span>
                    </button>
                  )}
                </For>
              </div>
            </section>
            <Show when={s.selected()}>
              {(u) => (
                <section class="panel">
                  <h2>{t('signIn.pinFor', { name: u().name })}</h2>
                  <LockNotice until={s.lockedUntilMs()} />
                  <PinPad
                    value={s.pin()}
                    onChange={(v) => s.setPin(v)}
                    onSubmit={() => {
                      if (!locked(s.lockedUntilMs())) void s.submit();
                    }}
                    busy={s.busy() || locked(s.lockedUntilMs())}
                    error={pinMessage(messageAt(s.errors(), 'pin'), s.triesLeft())}
                    submitLabel={t('signIn.submit')}
                  />
                  <Show when={s.failure()?.kind !== 'invalid' ? s.failure() : undefined}>{(e) => <Notice kind="error">{storageErrorMessage(e())}</Notice>}</Show>
                </section>
              )}
            </Show>
          </div>
        </Show>
      )}
    </Show>
  );
}

const locked = (until: number | undefined): boolean => until !== undefined && until > nowMs();

/** A wrong PIN, with the tries left before the lock. */
const pinMessage = (message: string | undefined, left: number | undefined): string | undefined =>
  message === undefined || left === undefined ? message : `${message} ${t('signIn.triesLeft', { count: left })}`;

/** `m:ss` of a number of seconds. */
const minSec = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * LC6: after 5 wrong PINs the user is locked for a while; the time left counts down here,
 * on the app clock, in the user's language. Hidden once the lock has run out.
 */
function LockNotice(props: { readonly until: number | undefined }): JSX.Element {
  const [now, setNow] = createSignal(nowMs());
  const timer = setInterval(() => setNow(nowMs()), 1000);
  onCleanup(() => clearInterval(timer));
  const left = (): number => (props.until === undefined ? 0 : Math.max(0, Math.ceil((props.until - now()) / 1000)));
  return (
    <Show when={left() > 0}>
      <p class="notice notice-error pin-locked" role="alert" data-testid="pin-locked" data-seconds={left()}>
        {t('signIn.locked', { time: minSec(left()) })}
      </p>
    </Show>
  );
}

function FirstUserForm(props: { readonly signIn: ReturnType<typeof createSignIn> }): JSX.Element {
  const [name, setName] = createSignal('');
  const [role, setRole] = createSignal<DeskRole>('organizer');
  const [pin, setPin] = createSignal('');
  const [pinConfirm, setPinConfirm] = createSignal('');
  const err = (...p: string[]): string | undefined => messageAt(props.signIn.errors(), ...p);
  return (
    <section class="panel" data-testid="first-user">
      <h2>{t('signIn.firstUser')}</h2>
      <p class="muted">{t('signIn.firstUserHint')}</p>
      <Show when={props.signIn.failure()}>
        {(e) => (
          <Notice kind="error" testId="form-error">
            {e().kind === 'invalid' ? t('common.fixErrors') : storageErrorMessage(e())}
          </Notice>
        )}
      </Show>
      <form
        data-testid="first-user-form"
        onSubmit={(e) => {
          e.preventDefault();
          void props.signIn.createFirst({ name: name(), role: role(), pin: pin(), pinConfirm: pinConfirm() });
        }}
      >
        <div class="grid">
          <TextField name="name" label={t('users.name')} value={name()} error={err('name')} onInput={setName} />
          <SelectField
            name="role"
            label={t('users.role')}
            value={role()}
            options={(['organizer', 'expert'] as const).map((r) => ({ value: r, label: t(`role.${r}`) }))}
            error={err('role')}
            onChange={setRole}
          />
          <SecretField pin name="pin" label={t('users.pin')} hint={t('users.pinRule')} value={pin()} error={err('pin')} onInput={setPin} />
          <SecretField pin name="pinConfirm" label={t('users.pinConfirm')} value={pinConfirm()} error={err('pinConfirm')} onInput={setPinConfirm} />
        </div>
        <div class="actions">
          <FormErrorSummary refusal={props.signIn.failure()} title={t('form.refused')} message={refusalText(props.signIn.failure())} />
          <button type="submit" class="btn primary" data-testid="save" disabled={props.signIn.busy()}>
            {t('signIn.createFirst')}
          </button>
        </div>
      </form>
    </section>
  );
}
