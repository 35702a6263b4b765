import { Show, type JSX } from 'solid-js';

/**
 * A secret typed in a form: a tablet user's PIN or a console account's password. Hidden, its
 * label always visible, its error under it and tied to it for screen readers. Never drafted:
 * the forms that use it keep the value in a signal only. Plain props.
 */
export function SecretField(props: {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (v: string) => void;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
  /** A PIN: the numeric keyboard, at most 8 digits, shown spaced out. */
  readonly pin?: boolean;
  /** A password manager's cue; a shared kiosk's PINs take none ('off'). */
  readonly autocomplete?: 'current-password' | 'new-password' | 'off';
}): JSX.Element {
  const id = (): string => `f-${props.name}`;
  return (
    <div class="field" classList={{ invalid: props.error !== undefined }}>
      <label for={id()}>{props.label}</label>
      <input
        id={id()}
        name={props.name}
        class={props.pin === true ? 'pin-input' : undefined}
        type="password"
        inputMode={props.pin === true ? 'numeric' : undefined}
        maxLength={props.pin === true ? 8 : undefined}
        autocomplete={props.autocomplete ?? 'off'}
        value={props.value}
        aria-invalid={props.error !== undefined}
        aria-describedby={props.error !== undefined ? `${id()}-err` : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <Show when={props.hint}>
        <p class="hint">{props.hint}</p>
      </Show>
      <Show when={props.error}>
        <p class="error" id={`${id()}-err`} role="alert">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
