import { useNavigate, useParams } from '@solidjs/router';
import { createResource, For, Show, type JSX } from 'solid-js';
import type { Language } from '../../../domain/codes';
import type { Fair } from '../../../domain/fair';
import { t } from '../../i18n/index';
import { nowInstant } from '../../lib/clock';
import { createLiveQuery } from '../../lib/live-query';
import { useAppState } from '../../state/app-state';
import { Notice } from '../../ui/notice';
import { NoticePart } from './notice-document';
import { readNotice } from './notices.data';
import { isNoticeKind, qrPayload, type NoticeKind } from './notice-model';
import '../../ui/print-document.css';
import './notices.css';

/**
 * The printed notices (DOMAIN.md §11; issue 6 §6): N1 complaint receipt, N2 notice to the
 * respondent with the defence deadline (absolute, fair zone; DL4 "截至闭展 / until fair close"),
 * N3 decision and measures (a reference opinion, not a legal finding; variants not accepted and
 * transfer). Chinese then English, A4 through the browser's print.
 */
export function NoticeScreen(): JSX.Element {
  const app = useAppState();
  const params = useParams<{ id: string; kind: string }>();
  const navigate = useNavigate();
  const read = createLiveQuery(() => readNotice(params.id));
  const printedAt = nowInstant();
  const [qr] = createResource(
    () => read()?.c,
    async (c) => {
      const { toDataURL } = await import('../../lib/qr-code.chunk');
      return toDataURL(qrPayload(c), { margin: 1, width: 180, errorCorrectionLevel: 'M' });
    },
  );
  const kind = (): NoticeKind => (isNoticeKind(params.kind) ? params.kind : 'N1');
  const languages = (): readonly Language[] => app.fair()?.settings.noticeLanguages ?? ['zh-CN', 'en'];
  return (
    <Show when={read() !== undefined && app.fair() !== undefined} fallback={<p class="muted">{t('common.loading')}</p>}>
      <Show when={read()?.c} fallback={<Notice kind="error">{t('case.notFound')}</Notice>}>
        {(c) => (
          <div class="case-notice print-screen">
            <div class="actions no-print">
              <button type="button" class="btn primary" data-testid="print" onClick={() => window.print()}>
                {t('notice.print')}
              </button>
              <button type="button" class="btn" onClick={() => navigate(`/cases/${c().id}`)}>
                {t('common.back')}
              </button>
            </div>
            <div class="print-doc" data-testid={`notice-${kind()}`} data-ready={String(qr() !== undefined)}>
              <For each={languages()}>
                {(lang) => (
                  <NoticePart
                    lang={lang}
                    kind={kind()}
                    c={c()}
                    fair={app.fair() as Fair}
                    users={read()?.users ?? []}
                    deviceCode={app.device()?.shortCode ?? ''}
                    printedAt={printedAt}
                    qr={qr()}
                  />
                )}
              </For>
            </div>
          </div>
        )}
      </Show>
    </Show>
  );
}

