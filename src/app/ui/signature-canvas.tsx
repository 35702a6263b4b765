import { onCleanup, onMount, Show, type JSX } from 'solid-js';
import './signature-canvas.css';

/**
 * A handwritten signature drawn with a finger or pen (CS2 party commands, the complaint form,
 * the commitment §8), through signature_pad in a lazy chunk. Each finished stroke hands the PNG up
 * as a data URL, so a draft keeps it across a reload; a value given at open is drawn back.
 */
export function SignatureCanvas(props: {
  readonly label: string;
  readonly clearLabel: string;
  readonly hint?: string;
  readonly testId: string;
  readonly clearTestId?: string;
  /** A signature already drawn (a restored draft), drawn back on open. */
  readonly value?: string;
  readonly onChange: (dataUrl: string) => void;
  readonly error?: string | undefined;
}): JSX.Element {
  let canvas: HTMLCanvasElement | undefined;
  let pad: { clear(): void; off(): void } | undefined;
  // eslint-disable-next-line solid/reactivity -- the value at open only
  const initial = props.value ?? '';
  let disposed = false;
  onMount(() => {
    void import('../lib/signature-pad.chunk').then(({ SignaturePad }) => {
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
      if (initial !== '') void p.fromDataURL(initial, { ratio });
    });
  });
  onCleanup(() => {
    disposed = true;
    pad?.off();
  });
  return (
    <div class="field signature-field" classList={{ invalid: props.error !== undefined }}>
      <span class="label">{props.label}</span>
      <canvas ref={canvas} class="signature-canvas" data-testid={props.testId} aria-label={props.hint ?? props.label} />
      <div class="actions">
        <Show when={props.hint}>
          <span class="muted">{props.hint}</span>
        </Show>
        <button
          type="button"
          class="btn link"
          data-testid={props.clearTestId}
          onClick={() => {
            pad?.clear();
            props.onChange('');
          }}
        >
          {props.clearLabel}
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
