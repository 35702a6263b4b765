import { useNavigate } from '@solidjs/router';
import { Show, createSignal, type JSX } from 'solid-js';
import { parseFields, type FieldError } from '../../../domain/field-errors';
import { ChangePasswordRequest } from '../../../domain/wire/console';
import { Notice } from '../../../app/ui/notice';
import type { ApiFailure } from '../../lib/api';
import { failureText } from '../../lib/failure';
import { errorAt } from '../../lib/fields';
import { translator } from '../../lib/i18n';
import { SecretField } from '../../../app/ui/secret-field';
import { changePassword, session, signOut } from '../../lib/session';
import { accountMessages } from './account.messages';

const t = translator(accountMessages);

/** Change one's password (the other sessions end, CO4) and sign out everywhere. */
export default function Account(): JSX.Element {
  const navigate = useNavigate();
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [repeat, setRepeat] = createSignal('');
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [mismatch, setMismatch] = createSignal(false);
  const [failure, setFailure] = createSignal<ApiFailure>();
  const [changed, setChanged] = createSignal<number>();
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    setFailure();
    setChanged();
    const parsed = parseFields(ChangePasswordRequest, { currentPassword: current(), newPassword: next() });
    setMismatch(next() !== repeat());
    setErrors(parsed.ok ? [] : parsed.errors);
    if (!parsed.ok || mismatch()) return;
    const r = await changePassword(parsed.value);
    if (!r.ok) return void setFailure(r.failure);
    setCurrent('');
    setNext('');
    setRepeat('');
    setChanged(r.value.endedOtherSessions);
  };
  const everywhere = async (): Promise<void> => {
    const r = await signOut(true);
    if (!r.ok && !(r.failure.kind === 'refused' && r.failure.status === 401)) return void setFailure(r.failure);
    navigate('/sign-in', { replace: true });
  };
  return (
    <>
      <h1>{t('account.title')}</h1>
      <Show when={session()}>{(s) => <p>{s().user.name} · {t('account.role', { role: t(`staffRole.${s().user.role}`) })}</p>}</Show>
      <Show when={failure()}>{(f) => <Notice kind="error">{failureText(f())}</Notice>}</Show>
      <form class="panel narrow" data-testid="password-form" onSubmit={(e) => void submit(e)} novalidate>
        <h2>{t('account.password')}</h2>
        <SecretField label={t('account.current')} name="currentPassword" autocomplete="current-password" value={current()} onInput={setCurrent} error={errorAt(errors(), 'currentPassword')} />
        <SecretField label={t('account.new')} name="newPassword" autocomplete="new-password" value={next()} onInput={setNext} error={errorAt(errors(), 'newPassword')} />
        <SecretField label={t('account.repeat')} name="repeatPassword" autocomplete="new-password" value={repeat()} onInput={setRepeat} error={mismatch() ? t('account.mismatch') : undefined} />
        <Show when={changed() !== undefined}>
          <Notice kind="ok" testId="password-changed">{t('account.changed', { n: changed() ?? 0 })}</Notice>
        </Show>
        <div class="actions">
          <button type="submit" class="btn primary">{t('account.change')}</button>
        </div>
      </form>
      <section class="panel narrow">
        <h2>{t('account.sessions')}</h2>
        <p class="muted">{t('account.everywhereHint')}</p>
        <button type="button" class="btn danger" data-testid="sign-out-everywhere" onClick={() => void everywhere()}>
          {t('account.everywhere')}
        </button>
      </section>
    </>
  );
}
