import { For, Show, type JSX } from 'solid-js';
import type { PhoneCommitment, PhoneComplaint } from '../../../domain/wire/phone-payload';
import { boothKey } from '../../../domain/validators/booth';
import { t } from '../../i18n/index';
import type { PhotoFiles, PreviewFlags, ResolvedRespondent } from './handoff-import';

const party = (p: PhoneComplaint['complainant']): string => [p.name, p.uscc ?? p.foreignRegNo, p.phone].filter((x) => x !== undefined).join(' · ');

/** What the phone handed over, for the clerk to check before anything is written (QR12). */
export function ComplaintPreview(props: {
  readonly payload: PhoneComplaint;
  readonly respondents: readonly ResolvedRespondent[] | undefined;
  readonly photos: PhotoFiles;
  /** The desk form's intake flags (RP1, RP4, RP5, CM3), once checked. */
  readonly flags: readonly PreviewFlags[] | undefined;
}): JSX.Element {
  const flagsOf = (i: number): PreviewFlags | undefined => props.flags?.find((f) => f.respondentIndex === i);
  return (
    <div class="handoff-preview" data-testid="handoff-preview" data-kind="complaint">
      <h2>{t('handoff.previewComplaint')}</h2>
      <dl class="facts">
        <dt>{t('phone.complainant')}</dt>
        <dd data-testid="preview-complainant">{party(props.payload.complainant)}</dd>
        <Show when={props.payload.agent}>
          {(a) => (
            <>
              <dt>{t('phone.agent')}</dt>
              <dd>{party(a())}</dd>
            </>
          )}
        </Show>
        <dt>{t('phone.rights')}</dt>
        <dd>
          <For each={props.payload.rights}>{(r) => <div>{`${t(`ipType.${r.type}`)} ${r.number} ${r.title ?? ''}`}</div>}</For>
        </dd>
        <dt>{t('phone.respondents')}</dt>
        <dd>
          <For each={props.respondents ?? []}>
            {(r, i) => (
              <div data-testid="preview-respondent" data-listed={r.listed}>
                {r.respondent === undefined ? `${r.given.name ?? ''} ${r.given.booth === undefined ? '' : boothKey(r.given.booth)}` : `${r.respondent.name} · ${boothKey(r.respondent.booth)}`}
                <Show when={!r.listed}>
                  <span class="error"> — {t('handoff.respondentUnknown')}</span>
                </Show>
                <Show when={flagsOf(i())?.flags.length}>
                  <div class="flags" data-testid="preview-flags">
                    <For each={flagsOf(i())?.flags ?? []}>
                      {(flag) => (
                        <span class="flag" data-flag={flag}>
                          {t(`board.flag.${flag}`)}
                          {(flagsOf(i())?.caseNos[flag] ?? []).length > 0 ? ` (${(flagsOf(i())?.caseNos[flag] ?? []).join(', ')})` : ''}
                        </span>
                      )}
                    </For>
                  </div>
                </Show>
              </div>
            )}
          </For>
          <Show when={props.flags !== undefined && props.flags.every((f) => f.flags.length === 0)}>
            <p class="muted" data-testid="preview-no-flags">
              {t('intake.flagsNone')}
            </p>
          </Show>
        </dd>
        <dt>{t('phone.items')}</dt>
        <dd>
          <For each={props.payload.accusedItems}>
            {(item) => (
              <div class="handoff-item">
                <p>{item.description}</p>
                <Show when={item.photos.length > 0}>
                  <p class="muted">{t('handoff.photoListed', { count: item.photos.length })}</p>
                </Show>
              </div>
            )}
          </For>
        </dd>
      </dl>
    </div>
  );
}

export function CommitmentPreview(props: { readonly payload: PhoneCommitment }): JSX.Element {
  return (
    <div class="handoff-preview" data-testid="handoff-preview" data-kind="commitment">
      <h2>{t('handoff.previewCommitment')}</h2>
      <dl class="facts">
        <dt>{t('phone.exhibitorName')}</dt>
        <dd>{props.payload.exhibitorName}</dd>
        <dt>{t('phone.booth')}</dt>
        <dd>{boothKey(props.payload.booth)}</dd>
        <dt>{t('phone.signerName')}</dt>
        <dd>{`${props.payload.signer.name} · ${props.payload.signer.title} · ${props.payload.signer.phone}`}</dd>
        <dt>{t('phone.clauses')}</dt>
        <dd>{props.payload.clausesAccepted.join(' ')}</dd>
      </dl>
    </div>
  );
}
