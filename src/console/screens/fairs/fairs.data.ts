import { CONSOLE_PREFIX, FairList, FairSaved, type SaveFairRequest } from '../../../domain/wire/console';
import { request, type ApiResult } from '../../lib/api';

/** The fairs area's server calls (src/domain/wire/console.ts). */
export const listFairs = (): Promise<ApiResult<FairList>> => request(FairList, `${CONSOLE_PREFIX}/fairs`);

export const saveFair = (body: SaveFairRequest, created: boolean): Promise<ApiResult<FairSaved>> =>
  created
    ? request(FairSaved, `${CONSOLE_PREFIX}/fairs`, { method: 'POST', body })
    : request(FairSaved, `${CONSOLE_PREFIX}/fairs/${encodeURIComponent(body.fair.id)}`, { method: 'PUT', body });
