import { z } from 'zod';
import { DeviceCode } from '../case/case-number';
import { DeviceId, FairId, UserId } from '../ids';
import { Fair } from '../fair';
import { Instant, MINUTE_MS, instantToMs } from '../time';
import { Text } from '../text';
import { ERROR_CODES } from './protocol';
import { DeviceRole, EnrolmentCode, Password, UserName } from './accounts';

/**
 * The organizer's console (`/console/`, online only) and its server: one HTTP contract, parsed
 * on both ends. Every route lives under `/api/console` and is authenticated by a session cookie
 * (CO1–CO5), never by a tablet's bearer token. Rules: src/server/CONSOLE-SPEC.md.
 *
 * Routes (all JSON unless said):
 *   POST   /api/console/session                         SignInRequest     -> SessionInfo (sets cookie)
 *   GET    /api/console/session                                           -> SessionInfo
 *   DELETE /api/console/session                                           -> SignedOut (this session)
 *   POST   /api/console/session/everywhere-out                            -> SignedOut (every session of the account)
 *   POST   /api/console/password                        ChangePasswordRequest -> PasswordChanged
 *   GET    /api/console/fairs                                             -> FairList
 *   POST   /api/console/fairs                           SaveFairRequest   -> FairSaved (201)
 *   PUT    /api/console/fairs/:fairId                   SaveFairRequest   -> FairSaved
 *   GET    /api/console/fairs/:fairId/tablets                             -> TabletTable
 *   POST   /api/console/fairs/:fairId/tablets/:deviceId/revoke  RevokeRequest -> TabletRevoked
 *   POST   /api/console/fairs/:fairId/enrolments        EnrolmentBatchRequest -> EnrolmentBatch (201)
 *   GET    /api/console/fairs/:fairId/enrolments                          -> EnrolmentList
 *   GET    /api/console/people                                            -> PeopleList
 *   POST   /api/console/people                          CreatePersonRequest -> PersonSaved (201)
 *   POST   /api/console/people/:userId/disable                            -> PersonSaved
 *   POST   /api/console/people/:userId/enable                             -> PersonSaved
 *   POST   /api/console/people/:userId/password         ResetPasswordRequest -> PasswordReset
 *   GET    /api/console/audit?AuditQuery                                  -> AuditPage
 *   GET    /api/console/audit.csv?AuditQuery                              -> text/csv (every matching row)
 *   (the review queue and the exhibitor list: console-review.ts)
 *
 * Every refusal is a `ConsoleErrorReply`: 401 UNAUTHENTICATED (no or ended session), 403
 * FORBIDDEN_ROLE (not an organizer), 403 CSRF_REFUSED (a state-changing request from another
 * origin, CO6), 400 INVALID_BODY/INVALID_QUERY/INVALID_PATH, 404 NOT_FOUND, 409 NAME_TAKEN,
 * 403 BAD_CREDENTIALS (wrong current password), 401 BAD_CREDENTIALS (sign-in), 429 RATE_LIMITED.
 */
// Its own file, without zod, so the console's entry can ask before the contract loads.
export { CONSOLE_PREFIX } from './console-prefix';
/** The session cookie's name; the `__Host-` prefix is used when the cookie is Secure (CO2). */
export const SESSION_COOKIE = 'faircase_console';
export const SECURE_SESSION_COOKIE = '__Host-faircase_console';

// ---------------------------------------------------------------------------------- errors

/** The console's own refusals, on top of the sync contract's codes. */
export const CONSOLE_ERROR_CODES = [...ERROR_CODES, 'CSRF_REFUSED', 'WRONG_PASSWORD', 'FAIR_EXISTS', 'NOT_IN_CONFLICT',
  // The roll-up (ANNUAL-SPEC AR10, AR13): closing needs complete tablets and the fair's facts; an import needs a good signature by a trusted key.
  'SUMMARY_INCOMPLETE', 'FAIR_FACTS_MISSING', 'SUMMARY_NOT_CLOSED', 'SIGNATURE_INVALID', 'SIGNER_UNTRUSTED'] as const;
