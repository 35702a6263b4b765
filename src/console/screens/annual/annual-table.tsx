import { createMemo, type JSX } from 'solid-js';
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

/**
 * A row's eleven cells as plain text: the strings are made first, so each cell is inserted once
 * with no reactive computation of its own; the table is made again when the language changes.
 */
function cells(block: Pick<AnnualBlock, 'values' | 'changes'>, lang: Language): JSX.Element[] {
  return TABLE_FIGURES.map((f) => {
    const value = valueText(f, block.values[f], lang);
    const change = pctText(block.changes[f]);
    return (
      <td class="num">
        <span class="v">{value}</span>
        <span class="yoy">{change}</span>
      </td>
    );
  });
}

function provisionalMark(): JSX.Element {
  const title = t('annual.provisional');
  const mark = t('annual.provisionalMark');
  return <span class="mark" title={title}>{mark}</span>;
}

function unitRow(unit: AnnualReply['units'][number], lang: Language, onPick: (region: RegionCode) => void): JSX.Element {
  const region = unit.region;
  const name = regionLabel(region, lang);
  const rowId = `unit-${region}`;
  const pickId = `pick-${region}`;
  const empty = unit.values['A1.services'] === 0 ? 'empty' : undefined;
  const mark = unit.provisional ? provisionalMark() : null;
  const row = cells(unit, lang);
  return (
    <tr data-testid={rowId} class={empty}>
      <th scope="row">
        <button type="button" class="link" onClick={() => onPick(region)} data-testid={pickId}>
          {name}
        </button>
        {mark}
      </th>
      {row}
    </tr>
  );
}

function table(reply: AnnualReply, lang: Language, onPick: (region: RegionCode) => void): JSX.Element {
  const caption = t('annual.byRegion');
  const regionHead = t('annual.region');
  const yoy = t('annual.yoy');
  const national = t('annual.national');
  const heads = TABLE_FIGURES.map((f) => {
    const label = figureLabel(f, lang);
    return <th scope="col" class="num">{label}<br /><span class="yoy">{yoy}</span></th>;
  });
  const rows = reply.units.map((unit) => unitRow(unit, lang, onPick));
  const nationalMark = reply.national.provisional ? provisionalMark() : null;
  const nationalCells = cells(reply.national, lang);
  return (
    <table class="data annual-table" data-testid="annual-table">
      <caption class="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{regionHead}</th>
          {heads}
        </tr>
      </thead>
      <tbody>{rows}</tbody>
      <tfoot>
        <tr data-testid="unit-national">
          <th scope="row">
            {national}
            {nationalMark}
          </th>
          {nationalCells}
        </tr>
      </tfoot>
    </table>
  );
}

/**
 * AR1: 32 rows, every unit, then the nation; a provisional block is marked (AR5). Made once per
 * reply and language, as plain elements: nothing in it changes on its own.
 */
export function AnnualTable(props: { readonly reply: AnnualReply; readonly lang: Language; readonly onPick: (region: RegionCode) => void }): JSX.Element {
  const view = createMemo(() => table(props.reply, props.lang, props.onPick));
  return <div class="table-wrap">{view()}</div>;
}
