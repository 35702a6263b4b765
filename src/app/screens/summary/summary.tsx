import { Show, type JSX } from 'solid-js';
import { t } from '../../i18n/index';
import { SignedIn } from '../../session/signed-in';
import { useAppState } from '../../state/app-state';
import { SummaryDashboard } from './summary-dashboard';
import './summary.css';

/** `/summary`: the post-show summary dashboard (PS1, PS5), organizer only. */
export function SummaryScreen(): JSX.Element {
  const app = useAppState();
  return (
    <div class="summary-screen">
      <h1 class="no-print">{t('summary.title')}</h1>
      <Show when={app.device()?.fairId} keyed fallback={<p class="notice notice-warn">{app.deviceLoaded() ? t('board.needFair') : t('common.loading')}</p>}>
        {(fairId) => <SignedIn roles={['organizer']}>{(user) => <SummaryDashboard fairId={fairId} userId={user.id} />}</SignedIn>}
      </Show>
    </div>
  );
}
