import { A, useParams, useSearchParams } from '@solidjs/router';
import { For, Show, createResource, createSignal, onMount, type JSX } from 'solid-js';
import { Timeline } from '../../../app/screens/case-detail/timeline';
import { NOTICE_KINDS } from '../../../app/screens/notices/notice-model';
import { EvidenceGallery, type GalleryLabels, type GalleryPhoto } from '../../../app/ui/evidence-gallery';
import { t as appT } from '../../../app/i18n/index';
import { runningDeadline } from '../../../domain/case/queue';
import { isOverdue, type Deadline } from '../../../domain/case/deadlines';
import { formatInZone } from '../../../domain/time';
import type { CaseDetailReply, EvidenceFacts } from '../../../domain/wire/console-cases';
import { translator } from '../../lib/i18n';
import { Loaded } from '../../lib/loaded';
import { codeText, fairTitle } from './cases';
import { evidenceHref, loadCaseWords, loadEvidence, readCase, sha256Of } from './cases.data';
import { casesMessages } from './cases.messages';
import './cases.css';

const t = translator(casesMessages);

const galleryLabels = (): GalleryLabels => ({
  open: (index, total) => appT('evidence.open', { index, total }),
  title: (index, total) => appT('evidence.title', { index, total }),
  close: appT('evidence.close'),
  previous: appT('evidence.previous'),
  next: appT('evidence.next'),
  zoomIn: appT('evidence.zoomIn'),
  zoomOut: appT('evidence.zoomOut'),
  zoomReset: appT('evidence.zoomReset'),
  missing: t('caseView.ev.notHeld'),
});

