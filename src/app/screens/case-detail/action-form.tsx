import { createSignal, For, Match, Show, Switch, untrack, type JSX } from 'solid-js';
import { createStore } from 'solid-js/store';
import { CHECKLIST_STATUSES } from '../../../domain/case/checklist';
import type { FieldError } from '../../../domain/field-errors';
import { t } from '../../i18n/index';
import { FormErrorSummary } from '../../ui/form-errors';
import { messageAt, messagesUnder } from '../../lib/field-errors';
import { CheckField, CheckGroup, SelectField, TextField } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { ACTION_SPECS, checklistRows, type ActionContext, type ChecklistValue, type FieldSpec, type Values } from './action-specs';
import type { CommandType } from './action-codes';
import { SignatureCanvas } from '../../ui/signature-canvas';
import { FilePhotos } from '../../evidence/evidence-photos';

/** The form of one case action; `submit` validates, stores evidence and applies (case-action.ts). */
export function ActionForm(props: {
  readonly type: CommandType;
  readonly ctx: ActionContext;
  readonly submit: (values: Values, fields: readonly FieldSpec[]) => Promise<{ fields: readonly FieldError[]; message?: string } | undefined>;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}): JSX.Element {
  // eslint-disable-next-line solid/reactivity -- one form per opened action
  const spec = ACTION_SPECS[props.type];
  // eslint-disable-next-line solid/reactivity -- initial values once
  const [values, setValues] = createStore<Values>({ ...(spec?.initial?.(props.ctx) ?? {}) });
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [message, setMessage] = createSignal<string>();
  // A new value on every refusal: the summary beside the button then focuses the first field again.
  const [refusal, setRefusal] = createSignal<object>();
  const [busy, setBusy] = createSignal(false);
  // The fields are fixed when the form opens: new field objects on every clock tick would
  // re-mount the inputs (and wipe a signature being drawn).
  const specFields = untrack(() => spec?.fields(props.ctx) ?? []);
  const fields = (): FieldSpec[] => specFields;
  const visible = (): FieldSpec[] => fields().filter((f) => f.when === undefined || f.when(values));
  const set = (name: string, v: Values[string]): void => setValues(name, v as never);
  const err = (name: string): string | undefined => messageAt(errors(), name) ?? messagesUnder(errors(), name);
  const str = (name: string): string => (typeof values[name] === 'string' ? (values[name] as string) : '');

  const submit = async (): Promise<void> => {
    if (busy()) return;
    setBusy(true);
    try {
      const failed = await props.submit(values, visible());
      if (failed === undefined) {
        props.onDone();
        return;
      }
      setErrors(failed.fields);
      setRefusal({});
      setMessage(failed.message ?? (failed.fields.length > 0 ? t('common.fixErrors') : undefined));
    } finally {
      setBusy(false);
    }
  };

  const checklist = (): ChecklistValue => (values.checklist ?? {}) as ChecklistValue;
  const setCheck = (code: string, patch: Partial<ChecklistValue[string]>, base: ChecklistValue[string]): void =>
    set('checklist', { ...checklist(), [code]: { ...base, ...checklist()[code], ...patch } });

  return (
    <form class="panel action-form" data-testid={`form-${props.type}`} onSubmit={(e) => e.preventDefault()}>
      <h2>{t(`cmd.${props.type}`)}</h2>
      <Show when={message()}>{(m) => <Notice kind="error" testId="action-error">{m()}</Notice>}</Show>
      <For each={visible()}>
        {(f) => (
          <Switch>
            <Match when={f.kind === 'text'}>
              <TextField label={t(f.label)} name={f.name} value={str(f.name)} error={err(f.name)} onInput={(v) => set(f.name, v)} />
            </Match>
            <Match when={f.kind === 'textarea'}>
              <div class="field" classList={{ invalid: err(f.name) !== undefined }}>
                <label for={`a-${f.name}`}>{t(f.label)}</label>
                <textarea id={`a-${f.name}`} name={f.name} rows={3} value={str(f.name)} onInput={(e) => set(f.name, e.currentTarget.value)} />
                <Show when={err(f.name)}>{(m) => <p class="error" role="alert">{m()}</p>}</Show>
              </div>
            </Match>
            <Match when={f.kind === 'select'}>
              <SelectField label={t(f.label)} name={f.name} value={str(f.name)} options={f.options ?? []} error={err(f.name)} onChange={(v) => set(f.name, v)} />
            </Match>
            <Match when={f.kind === 'datetime'}>
              <div class="field" classList={{ invalid: err(f.name) !== undefined }}>
                <label for={`a-${f.name}`}>
                  {t(f.label)} ({props.ctx.fair.settings.timeZone})
                </label>
                <input id={`a-${f.name}`} name={f.name} type="datetime-local" value={str(f.name)} onInput={(e) => set(f.name, e.currentTarget.value)} />
                <Show when={err(f.name)}>{(m) => <p class="error" role="alert">{m()}</p>}</Show>
              </div>
            </Match>
            <Match when={f.kind === 'check'}>
              <CheckField label={t(f.label)} name={f.name} checked={values[f.name] === true} onChange={(on) => set(f.name, on)} />
            </Match>
            <Match when={f.kind === 'multi'}>
              <CheckGroup label={t(f.label)} name={f.name} options={f.options ?? []} selected={(values[f.name] ?? []) as string[]} error={err(f.name)} onChange={(v) => set(f.name, v)} />
            </Match>
            <Match when={f.kind === 'signature'}>
              <SignatureCanvas testId={`sig-${f.name}`} label={t(f.label)} clearLabel={t('signature.clear')} error={err(f.name)} onChange={(url) => set(f.name, url)} />
            </Match>
            <Match when={f.kind === 'photos'}>
              <div class="field" classList={{ invalid: err(f.name) !== undefined }}>
                <label for={`a-${f.name}`}>{t(f.label)}</label>
                <input
                  id={`a-${f.name}`}
                  name={f.name}
                  data-testid={`photos-${f.name}`}
                  type="file"
                  accept="image/*"
                  capture="environment"
                  multiple
                  onChange={(e) => set(f.name, Array.from(e.currentTarget.files ?? []))}
                />
                <p class="hint">{t('evidence.count', { count: ((values[f.name] ?? []) as File[]).length })}</p>
                <FilePhotos files={(values[f.name] ?? []) as File[]} testId={`picked-photos-${f.name}`} />
                <Show when={err(f.name)}>{(m) => <p class="error" role="alert">{m()}</p>}</Show>
              </div>
            </Match>
            <Match when={f.kind === 'checklist'}>
              <table class="list checklist">
                <tbody>
                  <For each={checklistRows(props.ctx.case)}>
                    {(row) => {
                      const cur = (): ChecklistValue[string] => checklist()[row.item.code] ?? { status: row.item.status, originalSighted: row.item.originalSighted, waiverReason: row.item.waiverReason ?? '' };
                      return (
                        <tr data-code={row.item.code}>
                          <td>
                            <strong>{row.item.code}</strong> {t(`code.${row.item.code}`)}
                            <Show when={!row.item.required}>
                              <span class="muted"> {t('checklist.optional')}</span>
                            </Show>
                          </td>
                          <td>
                            <select name={`checklist.${row.item.code}`} aria-label={row.item.code} onChange={(e) => setCheck(row.item.code, { status: e.currentTarget.value as ChecklistValue[string]['status'] }, cur())}>
                              <For each={CHECKLIST_STATUSES}>
                                {(s) => (
                                  <option value={s} selected={s === cur().status}>
                                    {t(`checklist.status.${s}`)}
                                  </option>
                                )}
                              </For>
                            </select>
                          </td>
                          <td>
                            <Show when={row.orig}>
                              <CheckField label={t('checklist.original')} name={`checklist.${row.item.code}.original`} checked={cur().originalSighted} onChange={(on) => setCheck(row.item.code, { originalSighted: on }, cur())} />
                            </Show>
                            <Show when={cur().status === 'waived'}>
                              <input name={`checklist.${row.item.code}.waiverReason`} placeholder={t('checklist.waiverReason')} value={cur().waiverReason} onInput={(e) => setCheck(row.item.code, { waiverReason: e.currentTarget.value }, cur())} />
                            </Show>
                          </td>
                        </tr>
                      );
                    }}
                  </For>
                </tbody>
              </table>
              <Show when={err('checklist') ?? err('items')}>{(m) => <p class="error" role="alert">{m()}</p>}</Show>
            </Match>
          </Switch>
        )}
      </For>
      <div class="actions">
        <FormErrorSummary refusal={refusal()} title={t('form.refused')} message={errors().length === 0 ? message() : undefined} />
        <button type="button" class="btn primary" data-testid="apply" disabled={busy()} onClick={() => void submit()}>
          {t('action.record')}
        </button>
        <button type="button" class="btn" onClick={() => props.onCancel()}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
