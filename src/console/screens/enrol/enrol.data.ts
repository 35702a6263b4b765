import { CONSOLE_PREFIX, EnrolmentBatch, EnrolmentList, type EnrolmentBatchRequest } from '../../../domain/wire/console';
import { request, type ApiResult } from '../../lib/api';

/** The enrolment area's server calls (src/domain/wire/console.ts). */
export const issueCodes = (fairId: string, body: EnrolmentBatchRequest): Promise<ApiResult<EnrolmentBatch>> =>
  request(EnrolmentBatch, `${CONSOLE_PREFIX}/fairs/${encodeURIComponent(fairId)}/enrolments`, { method: 'POST', body });

export const listCodes = (fairId: string): Promise<ApiResult<EnrolmentList>> => request(EnrolmentList, `${CONSOLE_PREFIX}/fairs/${encodeURIComponent(fairId)}/enrolments`);

/** The QR picture of a link: `qrcode` behind its lazy chunk, loaded with the first code. */
export async function qrPicture(text: string): Promise<string> {
  const { toDataURL } = await import('../../../app/lib/qr-code.chunk');
  return toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, scale: 8 });
}
