import { z } from 'zod';
import { canonicalJson, sha256Hex } from './canonical-json';
import type { ExhibitorKey } from './exhibitor';
import { ExhibitorKey as ExhibitorKeySchema } from './exhibitor';
import { Sha256Hex } from './evidence';
import { CommitmentId, EvidenceId, FairId, UserId } from './ids';
import { IpRight } from './ip-right';
import type { DomainError, Result } from './result';
import { domainError, err, ok } from './result';
import { Text } from './text';
import { Instant } from './time';
import { Booth } from './validators/booth';
import { CLAUSE_CODES, ClauseCode, ClauseTexts, clausesOf, isCustomTemplate, TemplateVersion } from './commitment-templates';
import { Phone } from './validators/phone';
import { recordMeta } from './validators/record-meta';

/**
 * The exhibitor's IP commitment (参展知识产权承诺书, CM1–CM7). A draft is editable and counts
 * nowhere (CM3); signing needs every clause of the template ticked and freezes it (CM1) under a
 * `contentHash`; a change is a new version that `supersedes` the old (CM2). A fair's own wording
 * is copied into the record (`clauses`, CM11), so the hash covers the very text signed.
 */
export { CLAUSE_CODES, ClauseCode, COMMITMENT_TEMPLATES, TemplateVersion, clausesOf } from './commitment-templates';
export type { Clause } from './commitment-templates';

export const SIGNING_CHANNELS = ['kiosk', 'own_device', 'paper_scan'] as const;
export const SigningChannel = z.enum(SIGNING_CHANNELS);
export type SigningChannel = z.infer<typeof SigningChannel>;

export const Signer = z.object({ name: Text(1, 50), title: Text(1, 50), phone: Phone });
export type Signer = z.infer<typeof Signer>;

const content = {
  id: CommitmentId,
  fairId: FairId,
  exhibitorKey: ExhibitorKeySchema,
  booths: z.array(Booth).min(1).max(100),
  templateVersion: TemplateVersion,
  clausesAccepted: z.array(ClauseCode).max(CLAUSE_CODES.length),
  /** CM11: the texts of a fair's own wording (`custom-<n>`) as signed; absent for a built-in template (CM8). */
  clauses: ClauseTexts.optional(),
  declaredRights: z.array(IpRight).max(100).default([]),
  signer: Signer,
  version: z.number().int().min(1),
  supersedes: CommitmentId.optional(),
  ...recordMeta,
};

const versionChain = (c: { version: number; supersedes?: string | undefined }, ctx: z.RefinementCtx) => {
  // CM2: version 1 starts a chain; every later version names the one it replaces.
  if (c.version === 1 && c.supersedes !== undefined) ctx.addIssue({ code: 'custom', message: 'NOT_APPLICABLE', path: ['supersedes'] });
  if (c.version > 1 && c.supersedes === undefined) ctx.addIssue({ code: 'custom', message: 'REQUIRED', path: ['supersedes'] });
};

const frozenTexts = (c: { templateVersion: TemplateVersion; clauses?: unknown }, ctx: z.RefinementCtx) => {
  // CM11: a fair's own wording travels with the record; CM8: a built-in one is named only.
  const custom = isCustomTemplate(c.templateVersion);
  if (custom && c.clauses === undefined) ctx.addIssue({ code: 'custom', message: 'REQUIRED', path: ['clauses'] });
  if (!custom && c.clauses !== undefined) ctx.addIssue({ code: 'custom', message: 'NOT_APPLICABLE', path: ['clauses'] });
};

/** CM3: a draft, editable, counting nowhere. Clauses may be partly ticked. */
export const CommitmentDraft = z.object({ status: z.literal('draft'), ...content }).superRefine((c, ctx) => {
  versionChain(c, ctx);
  frozenTexts(c, ctx);
});
export type CommitmentDraft = z.infer<typeof CommitmentDraft>;

const signedShape = z.object({
  status: z.literal('signed'),
  ...content,
  signatureEvidenceId: EvidenceId,
  sealEvidenceId: EvidenceId.optional(),
  signedAt: Instant,
  channel: SigningChannel,
  /** A paper scan is the signature; the clerk who checked it against the paper is recorded. */
  scanCheckedBy: UserId.optional(),
  contentHash: Sha256Hex,
});

