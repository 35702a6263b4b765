import { CONSOLE_PREFIX } from '../../../domain/wire/console';
import {
  ConflictDecided, ItemAcknowledged, ReviewQueue, type AcknowledgeRequest, type DecideRequest,
} from '../../../domain/wire/console-review';
import { request, type ApiResult } from '../../lib/api';

/** The review queue's server calls (src/domain/wire/console-review.ts). */
const base = (fairId: string): string => `${CONSOLE_PREFIX}/fairs/${encodeURIComponent(fairId)}/review`;

export const readReview = (fairId: string): Promise<ApiResult<ReviewQueue>> => request(ReviewQueue, base(fairId));

export const decideConflict = (fairId: string, caseId: string, body: DecideRequest): Promise<ApiResult<ConflictDecided>> =>
  request(ConflictDecided, `${base(fairId)}/cases/${encodeURIComponent(caseId)}/decide`, { method: 'POST', body });

export const acknowledgeItem = (fairId: string, body: AcknowledgeRequest): Promise<ApiResult<ItemAcknowledged>> =>
  request(ItemAcknowledged, `${base(fairId)}/items/acknowledge`, { method: 'POST', body });
