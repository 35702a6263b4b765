import { For, Show, type JSX } from 'solid-js';
import { isGood, splitBooths, type ImportPreview, type RowResult } from '../../../domain/exhibitor-import';
import { Notice } from '../../../app/ui/notice';
import { boothsText, errorLine, t } from './exhibitor-text';

/** A row that passed its checks (imported on confirmation). */
type GoodRow = Extract<RowResult, { readonly exhibitor: unknown }>;

/** An import read and checked (CO23): the count, the warnings, confirm or cancel, and the rows. */
export function ImportPreviewPanel(props: {
  readonly preview: ImportPreview;
  readonly good: readonly GoodRow[];
  readonly bad: readonly RowResult[];
  readonly warned: readonly GoodRow[];
  /** The rows listed: the bad, the warned, then the first good ones. */
  readonly rows: readonly RowResult[];
  readonly busy: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}): JSX.Element {
  return (
    <Show when={props.preview.missingColumns.length === 0} fallback={<Notice kind="error">{t('ex.missingColumns', { columns: props.preview.missingColumns.join(', ') })}</Notice>}>
      <section class="panel" data-testid="ex-preview">
        <p data-testid="ex-summary">{t('ex.summary', { total: props.preview.results.length, good: props.good.length, bad: props.bad.length })}</p>
        <Show when={props.bad.length > 0}>
          <Notice kind="warn">{t('ex.badNotImported', { count: props.bad.length })}</Notice>
        </Show>
        <Show when={props.warned.length > 0}>
          <Notice kind="warn" testId="ex-uscc-warning">
            {t('ex.warned', { n: props.warned.length })}
          </Notice>
        </Show>
        <div class="actions">
          <button type="button" class="btn primary" disabled={props.good.length === 0 || props.busy} data-testid="ex-confirm" onClick={() => props.onConfirm()}>
            {t('ex.confirm', { count: props.good.length })}
          </button>
          <button type="button" class="btn" onClick={() => props.onCancel()}>
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
              <For each={props.rows}>
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
  );
}
