import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import { clausesOf, shortHash, type SignedCommitment } from '../../../domain/commitment';
import { formatInZone } from '../../../domain/time';
import { locale, t } from '../../i18n/index';
import { SignatureImage } from '../commitment-print/signature-image';

/** A signed commitment, read-only (CM1): what was signed, by whom, when, and its hash. */
export function CommitmentView(props: { readonly commitment: SignedCommitment; readonly zone: string; readonly onChange: () => void }): JSX.Element {
  const c = (): SignedCommitment => props.commitment;
  return (
    <section class="panel" data-testid="commitment-signed" data-version={c().version}>
      <h2>{t('commit.signedTitle', { version: c().version })}</h2>
      <dl class="facts">
        <dt>{t('commit.signedAt')}</dt>
        <dd>{formatInZone(c().signedAt, props.zone)}</dd>
        <dt>{t('commit.signer')}</dt>
        <dd>
          {c().signer.name} · {c().signer.title} · {c().signer.phone}
        </dd>
        <dt>{t('commit.rights')}</dt>
        <dd>
          <Show when={c().declaredRights.length > 0} fallback={t('common.none')}>
            <For each={c().declaredRights}>
              {(r) => (
                <div>
                  {t(`ipType.${r.type}`)} {r.number} · {r.title} · {r.holder}
                </div>
              )}
            </For>
          </Show>
        </dd>
        <dt>{t('commit.hash')}</dt>
        <dd class="mono" data-testid="commitment-hash">
          {shortHash(c())}
        </dd>
        <Show when={c().supersedes}>
          <dt>{t('commit.supersedes')}</dt>
          <dd class="mono">{c().supersedes}</dd>
        </Show>
      </dl>
      {/* CM11: the text this version was signed under, whatever the fair's wording is now. */}
      <ol class="clauses-read" data-testid="clauses-signed" data-template={c().templateVersion}>
        <For each={clausesOf(c())}>{(cl) => <li>{locale() === 'en' ? cl.en : cl.zh}</li>}</For>
      </ol>
      <SignatureImage evidenceId={c().signatureEvidenceId} class="signature-shown" alt={t('commit.signature')} />
      <div class="actions">
        <A class="btn primary" href={`/commitments/print/${c().id}`} data-testid="print-copy">
          {t('commit.print')}
        </A>
        <button type="button" class="btn" data-testid="change-commitment" onClick={() => props.onChange()}>
          {t('commit.change')}
        </button>
      </div>
    </section>
  );
}
