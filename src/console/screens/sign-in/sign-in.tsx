import { useNavigate, useSearchParams } from '@solidjs/router';
import { Show, createSignal, type JSX } from 'solid-js';
import { parseFields, type FieldError } from '../../../domain/field-errors';
import { SignInRequest } from '../../../domain/wire/console';
import { TextField } from '../../../app/ui/field';
import { Notice } from '../../../app/ui/notice';
import type { ApiFailure } from '../../lib/api';
import { failureText } from '../../lib/failure';
import { errorAt } from '../../lib/fields';
import { SecretField } from '../../../app/ui/secret-field';
import { translator } from '../../lib/i18n';
import { session, signIn } from '../../lib/session';
import { signInMessages } from './sign-in.messages';

const t = translator(signInMessages);

/** Only a path of this console: never `//elsewhere` or a full URL (an open redirect). */
export const safeNext = (next: string | undefined): string => (next !== undefined && /^\/(?!\/)/.test(next) && !next.startsWith('/sign-in') ? next : '/fairs');

export default function SignIn(): JSX.Element {
  const [params] = useSearchParams<{ next?: string }>();
  const navigate = useNavigate();
  const [name, setName] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [failure, setFailure] = createSignal<ApiFailure>();
  const [busy, setBusy] = createSignal(false);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    setFailure();
    const parsed = parseFields(SignInRequest, { name: name().trim(), password: password() });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors([]);
    setBusy(true);
    const r = await signIn(parsed.value);
    setBusy(false);
    if (r.ok) navigate(safeNext(params.next), { replace: true });
    else {
      setPassword('');
      setFailure(r.failure);
    }
  };
  return (
    <div class="sign-in">
      <form class="panel narrow" data-testid="sign-in-form" onSubmit={(e) => void submit(e)} novalidate>
        <h1>{t('consoleSignIn.title')}</h1>
        <p class="muted">{t('consoleSignIn.lead')}</p>
        <Show when={params.next !== undefined && session() === null && failure() === undefined}>
          <Notice kind="info">{t('consoleSignIn.continue')}</Notice>
        </Show>
        <TextField label={t('consoleSignIn.name')} name="name" value={name()} onInput={setName} error={errorAt(errors(), 'name')} />
        <SecretField label={t('consoleSignIn.password')} name="password" autocomplete="current-password" value={password()} onInput={setPassword} error={errorAt(errors(), 'password')} />
        <Show when={failure()}>
          {(f) => (
            <Notice kind="error" testId="sign-in-error">
              {failureText(f())}
            </Notice>
          )}
        </Show>
        <div class="actions">
          <button type="submit" class="btn primary" disabled={busy()} data-testid="sign-in-submit">
            {busy() ? t('consoleSignIn.busy') : t('consoleSignIn.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
