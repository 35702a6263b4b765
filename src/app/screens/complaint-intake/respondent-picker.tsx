import { createSignal, For, Show, type JSX } from 'solid-js';
import { exhibitorKey, type Exhibitor } from '../../../domain/exhibitor';
import type { FieldError } from '../../../domain/field-errors';
import { t } from '../../i18n/index';
import { messageAt, messagesUnder } from '../../lib/field-errors';
import { TextField } from '../../ui/field';
import { createExhibitorSearch, keptIndex } from '../exhibitors/exhibitor-rows';
import type { ComplaintForm, RespondentForm } from './complaint-form';

/**
 * The respondents (CN4: one case each): picked from the fair's exhibitor list by any part of a
 * name, booth, USCC or contact (searched in memory, exhibitor-rows.ts), which gives the exhibitor
 * key RP1 matches on, or entered by hand when not listed (no key: CS12 then refuses to accept,
 * NR_NOT_EXHIBITOR). So a listed exhibitor is not typed in again without its key, adding by hand
 * is offered only once a search found nothing (or the list is empty), and a name typed by hand
 * that a listed exhibitor's contains is offered as that exhibitor.
 */
/** Choices shown under the search field (a name typed further narrows them). */
const PICK_LIMIT = 8;
/** Listed exhibitors offered under a name typed by hand. */
const LIKE_LIMIT = 3;
/** A hand-typed name is looked up from this many characters (one character matches half the list). */
const LIKE_FROM = 2;

export function RespondentPicker(props: {
  readonly fairId: string;
  readonly form: ComplaintForm;
  readonly errors: readonly FieldError[];
  readonly update: (mutate: (d: ComplaintForm) => void) => void;
}): JSX.Element {
  const [search, setSearch] = createSignal('');
  const matches = createExhibitorSearch(() => props.fairId, search, PICK_LIMIT);
  const found = (): readonly Exhibitor[] => matches()?.found ?? [];
  const listSize = (): number | undefined => keptIndex(props.fairId)?.exhibitors.length;
  const searching = (): boolean => search().trim() !== '';
  /** Adding by hand: when the list is empty, or a search has found nothing. */
  const mayAddByHand = (): boolean => listSize() === 0 || (searching() && matches() !== undefined && found().length === 0);
  const listed = (e: Exhibitor): RespondentForm => {
    const booth = e.booths[0];
    return { exhibitorKey: exhibitorKey(e), name: e.nameZh, hall: booth?.hall ?? '', stand: booth?.stand ?? '' };
  };
  const pick = (e: Exhibitor): void => {
    props.update((d) => void d.respondents.push(listed(e)));
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
      <Show when={searching()}>
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
          // A name typed by hand that a listed exhibitor's contains: that exhibitor is offered (with its key).
          const like = createExhibitorSearch(() => props.fairId, () => (r.exhibitorKey === '' && r.name.trim().length >= LIKE_FROM ? r.name : ''), LIKE_LIMIT);
          const likeFound = (): readonly Exhibitor[] => (r.exhibitorKey === '' && r.name.trim().length >= LIKE_FROM ? (like()?.found ?? []) : []);
          return (
            <div class="panel sub" data-testid={`respondent-${i()}`}>
              <p class="muted">{r.exhibitorKey === '' ? t('intake.notListed') : `${t('intake.listed')} · ${r.exhibitorKey}`}</p>
              <div class="grid">
                <TextField label={t('respondent.name')} name={`respondents.${i()}.name`} value={r.name} error={at('name')} onInput={(v) => set(i(), (x) => (x.name = v))} />
                <TextField label={t('respondent.hall')} name={`respondents.${i()}.booth.hall`} value={r.hall} autocapitalize="characters" error={at('booth.hall') ?? at('booth')} onInput={(v) => set(i(), (x) => (x.hall = v.toUpperCase()))} />
                <TextField label={t('respondent.stand')} name={`respondents.${i()}.booth.stand`} value={r.stand} autocapitalize="characters" error={at('booth.stand')} onInput={(v) => set(i(), (x) => (x.stand = v.toUpperCase()))} />
              </div>
              <Show when={likeFound().length > 0}>
                <div class="notice notice-warn" data-testid={`respondent-${i()}-listed-like`}>
                  <p>{t('intake.listedLike')}</p>
                  <For each={likeFound()}>
                    {(e) => (
                      <button type="button" class="btn" data-testid="use-listed" onClick={() => set(i(), (x) => Object.assign(x, listed(e)))}>
                        {t('intake.useListed', { name: e.nameZh })}
                      </button>
                    )}
                  </For>
                </div>
              </Show>
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
      <Show
        when={mayAddByHand()}
        fallback={
          <p class="muted" data-testid="respondent-hint">
            {searching() && found().length > 0 ? t(matches()?.more === true ? 'intake.pickListedMore' : 'intake.pickListed', { count: found().length }) : t('intake.searchFirst')}
          </p>
        }
      >
        <button type="button" class="btn" data-testid="add-respondent" onClick={() => props.update((d) => void d.respondents.push({ exhibitorKey: '', name: '', hall: '', stand: '' }))}>
          {t('intake.addByHand')}
        </button>
      </Show>
    </>
  );
}
