import { For, Show, createMemo, createResource, createSignal, type JSX } from 'solid-js';
import type { Exhibitor } from '../../../domain/exhibitor';
import { isGood, previewImport, type ImportPreview, type RowResult } from '../../../domain/exhibitor-import';
import type { ExhibitorsImported } from '../../../domain/wire/console-review';
import { readTable } from '../../../app/import/read-table';
import { Notice } from '../../../app/ui/notice';
import type { ApiFailure, ApiResult } from '../../lib/api';
import { failureText } from '../../lib/failure';
import { useFairPick } from '../review/fair-pick';
import { EditPanel } from './edit-panel';
import { ExhibitorList } from './exhibitor-list';
import { ROWS_SHOWN, errorLine, t } from './exhibitor-text';
import { importRows, readExhibitors } from './exhibitors.data';
import { ImportPreviewPanel } from './import-preview';

const valueOf = <T,>(r: ApiResult<T> | undefined): T | undefined => (r?.ok === true ? r.value : undefined);
const failureOf = <T,>(r: ApiResult<T> | undefined): ApiFailure | undefined => (r !== undefined && !r.ok ? r.failure : undefined);

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
        {(p) => <ImportPreviewPanel preview={p()} good={good()} bad={bad()} warned={warned()} rows={shownRows()} busy={busy()} onConfirm={() => void confirm()} onCancel={() => setPreview()} />}
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
        <ExhibitorList exhibitors={current()} query={query()} onQuery={setQuery} onEdit={setEditing} />
      </Show>
    </>
  );
}
