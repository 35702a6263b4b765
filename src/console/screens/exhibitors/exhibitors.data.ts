import { CONSOLE_PREFIX } from '../../../domain/wire/console';
import { ExhibitorList, ExhibitorsImported, type ImportRequest } from '../../../domain/wire/console-review';
import { request, type ApiResult } from '../../lib/api';

/** The exhibitor list's server calls (src/domain/wire/console-review.ts). */
const base = (fairId: string): string => `${CONSOLE_PREFIX}/fairs/${encodeURIComponent(fairId)}/exhibitors`;

export const readExhibitors = (fairId: string): Promise<ApiResult<ExhibitorList>> => request(ExhibitorList, base(fairId));

export const importRows = (fairId: string, rows: ImportRequest['rows']): Promise<ApiResult<ExhibitorsImported>> =>
  request(ExhibitorsImported, `${base(fairId)}/import`, { method: 'POST', body: { rows } });

export const editRow = (fairId: string, exhibitorId: string, fields: Record<string, unknown>): Promise<ApiResult<ExhibitorsImported>> =>
  request(ExhibitorsImported, `${base(fairId)}/${encodeURIComponent(exhibitorId)}`, { method: 'PUT', body: { fields } });
