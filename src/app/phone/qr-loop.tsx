import { createEffect, createResource, createSignal, onCleanup, Show, type JSX } from 'solid-js';
import type { QrMode } from '../../domain/wire/qr-frames';
import { t } from '../i18n/index';

/**
 * Drawn frames per mode, at one fixed QR version (QR7) and level M (QR6), whole pixels a module
 * and the 4-module quiet zone: uneven modules (a width that is not a multiple) defeat ZXing's
 * size estimate. The page scales the image down with `image-rendering: pixelated`.
 */
async function drawFrames(json: string, mode: QrMode): Promise<{ urls: string[]; intervalMs: number } | { error: string }> {
  // Both lazily: the form itself needs neither the frame encoder nor the QR drawer.
  const [{ tryEncodeFrames }, { toDataURL }] = await Promise.all([import('../../domain/wire/qr-frames'), import('../lib/qr-code.chunk')]);
  const encoded = tryEncodeFrames(json, mode);
  if (!encoded.ok) return { error: encoded.error.code };
  const { frames, layout } = encoded.value;
  const urls = await Promise.all(frames.map((f) => toDataURL(f, { errorCorrectionLevel: 'M', version: layout.qrVersion, margin: 4, scale: 8 })));
  return { urls, intervalMs: layout.intervalMs };
}

/**
 * "Show to the desk": the payload's FC1 frames in a loop at the layout's interval
 * (QR8: 250 ms, 500 ms in slow mode), until the filer says the desk has it. Order is only a
 * convenience; the desk reads them in any order.
 */
export function QrLoop(props: { readonly json: string; readonly photosToShow: number; readonly onBack: () => void; readonly onFinished: () => void }): JSX.Element {
  const [mode, setMode] = createSignal<QrMode>('normal');
  const [drawn] = createResource(() => [props.json, mode()] as const, ([json, m]) => drawFrames(json, m));
  const [index, setIndex] = createSignal(0);
  createEffect(() => {
    const d = drawn();
    if (d === undefined || 'error' in d) return;
    setIndex(0);
    const timer = setInterval(() => setIndex((i) => (i + 1) % d.urls.length), d.intervalMs);
    onCleanup(() => clearInterval(timer));
  });
  return (
    <section class="phone-handoff" data-testid="qr-loop">
      <h2>{t('phone.handoffTitle')}</h2>
      <Show when={drawn()} fallback={<p class="muted">…</p>}>
        {(d) => {
          const v = d();
          return 'error' in v ? (
            <p class="error" role="alert" data-testid="qr-error">
              {t(`qr.${v.error}` as 'qr.QR_TOO_LARGE')}
            </p>
          ) : (
            <>
              <img class="qr-frame" src={v.urls[index()]} alt={t('phone.frameOf', { index: index() + 1, total: v.urls.length })} data-testid="qr-frame" data-index={index()} data-total={v.urls.length} />
              <Show when={v.urls.length > 1}>
                <p class="muted" data-testid="qr-frame-of">
                  {t('phone.frameOf', { index: index() + 1, total: v.urls.length })}
                </p>
              </Show>
              <p data-testid="qr-hint">{v.urls.length > 1 ? t('phone.handoffHint', { count: v.urls.length }) : t('phone.handoffHintOne')}</p>
              <Show when={props.photosToShow > 0}>
                <p class="notice notice-info" data-testid="qr-photos">
                  {t('phone.handoffPhotos', { count: props.photosToShow })}
                </p>
              </Show>
            </>
          );
        }}
      </Show>
      <label class="check">
        <input type="checkbox" data-testid="slow-mode" checked={mode() === 'slow'} onChange={(e) => setMode(e.currentTarget.checked ? 'slow' : 'normal')} />
        <span>{t('phone.slowMode')}</span>
      </label>
      <div class="actions">
        <button type="button" class="btn" data-testid="back-to-form" onClick={() => props.onBack()}>
          {t('phone.backToForm')}
        </button>
        <button type="button" class="btn primary" data-testid="handoff-finished" onClick={() => props.onFinished()}>
          {t('phone.finished')}
        </button>
      </div>
    </section>
  );
}
