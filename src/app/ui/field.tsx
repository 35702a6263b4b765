import { For, Show, type JSX } from 'solid-js';

/**
 * Form widgets for a 10-inch touch tablet: ≥ 48 px targets, labels always visible, the error
 * under its field (CD7: a field error in the user's language). Plain props, no
 * store imports (a widget of `app/ui`).
 */
interface Common {
  readonly label: string;
  /** `name` attribute and test handle. */
  readonly name: string;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
}

export function TextField(
  props: Common & {
    readonly value: string;
    readonly onInput: (value: string) => void;
    readonly type?: 'text' | 'date' | 'time' | 'tel' | 'search';
    readonly inputMode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'search';
    readonly placeholder?: string;
    readonly autocapitalize?: 'characters' | 'off';
    readonly list?: string;
  },
): JSX.Element {
  const id = (): string => `f-${props.name}`;
  return (
    <div class="field" classList={{ invalid: props.error !== undefined }}>
      <label for={id()}>{props.label}</label>
      <input
        id={id()}
        name={props.name}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        value={props.value}
        placeholder={props.placeholder}
        autocapitalize={props.autocapitalize}
        autocomplete="off"
        list={props.list}
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

export function SelectField<V extends string>(
  props: Common & {
    readonly value: V;
    readonly options: readonly { readonly value: V; readonly label: string }[];
    readonly onChange: (value: V) => void;
  },
): JSX.Element {
  const id = (): string => `f-${props.name}`;
  return (
    <div class="field" classList={{ invalid: props.error !== undefined }}>
      <label for={id()}>{props.label}</label>
      {/* Off like the text fields: a shared kiosk does not offer one visitor's choices to the next; and
          Chromium's autofill then does less after each change (P3: the board's filters, ~20 % of a frame). */}
      <select id={id()} name={props.name} autocomplete="off" aria-invalid={props.error !== undefined} onChange={(e) => props.onChange(e.currentTarget.value as V)}>
        <For each={props.options}>
          {(o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          )}
        </For>
      </select>
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

export function CheckField(props: { readonly label: string; readonly name: string; readonly checked: boolean; readonly onChange: (v: boolean) => void }): JSX.Element {
  return (
    <label class="check">
      <input type="checkbox" name={props.name} checked={props.checked} onChange={(e) => props.onChange(e.currentTarget.checked)} />
      <span>{props.label}</span>
    </label>
  );
}

/** A set of checkboxes for a multi-choice setting (IP types, measures, languages…). */
export function CheckGroup<V extends string>(
  props: Common & {
    readonly options: readonly { readonly value: V; readonly label: string }[];
    readonly selected: readonly V[];
    readonly onChange: (selected: V[]) => void;
  },
): JSX.Element {
  const toggle = (v: V, on: boolean): void => {
    const next = props.options.map((o) => o.value).filter((o) => (o === v ? on : props.selected.includes(o)));
    props.onChange(next);
  };
  return (
    <fieldset class="field check-group" classList={{ invalid: props.error !== undefined }}>
      <legend>{props.label}</legend>
      <div class="checks">
        <For each={props.options}>
          {(o) => <CheckField label={o.label} name={`${props.name}.${o.value}`} checked={props.selected.includes(o.value)} onChange={(on) => toggle(o.value, on)} />}
        </For>
      </div>
      <Show when={props.error}>
        <p class="error" role="alert">
          {props.error}
        </p>
      </Show>
    </fieldset>
  );
}
