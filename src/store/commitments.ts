import { CommitmentDraft, currentCommitment, currentCommitments, signCommitment as sealCommitment } from '../domain/commitment';
import type { ClauseCode, Commitment, SignedCommitment, SigningChannel, Signing, TemplateVersion } from '../domain/commitment';
import type { ClauseText } from '../domain/commitment-templates';
import type { Exhibitor, ExhibitorKey } from '../domain/exhibitor';
import { exhibitorKey } from '../domain/exhibitor';
import { fieldErrors } from '../domain/field-errors';
import type { FieldError } from '../domain/field-errors';
import type { CommitmentId, EvidenceId, FairId, UserId } from '../domain/ids';
import type { IpRightInput } from '../domain/ip-right';
import type { Instant } from '../domain/time';
import { commitmentsOf, commitmentsOfFair, commitmentsWithKey } from './commitment-rows';
import { getDb } from './db';
import { listExhibitors } from './exhibitors';
import { newId } from './ids';
import { StoreFailure, invalid } from './result';
import type { StoreResult } from './result';
import { fail, runWrite } from './transaction';
import { appendItems, logState } from './local-log';

/**
 * Commitments (承诺书, CM1–CM7). Only signed commitments are stored here (a draft is the
 * form's autosave and counts nowhere, CM3). Signing freezes the content under its hash (CM1); a
 * change is a new version that supersedes the current one (CM2), worked out here, in the same
 * transaction as the write, so two saves never both claim the same version.
 */

/**
 * What the signing screen supplies: the content and the signature. The store works out the id,
 * version, `supersedes`, hash and record meta; everything is validated by the domain schema.
 */
export interface CommitmentInput {
  readonly fairId: FairId | string;
  readonly exhibitorKey: ExhibitorKey | string;
  readonly booths: readonly { readonly hall: string; readonly stand: string }[];
  readonly templateVersion: TemplateVersion;
  /** CM11: the texts of a fair's own wording as the signer saw them; absent for a built-in template. */
  readonly clauses?: readonly ClauseText[];
  readonly clausesAccepted: readonly ClauseCode[];
  readonly declaredRights?: readonly IpRightInput[];
  readonly signer: { readonly name: string; readonly title: string; readonly phone: string };
  readonly signatureEvidenceId: EvidenceId | string;
  readonly sealEvidenceId?: EvidenceId | string;
  readonly signedAt: Instant;
  readonly channel: SigningChannel;
  readonly scanCheckedBy?: UserId | string;
  /** Who signs the exhibitor up (the signed-in user); the device when absent. */
  readonly createdBy?: UserId | string;
  /** The version the signer saw as current: refused if another save superseded it meanwhile. */
  readonly supersedes?: CommitmentId | string;
}

/** The domain's refusal as a field error the form shows. */
function refusal(e: { code: string; params?: Readonly<Record<string, string | number | boolean>> }): FieldError {
  if (e.code === 'CLAUSES_NOT_ACCEPTED') return { field: 'clausesAccepted', code: e.code, params: e.params ?? {} };
  const field = typeof e.params?.field === 'string' ? e.params.field : '';
  const issue = typeof e.params?.issue === 'string' && /^[A-Z][A-Z0-9_]*$/.test(e.params.issue) ? e.params.issue : 'INVALID';
  return { field, code: issue, params: {} };
}

