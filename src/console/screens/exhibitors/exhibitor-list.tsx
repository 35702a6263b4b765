import { For, Show, createMemo, type JSX } from 'solid-js';
import type { Exhibitor } from '../../../domain/exhibitor';
import { ROWS_SHOWN, boothsText, t } from './exhibitor-text';

/** The fair's exhibitors on the server (CO23), searched by name, USCC or booth; the first rows shown. */
export function ExhibitorList(props: {
  readonly exhibitors: readonly Exhibitor[];
  /** The search, kept by the screen (it outlives the table when the list empties). */
  readonly query: string;
  readonly onQuery: (text: string) => void;
  readonly onEdit: (e: Exhibitor) => void;
}): JSX.Element {
  const filtered = createMemo(() => {
    const q = props.query.trim().toUpperCase();
    const all = props.exhibitors;
    return q === '' ? all : all.filter((e) => `${e.nameZh} ${e.nameEn ?? ''} ${e.uscc ?? ''} ${boothsText(e.booths)}`.toUpperCase().includes(q));
  });
  return (
    <>
    <div class="row">
      <label class="field">
        <span>{t('ex.search')}</span>
        <input value={props.query} onInput={(e) => props.onQuery(e.currentTarget.value)} data-testid="ex-search" />
      </label>
    </div>
    <p class="muted">{t('ex.shown', { shown: Math.min(ROWS_SHOWN, filtered().length), n: filtered().length })}</p>
    <div class="table-wrap">
      <table class="data" data-testid="ex-list">
        <thead>
          <tr>
            <th scope="col">{t('col.name')}</th>
            <th scope="col">{t('col.booths')}</th>
            <th scope="col">{t('col.regNo')}</th>
            <th scope="col">{t('col.delegation')}</th>
            <th scope="col" class="num">{t('col.version')}</th>
            <th scope="col">{t('col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={filtered().slice(0, ROWS_SHOWN)}>
            {(e) => (
              <tr data-exhibitor={e.id}>
                <td>
                  {e.nameZh}
                  <Show when={e.nameEn}>{(en) => <span class="muted"> · {en()}</span>}</Show>
                </td>
                <td>{boothsText(e.booths)}</td>
                <td class="mono">{e.uscc ?? e.foreignRegNo ?? ''}</td>
                <td>{e.delegation ?? ''}</td>
                <td class="num">{e.listVersion ?? '—'}</td>
                <td>
                  <button type="button" class="btn small" onClick={() => props.onEdit(e)} data-testid="ex-edit">
                    {t('ex.edit')}
                  </button>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
    </>
  );
}