export const ConsoleErrorCode = z.enum(CONSOLE_ERROR_CODES);
export type ConsoleErrorCode = z.infer<typeof ConsoleErrorCode>;
export const ConsoleErrorReply = z.object({
  type: z.literal('error'),
  code: ConsoleErrorCode,
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  issues: z.array(z.object({ path: z.string(), code: z.string() })).max(20).optional(),
});
export type ConsoleErrorReply = z.infer<typeof ConsoleErrorReply>;

// ---------------------------------------------------------------------------------- people

/** Console accounts: the organizer runs everything; an administration viewer only reads (CO8). */
export const ACCOUNT_ROLES = ['organizer', 'expert', 'admin_viewer'] as const;
export const AccountRole = z.enum(ACCOUNT_ROLES);
export type AccountRole = z.infer<typeof AccountRole>;

/** A province-level division of GB/T 2260: six digits ending in 0000 (110000 Beijing, 440000 Guangdong). */
export const ProvinceCode = z.string().regex(/^[1-9][0-9]0000$/, { message: 'PROVINCE_CODE' });
export type ProvinceCode = z.infer<typeof ProvinceCode>;

/** What an administration viewer may see: the whole country, or some provinces. */
export const RegionScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('national') }),
  z.object({ kind: z.literal('regions'), regions: z.array(ProvinceCode).min(1).max(34) }),
]);
export type RegionScope = z.infer<typeof RegionScope>;

export const Person = z.object({
  userId: UserId,
  name: z.string(),
  role: AccountRole,
  /** Only for `admin_viewer`; null for the other roles. */
  scope: RegionScope.nullable(),
  createdAt: Instant,
  disabledAt: Instant.nullable(),
  lastSignInAt: Instant.nullable(),
});
export type Person = z.infer<typeof Person>;

export const PeopleList = z.object({ type: z.literal('people'), people: z.array(Person) });
export type PeopleList = z.infer<typeof PeopleList>;

export const CreatePersonRequest = z
  .object({ name: UserName, password: Password, role: AccountRole, scope: RegionScope.optional() })
  .refine((p) => (p.role === 'admin_viewer') === (p.scope !== undefined), { message: 'SCOPE_ROLE', path: ['scope'] });
export type CreatePersonRequest = z.input<typeof CreatePersonRequest>;

export const PersonSaved = z.object({ type: z.literal('person'), person: Person });
export type PersonSaved = z.infer<typeof PersonSaved>;

/** The organizer sets a new password for someone (CO9): every session of that account ends. */
export const ResetPasswordRequest = z.object({ newPassword: Password });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;
export const PasswordReset = z.object({ type: z.literal('password-reset'), userId: UserId, endedSessions: z.number().int().min(0) });
export type PasswordReset = z.infer<typeof PasswordReset>;

// ---------------------------------------------------------------------------------- session

export const SignInRequest = z.object({ name: UserName, password: z.string().min(1).max(200) });
export type SignInRequest = z.infer<typeof SignInRequest>;

