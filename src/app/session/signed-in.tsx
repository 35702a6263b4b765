import { Show, type JSX } from 'solid-js';
import { t } from '../i18n/index';
import { SignInPanel } from '../screens/sign-in/sign-in';
import { Notice } from '../ui/notice';
import { useSession, type DeskRole, type SessionUser } from './session';

/**
 * Screens that write need a signed-in user (the `actor`, LC5): without one the sign-in
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
