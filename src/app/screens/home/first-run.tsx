import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import type { User } from './home.data';
import { t, type MessageKey } from '../../i18n/index';
import { useSession } from '../../session/session';
import { useAppState } from '../../state/app-state';

interface Step {
  readonly label: MessageKey;
  readonly href: string;
  readonly done: boolean;
}

/**
 * The first run, in order, each step a link: this tablet, the fair, the first organizer, then the
 * desk staff and experts (filing is a clerk's, so a tablet with only an organizer cannot take a
 * complaint yet). Shown on the home screen until every step is done.
 */
export function FirstRunGuide(props: { readonly users: readonly User[] | undefined }): JSX.Element {
  const app = useAppState();
  const session = useSession();
  const active = (): readonly User[] => (props.users ?? []).filter((u) => u.active);
  const steps = (): Step[] => [
    { label: 'firstRun.device', href: '/device', done: app.device() !== undefined },
    { label: 'firstRun.fair', href: '/fairs', done: app.fair() !== undefined },
    { label: 'firstRun.organizer', href: '/sign-in', done: active().some((u) => u.role === 'organizer') },
    { label: 'firstRun.staff', href: '/users', done: active().some((u) => u.role === 'clerk') && active().some((u) => u.role === 'expert') },
  ];
  const next = (): number => steps().findIndex((s) => !s.done);
  return (
    <Show when={props.users !== undefined && app.deviceLoaded() && next() >= 0}>
      <section class="panel first-run" data-testid="first-run">
        <h2>{t('firstRun.title')}</h2>
        <ol>
          <For each={steps()}>
            {(step, i) => (
              <li classList={{ done: step.done, next: i() === next() }} data-testid="first-run-step" data-done={step.done}>
                <A href={step.href} class="btn" classList={{ primary: i() === next() }}>
                  {t(step.label)}
                </A>
                <span class="muted">{step.done ? ` ✓ ${t('firstRun.done')}` : i() === next() ? ` ← ${t('firstRun.next')}` : ''}</span>
              </li>
            )}
          </For>
        </ol>
        <Show when={active().length > 0 && session.user() === undefined}>
          <p>
            {t('firstRun.signInHint')}{' '}
            <A href="/sign-in" class="btn" data-testid="first-run-sign-in">
              {t('roles.signIn')}
            </A>
          </p>
        </Show>
      </section>
    </Show>
  );
}
