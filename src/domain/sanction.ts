import { z } from 'zod';
import { SanctionCode } from './codes';
import { ExhibitorKey } from './exhibitor';
import { CaseId, FairId, ULID_PATTERN, UserId } from './ids';
import { OptionalText } from './text';
import { Instant } from './time';
import { recordMeta } from './validators/record-meta';

/**
 * A sanction against an exhibitor (EN18, CD4): recommended by the repeat rules (RP2/RP3),
 * decided or revoked by the organizer. `DEDUCT_BOOTHS(n)` and `BAN_SESSIONS(n)` carry `n`.
 */
export const SanctionId = z.string().regex(ULID_PATTERN, { message: 'ULID' }).brand<'SanctionId'>();
export type SanctionId = z.infer<typeof SanctionId>;

export const SANCTION_STATUSES = ['recommended', 'decided', 'revoked'] as const;
export const SanctionStatus = z.enum(SANCTION_STATUSES);
export type SanctionStatus = z.infer<typeof SanctionStatus>;

const WITH_N: ReadonlySet<SanctionCode> = new Set<SanctionCode>(['DEDUCT_BOOTHS', 'BAN_SESSIONS']);
export const takesCount = (code: SanctionCode): boolean => WITH_N.has(code);

export const Sanction = z
  .object({
    id: SanctionId,
    fairId: FairId,
    exhibitorKey: ExhibitorKey,
    code: SanctionCode,
    n: z.number().int().min(1).max(99).optional(),
    status: SanctionStatus,
    /** The established cases it rests on, across sessions (RP1). */
    basisCaseIds: z.array(CaseId).min(1).max(100),
    decidedAt: Instant.optional(),
    decidedBy: UserId.optional(),
    reason: OptionalText(500, 'multi'),
    ...recordMeta,
  })
  .superRefine((s, ctx) => {
    if (takesCount(s.code) && s.n === undefined) ctx.addIssue({ code: 'custom', message: 'REQUIRED', path: ['n'] });
    if (!takesCount(s.code) && s.n !== undefined) ctx.addIssue({ code: 'custom', message: 'NOT_APPLICABLE', path: ['n'] });
    // Decided and revoked sanctions name the organizer who acted, and when.
    if (s.status !== 'recommended') {
      if (s.decidedAt === undefined) ctx.addIssue({ code: 'custom', message: 'REQUIRED', path: ['decidedAt'] });
      if (s.decidedBy === undefined) ctx.addIssue({ code: 'custom', message: 'REQUIRED', path: ['decidedBy'] });
    }
    if (s.decidedAt !== undefined && s.decidedAt < s.createdAt) ctx.addIssue({ code: 'custom', message: 'END_BEFORE_START', path: ['decidedAt'] });
    // RP3: a lifetime ban is never recommended by a rule, only decided by hand.
    if (s.code === 'BAN_PERMANENT' && s.status === 'recommended') ctx.addIssue({ code: 'custom', message: 'GUARD_FAILED:RP3', path: ['status'] });
  });
export type Sanction = z.infer<typeof Sanction>;
export type SanctionInput = z.input<typeof Sanction>;

/** The printed code of §6: `DEDUCT_BOOTHS(2)`, `PUBLIC_NOTICE`. */
export const sanctionLabel = (s: Pick<Sanction, 'code' | 'n'>): string => (s.n === undefined ? s.code : `${s.code}(${s.n})`);
