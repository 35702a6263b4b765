import { A, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createSignal, For, Index, Show, type JSX } from 'solid-js';
import { IP_TYPES } from '../../../domain/codes';
import { boothKey } from '../../../domain/validators/booth';
import { storageErrorMessage } from '../../i18n/errors';
import { locale, t } from '../../i18n/index';
import { FormErrorSummary } from '../../ui/form-errors';
import { messageAt, messagesUnder, refusalText } from '../../lib/field-errors';
import { SignedIn } from '../../session/signed-in';
import { RoleBar } from '../../session/role-bar';
import type { SessionUser } from '../../session/session';
import { useAppState } from '../../state/app-state';
import { SelectField, TextField } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { blankRight } from './commitment-form';
import { createCommitmentSign } from './commitment-sign.data';
import { createExhibitorSearch } from '../exhibitors/exhibitor-rows';
import { CommitmentView } from './commitment-view';
import { SignatureCanvas } from '../../ui/signature-canvas';
import './commitment-sign.css';

/** `/commitments/sign` (pick the exhibitor) and `/commitments/sign/:exhibitorId` (sign). */
export function CommitmentSignScreen(): JSX.Element {
  const app = useAppState();
  const params = useParams<{ exhibitorId?: string }>();
  return (
    <Show when={app.device()?.fairId} keyed fallback={<p class="notice notice-warn">{app.deviceLoaded() ? t('board.needFair') : t('common.loading')}</p>}>
      {(fairId) => (
        <>
          <RoleBar screen="commitments" />
          <SignedIn>
            {(user) => (
              <Show when={params.exhibitorId} keyed fallback={<ExhibitorPicker fairId={fairId} />}>
                {(exhibitorId) => <SignForm fairId={fairId} exhibitorId={exhibitorId} user={user} />}
              </Show>
            )}
          </SignedIn>
        </>
      )}
    </Show>
  );
}

/** The picker shows this many matches at most. */
const PICK_LIMIT = 50;

