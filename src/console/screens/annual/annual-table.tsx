import { For, Show, type JSX } from 'solid-js';
import type { Language } from '../../../domain/codes';
import type { AnnualBlock, AnnualFigure } from '../../../domain/report/annual';
import type { RegionCode } from '../../../domain/region';
import type { AnnualReply } from '../../../domain/wire/console-annual';
import { translator } from '../../lib/i18n';
import { annualMessages } from './annual.messages';
import { figureLabel, pctText, regionLabel, valueText } from './annual-words';

const t = translator(annualMessages);

/** The columns of the table: the figures a reader compares across units. */
export const TABLE_FIGURES: readonly AnnualFigure[] = [
  'A1.services', 'A2.received', 'A2.accepted', 'A3.opinions', 'A4.consultations', 'A5.trainingSessions',
  'A5.trainingParticipants', 'A6.measuresOrdered', 'A6.measuresVerified', 'A6.transfers', 'A7.repeatInfringers',
];

function Cells(props: { readonly block: Pick<AnnualBlock, 'values' | 'changes'>; readonly lang: Language }): JSX.Element {
  return (
    <For each={TABLE_FIGURES}>
      {(f) => (
        <td class="num">
          <span class="v">{valueText(f, props.block.values[f], props.lang)}</span>
          <span class="yoy">{pctText(props.block.changes[f])}</span>
        </td>
      )}
    </For>
  );
}

/** AR1: 32 rows, every unit, then the nation; a provisional block is marked (AR5). */
export function AnnualTable(props: { readonly reply: AnnualReply; readonly lang: Language; readonly onPick: (region: RegionCode) => void }): JSX.Element {
  return (
    <div class="table-wrap">
      <table class="data annual-table" data-testid="annual-table">
        <caption class="sr-only">{t('annual.byRegion')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('annual.region')}</th>
            <For each={TABLE_FIGURES}>{(f) => <th scope="col" class="num">{figureLabel(f, props.lang)}<br /><span class="yoy">{t('annual.yoy')}</span></th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.reply.units}>
            {(u) => (
              <tr data-testid={`unit-${u.region}`} classList={{ empty: u.values['A1.services'] === 0 }}>
                <th scope="row">
                  <button type="button" class="link" onClick={() => props.onPick(u.region)} data-testid={`pick-${u.region}`}>
                    {regionLabel(u.region, props.lang)}
                  </button>
                  <Show when={u.provisional}>
                    <span class="mark" title={t('annual.provisional')}>{t('annual.provisionalMark')}</span>
                  </Show>
                </th>
                <Cells block={u} lang={props.lang} />
              </tr>
            )}
          </For>
        </tbody>
        <tfoot>
          <tr data-testid="unit-national">
            <th scope="row">
              {t('annual.national')}
              <Show when={props.reply.national.provisional}>
                <span class="mark" title={t('annual.provisional')}>{t('annual.provisionalMark')}</span>
              </Show>
            </th>
            <Cells block={props.reply.national} lang={props.lang} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
