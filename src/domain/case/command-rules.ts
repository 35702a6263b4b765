import type { Role } from '../codes';
import type { CommandType } from './commands';

/** The rule ID each command implements. */
export const COMMAND_RULE = {
  Submit: 'CS8',
  RequestSupplement: 'CS9',
  RecordSupplement: 'CS10',
  Reject: 'CS11',
  Accept: 'CS12',
  NotifyRespondent: 'CS13',
  RecordDefence: 'CS14',
  RecordAdmission: 'CS15',
  MarkDefenceOverdue: 'CS16',
  IssueOpinion: 'CS17',
  OrderMeasures: 'CS18',
  VerifyMeasure: 'CS19',
  Transfer: 'CS20',
  RecordHandover: 'CS21',
  RequestReview: 'CS22',
  DecideReview: 'CS23',
  RecordSettlement: 'CS24',
  Withdraw: 'CS25',
  CloseFair: 'CS26',
  RecordPostShowResult: 'CS27',
  Close: 'CS28',
  RecordVoluntaryRemoval: 'CS29',
  ReorderAfterRedisplay: 'CS30',
  AddNote: 'CS4',
  ResolveConflict: 'CS31',
} as const satisfies Record<CommandType, string>;

/**
 * Who may issue each command. CS2: a clerk may enter a party's command, with the party's
 * signature. Joint commands (CS24 E + C + R, CS29 R + K) are issued by the staff member and
 * carry the parties' signatures.
 */
export const COMMAND_ROLES = {
  Submit: ['complainant', 'clerk'],
  RequestSupplement: ['clerk', 'expert'],
  RecordSupplement: ['complainant', 'clerk'],
  Reject: ['expert'],
  Accept: ['expert'],
  NotifyRespondent: ['expert', 'clerk'],
  RecordDefence: ['respondent', 'clerk'],
  RecordAdmission: ['respondent', 'clerk'],
  MarkDefenceOverdue: ['system'],
  IssueOpinion: ['expert'],
  OrderMeasures: ['expert'],
  VerifyMeasure: ['organizer', 'expert'],
  Transfer: ['expert'],
  RecordHandover: ['clerk', 'expert'],
  RequestReview: ['respondent', 'complainant', 'clerk'],
  DecideReview: ['expert'],
  RecordSettlement: ['expert'],
  Withdraw: ['complainant', 'clerk'],
  CloseFair: ['system'],
  RecordPostShowResult: ['organizer'],
  Close: ['expert'],
  RecordVoluntaryRemoval: ['clerk'],
  ReorderAfterRedisplay: ['expert'],
  AddNote: ['clerk', 'expert', 'organizer'],
  ResolveConflict: ['organizer'],
} as const satisfies Record<CommandType, readonly Role[]>;

/** CS3: system commands; a duplicate (from another device) changes nothing. */
export const SYSTEM_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>(['MarkDefenceOverdue', 'CloseFair']);

/** CS4: what is still allowed after `fairCloseAt`. */
export const AFTER_CLOSE_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>([
  'Transfer',
  'RecordHandover',
  'CloseFair',
  'RecordPostShowResult',
  'AddNote',
  'ResolveConflict',
]);
