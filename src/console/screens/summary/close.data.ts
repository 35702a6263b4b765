import { CONSOLE_PREFIX } from '../../../domain/wire/console';
import { SummaryClosed, SummaryCloses } from '../../../domain/wire/console-annual';
import { request, type ApiResult } from '../../lib/api';

/** Closing a fair's summary and its revisions (ANNUAL-SPEC AR10). */
export const closeSummary = (fairId: string): Promise<ApiResult<SummaryClosed>> =>
  request(SummaryClosed, `${CONSOLE_PREFIX}/fairs/${encodeURIComponent(fairId)}/summary/close`, { method: 'POST' });

export const readCloses = (fairId: string): Promise<ApiResult<SummaryCloses>> =>
  request(SummaryCloses, `${CONSOLE_PREFIX}/fairs/${encodeURIComponent(fairId)}/summary/closes`);

/** AR14: the signed file of the newest revision, as the server sends it. */
export const summaryFileHref = (fairId: string): string => `${CONSOLE_PREFIX}/fairs/${encodeURIComponent(fairId)}/summary-file`;
