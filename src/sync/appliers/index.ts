import { fairApplier, type PullApplier } from '../pull-pages';
import { caseEventApplier, deviceCodeApplier, exhibitorApplier, recordApplier } from './by-kind';

export { caseEventApplier, deviceCodeApplier, exhibitorApplier, recordApplier } from './by-kind';

/**
 * Every kind a tablet pulls (issue 7 part 5). Order matters only for reading: fairs first, so a
 * case of a fair first seen in this page finds its fair.
 */
export const ALL_APPLIERS: readonly PullApplier[] = [fairApplier, exhibitorApplier, recordApplier, caseEventApplier, deviceCodeApplier];
