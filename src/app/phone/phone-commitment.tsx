import { createEffect, createResource, For, Show, type JSX } from 'solid-js';
import type { ClauseSet } from '../../domain/commitment-templates';
import type { Fair } from '../../domain/fair';
import type { FieldError } from '../../domain/field-errors';
import { locale, t } from '../i18n/index';
import { messageAt, messagesUnder } from '../lib/field-errors';
import { TextField } from '../ui/field';
import { fetchClauses, knownClauses } from './phone-clauses';
import type { PhoneCommitmentForm } from './phone-form';
import type { PhoneDraft } from './phone-draft';
import { SignatureStrokes } from './signature-strokes';

/**
 * The exhibitor's commitment on the phone (CM4, CM10: the fair's clauses): booth, signer, every
 * clause, signature. PI11: without the fair's own wording (offline, from the link alone), no form:
 * the phone says to sign at the desk tablet.
 */
export function PhoneCommitmentFields(props: {
  readonly fair: Fair;
  readonly form: PhoneDraft<PhoneCommitmentForm>;
  readonly errors: readonly FieldError[];
  readonly onClauses: (set: ClauseSet | undefined) => void;
}): JSX.Element {
  const [clauseSet] = createResource(
    () => props.fair,
    async (fair) => knownClauses(fair) ?? (navigator.onLine ? fetchClauses(fair) : undefined),
  );
  createEffect(() => props.onClauses(clauseSet.loading ? undefined : clauseSet()));
  const clauses = () => clauseSet()?.clauses ?? [];
  const f = (): PhoneCommitmentForm => props.form.data;
  const update = (m: (d: PhoneCommitmentForm) => void): void => props.form.update(m);
  const at = (p: string): string | undefined => messageAt(props.errors, p);
  return (
    <Show
      when={clauseSet()}
      fallback={
        <p class="notice notice-info" data-testid="phone-clauses-at-desk">
          {clauseSet.loading ? t('phone.clauses.loading') : t('phone.clauses.atDesk')}
        </p>
      }
    >
      <section class="panel grid">
        <TextField label={t('phone.exhibitorName')} name="exhibitorName" value={f().exhibitorName} error={at('exhibitorName')} onInput={(v) => update((d) => void (d.exhibitorName = v))} />
        <div class="phone-booth">
          <TextField label={t('phone.hall')} name="booth.hall" value={f().hall} autocapitalize="characters" error={messagesUnder(props.errors, 'booth')} onInput={(v) => update((d) => void (d.hall = v.toUpperCase()))} />
          <TextField label={t('phone.stand')} name="booth.stand" value={f().stand} autocapitalize="characters" onInput={(v) => update((d) => void (d.stand = v.toUpperCase()))} />
        </div>
        <TextField label={t('phone.signerName')} name="signer.name" value={f().signerName} error={at('signer.name')} onInput={(v) => update((d) => void (d.signerName = v))} />
        <TextField label={t('phone.signerTitle')} name="signer.title" value={f().signerTitle} error={at('signer.title')} onInput={(v) => update((d) => void (d.signerTitle = v))} />
        <TextField label={t('phone.signerPhone')} name="signer.phone" type="tel" inputMode="tel" value={f().signerPhone} error={at('signer.phone')} onInput={(v) => update((d) => void (d.signerPhone = v))} />
      </section>
      <section class="panel" classList={{ invalid: at('clausesAccepted') !== undefined }} data-testid="phone-clauses" data-template={clauseSet()?.templateVersion}>
        <h2>{t('phone.clauses')}</h2>
        <For each={clauses()}>
          {(c) => (
            <label class="check clause">
              <input
                type="checkbox"
                name={`clause.${c.code}`}
                checked={f().clausesAccepted.includes(c.code)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  update((d) => void (d.clausesAccepted = on ? [...d.clausesAccepted.filter((x) => x !== c.code), c.code] : d.clausesAccepted.filter((x) => x !== c.code)));
                }}
              />
              <span>
                {c.code.slice(2)}. {locale() === 'en' ? c.en : c.zh}
              </span>
            </label>
          )}
        </For>
        <button type="button" class="btn" data-testid="tick-all" onClick={() => update((d) => void (d.clausesAccepted = clauses().map((c) => c.code)))}>
          {t('phone.tickAll')}
        </button>
        <Show when={at('clausesAccepted')}>
          <p class="error" role="alert">
            {at('clausesAccepted')}
          </p>
        </Show>
      </section>
      <section class="panel">
        <SignatureStrokes value={f().signature} error={at('signature')} onChange={(s) => update((d) => void (d.signature = s))} />
      </section>
    </Show>
  );
}
