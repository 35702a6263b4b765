import './form-errors.css';
import { createEffect, createSignal, For, on, onCleanup, Show, type JSX } from 'solid-js';

/**
 * What a refused save says where the person is looking: next to the Save button. A form shows
 * each error under its field; this summary lists those fields, each a link that focuses it, and
 * on every refusal scrolls to and focuses the first one (the message at the top of a long form
 * was out of sight). It reads the form it sits in (`aria-invalid` inputs, invalid field groups,
 * error lines), so a form needs no second list of its fields: one piece for every form.
 * Plain props, no store imports.
 */
export interface ErrorEntry {
  readonly label: string;
  readonly message: string;
  readonly target: HTMLElement;
}

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** The label a person sees for a control: its `<label>`, its group's legend, or its aria-label. */
function labelOf(control: HTMLElement, root: ParentNode): string {
  const id = control.id;
  const forLabel = id === '' ? null : root.querySelector(`label[for="${CSS.escape(id)}"]`);
  if (forLabel !== null) return clean(forLabel.textContent);
  const wrapping = control.closest('label');
  if (wrapping !== null) return clean(wrapping.textContent);
  const legend = control.closest('fieldset')?.querySelector('legend');
  if (legend) return clean(legend.textContent);
  return clean(control.getAttribute('aria-label') ?? control.getAttribute('name'));
}

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), canvas[tabindex], [tabindex]:not([tabindex="-1"])';

/** Every field in error inside `root`, in document order (top to bottom, as the form reads). */
export function errorsIn(root: ParentNode): ErrorEntry[] {
  const out: ErrorEntry[] = [];
  const seen = new Set<Element>();
  const nodes = root.querySelectorAll<HTMLElement>('[aria-invalid="true"], fieldset.invalid, .field.invalid, .error');
  for (const node of nodes) {
    if (node.closest('[data-error-summary]') !== null) continue;
    const owner = node.closest('.field, fieldset, tr, .row');
    // An error line of a whole section (no field of its own) points at itself.
    const group = owner ?? node;
    if (seen.has(group)) continue;
    seen.add(group);
    const control =
      owner === null ? null : node.matches('input, select, textarea') ? node : (group.querySelector<HTMLElement>('[aria-invalid="true"]') ?? group.querySelector<HTMLElement>(FOCUSABLE));
    const errorLine = group.matches('.error') ? group : group.querySelector('.error');
    const message = clean(errorLine?.textContent);
    const label = control === null ? '' : labelOf(control, root);
    if (control === null && message === '') continue;
    const target = control ?? (errorLine as HTMLElement);
    if (control === null) target.tabIndex = -1;
    out.push({ label: label === '' ? message : label, message: label === '' ? '' : message, target });
  }
  return out;
}

const sameEntries = (a: readonly ErrorEntry[], b: readonly ErrorEntry[]): boolean =>
  a.length === b.length && a.every((e, i) => e.target === b[i]?.target && e.label === b[i]?.label && e.message === b[i]?.message);

/** Scrolls a field to the middle of the screen (clear of the sticky Save bar) and focuses it. */
export function focusField(el: HTMLElement): void {
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
}

/**
 * Put it beside the Save button, inside the form. `refusal` is the failure of the last save: a
 * new value on every refused save (undefined when none). `message` is a refusal with no field to
 * point at (a storage error, a case rule).
 */
export function FormErrorSummary(props: { readonly refusal: unknown; readonly title: string; readonly message?: string | undefined; readonly testId?: string }): JSX.Element {
  let host: HTMLDivElement | undefined;
  const [entries, setEntries] = createSignal<readonly ErrorEntry[]>([]);
  const root = (): ParentNode | null => host?.closest('form') ?? host?.closest('[data-form]') ?? null;
  const collect = (): ErrorEntry[] => {
    const r = root();
    return r === null ? [] : errorsIn(r);
  };
  let observer: MutationObserver | undefined;
  onCleanup(() => observer?.disconnect());
  createEffect(
    on(
      () => props.refusal,
      (refusal) => {
        observer?.disconnect();
        if (refusal === undefined || refusal === null || refusal === false) {
          setEntries([]);
          return;
        }
        // After this render: the fields show their errors in the same update as the refusal.
        queueMicrotask(() => {
          const found = collect();
          setEntries(found);
          const first = found[0];
          if (first !== undefined) focusField(first.target);
          else if (host !== undefined) host.scrollIntoView({ block: 'nearest' });
          const r = root();
          // Fixing a field takes it off the list (where the form re-checks as one types).
          if (r !== null && typeof MutationObserver !== 'undefined') {
            observer = new MutationObserver((records) => {
              // The summary's own list changes are no news (and would loop).
              if (records.every((r) => host?.contains(r.target) === true)) return;
              const next = collect();
              if (!sameEntries(next, entries())) setEntries(next);
            });
            observer.observe(r as Node, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-invalid', 'class'] });
          }
        });
      },
    ),
  );
  const shown = (): boolean => props.refusal !== undefined && props.refusal !== null && props.refusal !== false && (entries().length > 0 || props.message !== undefined);
  return (
    <div ref={host} data-error-summary class="error-summary-host" data-testid={props.testId ?? 'error-summary'}>
      <Show when={shown()}>
        <div class="error-summary" role="alert">
          <strong>{props.title}</strong>
          <Show when={props.message}>
            <p>{props.message}</p>
          </Show>
          <Show when={entries().length > 0}>
            <ul>
              <For each={entries()}>
                {(e) => (
                  <li>
                    <a
                      href="#"
                      data-testid="error-link"
                      onClick={(ev) => {
                        ev.preventDefault();
                        focusField(e.target);
                      }}
                    >
                      {e.label}
                    </a>
                    <Show when={e.message !== '' && e.message !== e.label}>
                      <span class="muted">{`: ${e.message}`}</span>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </div>
      </Show>
    </div>
  );
}