/** CM1, CM2: signs version current + 1 of the exhibitor's commitment at this fair. */
export async function signCommitment(input: CommitmentInput, now: Instant): Promise<StoreResult<SignedCommitment>> {
  const id = newId();
  return runWrite(
    ['fairs', 'commitments', 'commitmentPages'],
    async (db) => {
      if ((await db.fairs.get(input.fairId)) === undefined) fail('not-found', `fair ${input.fairId}`);
      const [{ deviceId }, chain] = await Promise.all([
        logState(db),
        commitmentsOf(db, input.fairId, [input.exhibitorKey]),
      ]);
      const current = currentCommitment(chain);
      if (input.supersedes !== undefined && input.supersedes !== current?.id) {
        throw new StoreFailure(invalid([{ field: 'supersedes', code: 'INVALID_VALUE', params: { current: current?.id ?? '' } }]));
      }
      const candidate = {
        status: 'draft',
        id,
        fairId: input.fairId,
        exhibitorKey: input.exhibitorKey,
        booths: input.booths,
        templateVersion: input.templateVersion,
        ...(input.clauses === undefined ? {} : { clauses: input.clauses }),
        clausesAccepted: input.clausesAccepted,
        declaredRights: input.declaredRights ?? [],
        signer: input.signer,
        version: (current?.version ?? 0) + 1,
        supersedes: current?.id,
        // The form was filled before it was signed (the domain checks signedAt ≥ createdAt).
        createdAt: typeof input.signedAt === 'string' && input.signedAt < now ? input.signedAt : now,
        createdBy: input.createdBy ?? deviceId,
        deviceId,
      };
      const draft = CommitmentDraft.safeParse(candidate);
      if (!draft.success) throw new StoreFailure(invalid(fieldErrors(draft.error, candidate)));
      const signing = {
        signatureEvidenceId: input.signatureEvidenceId,
        sealEvidenceId: input.sealEvidenceId,
        signedAt: input.signedAt,
        channel: input.channel,
        scanCheckedBy: input.scanCheckedBy,
      } as Signing;
      // The content hash is synchronous (noble), so it runs inside the transaction safely.
      const signed = sealCommitment(draft.data, signing);
      if (!signed.ok) throw new StoreFailure(invalid([refusal(signed.error)]));
      const record = signed.value;
      await Promise.all([
        db.commitments.add(record),
        appendItems(db, [{ kind: 'commitment', entityId: record.id, fairId: record.fairId, payload: record }], now),
      ]);
      return record;
    },
    { now },
  );
}

const byVersion = (a: Commitment, b: Commitment): number =>
  a.exhibitorKey < b.exhibitorKey ? -1 : a.exhibitorKey > b.exhibitorKey ? 1 : a.version - b.version;

/** Every version signed at this fair, by exhibitor then version. */
export async function listCommitments(fairId: FairId | string): Promise<SignedCommitment[]> {
  const rows = await commitmentsOfFair(getDb(), fairId);
  return rows.filter((c): c is SignedCommitment => c.status === 'signed').sort(byVersion);
}

/**
 * CM2: the exhibitor's current commitment at `fairId`, or, without it, at the fair this device
 * works for (a commitment is per session; the key follows the exhibitor across sessions).
 */
export async function currentCommitmentOf(key: ExhibitorKey | string, fairId?: FairId | string): Promise<SignedCommitment | undefined> {
  const db = getDb();
  const fair = fairId ?? (await db.device.get('this'))?.fairId;
  // Without a fair (a device not set up yet) every row is looked at: no index by key alone (SY89).
  const list = fair === undefined ? await commitmentsWithKey(db, key) : await commitmentsOf(db, fair, [key]);
  return currentCommitment(list);
}

/** The versions of one exhibitor's commitment at a fair, oldest first (CM2 history). */
export async function commitmentVersions(fairId: FairId | string, key: ExhibitorKey | string): Promise<SignedCommitment[]> {
  const rows = await commitmentsOf(getDb(), fairId, [key]);
  return rows.filter((c): c is SignedCommitment => c.status === 'signed').sort(byVersion);
}

export interface CoverageHall {
  readonly hall: string;
  readonly exhibitors: readonly { readonly exhibitor: Exhibitor; readonly commitment?: SignedCommitment }[];
}

/**
 * R2, CM3: by hall, each exhibitor with its current commitment (absent = not signed). An
 * exhibitor with booths in two halls is listed in both.
 */
export async function commitmentCoverage(fairId: FairId | string): Promise<CoverageHall[]> {
  const [exhibitors, commitments] = await Promise.all([listExhibitors(fairId), commitmentsOfFair(getDb(), fairId)]);
  const current = currentCommitments(commitments);
  const halls = new Map<string, { exhibitor: Exhibitor; commitment?: SignedCommitment }[]>();
  for (const exhibitor of exhibitors) {
    const commitment = current.get(exhibitorKey(exhibitor));
    for (const hall of new Set(exhibitor.booths.map((b) => b.hall))) {
      const list = halls.get(hall) ?? [];
      list.push(commitment === undefined ? { exhibitor } : { exhibitor, commitment });
      halls.set(hall, list);
    }
  }
  return [...halls.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([hall, list]) => ({ hall, exhibitors: list }));
}
