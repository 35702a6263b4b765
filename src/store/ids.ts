import { monotonicFactory } from 'ulidx';

/**
 * Record and item ids: ULIDs (src/domain/ids.ts), made on the device without coordination.
 * The monotonic factory keeps ids made in the same millisecond in creation order, so the
 * local log sorts by id as it was written.
 */
const nextUlid = monotonicFactory();

export const newId = (): string => nextUlid();
