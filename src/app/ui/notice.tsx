import { Show, type JSX } from 'solid-js';

/** A banner: info, success, warning or error; with an optional action button. */
export function Notice(props: {
  readonly kind: 'info' | 'ok' | 'warn' | 'error';
  readonly children: JSX.Element;
  readonly testId?: string;
  readonly action?: { readonly label: string; readonly onClick: () => void } | undefined;
}): JSX.Element {
  return (
    <div class={`notice notice-${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'} data-testid={props.testId}>
      <div class="notice-text">{props.children}</div>
      <Show when={props.action}>
        {(a) => (
          <button type="button" class="btn" onClick={() => a().onClick()}>
            {a().label}
          </button>
        )}
      </Show>
    </div>
  );
}
