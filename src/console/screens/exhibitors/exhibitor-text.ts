import type { FieldError } from '../../../domain/field-errors';
import { fieldText } from '../../lib/fields';
import { translator } from '../../lib/i18n';
import { exhibitorsMessages } from './exhibitors.messages';

/** The exhibitor screen's words (CO23), and how it writes a row's errors and booths. */
export const t = translator(exhibitorsMessages);

/** Rows a table shows at most (the rest are counted). */
export const ROWS_SHOWN = 200;

const COLUMN_OF: Record<string, Parameters<typeof t>[0]> = { nameZh: 'col.name', booths: 'col.booths', uscc: 'col.regNo', foreignRegNo: 'col.regNo', delegation: 'col.delegation' };
/** "Booths: booth 11.2/B01 already has an exhibitor": the column, then the message. */
export const errorLine = (e: FieldError): string => {
  const col = COLUMN_OF[e.field.split('.')[0] ?? ''];
  return col === undefined ? fieldText(e) : `${t(col)}: ${fieldText(e)}`;
};
export const boothsText = (booths: readonly { hall: string; stand: string }[]): string => booths.map((b) => `${b.hall}/${b.stand}`).join('; ');

