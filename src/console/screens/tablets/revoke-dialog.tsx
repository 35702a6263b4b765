import { Show, createSignal, onMount, type JSX } from 'solid-js';
import { parseFields, type FieldError } from '../../../domain/field-errors';
import { RevokeRequest, type TabletRevoked, type TabletRow } from '../../../domain/wire/console';
import { Notice } from '../../../app/ui/notice';
import type { ApiFailure } from '../../lib/api';
import { failureText } from '../../lib/failure';
import { errorAt } from '../../lib/fields';
import { translator } from '../../lib/i18n';
import { revokeTablet } from './tablets.data';
import { tabletsMessages } from './tablets.messages';

const t = translator(tabletsMessages);

/** Revoking is final (CO14): a modal dialog that says what is lost and asks for a reason. */
export function RevokeDialog(props: { readonly fairId: string; readonly row: TabletRow; readonly onClose: (result: TabletRevoked | undefined) => void }): JSX.Element {
  let dialog!: HTMLDialogElement;
  const [reason, setReason] = createSignal('');
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [failure, setFailure] = createSignal<ApiFailure>();
  const [busy, setBusy] = createSignal(false);
  onMount(() => dialog.showModal());
  const close = (result: TabletRevoked | undefined): void => {
    dialog.close();
    props.onClose(result);
  };
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const parsed = parseFields(RevokeRequest, { reason: reason().trim() });
    if (!parsed.ok) return void setErrors(parsed.errors);
    setErrors([]);
    setBusy(true);
    const r = await revokeTablet(props.fairId, props.row.deviceId, parsed.value);
    setBusy(false);
    if (!r.ok) return void setFailure(r.failure);
    close(r.value);
  };
  const error = (): string | undefined => errorAt(errors(), 'reason');
  return (
    <dialog ref={dialog} aria-labelledby="revoke-title" data-testid="revoke-dialog" onCancel={(e) => (e.preventDefault(), close(undefined))}>
      <form onSubmit={(e) => void submit(e)} novalidate>
        <h2 id="revoke-title">{t('revoke.title', { code: props.row.deviceCode, name: props.row.name })}</h2>
        <p>{t('revoke.explain')}</p>
        <Show when={props.row.reported?.outboxCount}>{(n) => <p class="at-risk">{t('revoke.waiting', { n: n() })}</p>}</Show>
        <div class="field" classList={{ invalid: error() !== undefined }}>
          <label for="revoke-reason">{t('revoke.reason')}</label>
          <textarea id="revoke-reason" name="reason" value={reason()} aria-invalid={error() !== undefined} aria-describedby={error() !== undefined ? 'revoke-reason-err' : undefined} onInput={(e) => setReason(e.currentTarget.value)} />
          <Show when={error()}>
            {(m) => (
              <p class="error" id="revoke-reason-err" role="alert">
                {m()}
              </p>
            )}
          </Show>
        </div>
        <Show when={failure()}>{(f) => <Notice kind="error">{failureText(f())}</Notice>}</Show>
        <div class="actions">
          <button type="submit" class="btn danger primary" disabled={busy()} data-testid="revoke-confirm">
            {t('revoke.confirm')}
          </button>
          <button type="button" class="btn" onClick={() => close(undefined)}>
            {t('revoke.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
