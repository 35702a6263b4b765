import { z } from 'zod';

/**
 * The stable code lists of REFERENCE.md (LC1, LC4, CD1–CD6). Codes are data (stored, synced,
 * reported); the app translates them. `as const` arrays, not enums.
 */

/** §2 IpRight.type */
export const IP_TYPES = ['invention', 'utility_model', 'design', 'trademark', 'copyright', 'gi', 'ic_layout'] as const;
export const IpType = z.enum(IP_TYPES);
export type IpType = z.infer<typeof IpType>;
/** §3 default `acceptedIpTypes`: the five main types. */
export const MAIN_IP_TYPES = ['invention', 'utility_model', 'design', 'trademark', 'copyright'] as const satisfies readonly IpType[];
export const PATENT_TYPES = ['invention', 'utility_model', 'design'] as const satisfies readonly IpType[];
export const isPatentType = (t: IpType): boolean => (PATENT_TYPES as readonly IpType[]).includes(t);

/** §2 IpRight.status */
export const RIGHT_STATUSES = ['valid', 'lapsed', 'expired', 'invalidation_pending', 'ownership_disputed', 'in_litigation'] as const;
export const RightStatus = z.enum(RIGHT_STATUSES);
export type RightStatus = z.infer<typeof RightStatus>;

/** §4 case states, in lifecycle order (`A … B` ranges follow this order). */
export const CASE_STATES = [
  'RECEIVED',
  'INCOMPLETE',
  'ACCEPTED',
  'NOTIFIED',
  'DEFENCE_RECEIVED',
  'ADMITTED',
  'DEFENCE_OVERDUE',
  'DETERMINED',
  'MEASURES_ORDERED',
  'MEASURES_VERIFIED',
  'UNDER_REVIEW',
  'TRANSFERRED',
  'PENDING_AT_CLOSE',
  'CLOSED',
] as const;
export const CaseState = z.enum(CASE_STATES);
export type CaseState = z.infer<typeof CaseState>;
/** The states from `from` to `to` inclusive, in lifecycle order (LC1 `A … B`). */
export const stateRange = (from: CaseState, to: CaseState): readonly CaseState[] =>
  CASE_STATES.slice(CASE_STATES.indexOf(from), CASE_STATES.indexOf(to) + 1);

/** §2 Case.flags */
export const CASE_FLAGS = [
  'DUPLICATE',
  'PRIOR_SESSION',
  'REPEAT_RESPONDENT',
  'FREQUENT_COMPLAINANT',
  'NO_COMMITMENT',
  'REDISPLAY',
  'MEASURE_REFUSED',
  'CONFLICT',
] as const;
export const CaseFlag = z.enum(CASE_FLAGS);
export type CaseFlag = z.infer<typeof CaseFlag>;

/** §4.2 roles: C complainant, R respondent, K clerk, E expert, O organizer, S system. */
export const ROLES = ['complainant', 'respondent', 'clerk', 'expert', 'organizer', 'system'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** §6 outcomes. Never print ESTABLISHED_ALLEGED as "infringement" without "alleged". */
export const OUTCOMES = [
  'NOT_ACCEPTED',
  'WITHDRAWN',
  'NOT_ESTABLISHED',
  'ESTABLISHED_ALLEGED',
  'VOLUNTARY_REMOVAL',
  'MEDIATED',
  'TRANSFERRED_ADMIN',
  'TRANSFERRED_ENFORCEMENT',
  'UNRESOLVED',
] as const;
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;

/** §6 measures. TAKEDOWN_ONLINE only when the fair has `onlineExhibition`. */
export const MEASURE_CODES = ['WITHDRAW_EXHIBIT', 'COVER', 'DETAIN', 'REMOVE_LITERATURE', 'REPLACE_BOARD', 'TAKEDOWN_ONLINE'] as const;
export const MeasureCode = z.enum(MEASURE_CODES);
export type MeasureCode = z.infer<typeof MeasureCode>;

/** §4.3 not-accepted reasons (不予接受). */
export const NOT_ACCEPTED_REASONS = [
  'NR_INCOMPLETE',
  'NR_NO_STANDING',
  'NR_NO_BADGE',
  'NR_RIGHT_INVALID',
  'NR_INVALIDATION_PENDING',
  'NR_OWNERSHIP_DISPUTE',
  'NR_IN_LITIGATION',
  'NR_DUPLICATE',
  'NR_PRIOR_SESSION',
  'NR_NOT_EXHIBITOR',
  'NR_OUT_OF_SCOPE',
  'NR_OTHER',
] as const;
export const NotAcceptedReason = z.enum(NOT_ACCEPTED_REASONS);
export type NotAcceptedReason = z.infer<typeof NotAcceptedReason>;

/** §6 sanctions, recommended by §7 and decided by the organizer. */
export const SANCTION_CODES = ['PUBLIC_NOTICE', 'DEDUCT_BOOTHS', 'BAN_NEXT_SESSION', 'BAN_SESSIONS', 'BAN_PERMANENT'] as const;
export const SanctionCode = z.enum(SANCTION_CODES);
export type SanctionCode = z.infer<typeof SanctionCode>;

/** §4.2 CS20 transfer kinds and §3 authority kinds. */
export const AUTHORITY_KINDS = ['admin', 'enforcement'] as const;
export const AuthorityKind = z.enum(AUTHORITY_KINDS);
export type AuthorityKind = z.infer<typeof AuthorityKind>;

export const LANGUAGES = ['zh-CN', 'en'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;
