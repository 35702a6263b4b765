import { createResource, onCleanup, Show, type JSX } from 'solid-js';
import { signatureBlob } from './commitment-print.data';

/** The stored signature PNG of a commitment (evidence kind `signature`), as an image. */
export function SignatureImage(props: { readonly evidenceId: string; readonly class?: string; readonly alt: string }): JSX.Element {
  const [url] = createResource(
    () => props.evidenceId,
    async (id) => {
      const blob = await signatureBlob(id);
      return blob === undefined ? undefined : URL.createObjectURL(blob);
    },
  );
  onCleanup(() => {
    const u = url();
    if (u !== undefined) URL.revokeObjectURL(u);
  });
  return (
    <Show when={url()} fallback={<span class="muted">…</span>}>
      {(u) => <img src={u()} class={props.class} alt={props.alt} data-testid="signature-image" />}
    </Show>
  );
}
