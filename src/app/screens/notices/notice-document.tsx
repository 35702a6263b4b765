import { Show, type JSX } from 'solid-js';
import type { Case } from '../../../domain/case/case';
import { missingRequired } from '../../../domain/case/checklist';
import type { Language } from '../../../domain/codes';
import type { Fair } from '../../../domain/fair';
import { formatInZone, type Instant } from '../../../domain/time';
import { tIn, type MessageKey, type Params } from '../../i18n/index';
import { deskHours, n3Variant, partyLine, showsComplainantPhone, type NoticeKind } from './notice-model';

/**
 * One language's part of a printed notice N1–N3 (NO1–NO5, src/domain/REFERENCE.md), from plain values: the tablet's
 * notice screen and the console's case browser (CB3) print the same words from the same case.
 */
export function NoticePart(props: {
  readonly lang: Language;
  readonly kind: NoticeKind;
  readonly c: Case;
  readonly fair: Fair;
  readonly users: readonly { readonly id: string; readonly name: string }[];
  readonly deviceCode: string;
  readonly printedAt: Instant;
  readonly qr: string | undefined;
}): JSX.Element {
  const L = (key: MessageKey, params?: Params): string => tIn(props.lang, key, params);
  const zone = (): string => props.fair.settings.timeZone;
  const at = (i: Instant): string => formatInZone(i, zone());
  const fairName = (): string => (props.lang === 'en' ? (props.fair.nameEn ?? props.fair.nameZh) : props.fair.nameZh);
  const userName = (id: string | undefined): string => props.users.find((u) => u.id === id)?.name ?? (id ?? '').slice(-6);
  const title = (): string => {
    if (props.kind !== 'N3') return L(`notice.${props.kind}`);
    const v = n3Variant(props.c);
    return v === 'decision' ? L('notice.N3') : L(`notice.N3.${v}`);
  };
  const phone = (): boolean => showsComplainantPhone(props.kind);
  const defence = () => props.c.deadlines.defence;
  return (
    <section class="print-part" lang={props.lang} data-lang={props.lang}>
      <header class="print-head">
        <div>
          <h1>{title()}</h1>
          <p>
            {fairName()} · {props.fair.code}
          </p>
        </div>
        <Show when={props.qr}>{(src) => <img class="print-qr" src={src()} alt="QR" />}</Show>
      </header>
      <table class="print-facts">
        <tbody>
          <Row label={L('notice.caseNo')} value={props.c.caseNo} />
          <Row label={L('notice.desk')} value={[props.fair.settings.deskLocation ?? '', ...deskHours(props.fair)].filter((s) => s !== '').join('; ')} />
          <Show when={props.kind === 'N1'}>
            <Row label={L('notice.receivedAt')} value={at(props.c.receivedAt)} />
          </Show>
          <Row label={L('notice.complainant')} value={partyLine(props.c.complainant, phone())} />
          <Show when={props.c.agent}>{(a) => <Row label={L('notice.agent')} value={partyLine(a(), phone())} />}</Show>
          <Row label={L('notice.respondent')} value={props.c.respondent.name} />
          <Row label={L('notice.booth')} value={`${props.c.respondent.booth.hall}/${props.c.respondent.booth.stand}`} />
          <Row label={L('notice.rights')} value={props.c.rights.map((r) => `${L(`ipType.${r.type}`)} ${r.number} ${r.title}`).join('; ')} />
          <Row label={L('notice.items')} value={props.c.accusedItems.map((i) => i.description).join('; ')} />
          <Show when={props.kind === 'N1'}>
            <Row label={L('notice.missing')} value={missingRequired(props.c.checklist).join(', ') || L('notice.none')} />
            <Show when={props.c.deadlines.supplement}>{(d) => <Row label={L('notice.supplementDue')} value={`${at(d().dueAt)}${d().capped ? ` (${L('notice.untilClose')})` : ''}`} />}</Show>
          </Show>
          <Show when={props.kind === 'N2' && props.c.notification}>
            {(n) => (
              <>
                <Row label={L('notice.servedAt')} value={at(n().servedAt)} />
                <Row label={L('notice.servedBy')} value={userName(n().by.userId)} />
                <Row label={L('notice.receipt')} value={n().refusedWitness === undefined ? L('notice.signed') : L('notice.refused', { witness: n().refusedWitness ?? '' })} />
              </>
            )}
          </Show>
        </tbody>
      </table>
      <Show when={props.kind === 'N1'}>
        <p class="para">{L('notice.falseLiability')}</p>
      </Show>
      <Show when={props.kind === 'N2'}>
        <Show when={defence()}>
          {(d) => (
            <p class="deadline-line" data-testid="defence-deadline">
              {L('notice.defenceDue')}: {at(d().dueAt)}
              {d().capped ? ` (${L('notice.untilClose')})` : ''}
            </p>
          )}
        </Show>
        <p class="para">{L('notice.howToAnswer')}</p>
        <p class="para">{L('notice.silence')}</p>
      </Show>
      <Show when={props.kind === 'N3'}>
        <N3Body c={props.c} L={L} at={at} userName={userName} />
      </Show>
      <footer class="print-foot">
        {L('notice.printedAt')}: {at(props.printedAt)} · {L('notice.device')}: {props.deviceCode}
      </footer>
    </section>
  );
}

function N3Body(props: { readonly c: Case; readonly L: (k: MessageKey, p?: Params) => string; readonly at: (i: Instant) => string; readonly userName: (id: string | undefined) => string }): JSX.Element {
  const L = (k: MessageKey, p?: Params): string => props.L(k, p);
  return (
    <table class="print-facts">
      <tbody>
        <Show when={props.c.rejection}>
          {(r) => <Row label={L('notice.notAcceptedReason')} value={`${L(`reason.${r().reason}`)}${r().text === undefined ? '' : ` — ${r().text}`}`} />}
        </Show>
        <Show when={props.c.transfer}>{(tr) => <Row label={L('notice.transferTo')} value={`${tr().authorityName} (${L(`authorityKind.${tr().kind}`)}) — ${tr().reason}`} />}</Show>
        <Show when={props.c.opinion}>
          {(o) => (
            <>
              <Row label={L('notice.conclusion')} value={`${L(`conclusion.${o().conclusion}`)} — ${L('notice.referenceOnly')}`} />
              <Row label={L('notice.basis')} value={L(`basis.${o().basis}`)} />
              <Row label={L('notice.reasons')} value={o().reasons} />
              <Row label={L('notice.experts')} value={o().experts.map((e) => props.userName(e)).join(', ')} />
              <Row label={L('notice.measures')} value={props.c.measures.map((m) => `${L(`measure.${m.code}`)} (${props.at(m.dueAt)})`).join('; ') || L('notice.none')} />
              <Show when={props.c.deadlines.reviewRequest}>{(d) => <Row label={L('notice.reviewDue')} value={`${props.at(d().dueAt)}${d().capped ? ` (${L('notice.untilClose')})` : ''}`} />}</Show>
            </>
          )}
        </Show>
      </tbody>
    </table>
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
