import { For, Show, createMemo, createResource, createSignal, untrack, type JSX } from 'solid-js';
import type { Exhibitor } from '../../../domain/exhibitor';
import { isGood, previewImport, splitBooths, type ImportPreview, type RowResult } from '../../../domain/exhibitor-import';
import type { FieldError } from '../../../domain/field-errors';
import type { ExhibitorsImported } from '../../../domain/wire/console-review';
import { readTable } from '../../../app/import/read-table';
import { Notice } from '../../../app/ui/notice';
import type { ApiFailure, ApiResult } from '../../lib/api';
import { failureText } from '../../lib/failure';
import { fieldText } from '../../lib/fields';
import { translator } from '../../lib/i18n';
import { useFairPick } from '../review/fair-pick';
import { editRow, importRows, readExhibitors } from './exhibitors.data';
import { exhibitorsMessages } from './exhibitors.messages';

const t = translator(exhibitorsMessages);

const valueOf = <T,>(r: ApiResult<T> | undefined): T | undefined => (r?.ok === true ? r.value : undefined);
const failureOf = <T,>(r: ApiResult<T> | undefined): ApiFailure | undefined => (r !== undefined && !r.ok ? r.failure : undefined);
const ROWS_SHOWN = 200;

const COLUMN_OF: Record<string, Parameters<typeof t>[0]> = { nameZh: 'col.name', booths: 'col.booths', uscc: 'col.regNo', foreignRegNo: 'col.regNo', delegation: 'col.delegation' };
/** "Booths: booth 11.2/B01 already has an exhibitor": the column, then the message. */
const errorLine = (e: FieldError): string => {
  const col = COLUMN_OF[e.field.split('.')[0] ?? ''];
  return col === undefined ? fieldText(e) : `${t(col)}: ${fieldText(e)}`;
};
const boothsText = (booths: readonly { hall: string; stand: string }[]): string => booths.map((b) => `${b.hall}/${b.stand}`).join('; ');

/**
 * The fair's exhibitor list on the server (CO23): import a CSV or XLSX with the tablet's own
 * reader and row checks (`previewImport`), every bad row listed with its errors and every shared
 * USCC warned of, then one request; the list with its version, rows edited one at a time.
 */
