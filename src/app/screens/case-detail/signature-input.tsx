import { onCleanup, onMount, Show, type JSX } from 'solid-js';
import { t } from '../../i18n/index';

/**
 * A party's handwritten signature on a case action (CS2: party commands carry it), drawn with
 * signature_pad (the lazy chunk of the commitment screen). The PNG data URL goes up on every stroke.
 */
export function SignatureInput(props: {
  readonly name: string;
  readonly label: string;
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
    void import('./signature-pad.chunk').then(({ SignaturePad }) => {
      if (disposed || canvas === undefined) return;
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
      <canvas ref={canvas} class="signature-canvas" data-testid={`sig-${props.name}`} aria-label={props.label} />
      <button
        type="button"
        class="btn link"
        onClick={() => {
          pad?.clear();
          props.onChange('');
        }}
      >
        {t('signature.clear')}
      </button>
      <Show when={props.error}>
        <p class="error" role="alert">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
