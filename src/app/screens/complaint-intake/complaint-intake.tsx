import { A } from '@solidjs/router';
import { createMemo, For, Show, type JSX } from 'solid-js';
import type { Fair } from '../../../domain/fair';
import type { StorageError } from './complaint-intake.data';
import { formatInZone } from '../../../domain/time';
import { t } from '../../i18n/index';
import { FormErrorSummary } from '../../ui/form-errors';
import { messageAt, refusalText } from '../../lib/field-errors';
import { useSession, type SessionUser } from '../../session/session';
import { RoleBar } from '../../session/role-bar';
import { SignInPanel } from '../sign-in/sign-in';
import { useAppState } from '../../state/app-state';
import { CheckField } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { caseErrorMessage } from '../case-detail/case-error';
import { SignatureCanvas } from '../../ui/signature-canvas';
import { checklistOf } from './complaint-form';
import { createIntake } from './complaint-intake.data';
import { ChecklistFields } from './checklist-fields';
import { ItemsFields } from './items-fields';
import { PartyFields } from './party-fields';
import { RespondentPicker } from './respondent-picker';
import { RightsFields } from './rights-fields';
import './complaint-intake.css';

/** Complaint intake at the desk (issue 6 §2–3). Keyed on the fair's and the user's ids: a re-read fair keeps the form. */
export function ComplaintIntakeScreen(): JSX.Element {
  const app = useAppState();
  const session = useSession();
  return (
    <Show when={app.fair()?.id} keyed fallback={<Notice kind="info">{t('intake.noFair')}</Notice>}>
      {(_fairId) => (
        <>
          <Show when={session.user()?.id} keyed fallback={<><h1>{t('intake.title')}</h1><RoleBar screen="intake" /><Notice kind="info">{t('intake.signIn')}</Notice><SignInPanel /></>}>
            {(_userId) => <IntakeBody fair={app.fair() as Fair} user={session.user() as SessionUser} />}
          </Show>
        </>
      )}
    </Show>
  );
}