export const SessionInfo = z.object({
  type: z.literal('console-session'),
  user: z.object({ userId: UserId, name: z.string(), role: AccountRole }),
  /** CO3: the session ends here unless a request comes first (each request moves it on). */
  idleExpiresAt: Instant,
  /** CO3: the session ends here whatever happens. */
  absoluteExpiresAt: Instant,
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SignedOut = z.object({ type: z.literal('signed-out'), endedSessions: z.number().int().min(0) });
export type SignedOut = z.infer<typeof SignedOut>;

export const ChangePasswordRequest = z.object({ currentPassword: z.string().min(1).max(200), newPassword: Password });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;
/** CO4: the other sessions of the account ended; this one stays. */
export const PasswordChanged = z.object({ type: z.literal('password-changed'), endedOtherSessions: z.number().int().min(0) });
export type PasswordChanged = z.infer<typeof PasswordChanged>;

// ---------------------------------------------------------------------------------- fairs

export const FairRow = z.object({
  fairId: FairId,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string().optional(),
  sessionNo: z.number().int(),
  firstDay: z.string(),
  lastDay: z.string(),
  /** Enrolled tablets, revoked ones included. */
  deviceCount: z.number().int().min(0),
  revokedCount: z.number().int().min(0),
  caseCount: z.number().int().min(0),
  /** When the server last received an item of the fair; null when none. */
  lastActivityAt: Instant.nullable(),
  /** The current version (last writer wins, SY20), for the edit form. */
  fair: Fair,
});
export type FairRow = z.infer<typeof FairRow>;
export const FairList = z.object({ type: z.literal('fairs'), fairs: z.array(FairRow) });
export type FairList = z.infer<typeof FairList>;

/**
 * Create (POST, the console makes the ULID so a retried create is the same fair) or edit (PUT,
 * `fair.id` equals the path's). The same schema as the tablet's fair setup (CO10).
 */
export const SaveFairRequest = z.object({ fair: Fair });
export type SaveFairRequest = z.input<typeof SaveFairRequest>;
export const FairSaved = z.object({ type: z.literal('fair-saved'), fairId: FairId, created: z.boolean(), serverSeq: z.number().int().positive() });
export type FairSaved = z.infer<typeof FairSaved>;

// ---------------------------------------------------------------------------------- tablets

export const TabletState = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('in_sync') }),
  /** Seen lately, but it reported items waiting since `since`. */
  z.object({ kind: z.literal('behind'), since: Instant }),
  /** No request for `silent` minutes (or never since enrolment). */
  z.object({ kind: z.literal('silent'), since: Instant }),
  z.object({ kind: z.literal('revoked'), at: Instant }),
]);
export type TabletState = z.infer<typeof TabletState>;

export const TabletRow = z.object({
  deviceId: DeviceId,
  deviceCode: DeviceCode,
  name: z.string(),
  role: DeviceRole,
  enrolledAt: Instant,
  enrolledBy: z.object({ userId: UserId, name: z.string() }).nullable(),
  /** Any authenticated request of the tablet. */
  lastSeenAt: Instant.nullable(),
  /** The server holds this device's items 1…seq (device_acks). */
  serverHasThroughSeq: z.number().int().min(0),
  /** What the tablet said with its last push (SY14 for the clock). */
  reported: z
    .object({ at: Instant, appVersion: z.string().nullable(), outboxCount: z.number().int().min(0), lastError: z.string().nullable(), ackedSeqThen: z.number().int().min(0) })
    .nullable(),
  clockOffsetMs: z.number().int().nullable(),
  state: TabletState,
  revocation: z.object({ at: Instant, by: z.object({ userId: UserId, name: z.string() }).nullable(), reason: z.string() }).nullable(),
  /** CO13: for a revoked tablet, items it reported waiting that never arrived; null otherwise. */
  itemsAtRisk: z.number().int().min(0).nullable(),
});
export type TabletRow = z.infer<typeof TabletRow>;

export const TabletThresholds = z.object({ behind: z.number().int().min(1), silent: z.number().int().min(1) });
export type TabletThresholds = z.infer<typeof TabletThresholds>;

export const TabletTable = z.object({
  type: z.literal('tablets'),
  fairId: FairId,
  /** The fair's `tabletStatusMinutes` the states were computed with. */
  thresholds: TabletThresholds,
  now: Instant,
  tablets: z.array(TabletRow),
});
export type TabletTable = z.infer<typeof TabletTable>;

export interface TabletStateFacts {
  readonly revokedAt: Instant | null;
  readonly enrolledAt: Instant;
  readonly lastSeenAt: Instant | null;
  /** When the tablet last reported, and how many items it had waiting then. */
  readonly reportedAt: Instant | null;
  readonly outboxCount: number | null;
}

