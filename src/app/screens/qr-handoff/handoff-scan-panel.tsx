import { For, Index, Show, type JSX } from 'solid-js';
import { t } from '../../i18n/index';
import { Notice } from '../../ui/notice';
import type { Handoff } from './qr-handoff.data';
import { Scanner } from './scanner';

/** The camera reading the phone's animated QR: start and stop, the parts received, the issues. */
export function HandoffScanPanel(props: { readonly h: Handoff }): JSX.Element {
  const scan = (): Handoff['scan'] => props.h.scan;
  return (
    <section class="panel handoff-scan">
      <h2>{t('handoff.scanTitle')}</h2>
      <Show
        when={props.h.scanning()}
        fallback={
          <Show when={scan().payload() === undefined}>
            <button type="button" class="btn primary" data-testid="scan-start" onClick={() => props.h.startScan()}>
              {t('handoff.start')}
            </button>
          </Show>
        }
      >
        <Scanner onText={(text, look) => props.h.onText(text, look)} onReady={() => performance.mark('qr-camera-ready')} onDecodedAt={(size) => props.h.setDecodedAt(size)} onError={(d) => props.h.cameraFailed(d)} />
        <button type="button" class="btn" data-testid="scan-stop" onClick={() => props.h.stopScan()}>
          {t('handoff.stop')}
        </button>
      </Show>
      <Show when={props.h.cameraError()}>{(d) => <Notice kind="error">{t('handoff.cameraError', { detail: d() })}</Notice>}</Show>
      <div class="handoff-progress" data-testid="scan-progress" data-received={scan().received().length} data-total={scan().total()} data-decoded-at={props.h.decodedAt()} data-second-reads={props.h.secondReads()}>
        <Show when={scan().total() > 0} fallback={<span class="muted">{props.h.scanning() ? t('handoff.waiting') : ''}</span>}>
          <span>{t('handoff.progress', { count: scan().received().length, total: scan().total() })}</span>
          <div class="parts">
            <Index each={Array.from({ length: scan().total() }, (_, i) => i)}>
              {(i) => <span class="part" classList={{ got: scan().received().includes(i()) }} data-testid="scan-part" />}
            </Index>
          </div>
        </Show>
      </div>
      <For each={scan().issues()}>
        {(code) => (
          <Notice kind="warn" testId="scan-issue">
            <span data-code={code}>{t(`qr.${code}`)}</span>
          </Notice>
        )}
      </For>
    </section>
  );
}
