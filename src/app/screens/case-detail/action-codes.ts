import type { CommandType } from '../../../domain/case/commands';

/**
 * The order the desk lists case actions in (the lifecycle order of CS8–CS30); `Submit` is the
 * intake screen's. System commands (CS16, CS26) are shown too, disabled: the ticker issues them.
 */
export type { CommandType };
export const ACTION_ORDER: readonly CommandType[] = [
  'RequestSupplement', 'RecordSupplement', 'Reject', 'Accept', 'NotifyRespondent', 'RecordDefence', 'RecordAdmission',
  'MarkDefenceOverdue', 'IssueOpinion', 'OrderMeasures', 'VerifyMeasure', 'RecordSettlement', 'RecordVoluntaryRemoval',
  'Withdraw', 'Transfer', 'RecordHandover', 'RequestReview', 'DecideReview', 'Close', 'ReorderAfterRedisplay',
  'CloseFair', 'RecordPostShowResult', 'AddNote',
];
export const CONCLUSION_OPTIONS = ['ESTABLISHED_ALLEGED', 'NOT_ESTABLISHED'] as const;
export { OPINION_BASES } from '../../../domain/case/case';
