import { Show, type JSX } from 'solid-js';

/** A password input with its label and error (the shared TextField has no password type). */
export function PasswordField(props: {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly autocomplete: 'current-password' | 'new-password';
  readonly onInput: (v: string) => void;
  readonly error?: string | undefined;
}): JSX.Element {
  const id = (): string => `f-${props.name}`;
  return (
    <div class="field" classList={{ invalid: props.error !== undefined }}>
      <label for={id()}>{props.label}</label>
      <input
        id={id()}
        name={props.name}
        type="password"
        autocomplete={props.autocomplete}
        value={props.value}
        aria-invalid={props.error !== undefined}
        aria-describedby={props.error !== undefined ? `${id()}-err` : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <Show when={props.error}>
        {(m) => (
          <p class="error" id={`${id()}-err`} role="alert">
            {m()}
          </p>
        )}
      </Show>
    </div>
  );
}
