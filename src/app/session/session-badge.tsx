import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { t } from '../i18n/index';
import { useSession } from './session';
import './session.css';

/** The signed-in user at the foot of the navigation rail, with sign-out. */
export function SessionBadge(): JSX.Element {
  const session = useSession();
  return (
    <div class="session-badge" data-testid="session-badge">
      <Show when={session.user()} fallback={<A class="btn" href="/sign-in">{t('signIn.title')}</A>}>
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
