import { Show, type JSX } from 'solid-js';

/** A PIN typed in a form (new user): hidden, numeric keyboard, error under it. Never drafted. */
export function PinField(props: {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (v: string) => void;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
}): JSX.Element {
  const id = (): string => `f-${props.name}`;
  return (
    <div class="field" classList={{ invalid: props.error !== undefined }}>
      <label for={id()}>{props.label}</label>
      <input
        id={id()}
        name={props.name}
        class="pin-input"
        type="password"
        inputMode="numeric"
        autocomplete="off"
        maxLength={8}
        value={props.value}
        aria-invalid={props.error !== undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <Show when={props.hint}>
        <p class="hint">{props.hint}</p>
      </Show>
      <Show when={props.error}>
        <p class="error" role="alert">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
