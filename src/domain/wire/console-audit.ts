import { z } from 'zod';
import { UserId } from '../ids';
import { Instant } from '../time';
import { OptionalText } from '../text';

/** The console's audit log on the wire (console.ts): one row per action (CO16), listed newest first with filters (CO18). */
export const AUDIT_ACTIONS = [
  'login_ok',
  'login_failed',
  'sign_out',
  'sign_out_everywhere',
  'password_changed',
  'enrolment_created',
  'enrolment_redeemed',
  'device_revoked',
  'account_created',
  'account_disabled',
  'account_enabled',
  'password_reset',
  'fair_created',
  'fair_edited',
  'previous_figure_set',
  'bundle_uploaded',
  'conflict_decided',
  'item_acknowledged',
  'exhibitors_imported',
  'exhibitor_edited',
  'summary_closed',
  'summary_imported',
  'summary_replaced',
  'trusted_key_added',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  id: z.number().int().positive(),
  at: Instant,
  /** The account that acted; null for a tablet's redemption or a failed sign-in of an unknown name. */
  actor: z.object({ userId: UserId.nullable(), name: z.string() }).nullable(),
  /** The client address as SY60 reads it. */
  address: z.string(),
  action: AuditAction,
  /** What the action was about: `fair:<id>`, `device:<id>`, `user:<id>`, `enrolment:<id>`. */
  target: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** `fair:01J…` → ['fair', '01J…']; a target without a kind has no id. */
export function splitTarget(target: string | null): readonly [string, string | undefined] {
  if (target === null) return ['', undefined];
  const at = target.indexOf(':');
  return at < 0 ? [target, undefined] : [target.slice(0, at), target.slice(at + 1)];
}

export const DEFAULT_AUDIT_PAGE = 50;
export const MAX_AUDIT_PAGE = 200;
export const AuditQuery = z.object({
  action: AuditAction.optional(),
  /** An account name, exactly. */
  actor: OptionalText(64),
  from: Instant.optional(),
  /** Exclusive. */
  to: Instant.optional(),
  /** The `next` of the page before (entries come newest first). */
  cursor: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(DEFAULT_AUDIT_PAGE),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
export const AuditPage = z.object({
  type: z.literal('audit'),
  entries: z.array(AuditEntry),
  next: z.number().int().positive().nullable(),
  /** CO47: what the entries' targets and fairs are called, keyed like a target (`fair:<id>`). */
  labels: z.record(z.string(), z.string()),
});
export type AuditPage = z.infer<typeof AuditPage>;

/** CO11: what a tablet reports with each push (`PushRequest.status`, defined with the push). */
