import { A, Navigate, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { Show, Suspense, createEffect, type JSX } from 'solid-js';
import { whenUnauthenticated } from './lib/api';
import { commonMessages } from './lib/common.messages';
import { locale, switchLanguage, translator } from './lib/i18n';
import { session, sessionEnded, signOut } from './lib/session';

const t = translator(commonMessages);

/** Where to come back to after signing in: the path under /console, never another site. */
export const returnPath = (loc: { pathname: string; search: string }): string => `${loc.pathname}${loc.search}`;

export function LanguageSwitch(): JSX.Element {
  return (
    <button
      type="button"
      class="btn lang"
      lang={locale() === 'zh-CN' ? 'en' : 'zh-CN'}
      data-testid="lang-switch"
      onClick={() => void switchLanguage(locale() === 'zh-CN' ? 'en' : 'zh-CN')}
    >
      {t('lang.switch')}
    </button>
  );
}

/**
 * The console's frame: a header with the areas, the language switch and the account; the
 * sign-in page alone when nobody is signed in. An expired session (any 401) leads to the
 * sign-in page with the way back; open forms keep their drafts in sessionStorage meanwhile.
 */
export function Shell(props: RouteSectionProps): JSX.Element {
  const location = useLocation();
  const navigate = useNavigate();
  whenUnauthenticated(sessionEnded);
  const onSignIn = (): boolean => location.pathname.replace(/\/+$/, '').endsWith('/sign-in');
  createEffect(() => {
    document.title = t('console.title');
  });
  const out = async (): Promise<void> => {
    await signOut(false);
    navigate('/sign-in', { replace: true });
  };
  return (
    <Show
      when={session() || onSignIn()}
      fallback={<Navigate href={`/sign-in?next=${encodeURIComponent(returnPath(location).replace(/^\/console/, ''))}`} />}
    >
      <a class="skip" href="#main">
        {t('console.skip')}
      </a>
      <header class="c-header">
        <span class="c-brand">{t('console.title')}</span>
        <Show when={session()}>
          <nav aria-label={t('consoleNav.label')} class="c-nav">
            <A href="/fairs">{t('consoleNav.fairs')}</A>
            <A href="/enrol">{t('consoleNav.enrol')}</A>
            <A href="/people">{t('consoleNav.people')}</A>
            <A href="/review">{t('consoleNav.review')}</A>
            <A href="/exhibitors">{t('consoleNav.exhibitors')}</A>
            <A href="/audit">{t('consoleNav.audit')}</A>
            <A href="/summary">{t('consoleNav.summary')}</A>
            <A href="/bundles">{t('consoleNav.bundles')}</A>
            <A href="/annual">{t('consoleNav.annual')}</A>
          </nav>
        </Show>
        <div class="c-tools">
          <LanguageSwitch />
          <Show when={session()}>
            {(s) => (
              <>
                <A href="/account" class="c-user" data-testid="account-link" title={t('consoleNav.account')}>
                  {s().user.name}
                </A>
                <button type="button" class="btn small" data-testid="sign-out" onClick={() => void out()}>
                  {t('user.signOut')}
                </button>
              </>
            )}
          </Show>
        </div>
      </header>
      <main id="main" class="c-main" tabindex="-1">
        <Suspense fallback={<p class="muted">{t('consoleCommon.loading')}</p>}>{props.children}</Suspense>
      </main>
    </Show>
  );
}