/** Every rule of a signed commitment but its hash; true when the hash is the one left to check. */
const signedRules = (c: z.output<typeof signedShape>, ctx: z.RefinementCtx): boolean => {
  versionChain(c, ctx);
  frozenTexts(c, ctx);
  const missing = missingClauses(c);
  if (missing.length > 0) ctx.addIssue({ code: 'custom', message: 'CLAUSES_NOT_ACCEPTED', path: ['clausesAccepted'], params: { missing: missing.join(',') } });
  if (c.channel === 'paper_scan' && c.scanCheckedBy === undefined) ctx.addIssue({ code: 'custom', message: 'REQUIRED', path: ['scanCheckedBy'] });
  if (c.channel !== 'paper_scan' && c.scanCheckedBy !== undefined) ctx.addIssue({ code: 'custom', message: 'NOT_APPLICABLE', path: ['scanCheckedBy'] });
  if (c.signedAt < c.createdAt) ctx.addIssue({ code: 'custom', message: 'END_BEFORE_START', path: ['signedAt'] });
  return missing.length === 0;
};

/** CM1: a signed commitment; its `contentHash` covers every other field. */
export const SignedCommitment = signedShape.superRefine((c, ctx) => {
  if (signedRules(c, ctx) && contentHashOf(c) !== c.contentHash) ctx.addIssue({ code: 'custom', message: 'CONTENT_HASH_MISMATCH', path: ['contentHash'] });
});
export type SignedCommitment = z.infer<typeof SignedCommitment>;

export const Commitment = z.discriminatedUnion('status', [CommitmentDraft, SignedCommitment]);
export type Commitment = z.infer<typeof Commitment>;

/**
 * CM1 in two steps, for a reader that hashes elsewhere (SY92: a pulled page's hashes by the
 * platform's SHA-256): every rule of `Commitment` but the signed one's content hash. Its caller
 * compares `contentHashTextOf` hashed with `contentHash` before it trusts the record.
 */
export const CommitmentBeforeHash = z.discriminatedUnion('status', [
  CommitmentDraft,
  signedShape.superRefine((c, ctx) => {
    signedRules(c, ctx);
  }),
]);

/** The canonical JSON text `contentHash` is the SHA-256 of (§8). */
export function contentHashTextOf(c: Omit<SignedCommitment, 'contentHash'> & { contentHash?: unknown }): string {
  const { contentHash: _omit, ...rest } = c;
  return canonicalJson(rest);
}

/** The template's clauses not ticked, in template order. */
export function missingClauses(c: { templateVersion: TemplateVersion; clauses?: readonly { zh: string; en: string }[] | undefined; clausesAccepted: readonly ClauseCode[] }): ClauseCode[] {
  return clausesOf(c).map((cl) => cl.code).filter((code) => !c.clausesAccepted.includes(code));
}

/** §8 `contentHash`: SHA-256 of the canonical JSON of the signed record without the hash itself. */
export function contentHashOf(c: Omit<SignedCommitment, 'contentHash'> & { contentHash?: unknown }): Sha256Hex {
  return sha256Hex(contentHashTextOf(c)) as Sha256Hex;
}

/** N4 prints the first 12 hex digits of the content hash, enough to compare a copy by eye. */
export const shortHash = (c: Pick<SignedCommitment, 'contentHash'>): string => c.contentHash.slice(0, 12);

export interface Signing {
  readonly signatureEvidenceId: EvidenceId;
  readonly sealEvidenceId?: EvidenceId | undefined;
  readonly signedAt: Instant;
  readonly channel: SigningChannel;
  readonly scanCheckedBy?: UserId | undefined;
}

