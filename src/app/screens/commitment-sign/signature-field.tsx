import { onCleanup, onMount, Show, type JSX } from 'solid-js';
import { t } from '../../i18n/index';

/**
 * The handwritten signature (issue 6 §1), drawn with a finger or pen on a canvas through
 * signature_pad (a lazy chunk). Each finished stroke hands the PNG up as a data URL, so the
 * draft keeps it across a reload; an existing data URL is drawn back on open.
 */
export function SignatureField(props: {
  readonly value: string;
  readonly onChange: (dataUrl: string) => void;
  readonly error?: string | undefined;
}): JSX.Element {
  let canvas: HTMLCanvasElement | undefined;
  let pad: { clear(): void; toDataURL(type?: string): string; fromDataURL(url: string, o?: { ratio?: number }): Promise<void>; isEmpty(): boolean; off(): void; addEventListener(n: string, f: () => void): void } | undefined;
  let disposed = false;
  onMount(() => {
    // eslint-disable-next-line solid/reactivity -- the pad calls back on its own events, not in a render
    void import('./signature-pad.chunk').then(({ SignaturePad }) => {
      if (disposed || canvas === undefined) return;
      // Sharp strokes on a high-density screen: the backing store is scaled by the pixel ratio.
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext('2d')?.scale(ratio, ratio);
      const p = new SignaturePad(canvas, { penColor: '#0b1f3a', minWidth: 1, maxWidth: 3 });
      p.addEventListener('endStroke', () => props.onChange(p.toDataURL('image/png')));
      pad = p;
      canvas.dataset.ready = 'true';
      if (props.value !== '') void p.fromDataURL(props.value, { ratio });
    });
  });
  onCleanup(() => {
    disposed = true;
    pad?.off();
  });
  return (
    <div class="field signature-field" classList={{ invalid: props.error !== undefined }}>
      <span class="label">{t('commit.signature')}</span>
      <canvas ref={canvas} class="signature-canvas" data-testid="signature-canvas" aria-label={t('commit.signatureHint')} />
      <div class="actions">
        <span class="muted">{t('commit.signatureHint')}</span>
        <button
          type="button"
          class="btn"
          data-testid="signature-clear"
          onClick={() => {
            pad?.clear();
            props.onChange('');
          }}
        >
          {t('commit.signatureClear')}
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
