import { Show, type JSX } from 'solid-js';
import { FormErrorSummary } from './form-errors';

/**
 * The foot of a long form: the refused save's summary beside Save (form-errors.tsx), Save, and
 * the way back, kept in reach at the bottom of the screen. The tablet's forms and the console's
 * fair form share it, so a refusal reads and behaves the same on both. Plain props.
 */
export function FormActions(props: {
  /** The last save's failure: a new value on every refused save, undefined when none. */
  readonly refusal: unknown;
  readonly refusedTitle: string;
  /** A refusal with no field to point at. */
  readonly message?: string | undefined;
  readonly saveLabel: string;
  readonly saveTestId: string;
  readonly busy?: boolean | undefined;
  readonly backLabel: string;
  readonly onBack: () => void;
  /** Anything more between Save and the way back. */
  readonly children?: JSX.Element;
}): JSX.Element {
  return (
    <div class="actions sticky-actions">
      <FormErrorSummary refusal={props.refusal} title={props.refusedTitle} message={props.message} />
      <button type="submit" class="btn primary" data-testid={props.saveTestId} disabled={props.busy === true}>
        {props.saveLabel}
      </button>
      <Show when={props.children}>{props.children}</Show>
      <button type="button" class="btn" onClick={() => props.onBack()}>
        {props.backLabel}
      </button>
    </div>
  );
}