/**
 * CO12: revoked beats everything; no request for `silent` minutes is silent (since its last
 * request, or enrolment); items reported waiting at a push `behind` minutes ago or earlier is
 * behind; otherwise in sync.
 */
export function tabletState(facts: TabletStateFacts, thresholds: TabletThresholds, now: Instant): TabletState {
  if (facts.revokedAt !== null) return { kind: 'revoked', at: facts.revokedAt };
  const nowMs = instantToMs(now);
  const seen = facts.lastSeenAt ?? facts.enrolledAt;
  if (nowMs - instantToMs(seen) >= thresholds.silent * MINUTE_MS) return { kind: 'silent', since: seen };
  if (facts.reportedAt !== null && (facts.outboxCount ?? 0) > 0 && nowMs - instantToMs(facts.reportedAt) >= thresholds.behind * MINUTE_MS) {
    return { kind: 'behind', since: facts.reportedAt };
  }
  return { kind: 'in_sync' };
}

/** CO13: what a revoked tablet said it held minus what arrived since it said so (never negative). */
export const itemsAtRisk = (outboxCount: number, ackedSeqThen: number, ackedSeqNow: number): number =>
  Math.max(0, outboxCount - Math.max(0, ackedSeqNow - ackedSeqThen));

export const RevokeRequest = z.object({ reason: Text(1, 500, 'multi') });
export type RevokeRequest = z.infer<typeof RevokeRequest>;
/** CO14: a second revocation answers the first one's who and when, with `already: true`. */
export const TabletRevoked = z.object({
  type: z.literal('tablet-revoked'),
  deviceId: DeviceId,
  already: z.boolean(),
  at: Instant,
  by: z.object({ userId: UserId, name: z.string() }).nullable(),
  reason: z.string(),
});
export type TabletRevoked = z.infer<typeof TabletRevoked>;

// ---------------------------------------------------------------------------------- enrolment codes

export const MAX_ENROLMENT_BATCH = 50;
export const EnrolmentBatchRequest = z.object({
  role: DeviceRole.default('desk'),
  ttlMinutes: z.number().int().min(1).max(7 * 24 * 60).default(60),
  count: z.number().int().min(1).max(MAX_ENROLMENT_BATCH).default(1),
});
export type EnrolmentBatchRequest = z.input<typeof EnrolmentBatchRequest>;

/** The tablet's scanner reads the code itself or `?code=` of a link (enrol-form). */
export const enrolmentLink = (origin: string, code: string): string => `${origin}/?code=${encodeURIComponent(code)}`;

export const IssuedCode = z.object({ id: z.string(), code: EnrolmentCode, link: z.string(), role: DeviceRole, expiresAt: Instant });
export type IssuedCode = z.infer<typeof IssuedCode>;
export const EnrolmentBatch = z.object({ type: z.literal('enrolment-codes'), fairId: FairId, codes: z.array(IssuedCode) });
export type EnrolmentBatch = z.infer<typeof EnrolmentBatch>;

export const EnrolmentStatus = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unused') }),
  z.object({ kind: z.literal('expired') }),
  /** "used by K07 at 10:32". */
  z.object({ kind: z.literal('used'), at: Instant, deviceId: DeviceId, deviceCode: z.string().nullable() }),
]);
export type EnrolmentStatus = z.infer<typeof EnrolmentStatus>;

/** The server keeps only a hash of each code, so a listed code cannot be shown again. */
export const EnrolmentRow = z.object({
  id: z.string(),
  role: DeviceRole,
  createdAt: Instant,
  createdBy: z.object({ userId: UserId, name: z.string() }).nullable(),
  expiresAt: Instant,
  status: EnrolmentStatus,
});
export type EnrolmentRow = z.infer<typeof EnrolmentRow>;
export const EnrolmentList = z.object({ type: z.literal('enrolments'), fairId: FairId, codes: z.array(EnrolmentRow) });
export type EnrolmentList = z.infer<typeof EnrolmentList>;

export { TabletStatusReport } from './protocol';
