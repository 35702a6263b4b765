import { useNavigate, useParams } from '@solidjs/router';
import { createResource, For, Show, type JSX } from 'solid-js';
import { clausesOf, shortHash, type SignedCommitment } from '../../../domain/commitment';
import type { Language } from '../../../domain/codes';
import type { Exhibitor } from '../../../domain/exhibitor';
import type { Fair } from '../../../domain/fair';
import { formatInZone, type Instant } from '../../../domain/time';
import { boothKey } from '../../../domain/validators/booth';
import { t, tIn } from '../../i18n/index';
import { nowInstant } from '../../lib/clock';
import { useAppState } from '../../state/app-state';
import { Notice } from '../../ui/notice';
import { createCommitmentPrint } from './commitment-print.data';
import { SignatureImage } from './signature-image';
import { templateName } from '../../ui/fair-settings/clause-names';
import '../../ui/print-document.css';
import './commitment-print.css';

/**
 * N4 承诺书副本 / commitment copy (NO6): every CM5 field, the USCC, the clause texts,
 * the signature image and the first 12 hex digits of `contentHash`; Chinese first, then English
 * (FS16 `noticeLanguages`); A4 through the browser's print (print CSS), page n/m in the margin.
 */
export function CommitmentPrintScreen(): JSX.Element {
  const app = useAppState();
  const params = useParams<{ id: string }>();
  return (
    <Show when={app.device()?.fairId} keyed fallback={<p class="muted">{t('common.loading')}</p>}>
      {(fairId) => (
        // Keyed: another copy's address (one print route to the next) is another copy, not this one.
        <Show when={params.id} keyed>
          {(id) => <PrintBody fairId={fairId} commitmentId={id} />}
        </Show>
      )}
    </Show>
  );
}

function PrintBody(props: { readonly fairId: string; readonly commitmentId: string }): JSX.Element {
  const app = useAppState();
  const navigate = useNavigate();
  // eslint-disable-next-line solid/reactivity -- one copy per route visit
  const p = createCommitmentPrint(props.fairId, props.commitmentId);
  const printedAt = nowInstant();
  const [qr] = createResource(
    () => props.commitmentId,
    async (id) => {
      const { toDataURL } = await import('../../lib/qr-code.chunk');
      return toDataURL(JSON.stringify({ commitmentId: id }), { margin: 1, width: 180, errorCorrectionLevel: 'M' });
    },
  );
  const languages = (): readonly Language[] => app.fair()?.settings.noticeLanguages ?? ['zh-CN', 'en'];
  return (
    <Show when={p.loaded()} fallback={<p class="muted">{t('common.loading')}</p>}>
      <Show when={p.commitment()} fallback={<Notice kind="error">{t('print.notFound')}</Notice>}>
        {(c) => (
          <div class="commitment-print print-screen">
            <div class="actions no-print">
              <button type="button" class="btn primary" data-testid="print" onClick={() => window.print()}>
                {t('print.print')}
              </button>
              <button type="button" class="btn" onClick={() => navigate(-1)}>
                {t('common.back')}
              </button>
            </div>
            <div class="print-doc" data-testid="commitment-copy" data-ready={String(qr() !== undefined)}>
              <For each={languages()}>
                {(lang) => (
                  <PrintPart lang={lang} commitment={c()} exhibitor={p.exhibitor()} fair={app.fair()} deviceCode={app.device()?.shortCode ?? ''} signingDevice={p.deviceCode()} printedAt={printedAt} qr={qr()} />
                )}
              </For>
            </div>
          </div>
        )}
      </Show>
    </Show>
  );
}