export default function Exhibitors(): JSX.Element {
  const pick = useFairPick();
  const [list, { refetch }] = createResource(pick.fairId, readExhibitors);
  const [preview, setPreview] = createSignal<ImportPreview>();
  const [reading, setReading] = createSignal(false);
  const [readError, setReadError] = createSignal<string>();
  const [result, setResult] = createSignal<ExhibitorsImported>();
  const [failure, setFailure] = createSignal<ApiFailure>();
  const [busy, setBusy] = createSignal(false);
  const [editing, setEditing] = createSignal<Exhibitor>();
  const [query, setQuery] = createSignal('');

  const current = (): readonly Exhibitor[] => {
    const r = list();
    return r?.ok ? r.value.exhibitors : [];
  };
  const pickFile = async (file: File): Promise<void> => {
    const fair = pick.fair();
    if (fair === undefined) return;
    setReading(true);
    setReadError();
    setPreview();
    setResult();
    setFailure();
    const read = await readTable(file);
    setReading(false);
    if (!read.ok) return void setReadError(read.reason === 'unknown-format' ? t('ex.unknownFormat') : t('ex.unreadable', { detail: read.detail ?? '' }));
    setPreview(previewImport(read.table, fair, current()));
  };
  const results = (): readonly RowResult[] => preview()?.results ?? [];
  const good = createMemo(() => results().filter(isGood));
  const bad = createMemo(() => results().filter((r) => !isGood(r)));
  const warned = createMemo(() => good().filter((r) => r.warnings !== undefined));
  const shownRows = createMemo(() => [...bad(), ...warned(), ...good().filter((r) => r.warnings === undefined).slice(0, ROWS_SHOWN)]);

  const confirm = async (): Promise<void> => {
    const fairId = pick.fairId();
    if (fairId === undefined || good().length === 0) return;
    setBusy(true);
    const r = await importRows(fairId, good().map((g) => ({ row: g.row, fields: g.exhibitor as Record<string, unknown> })));
    setBusy(false);
    if (!r.ok) return void setFailure(r.failure);
    setResult(r.value);
    if (r.value.rowErrors.length === 0) setPreview();
    void refetch();
  };

  const filtered = createMemo(() => {
    const q = query().trim().toUpperCase();
    const all = current();
    return q === '' ? all : all.filter((e) => `${e.nameZh} ${e.nameEn ?? ''} ${e.uscc ?? ''} ${boothsText(e.booths)}`.toUpperCase().includes(q));
  });

  return (
    <>
      <div class="head-row">
        <h1>{t('ex.title')}</h1>
        <pick.Picker label={t('ex.fair')} />
      </div>
      <Show when={failureOf(list())}>{(f) => <Notice kind="error">{failureText(f())}</Notice>}</Show>
      {/* Keyed: a refetch (after an import, an edit or a decision) draws the new answer. */}
      <Show when={valueOf(list())} keyed>
        {(l) => (
          <>
            <p data-testid="list-version">
              <strong>{l.version === 0 ? t('ex.noVersion', { n: l.exhibitors.length }) : t('ex.version', { v: l.version, n: l.exhibitors.length })}</strong>
            </p>
            <p class="muted">{t('ex.lead')}</p>
            <For each={l.duplicateUscc}>
              {(d) => (
                <Notice kind="warn" testId="dup-uscc">
                  {t('ex.dupUscc', { uscc: d.uscc, n: d.exhibitorIds.length })}
                </Notice>
              )}
            </For>
          </>
        )}
      </Show>
      <div class="actions">
        <label class="btn primary">
          {t('ex.pick')}
          <input
            type="file"
            data-testid="ex-import-file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            style={{ display: 'none' }}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file !== undefined) void pickFile(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      <Show when={reading()}>
        <p class="muted">{t('ex.reading')}</p>
      </Show>
      <Show when={readError()}>{(e) => <Notice kind="error">{e()}</Notice>}</Show>
      <Show when={failure()}>{(f) => <Notice kind="error">{failureText(f())}</Notice>}</Show>
      <Show when={result()}>
        {(r) => (
          <Show
            when={r().rowErrors.length === 0}
            fallback={
              <Notice kind="error" testId="ex-refused">
                {t('ex.refused', { n: r().rowErrors.length })} {r().rowErrors.slice(0, 20).map((x) => `${t('ex.row', { row: x.row })}: ${x.errors.map(errorLine).join(' · ')}`).join(' | ')}
              </Notice>
            }
          >
            <Notice kind="ok" testId="ex-saved">
              {t('ex.saved', { n: r().saved, v: r().version })}
            </Notice>
          </Show>
        )}
      </Show>
      <Show when={preview()}>
        {(p) => (
          <Show when={p().missingColumns.length === 0} fallback={<Notice kind="error">{t('ex.missingColumns', { columns: p().missingColumns.join(', ') })}</Notice>}>
            <section class="panel" data-testid="ex-preview">
              <p data-testid="ex-summary">{t('ex.summary', { total: results().length, good: good().length, bad: bad().length })}</p>
              <Show when={bad().length > 0}>
                <Notice kind="warn">{t('ex.badNotImported', { count: bad().length })}</Notice>
              </Show>
              <Show when={warned().length > 0}>
                <Notice kind="warn" testId="ex-uscc-warning">
                  {t('ex.warned', { n: warned().length })}
                </Notice>
              </Show>
              <div class="actions">
                <button type="button" class="btn primary" disabled={good().length === 0 || busy()} data-testid="ex-confirm" onClick={() => void confirm()}>
                  {t('ex.confirm', { count: good().length })}
                </button>
                <button type="button" class="btn" onClick={() => setPreview()}>
                  {t('ex.cancel')}
                </button>
              </div>
              <div class="table-wrap">
                <table class="data">
                  <thead>
                    <tr>
                      <th scope="col">{t('col.row')}</th>
                      <th scope="col">{t('col.name')}</th>
                      <th scope="col">{t('col.booths')}</th>
                      <th scope="col">{t('col.regNo')}</th>
                      <th scope="col">{t('col.check')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={shownRows()}>
                      {(r) => (
                        <tr data-row={r.row} data-ok={String(isGood(r))}>
                          <td class="num">{r.row}</td>
                          <td>{isGood(r) ? r.exhibitor.nameZh : (r.cells.nameZh ?? '')}</td>
                          <td>{isGood(r) ? boothsText(r.exhibitor.booths) : boothsText(splitBooths(r.cells.hall ?? '', r.cells.stand ?? ''))}</td>
                          <td class="mono">{isGood(r) ? (r.exhibitor.uscc ?? r.exhibitor.foreignRegNo ?? '') : (r.cells.regNo ?? '')}</td>
                          <td classList={{ 'state-silent': !isGood(r) }}>
                            {isGood(r) ? [t('ex.ok'), ...(r.warnings ?? []).map(errorLine)].join(' · ') : r.errors.map(errorLine).join(' · ')}
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </section>
          </Show>
        )}
      </Show>
      <Show when={editing()}>
        {(e) => (
          <EditPanel
            exhibitor={e()}
            onClose={(saved) => {
              setEditing();
              if (saved !== undefined) {
                setResult(saved);
                void refetch();
              }
            }}
            fairId={pick.fairId() ?? ''}
          />
        )}
      </Show>
      <Show when={current().length > 0}>
        <div class="row">
          <label class="field">
            <span>{t('ex.search')}</span>
            <input value={query()} onInput={(e) => setQuery(e.currentTarget.value)} data-testid="ex-search" />
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
                      <button type="button" class="btn small" onClick={() => setEditing(e)} data-testid="ex-edit">
                        {t('ex.edit')}
                      </button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </>
  );
}

function EditPanel(props: { readonly exhibitor: Exhibitor; readonly fairId: string; readonly onClose: (saved?: ExhibitorsImported) => void }): JSX.Element {
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
