import { createSignal, For, Show, type JSX } from 'solid-js';
import { exhibitorKey, type Exhibitor } from '../../../domain/exhibitor';
import type { FieldError } from '../../../domain/field-errors';
import { t } from '../../i18n/index';
import { messageAt, messagesUnder } from '../../lib/field-errors';
import { TextField } from '../../ui/field';
import { createExhibitorSearch } from '../exhibitors/exhibitor-rows';
import type { ComplaintForm, RespondentForm } from './complaint-form';

/**
 * The respondents (CN4: one case each): picked from the fair's exhibitor list by any part of a
 * name, booth, USCC or contact (searched in memory, exhibitor-rows.ts), which gives the exhibitor key RP1 matches on, or entered by hand when
 * not listed (no key: CS12 then refuses to accept, NR_NOT_EXHIBITOR).
 */
/** Choices shown under the search field (a name typed further narrows them). */
const PICK_LIMIT = 8;

export function RespondentPicker(props: {
  readonly fairId: string;
  readonly form: ComplaintForm;
  readonly errors: readonly FieldError[];
  readonly update: (mutate: (d: ComplaintForm) => void) => void;
}): JSX.Element {
  const [search, setSearch] = createSignal('');
  const matches = createExhibitorSearch(() => props.fairId, search, PICK_LIMIT);
  const found = (): readonly Exhibitor[] => matches()?.found ?? [];
  const pick = (e: Exhibitor): void => {
    const booth = e.booths[0];
    props.update((d) => {
      d.respondents.push({ exhibitorKey: exhibitorKey(e), name: e.nameZh, hall: booth?.hall ?? '', stand: booth?.stand ?? '' });
    });
    setSearch('');
  };
  const set = (i: number, mutate: (r: RespondentForm) => void): void =>
    props.update((d) => {
      const r = d.respondents[i];
      if (r !== undefined) mutate(r);
    });
  return (
    <>
      <TextField label={t('intake.findExhibitorAny')} name="respondentSearch" type="search" value={search()} onInput={setSearch} />
      <Show when={search().trim() !== ''}>
        <ul class="pick-list" data-testid="exhibitor-results">
          <For each={found()} fallback={<li class="muted">{matches() === undefined ? t('common.loading') : t('intake.noMatch')}</li>}>
            {(e) => (
              <li>
                <button type="button" class="btn pick" data-testid="pick-exhibitor" onClick={() => pick(e)}>
                  <span>{e.booths.map((b) => `${b.hall}/${b.stand}`).join(', ')}</span>
                  <strong>{e.nameZh}</strong>
                  <Show when={e.nameEn}>{(n) => <span class="muted">{n()}</span>}</Show>
                  <span class="muted">{e.uscc ?? e.foreignRegNo ?? ''}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <For each={props.form.respondents}>
        {(r, i) => {
          const at = (f: string): string | undefined => messageAt(props.errors, `respondents.${i()}.${f}`);
          return (
            <div class="panel sub" data-testid={`respondent-${i()}`}>
              <p class="muted">{r.exhibitorKey === '' ? t('intake.notListed') : `${t('intake.listed')} · ${r.exhibitorKey}`}</p>
              <div class="grid">
                <TextField label={t('respondent.name')} name={`respondents.${i()}.name`} value={r.name} error={at('name')} onInput={(v) => set(i(), (x) => (x.name = v))} />
                <TextField label={t('respondent.hall')} name={`respondents.${i()}.booth.hall`} value={r.hall} autocapitalize="characters" error={at('booth.hall') ?? at('booth')} onInput={(v) => set(i(), (x) => (x.hall = v.toUpperCase()))} />
                <TextField label={t('respondent.stand')} name={`respondents.${i()}.booth.stand`} value={r.stand} autocapitalize="characters" error={at('booth.stand')} onInput={(v) => set(i(), (x) => (x.stand = v.toUpperCase()))} />
              </div>
              <button type="button" class="btn danger" onClick={() => {
                const idx = i();
                props.update((d) => void d.respondents.splice(idx, 1));
              }}>
                {t('intake.removeRow')}
              </button>
            </div>
          );
        }}
      </For>
      <Show when={messagesUnder(props.errors, 'respondents') !== undefined && props.form.respondents.length === 0}>
        <p class="error" role="alert" data-testid="respondents-error">
          {t('intake.respondentsNone')}
        </p>
      </Show>
      <button type="button" class="btn" data-testid="add-respondent" onClick={() => props.update((d) => void d.respondents.push({ exhibitorKey: '', name: '', hall: '', stand: '' }))}>
        {t('intake.addByHand')}
      </button>
    </>
  );
}