const kb = (bytes: number): string => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString()} KB`;

/**
 * One case, read-only (CB3, CB4): its facts, flags and deadlines, the timeline with each
 * event's tablet by code, the evidence photos and signatures from the server's files with their
 * custody facts, and the notices N1–N3 to print.
 */
export default function CaseView(): JSX.Element {
  const params = useParams<{ fairId: string; caseId: string }>();
  const [search] = useSearchParams();
  const [detail] = createResource(
    () => ({ fairId: params.fairId, caseId: params.caseId }),
    async ({ fairId, caseId }) => {
      await loadCaseWords();
      return readCase(fairId, caseId);
    },
  );
  const backHref = (): string => {
    const b = search.back;
    return `/fairs/${params.fairId}/cases${typeof b === 'string' && b !== '' ? `?${b}` : ''}`;
  };
  return (
    <div class="case-view">
      <p class="no-print">
        <A href={backHref()}>← {t('cases.back')}</A>
      </p>
      <Loaded result={detail()}>{(d) => <CaseBody d={d} fairId={params.fairId} />}</Loaded>
    </div>
  );
}

function CaseBody(props: { readonly d: CaseDetailReply; readonly fairId: string }): JSX.Element {
  const c = () => props.d.case;
  const zone = (): string => props.d.fair.settings.timeZone;
  const at = (i: string): string => formatInZone(i as never, zone());
  const users = () => Object.entries(props.d.userNames).map(([id, name]) => ({ id, name }));
  const deviceLabel = (id: string): string => props.d.deviceCodes[id] ?? t('caseView.unknownDevice');
  const running = (): Deadline | undefined => (c().state === 'CLOSED' ? undefined : runningDeadline(c()));
  const deadlines = (): Deadline[] => Object.values(c().deadlines).filter((d): d is Deadline => d !== undefined);
  const party = (p: { name: string; uscc?: string | undefined; foreignRegNo?: string | undefined }): string => [p.name, p.uscc ?? p.foreignRegNo].filter(Boolean).join(' · ');
  const photos = (): GalleryPhoto[] =>
    props.d.evidence
      .filter((e) => e.held && e.evidence.mime.startsWith('image/'))
      .map((e) => ({
        key: e.evidence.id,
        load: () => loadEvidence(evidenceHref(props.fairId, c().id, e.evidence.id)),
        caption: `${t(`caseView.ev.${e.evidence.kind}`)} · ${e.deviceCode ?? t('caseView.unknownDevice')}`,
        facts: [
          { label: t('caseView.ev.captured'), value: at(e.evidence.capturedAt) },
          { label: t('caseView.ev.device'), value: e.deviceCode ?? t('caseView.unknownDevice') },
          { label: t('caseView.ev.by'), value: e.capturedByName ?? e.evidence.capturedBy.slice(-6) },
          { label: 'SHA-256', value: e.evidence.sha256, mono: true },
        ],
      }));
  return (
    <>
      <div class="head-row">
        <h1 data-testid="case-title">{t('caseView.title', { caseNo: c().caseNo })}</h1>
        <span class="muted">{fairTitle({ code: props.d.fair.code, nameZh: props.d.fair.nameZh, nameEn: props.d.fair.nameEn ?? null })}</span>
      </div>
      <p class="muted">{t('caseView.readOnly')}</p>
      <section class="panel" aria-labelledby="case-facts">
        <h2 id="case-facts">{t('caseView.facts')}</h2>
        <dl class="facts">
          <dt>{t('caseView.state')}</dt>
          <dd data-testid="case-state">{codeText('board.state', c().state)}</dd>
          <Show when={c().outcome}>
            {(o) => (
              <>
                <dt>{t('caseView.outcome')}</dt>
                <dd>{codeText('outcome', o())}</dd>
              </>
            )}
          </Show>
          <dt>{t('caseView.received')}</dt>
          <dd>{at(c().receivedAt)}</dd>
          <dt>{t('caseView.complainant')}</dt>
          <dd>{party(c().complainant)}</dd>
          <dt>{t('caseView.respondent')}</dt>
          <dd>{c().respondent.name}</dd>
          <dt>{t('caseView.booth')}</dt>
          <dd class="mono">{`${c().respondent.booth.hall}/${c().respondent.booth.stand}`}</dd>
          <dt>{t('caseView.rights')}</dt>
          <dd>{c().rights.map((r) => `${codeText('ipType', r.type)} ${r.number}`).join('; ')}</dd>
          <dt>{t('caseView.flags')}</dt>
          <dd data-testid="case-flags">{c().flags.length === 0 ? t('caseView.noFlags') : c().flags.map((f) => codeText('board.flag', f)).join('、')}</dd>
        </dl>
      </section>
      <section class="panel" aria-labelledby="case-deadlines">
        <h2 id="case-deadlines">{t('caseView.deadlines')}</h2>
        <Show when={deadlines().length > 0} fallback={<p class="muted">{t('caseView.noDeadlines')}</p>}>
          <table class="data" data-testid="case-deadlines">
            <thead>
              <tr>
                <th scope="col">{t('caseView.deadline.kind')}</th>
                <th scope="col">{t('caseView.deadline.started')}</th>
                <th scope="col">{t('caseView.deadline.due')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={deadlines()}>
                {(d) => (
                  <tr classList={{ overdue: running() === d && isOverdue(d, props.d.now) }}>
                    <td>
                      {codeText('deadline', d.kind)}
                      <Show when={running()?.kind === d.kind}>
                        <span class="muted"> · {t('caseView.deadline.running')}</span>
                      </Show>
                    </td>
                    <td>{at(d.startedAt)}</td>
                    <td>
                      {at(d.dueAt)}
                      {d.capped ? ` · ${t('caseView.deadline.capped')}` : ''}
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </section>
      <section class="panel" aria-labelledby="case-timeline">
        <h2 id="case-timeline">{t('caseView.timeline')}</h2>
        <Timeline events={props.d.events} users={users()} zone={zone()} deviceLabel={deviceLabel} />
      </section>
      <section class="panel" aria-labelledby="case-evidence">
        <h2 id="case-evidence">{t('caseView.evidence')}</h2>
        <Show when={props.d.evidence.length > 0} fallback={<p class="muted">{t('caseView.noEvidence')}</p>}>
          <EvidenceGallery photos={photos()} labels={galleryLabels()} testId="case-gallery" />
          <table class="data evidence-table" data-testid="case-evidence-table">
            <thead>
              <tr>
                <th scope="col">{t('caseView.ev.kind')}</th>
                <th scope="col">{t('caseView.ev.captured')}</th>
                <th scope="col">{t('caseView.ev.by')}</th>
                <th scope="col">{t('caseView.ev.device')}</th>
                <th scope="col">{t('caseView.ev.size')}</th>
                <th scope="col">{t('caseView.ev.received')}</th>
                <th scope="col">SHA-256</th>
                <th scope="col">{t('caseView.ev.file')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.d.evidence}>{(e) => <EvidenceRow e={e} fairId={props.fairId} caseId={c().id} at={at} />}</For>
            </tbody>
          </table>
        </Show>
      </section>
      <section class="panel no-print" aria-labelledby="case-notices">
        <h2 id="case-notices">{t('caseView.notices')}</h2>
        <div class="row">
          <For each={NOTICE_KINDS}>
            {(k) => (
              <A class="btn" href={`/fairs/${props.fairId}/cases/${c().id}/notice/${k}`} data-testid={`notice-link-${k}`}>
                {t(`caseView.notice.${k}`)}
              </A>
            )}
          </For>
        </div>
      </section>
    </>
  );
}

/** One evidence file's custody facts; opening the original checks its SHA-256 in this browser. */
function EvidenceRow(props: { readonly e: EvidenceFacts; readonly fairId: string; readonly caseId: string; readonly at: (i: string) => string }): JSX.Element {
  const href = (): string => evidenceHref(props.fairId, props.caseId, props.e.evidence.id);
  // A signal, not a resource: the row shows at once and the check joins it when done.
  const [check, setCheck] = createSignal<boolean>();
  onMount(async () => {
    const expected = props.e.evidence.sha256;
    const blob = props.e.held ? await loadEvidence(href()) : undefined;
    if (blob !== undefined) setCheck((await sha256Of(blob)) === expected);
  });
  return (
    <tr data-evidence={props.e.evidence.id}>
      <td>{t(`caseView.ev.${props.e.evidence.kind}`)}</td>
      <td class="nowrap">{props.at(props.e.evidence.capturedAt)}</td>
      <td>{props.e.capturedByName ?? props.e.evidence.capturedBy.slice(-6)}</td>
      <td class="mono">{props.e.deviceCode ?? t('caseView.unknownDevice')}</td>
      <td class="nowrap">{kb(props.e.evidence.bytes)}</td>
      <td class="nowrap">{props.at(props.e.receivedAt)}</td>
      <td>
        <code class="sha" data-testid="evidence-sha256">
          {props.e.evidence.sha256}
        </code>
        <Show when={check() !== undefined}>
          <span class={check() === true ? 'sha-ok' : 'sha-bad'} data-testid="evidence-check">
            {check() === true ? t('caseView.ev.checked') : t('caseView.ev.mismatch')}
          </span>
        </Show>
      </td>
      <td>
        <Show when={props.e.held} fallback={<span class="muted">{t('caseView.ev.notHeld')}</span>}>
          <a href={href()} target="_blank" rel="noopener">
            {t('caseView.ev.open')}
          </a>
        </Show>
      </td>
    </tr>
  );
}
