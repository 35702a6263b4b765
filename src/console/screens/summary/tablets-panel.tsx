import { For, Show, type JSX } from 'solid-js';
import type { SummaryTablet } from '../../../domain/wire/console-summary';
import type { DeviceLine } from '../../../app/ui/report/summary-tables';
import { dateTime } from '../../lib/format';
import { translator } from '../../lib/i18n';
import { summaryMessages } from './summary.messages';

const t = translator(summaryMessages);

/** CO41: a tablet's state in a word; in sync but with items reported waiting says so. */
const stateWord = (r: SummaryTablet): string =>
  r.state.kind === 'in_sync' && (r.waiting ?? 0) > 0 ? t('completeness.waiting') : t(`completeness.${r.state.kind}`);
const waitingText = (r: SummaryTablet): string => (r.waiting === null ? t('completenessTablets.notReported') : String(r.waiting));

/** The tablets as the exports print them (the devices sheet), in the console's language. */
export const deviceLines = (rows: readonly SummaryTablet[]): DeviceLine[] =>
  rows.map((r) => ({ name: `${r.deviceCode} · ${r.name}`, serverSeq: String(r.serverHasThroughSeq), lastSeen: dateTime(r.lastSeenAt), unsynced: r.waiting === null ? '' : String(r.waiting), status: stateWord(r) }));

/** Every tablet of the fair, before any figure (CO41). */
export function TabletsPanel(props: { readonly tablets: readonly SummaryTablet[] }): JSX.Element {
  return (
    <section class="panel" data-testid="summary-tablets">
      <h2>{t('completenessTablets.heading')}</h2>
      <p class="muted">{t('completenessTablets.lead')}</p>
      <Show when={props.tablets.length > 0} fallback={<p class="muted">{t('completenessTablets.none')}</p>}>
        <div class="table-wrap">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t('completenessTablets.col.tablet')}</th>
                <th scope="col">{t('completenessTablets.col.lastSync')}</th>
                <th scope="col" class="num">
                  {t('completenessTablets.col.seq')}
                </th>
                <th scope="col" class="num">
                  {t('completenessTablets.col.waiting')}
                </th>
                <th scope="col">{t('completenessTablets.col.state')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.tablets}>
                {(r) => (
                  <tr data-testid="summary-tablet" data-state={r.state.kind} class={`age-${r.state.kind}`}>
                    <td>
                      <span class="mono">{r.deviceCode}</span> · {r.name}
                    </td>
                    <td class="nowrap">{dateTime(r.lastSeenAt)}</td>
                    <td class="num">{r.serverHasThroughSeq}</td>
                    <td class="num" data-testid="tablet-waiting">
                      {waitingText(r)}
                    </td>
                    <td>{stateWord(r)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}