function PrintPart(props: {
  readonly lang: Language;
  readonly commitment: SignedCommitment;
  readonly exhibitor: Exhibitor | undefined;
  readonly fair: Fair | undefined;
  readonly deviceCode: string;
  readonly signingDevice: string | undefined;
  readonly printedAt: Instant;
  readonly qr: string | undefined;
}): JSX.Element {
  const L = (key: Parameters<typeof tIn>[1], params?: Parameters<typeof tIn>[2]): string => tIn(props.lang, key, params);
  const zone = (): string => props.fair?.settings.timeZone ?? 'Asia/Shanghai';
  const c = (): SignedCommitment => props.commitment;
  const en = (): boolean => props.lang === 'en';
  const fairName = (): string => (props.fair === undefined ? '' : en() ? (props.fair.nameEn ?? props.fair.nameZh) : props.fair.nameZh);
  const exhibitorName = (): string => {
    const e = props.exhibitor;
    if (e === undefined) return c().exhibitorKey;
    return en() ? (e.nameEn ?? e.nameZh) : e.nameEn === undefined ? e.nameZh : `${e.nameZh}（${e.nameEn}）`;
  };
  return (
    <section class="print-part" lang={props.lang} data-lang={props.lang}>
      <header class="print-head">
        <div>
          <h1>{L('print.title')}</h1>
          <p>
            {fairName()} · {props.fair?.code ?? ''}
          </p>
        </div>
        <Show when={props.qr}>{(src) => <img class="print-qr" src={src()} alt="QR" />}</Show>
      </header>
      <table class="print-facts">
        <tbody>
          <Row label={L('print.exhibitor')} value={exhibitorName()} />
          <Row label={L('print.uscc')} value={props.exhibitor?.uscc ?? props.exhibitor?.foreignRegNo ?? '—'} />
          <Row label={L('print.exhibitorKey')} value={c().exhibitorKey} />
          <Row label={L('print.booths')} value={c().booths.map(boothKey).join('; ')} />
          <Row label={L('print.template')} value={`${templateName(c().templateVersion, props.lang)} · ${L('print.version', { version: c().version })}`} />
          <Show when={c().supersedes}>{(s) => <Row label={L('print.supersedes')} value={s()} />}</Show>
          <Row label={L('print.signer')} value={`${c().signer.name} · ${c().signer.title} · ${c().signer.phone}`} />
          <Row label={L('print.signedAt')} value={formatInZone(c().signedAt, zone())} />
          <Row label={L('print.channel')} value={L(`print.channel.${c().channel}`)} />
          <Row label={L('print.deviceSigned')} value={props.signingDevice ?? L('print.deviceOther')} />
          <Row label={L('print.commitmentId')} value={c().id} />
          <Row label={L('print.hash')} value={shortHash(c())} />
        </tbody>
      </table>
      <h2>{L('print.clauses')}</h2>
      {/* CM11: the frozen text of this commitment, in the language of this part. */}
      <ol class="print-clauses" data-testid="print-clauses">
        <For each={clausesOf(c())}>
          {(cl) => (
            <li>
              ☑ {en() ? cl.en : cl.zh}
            </li>
          )}
        </For>
      </ol>
      <h2>{L('print.rights')}</h2>
      <Show when={c().declaredRights.length > 0} fallback={<p>{L('print.noRights')}</p>}>
        <table class="print-rights">
          <thead>
            <tr>
              <th>{L('print.rightType')}</th>
              <th>{L('print.rightNumber')}</th>
              <th>{L('print.rightTitle')}</th>
              <th>{L('print.rightHolder')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={c().declaredRights}>
              {(r) => (
                <tr>
                  <td>{L(`ipType.${r.type}`)}</td>
                  <td>
                    {r.jurisdiction} {r.number}
                    {r.niceClasses === undefined ? '' : ` (${r.niceClasses.join(', ')})`}
                  </td>
                  <td>{r.title}</td>
                  <td>{r.holder}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <div class="print-sign">
        <span>{L('print.signature')}</span>
        <SignatureImage evidenceId={c().signatureEvidenceId} class="print-signature" alt={L('print.signature')} />
      </div>
      <footer class="print-foot">
        {L('print.footer', { at: formatInZone(props.printedAt, zone()), device: props.deviceCode })}
      </footer>
    </section>
  );
}

function Row(props: { readonly label: string; readonly value: string }): JSX.Element {
  return (
    <tr>
      <th>{props.label}</th>
      <td>{props.value}</td>
    </tr>
  );
}
