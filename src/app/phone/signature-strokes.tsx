import type SignaturePadClass from 'signature_pad';
import { onCleanup, onMount, Show, type JSX } from 'solid-js';
import type { Strokes } from '../../domain/wire/phone-payload';
import { SIGNATURE_BOX } from '../../domain/wire/signature-box';
import { t } from '../i18n/index';

/**
 * The handwritten signature on the phone (CS2 for the complaint, §8 for the commitment), drawn
 * with signature_pad (lazy). It is kept as strokes in a fixed 600 × 200 box, not as a PNG: a few
 * hundred bytes deflated instead of tens of kilobytes, so the hand-off stays one or two frames
 * (QR13). The desk draws them back into the PNG it stores as evidence.
 */
export function SignatureStrokes(props: {
  readonly value: Strokes;
  readonly onChange: (strokes: Strokes) => void;
  readonly error?: string | undefined;
}): JSX.Element {
  let canvas: HTMLCanvasElement | undefined;
  let pad: SignaturePadClass | undefined;
  let disposed = false;
  const scale = (): number => (canvas === undefined || canvas.offsetWidth === 0 ? 1 : SIGNATURE_BOX.width / canvas.offsetWidth);
  const load = (): void => {
    // eslint-disable-next-line solid/reactivity -- the pad calls back on its own events, not in a render
    void import('signature_pad').then(({ default: SignaturePad }) => {
      if (disposed || canvas === undefined) return;
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext('2d')?.scale(ratio, ratio);
      const p = new SignaturePad(canvas, { penColor: '#0b1f3a', minWidth: 1, maxWidth: 3 });
      const k = scale();
      const clamp = (v: number, max: number): number => Math.min(max, Math.max(0, Math.round(v * k)));
      p.addEventListener('endStroke', () =>
        props.onChange(
          p
            .toData()
            .map((g) => g.points.flatMap((pt) => [clamp(pt.x, SIGNATURE_BOX.width), clamp(pt.y, SIGNATURE_BOX.height)]))
            .filter((s) => s.length >= 2),
        ),
      );
      if (props.value.length > 0) {
        p.fromData(
          props.value.map((s) => ({
            dotSize: 0,
            minWidth: 1,
            maxWidth: 3,
            penColor: '#0b1f3a',
            velocityFilterWeight: 0.7,
            compositeOperation: 'source-over' as const,
            points: Array.from({ length: Math.floor(s.length / 2) }, (_, i) => ({ x: (s[2 * i] ?? 0) / k, y: (s[2 * i + 1] ?? 0) / k, pressure: 0.5, time: 0 })),
          })),
        );
      }
      pad = p;
      canvas.dataset.ready = 'true';
    });
  };
  let seen: IntersectionObserver | undefined;
  onMount(() => {
    // The pad (signature_pad) loads when the box comes near the screen, not with the form: the
    // signature is the last field, and the phone's first load stays small (on a mobile connection).
    if (canvas === undefined || typeof IntersectionObserver === 'undefined') return load();
    seen = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        seen?.disconnect();
        load();
      },
      { rootMargin: '800px 0px' },
    );
    seen.observe(canvas);
  });
  onCleanup(() => {
    disposed = true;
    seen?.disconnect();
    pad?.off();
  });
  return (
    <div class="field signature-field" classList={{ invalid: props.error !== undefined }}>
      <span class="label">{t('phone.signature')}</span>
      <canvas ref={canvas} class="phone-signature" data-testid="signature-canvas" aria-label={t('phone.signatureHint')} />
      <div class="actions">
        <span class="muted">{t('phone.signatureHint')}</span>
        <button
          type="button"
          class="btn"
          data-testid="signature-clear"
          onClick={() => {
            pad?.clear();
            props.onChange([]);
          }}
        >
          {t('phone.signatureClear')}
        </button>
      </div>
      <Show when={props.error}>
        <p class="error" role="alert">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
