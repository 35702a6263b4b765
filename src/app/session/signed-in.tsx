import { Show, type JSX } from 'solid-js';
import { t } from '../i18n/index';
import { SignInPanel } from '../screens/sign-in/sign-in';
import { Notice } from '../ui/notice';
import { useSession, type DeskRole, type SessionUser } from './session';

/**
 * Screens that write need a signed-in user (the `actor`, issue 6 §8): without one the sign-in
 * panel shows in place of the screen, which appears once signed in. `roles` narrows it further
 * (the users screen is the organizer's).
 */
export function SignedIn(props: { readonly roles?: readonly DeskRole[]; readonly children: (user: SessionUser) => JSX.Element }): JSX.Element {
  const session = useSession();
  return (
    <Show when={session.user()} keyed fallback={<SignInPanel />}>
      {(user) => (
        <Show when={props.roles === undefined || props.roles.includes(user.role)} fallback={<Notice kind="warn" testId="role-required">{t('signIn.roleRequired', { roles: (props.roles ?? []).map((r) => t(`role.${r}`)).join(' / ') })}</Notice>}>
          {props.children(user)}
        </Show>
      )}
    </Show>
  );
}

/** The signed-in user at the foot of the navigation rail, with sign-out. */
export function SessionBadge(): JSX.Element {
  const session = useSession();
  return (
    <div class="session-badge" data-testid="session-badge">
      <Show when={session.user()} fallback={<a class="btn" href="/sign-in">{t('signIn.title')}</a>}>
        {(u) => (
          <>
            <span>
              <strong data-testid="session-user">{u().name}</strong>
              <br />
              <span class="muted">{t(`role.${u().role}`)}</span>
            </span>
            <button type="button" class="btn" data-testid="sign-out" onClick={() => session.signOut()}>
              {t('signIn.signOut')}
            </button>
          </>
        )}
      </Show>
    </div>
  );
}
