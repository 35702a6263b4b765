import { For, Show, type JSX } from 'solid-js';
import { CHECKLIST_STATUSES, needsOriginal, type ChecklistItem } from '../../../domain/case/checklist';
import type { FieldError } from '../../../domain/field-errors';
import { t } from '../../i18n/index';
import { messagesUnder } from '../../lib/field-errors';
import { CheckField } from '../../ui/field';
import type { ComplaintForm } from './complaint-form';

/**
 * The §5 document checklist for the rights' IP types, the standing, an agent and a foreign
 * complainant (`requiredChecklist`): per code provided / verified, and for `orig` items whether
 * the original was sighted. Waivers are the expert's, at acceptance (CS12).
 */
export function ChecklistFields(props: {
  readonly items: readonly ChecklistItem[];
  readonly errors: readonly FieldError[];
  readonly update: (mutate: (d: ComplaintForm) => void) => void;
}): JSX.Element {
  const statuses = CHECKLIST_STATUSES.filter((s) => s !== 'waived');
  return (
    <>
    <div class="actions checklist-actions">
      <button type="button" class="btn" data-testid="checklist-all-verified" disabled={props.items.length === 0 || props.items.every((i) => i.status === 'verified')} onClick={() => markAllVerified(props.items, props.update)}>
        {t('checklist.allVerified')}
      </button>
    </div>
    <table class="list checklist" data-testid="checklist">
      <tbody>
        <For each={props.items}>
          {(item, i) => (
            <tr data-code={item.code}>
              <td>
                <strong>{item.code}</strong> {t(`code.${item.code}`)}
                <Show when={!item.required}>
                  <span class="muted"> {t('checklist.optional')}</span>
                </Show>
                <Show when={messagesUnder(props.errors, `checklist.${i()}`)}>{(m) => <p class="error">{m()}</p>}</Show>
              </td>
              <td>
                <select
                  name={`checklist.${item.code}`}
                  aria-label={`${item.code} ${t(`code.${item.code}`)}`}
                  aria-invalid={messagesUnder(props.errors, `checklist.${i()}`) !== undefined}
                  onChange={(e) => {
                    const status = e.currentTarget.value as ChecklistItem['status'];
                    props.update((d) => void (d.checklist[item.code] = { status, originalSighted: d.checklist[item.code]?.originalSighted ?? false }));
                  }}
                >
                  <For each={statuses}>
                    {(s) => (
                      <option value={s} selected={s === item.status}>
                        {t(`checklist.status.${s}`)}
                      </option>
                    )}
                  </For>
                </select>
              </td>
              <td>
                <Show when={needsOriginal(item.code)}>
                  <CheckField
                    label={t('checklist.original')}
                    name={`checklist.${item.code}.original`}
                    checked={item.originalSighted}
                    onChange={(on) => props.update((d) => void (d.checklist[item.code] = { status: d.checklist[item.code]?.status ?? 'missing', originalSighted: on }))}
                  />
                </Show>
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
    </>
  );
}

/** One tap when every document has been checked: the clerk no longer opens each list in turn. */
function markAllVerified(items: readonly ChecklistItem[], update: (mutate: (d: ComplaintForm) => void) => void): void {
  update((d) => {
    for (const item of items) d.checklist[item.code] = { status: 'verified', originalSighted: d.checklist[item.code]?.originalSighted ?? false };
  });
}
