import { A, useParams } from '@solidjs/router';
import { For, createResource, type JSX } from 'solid-js';
import { NoticePart } from '../../../app/screens/notices/notice-document';
import { isNoticeKind, qrPayload, type NoticeKind } from '../../../app/screens/notices/notice-model';
import type { Language } from '../../../domain/codes';
import type { Instant } from '../../../domain/time';
import { translator } from '../../lib/i18n';
import { Loaded } from '../../lib/loaded';
import { loadCaseWords, readCase } from './cases.data';
import { casesMessages } from './cases.messages';
import '../../../app/ui/print-document.css';
import './cases.css';

const t = translator(casesMessages);

/**
 * A notice N1–N3 of one case, printed from the console (CB3) with the tablet's own notice
 * part: the same words, QR and masking. Its foot names the tablet that filed the case.
 */
export default function CaseNotice(): JSX.Element {
  const params = useParams<{ fairId: string; caseId: string; kind: string }>();
  const kind = (): NoticeKind => (isNoticeKind(params.kind) ? params.kind : 'N1');
  const [detail] = createResource(
    () => ({ fairId: params.fairId, caseId: params.caseId }),
    async ({ fairId, caseId }) => {
      await loadCaseWords();
      return readCase(fairId, caseId);
    },
  );
  const [qr] = createResource(
    () => (detail()?.ok === true ? detail() : undefined),
    async (r) => {
      if (!r.ok) return undefined;
      const { toDataURL } = await import('../../../app/lib/qr-code.chunk');
      return toDataURL(qrPayload(r.value.case), { margin: 1, width: 180, errorCorrectionLevel: 'M' });
    },
  );
  const printedAt = new Date().toISOString() as Instant;
  return (
    <Loaded result={detail()}>
      {(d) => {
        const languages = (): readonly Language[] => d.fair.settings.noticeLanguages;
        const users = Object.entries(d.userNames).map(([id, name]) => ({ id, name }));
        const filer = d.events.find((e) => e.type === 'Submit')?.deviceId;
        return (
          <div class="case-notice print-screen">
            <div class="actions no-print row">
              <button type="button" class="btn primary" data-testid="print" onClick={() => window.print()}>
                {t('caseView.print')}
              </button>
              <A class="btn" href={`/fairs/${params.fairId}/cases/${params.caseId}`}>
                {t('caseView.backToCase')}
              </A>
            </div>
            <div class="print-doc" data-testid={`notice-${kind()}`} data-ready={String(qr.latest !== undefined)}>
              <For each={languages()}>
                {(lang) => (
                  <NoticePart
                    lang={lang}
                    kind={kind()}
                    c={d.case}
                    fair={d.fair}
                    users={users}
                    deviceCode={filer === undefined ? '' : (d.deviceCodes[filer] ?? '')}
                    printedAt={printedAt}
                    qr={qr.latest}
                  />
                )}
              </For>
            </div>
          </div>
        );
      }}
    </Loaded>
  );
}
