import { For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { t } from '../../i18n/index';
import './sign-in.css';

/**
 * A large touch keypad for the short PIN (LC5): 72 px keys for a gloved finger at a
 * standing desk, the digits shown as dots. A hardware keyboard works too (digits, Backspace,
 * Enter). Plain props, no store.
 */
export const PIN_MAX = 8;

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

export function PinPad(props: {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onSubmit: () => void;
  readonly error?: string | undefined;
  readonly busy?: boolean;
  readonly submitLabel: string;
}): JSX.Element {
  const press = (key: (typeof KEYS)[number]): void => {
    if (key === 'clear') props.onChange('');
    else if (key === 'back') props.onChange(props.value.slice(0, -1));
    else if (props.value.length < PIN_MAX) props.onChange(props.value + key);
  };
  const onKey = (e: KeyboardEvent): void => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
    if (/^[0-9]$/.test(e.key)) press(e.key as (typeof KEYS)[number]);
    else if (e.key === 'Backspace') press('back');
    else if (e.key === 'Enter' && props.value.length > 0) props.onSubmit();
    else return;
    e.preventDefault();
  };
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => document.removeEventListener('keydown', onKey));
  return (
    <div class="pin-pad" data-testid="pin-pad">
      <div class="pin-dots" role="img" aria-label={t('signIn.pinLabel')} data-testid="pin-dots" data-length={props.value.length}>
        <For each={Array.from({ length: Math.max(4, props.value.length) }, (_, i) => i)}>
          {(i) => <span class="pin-dot" classList={{ filled: i < props.value.length }} />}
        </For>
      </div>
      <Show when={props.error}>
        <p class="error pin-error" role="alert" data-testid="pin-error">
          {props.error}
        </p>
      </Show>
      <div class="pin-keys">
        <For each={KEYS}>
          {(key) => (
            <button
              type="button"
              class="pin-key"
              classList={{ aux: key === 'clear' || key === 'back' }}
              data-key={key}
              aria-label={key === 'clear' ? t('signIn.clear') : key === 'back' ? t('signIn.back') : key}
              onClick={() => press(key)}
            >
              {key === 'clear' ? t('signIn.clear') : key === 'back' ? '⌫' : key}
            </button>
          )}
        </For>
      </div>
      <button type="button" class="btn primary pin-submit" data-testid="pin-submit" disabled={props.value.length === 0 || props.busy === true} onClick={() => props.onSubmit()}>
        {props.submitLabel}
      </button>
    </div>
  );
}