/** Signs a draft: every clause ticked (§8), then sealed with its content hash (CM1). */
export function signCommitment(draft: CommitmentDraft, signing: Signing): Result<SignedCommitment, DomainError> {
  const missing = missingClauses(draft);
  if (missing.length > 0) return err(domainError('CLAUSES_NOT_ACCEPTED', { missing: missing.join(',') }));
  const { status: _draft, ...fields } = draft;
  const unsigned = {
    ...fields,
    status: 'signed' as const,
    clausesAccepted: clausesOf(draft).map((cl) => cl.code),
    ...signing,
  };
  const candidate = { ...unsigned, contentHash: contentHashOf(unsigned) };
  const parsed = SignedCommitment.safeParse(candidate);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return err(domainError('INVALID_COMMITMENT', { field: first?.path.join('.') ?? '', issue: first?.message ?? '' }));
  }
  return ok(parsed.data);
}

/** CM3: drafts are editable. CM1: a signed commitment is not: editing it is refused. */
export function editDraft(
  c: Commitment,
  patch: Partial<Pick<CommitmentDraft, 'booths' | 'clausesAccepted' | 'declaredRights' | 'signer'>>,
): Result<CommitmentDraft, DomainError> {
  if (c.status === 'signed') return err(domainError('GUARD_FAILED:CM1'));
  return ok({ ...c, ...patch });
}

export interface AmendmentFacts {
  readonly id: CommitmentId;
  readonly createdAt: Instant;
  readonly createdBy: UserId;
  readonly deviceId: SignedCommitment['deviceId'];
}

/**
 * CM1, CM2: a change to a signed commitment is a new draft, `version + 1`, superseding it. The
 * clauses start unticked: the exhibitor signs the whole text again.
 */
export function amendCommitment(current: SignedCommitment, facts: AmendmentFacts): CommitmentDraft {
  return {
    status: 'draft',
    id: facts.id,
    fairId: current.fairId,
    exhibitorKey: current.exhibitorKey,
    booths: current.booths,
    templateVersion: current.templateVersion,
    ...(current.clauses === undefined ? {} : { clauses: current.clauses }),
    clausesAccepted: [],
    declaredRights: current.declaredRights,
    signer: current.signer,
    version: current.version + 1,
    supersedes: current.id,
    createdAt: facts.createdAt,
    createdBy: facts.createdBy,
    deviceId: facts.deviceId,
  };
}

/**
 * CM2: the current commitment of one exhibitor: the signed one with the highest version that no
 * signed commitment supersedes. Drafts count nowhere (CM3). Ties (two devices signing the same
 * version offline) go to the later `signedAt`, then the greater id, so every device agrees.
 */
export function currentCommitment(list: readonly Commitment[]): SignedCommitment | undefined {
  const signed = list.filter((c): c is SignedCommitment => c.status === 'signed');
  const superseded = new Set(signed.map((c) => c.supersedes).filter((id) => id !== undefined));
  let best: SignedCommitment | undefined;
  for (const c of signed) {
    if (superseded.has(c.id)) continue;
    if (best === undefined || c.version > best.version || (c.version === best.version && (c.signedAt > best.signedAt || (c.signedAt === best.signedAt && c.id > best.id)))) {
      best = c;
    }
  }
  return best;
}

/** CM2 status, derived: a draft, the current commitment, or superseded by a later one. */
export function commitmentStatus(c: Commitment, list: readonly Commitment[]): 'draft' | 'current' | 'superseded' {
  if (c.status === 'draft') return 'draft';
  return currentCommitment(list.filter((o) => o.exhibitorKey === c.exhibitorKey))?.id === c.id ? 'current' : 'superseded';
}

/** The current commitment per exhibitor of one fair (R2, CM3). */
export function currentCommitments(list: readonly Commitment[]): Map<ExhibitorKey, SignedCommitment> {
  const byKey = new Map<ExhibitorKey, Commitment[]>();
  for (const c of list) byKey.set(c.exhibitorKey, [...(byKey.get(c.exhibitorKey) ?? []), c]);
  const out = new Map<ExhibitorKey, SignedCommitment>();
  for (const [key, cs] of byKey) {
    const cur = currentCommitment(cs);
    if (cur !== undefined) out.set(key, cur);
  }
  return out;
}

/** CM3: with `commitmentRequired`, an exhibitor without a current commitment gets `NO_COMMITMENT`. */
export const lacksCommitment = (commitmentRequired: boolean, exhibitorCommitments: readonly Commitment[]): boolean =>
  commitmentRequired && currentCommitment(exhibitorCommitments) === undefined;
