import { createEffect, createSignal, on, Show, type JSX } from 'solid-js';
import { t } from '../i18n/index';
import { SignInPanel } from '../screens/sign-in/sign-in';
import { mayAct, SCREEN_ROLES, type ScreenId } from './screen-roles';
import { useSession } from './session';

/**
 * At the top of a screen, before any typing: who may act here, who is signed in, and a quick
 * switch of person in place (the screen's draft stays: drafts are per fair, not per person).
 */
export function RoleBar(props: { readonly screen: ScreenId }): JSX.Element {
  const session = useSession();
  const [switching, setSwitching] = createSignal(false);
  // A new person signed in (or out): the switch is done.
  createEffect(on(() => session.user()?.id, () => setSwitching(false), { defer: true }));
  const roles = (): string => SCREEN_ROLES[props.screen].act.map((r) => t(`role.${r}`)).join(' / ');
  const allowed = (): boolean => {
    const u = session.user();
    return u !== undefined && mayAct(props.screen, u.role);
  };
  return (
    <div class="role-bar" classList={{ 'role-bar-blocked': session.user() !== undefined && !allowed() }} data-testid="role-bar" data-allowed={allowed()}>
      <div class="role-bar-text">
        <strong>{t('roles.mayAct', { roles: roles() })}</strong>
        <Show when={session.user()} fallback={<span data-testid="role-bar-user">{t('roles.nobody')}</span>}>
          {(u) => (
            <span data-testid="role-bar-user">
              {t('roles.you', { name: u().name, role: t(`role.${u().role}`) })}
              <Show when={!allowed()}>
                {' '}
                <span class="role-bar-warn" role="alert" data-testid="role-bar-cannot">
                  {t('roles.youCannot', { role: t(`role.${u().role}`) })}
                </span>
              </Show>
            </span>
          )}
        </Show>
      </div>
      <Show when={session.user() !== undefined}>
        <button type="button" class="btn" classList={{ primary: !allowed() }} data-testid="switch-person" aria-expanded={switching()} onClick={() => setSwitching(!switching())}>
          {switching() ? t('roles.cancelSwitch') : t('roles.switch')}
        </button>
      </Show>
      <Show when={switching()}>
        <div class="role-bar-switch" data-testid="switch-panel">
          <SignInPanel />
        </div>
      </Show>
    </div>
  );
}
