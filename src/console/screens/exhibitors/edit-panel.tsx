import { Show, createSignal, untrack, type JSX } from 'solid-js';
import type { Exhibitor } from '../../../domain/exhibitor';
import { splitBooths } from '../../../domain/exhibitor-import';
import type { FieldError } from '../../../domain/field-errors';
import type { ExhibitorsImported } from '../../../domain/wire/console-review';
import { Notice } from '../../../app/ui/notice';
import type { ApiFailure } from '../../lib/api';
import { failureText } from '../../lib/failure';
import { editRow } from './exhibitors.data';
import { boothsText, errorLine, t } from './exhibitor-text';

/** One exhibitor's row edited on the server's list (CO23): names and booths. */
export function EditPanel(props: { readonly exhibitor: Exhibitor; readonly fairId: string; readonly onClose: (saved?: ExhibitorsImported) => void }): JSX.Element {
  // The form starts from the row as it was when Edit was pressed; a refresh meanwhile does not overwrite typing.
  const start = untrack(() => props.exhibitor);
  const [nameZh, setNameZh] = createSignal(start.nameZh);
  const [nameEn, setNameEn] = createSignal(start.nameEn ?? '');
  const [booths, setBooths] = createSignal(boothsText(start.booths).replace(/; /g, ';'));
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [failure, setFailure] = createSignal<ApiFailure>();
  const save = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const { id: _id, fairId: _f, createdAt: _c, createdBy: _b, deviceId: _d, listVersion: _v, ...rest } = props.exhibitor;
    const fields = { ...rest, nameZh: nameZh().trim(), nameEn: nameEn().trim() === '' ? undefined : nameEn().trim(), booths: splitBooths('', booths()) };
    const r = await editRow(props.fairId, props.exhibitor.id, fields);
    if (!r.ok) return void setFailure(r.failure);
    if (r.value.rowErrors.length > 0) return void setErrors(r.value.rowErrors.flatMap((x) => x.errors));
    props.onClose(r.value);
  };
  return (
    <form class="panel" data-testid="ex-edit-form" onSubmit={(e) => void save(e)} novalidate>
      <h2>{t('ex.editTitle', { name: props.exhibitor.nameZh })}</h2>
      <div class="row">
        <label class="field">
          <span>{t('ex.nameZh')}</span>
          <input value={nameZh()} onInput={(e) => setNameZh(e.currentTarget.value)} data-testid="ex-edit-nameZh" />
        </label>
        <label class="field">
          <span>{t('ex.nameEn')}</span>
          <input value={nameEn()} onInput={(e) => setNameEn(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('ex.boothsField')}</span>
          <input value={booths()} onInput={(e) => setBooths(e.currentTarget.value)} />
        </label>
      </div>
      <Show when={errors().length > 0}>
        <Notice kind="error">{errors().map(errorLine).join(' · ')}</Notice>
      </Show>
      <Show when={failure()}>{(f) => <Notice kind="error">{failureText(f())}</Notice>}</Show>
      <div class="actions">
        <button type="submit" class="btn primary" data-testid="ex-edit-save">
          {t('ex.save')}
        </button>
        <button type="button" class="btn" onClick={() => props.onClose()}>
          {t('ex.cancel')}
        </button>
      </div>
    </form>
  );
}