function IntakeBody(props: { readonly fair: Fair; readonly user: SessionUser }): JSX.Element {
  // eslint-disable-next-line solid/reactivity -- one intake per fair and user (keyed above)
  const intake = createIntake(props.fair, props.user);
  const form = intake.form;
  const checklist = createMemo(() => (form.ready() ? checklistOf(form.data, props.fair) : []));
  const foreign = (): boolean => form.data.complainant.country !== props.fair.settings.country;
  const zone = (): string => props.fair.settings.timeZone;
  return (
    <section class="intake">
      <h1>{t('intake.title')}</h1>
      <RoleBar screen="intake" />
      <Show when={intake.saved()}>
        {(cases) => (
          <div data-testid="intake-saved">
            <Notice kind="ok">{t('intake.saved', { numbers: cases().map((c) => c.caseNo).join(', ') })}</Notice>
            <div class="actions">
              <For each={cases()}>
                {(c) => (
                  <A class="btn primary" href={`/cases/${c.id}`} data-testid="open-case" data-case-no={c.caseNo}>
                    {t('intake.openCase', { caseNo: c.caseNo })}
                  </A>
                )}
              </For>
              <button type="button" class="btn" data-testid="new-complaint" onClick={() => void intake.reset()}>
                {t('intake.newComplaint')}
              </button>
            </div>
          </div>
        )}
      </Show>
      <Show when={form.ready() && intake.saved() === undefined}>
        <form data-testid="complaint-form" onSubmit={(e) => e.preventDefault()}>
          <Show when={form.restoredAt()}>{(at) => <Notice kind="info">{t('common.draftRestored', { time: formatInZone(at(), zone()) })}</Notice>}</Show>
          <Show when={intake.failure()?.kind === 'invalid' && intake.errors().length > 0}>
            <Notice kind="error" testId="form-errors">
              {t('common.fixErrors')}
            </Notice>
          </Show>
          {/* The case rules refused the filing as a whole (e.g. a role that may not file): no field is
              wrong, so say the rule's reason instead of leaving the tap without an answer. */}
          <Show when={intake.failure()?.domain}>
            {(d) => (
              <Notice kind="error" testId="form-refused">
                <span data-code={d().code}>{caseErrorMessage(d())}</span>
              </Notice>
            )}
          </Show>
          <div class="panel">
            <h2>{t('intake.complainant')}</h2>
            <PartyFields prefix="complainant" party={form.data.complainant} errors={intake.errors()} onChange={(m) => form.update((d) => m(d.complainant))} />
            <Show when={foreign()}>
              <p class="hint" data-testid="foreign-note">{t('intake.foreignNote')}</p>
            </Show>
          </div>
          <div class="panel">
            <h2>{t('intake.agent')}</h2>
            <CheckField label={t('intake.hasAgent')} name="hasAgent" checked={form.data.hasAgent} onChange={(on) => form.update((d) => (d.hasAgent = on))} />
            <Show when={form.data.hasAgent}>
              <PartyFields prefix="agent" party={form.data.agent} errors={intake.errors()} onChange={(m) => form.update((d) => m(d.agent))} />
            </Show>
          </div>
          <div class="panel">
            <h2>{t('intake.rights')}</h2>
            <RightsFields form={form.data} fair={props.fair} errors={intake.errors()} update={form.update} />
          </div>
          <div class="panel">
            <h2>{t('intake.respondents')}</h2>
            <RespondentPicker fairId={props.fair.id} form={form.data} errors={intake.errors()} update={form.update} />
          </div>
          <div class="panel">
            <h2>{t('intake.items')}</h2>
            <ItemsFields form={form.data} errors={intake.errors()} update={form.update} onPhotos={intake.addPhotos} photoError={intake.photoError()} zone={zone()} />
          </div>
          <div class="panel">
            <h2>{t('intake.checklist')}</h2>
            <ChecklistFields items={checklist()} errors={intake.errors()} update={form.update} />
          </div>
          <div class="panel">
            <SignatureCanvas testId="sig-signature" label={t('intake.signature')} clearLabel={t('signature.clear')} value={form.data.signature} error={messageAt(intake.errors(), 'signature')} onChange={(url) => form.update((d) => (d.signature = url))} />
          </div>
          <Show when={intake.flags()}>
            {(flags) => (
              <div class="panel flags" data-testid="intake-flags" ref={(el) => queueMicrotask(() => el.scrollIntoView({ block: 'center' }))}>
                <h2>{t('intake.flags')}</h2>
                <Show when={flags().some((f) => f.flags.length > 0)} fallback={<p>{t('intake.flagsNone')}</p>}>
                  <For each={flags().filter((f) => f.flags.length > 0)}>
                    {(f) => (
                      <p>
                        {t('intake.flagsFor', { name: form.data.respondents[f.respondentIndex]?.name ?? '' })}
                        <For each={f.flags}>
                          {(flag) => {
                            const seen = [...new Set(f.matches.filter((m) => m.flag === flag).map((m) => m.caseNo))];
                            return (
                              <span class="flag" data-flag={flag}>
                                {t(`board.flag.${flag}`)}
                                {seen.length > 0 ? ` (${seen.join(', ')})` : ''}
                              </span>
                            );
                          }}
                        </For>
                      </p>
                    )}
                  </For>
                </Show>
              </div>
            )}
          </Show>
          <div class="actions sticky-actions">
            <FormErrorSummary refusal={intake.failure()} title={t('form.refused')} message={refusedWhy(intake.failure())} />
            <button type="button" class="btn" data-testid="check-flags" disabled={intake.busy()} onClick={() => void intake.checkFlags()}>
              {t('intake.check')}
            </button>
            <button type="button" class="btn primary" data-testid="save" disabled={intake.busy()} onClick={() => void intake.save()}>
              {intake.busy() ? t('intake.saving') : (intake.flags() ?? []).some((f) => f.flags.length > 0) ? t('intake.saveAnyway') : t('intake.save')}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}

/** A refusal no field is to blame for: the case rule's reason (a role that may not file) or a storage error. */
const refusedWhy = (e: StorageError | undefined): string | undefined => (e?.domain === undefined ? refusalText(e) : caseErrorMessage(e.domain));