function ExhibitorPicker(props: { readonly fairId: string }): JSX.Element {
  const [text, setText] = createSignal('');
  // The fair's exhibitors are kept in memory for every picker (exhibitor-rows.ts): a keystroke reads nothing.
  const matches = createExhibitorSearch(() => props.fairId, text, PICK_LIMIT);
  const found = () => matches()?.found;
  return (
    <>
      <h1>{t('commit.pickTitle')}</h1>
      <TextField name="search" type="search" inputMode="search" label={t('common.search')} placeholder={t('commit.pickHint')} value={text()} onInput={setText} />
      <Show when={(found() ?? []).length > 0} fallback={<p class="muted">{t('exhibitors.empty')}</p>}>
        <table class="list" data-testid="exhibitor-pick">
          <tbody>
            <For each={found()}>
              {(e) => (
                <tr>
                  <td>{e.booths.map(boothKey).join('; ')}</td>
                  <td>{locale() === 'en' && e.nameEn !== undefined ? e.nameEn : e.nameZh}</td>
                  <td class="mono">{e.uscc ?? e.foreignRegNo ?? '—'}</td>
                  <td>
                    <A class="btn primary" href={`/commitments/sign/${e.id}`} data-testid="pick-exhibitor">
                      {t('commit.pick')}
                    </A>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </>
  );
}

function SignForm(props: { readonly fairId: string; readonly exhibitorId: string; readonly user: SessionUser }): JSX.Element {
  const app = useAppState();
  const navigate = useNavigate();
  // eslint-disable-next-line solid/reactivity -- one form per route visit; another exhibitor remounts it
  const s = createCommitmentSign(props.fairId, props.exhibitorId, props.user);
  const f = () => s.form;
  const err = (...p: string[]): string | undefined => messageAt(s.errors(), ...p);
  const zone = (): string => app.fair()?.settings.timeZone ?? 'Asia/Shanghai';
  const clauses = () => s.clauseSet().clauses;
  // CM11: the ticks belong to the wording shown; a new wording from a pull clears them.
  createEffect(() => {
    void s.clauseSet().templateVersion;
    void f().data.template;
    if (f().ready()) s.adoptClauseSet();
  });
  const clauseText = (i: number): string => {
    const cl = clauses()[i];
    return cl === undefined ? '' : f().data.language === 'en' ? cl.en : cl.zh;
  };
  return (
    <Show when={s.loaded() && f().ready()} fallback={<p class="muted">{t('common.loading')}</p>}>
      <Show when={s.exhibitor()} fallback={<Notice kind="error">{t('commit.noExhibitor')}</Notice>}>
        {(e) => (
          <>
            <h1>{t('commit.title')}</h1>
            <section class="panel exhibitor-head" data-testid="commit-exhibitor">
              <strong>{e().nameZh}</strong>
              <Show when={e().nameEn}>{(n) => <span>{n()}</span>}</Show>
              <span class="muted">
                {e().booths.map(boothKey).join('; ')} · {e().uscc ?? e().foreignRegNo ?? t('commit.noRegNo')}
              </span>
            </section>
            <Show when={!s.editing() ? s.current() : undefined}>{(c) => <CommitmentView commitment={c()} zone={zone()} onChange={() => s.startChange()} />}</Show>
            <Show when={s.editing()}>
              <Show when={s.current()}>{(c) => <Notice kind="info">{t('commit.changing', { version: c().version + 1 })}</Notice>}</Show>
              <Show when={s.failure()}>
                {(x) => (
                  <Notice kind="error" testId="form-error">
                    {x().kind === 'invalid' ? t('common.fixErrors') : storageErrorMessage(x())}
                  </Notice>
                )}
              </Show>
              <form
                data-testid="commitment-form"
                onSubmit={(ev) => {
                  ev.preventDefault();
                  void s.sign();
                }}
              >
                <section class="panel">
                  <div class="clause-head">
                    <h2>{t('commit.clauses')}</h2>
                    <div class="lang-toggle" role="group" aria-label={t('commit.clauseLanguage')}>
                      <button type="button" class="btn" classList={{ primary: f().data.language === 'zh-CN' }} data-testid="clauses-zh" onClick={() => f().update((d) => void (d.language = 'zh-CN'))}>
                        中文
                      </button>
                      <button type="button" class="btn" classList={{ primary: f().data.language === 'en' }} data-testid="clauses-en" onClick={() => f().update((d) => void (d.language = 'en'))}>
                        English
                      </button>
                    </div>
                  </div>
                  <Show when={s.clausesChanged()}>
                    <Notice kind="warn" testId="clauses-changed">
                      {t('clauses.changed')}
                    </Notice>
                  </Show>
                  <div class="clauses" classList={{ invalid: err('clausesAccepted') !== undefined }} data-testid="clauses-shown" data-template={s.clauseSet().templateVersion}>
                    <Index each={clauses()}>
                      {(cl, i) => (
                        <label class="check clause">
                          <input
                            type="checkbox"
                            name={`clause.${cl().code}`}
                            checked={f().data.clausesAccepted.includes(cl().code)}
                            onChange={(ev) => {
                              const on = ev.currentTarget.checked;
                              const ticked = cl().code;
                              f().update((d) => {
                                d.clausesAccepted = clauses().map((c) => c.code).filter((code) => (code === ticked ? on : d.clausesAccepted.includes(code)));
                              });
                            }}
                          />
                          <span>
                            <strong>{i + 1}.</strong> {clauseText(i)}
                          </span>
                        </label>
                      )}
                    </Index>
                  </div>
                  <div class="actions">
                    <button type="button" class="btn" data-testid="tick-all" onClick={() => f().update((d) => void (d.clausesAccepted = clauses().map((c) => c.code)))}>
                      {t('commit.tickAll')}
                    </button>
                  </div>
                  <Show when={err('clausesAccepted')}>
                    {(m) => (
                      <p class="error" role="alert" data-testid="clauses-error">
                        {m()}
                      </p>
                    )}
                  </Show>
                </section>
                <section class="panel">
                  <h2>{t('commit.rights')}</h2>
                  <p class="muted">{t('commit.rightsHint')}</p>
                  <Index each={f().data.declaredRights}>
                    {(r, i) => (
                      <div class="row right-row" data-testid="right-row">
                        <SelectField
                          name={`declaredRights.${i}.type`}
                          label={t('commit.rightType')}
                          value={r().type}
                          options={IP_TYPES.map((x) => ({ value: x, label: t(`ipType.${x}`) }))}
                          error={err(`declaredRights.${i}.type`)}
                          onChange={(v) => f().update((d) => void (d.declaredRights[i]!.type = v))}
                        />
                        <TextField name={`declaredRights.${i}.number`} label={t('commit.rightNumber')} value={r().number} error={err(`declaredRights.${i}.number`)} onInput={(v) => f().update((d) => void (d.declaredRights[i]!.number = v))} />
                        <TextField name={`declaredRights.${i}.title`} label={t('commit.rightTitle')} value={r().title} error={err(`declaredRights.${i}.title`)} onInput={(v) => f().update((d) => void (d.declaredRights[i]!.title = v))} />
                        <TextField name={`declaredRights.${i}.holder`} label={t('commit.rightHolder')} value={r().holder} error={err(`declaredRights.${i}.holder`)} onInput={(v) => f().update((d) => void (d.declaredRights[i]!.holder = v))} />
                        <TextField
                          name={`declaredRights.${i}.jurisdiction`}
                          label={t('commit.rightJurisdiction')}
                          autocapitalize="characters"
                          value={r().jurisdiction}
                          error={err(`declaredRights.${i}.jurisdiction`)}
                          onInput={(v) => f().update((d) => void (d.declaredRights[i]!.jurisdiction = v))}
                        />
                        <Show when={r().type === 'trademark'}>
                          <TextField
                            name={`declaredRights.${i}.niceClasses`}
                            label={t('commit.niceClasses')}
                            inputMode="numeric"
                            value={r().niceClasses}
                            error={messagesUnder(s.errors(), `declaredRights.${i}.niceClasses`)}
                            onInput={(v) => f().update((d) => void (d.declaredRights[i]!.niceClasses = v))}
                          />
                        </Show>
                        <button type="button" class="btn danger" onClick={() => f().update((d) => void d.declaredRights.splice(i, 1))}>
                          {t('common.remove')}
                        </button>
                      </div>
                    )}
                  </Index>
                  <div class="actions">
                    <button type="button" class="btn" data-testid="add-right" onClick={() => f().update((d) => void d.declaredRights.push(blankRight()))}>
                      {t('commit.addRight')}
                    </button>
                  </div>
                </section>
                <section class="panel">
                  <h2>{t('commit.signer')}</h2>
                  <div class="grid">
                    <TextField name="signer.name" label={t('commit.signerName')} value={f().data.signerName} error={err('signer.name')} onInput={(v) => f().update((d) => void (d.signerName = v))} />
                    <TextField name="signer.title" label={t('commit.signerTitle')} value={f().data.signerTitle} error={err('signer.title')} onInput={(v) => f().update((d) => void (d.signerTitle = v))} />
                    <TextField name="signer.phone" type="tel" inputMode="tel" label={t('commit.signerPhone')} value={f().data.signerPhone} error={err('signer.phone')} onInput={(v) => f().update((d) => void (d.signerPhone = v))} />
                  </div>
                  <SignatureCanvas testId="signature-canvas" clearTestId="signature-clear" label={t('commit.signature')} hint={t('commit.signatureHint')} clearLabel={t('commit.signatureClear')} value={f().data.signature} error={err('signature', 'signatureEvidenceId')} onChange={(v) => f().update((d) => void (d.signature = v))} />
                </section>
                <div class="actions sticky-actions">
                  <FormErrorSummary refusal={s.failure()} title={t('form.refused')} message={refusalText(s.failure())} />
                  <button type="submit" class="btn primary" data-testid="sign" disabled={s.busy()}>
                    {t('commit.sign')}
                  </button>
                  <Show when={s.current()}>
                    <button type="button" class="btn" onClick={() => s.cancelChange()}>
                      {t('common.cancel')}
                    </button>
                  </Show>
                  <button type="button" class="btn" onClick={() => navigate('/commitments')}>
                    {t('common.back')}
                  </button>
                </div>
              </form>
            </Show>
          </>
        )}
      </Show>
    </Show>
  );
}
