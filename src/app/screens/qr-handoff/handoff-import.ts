import type { Case } from '../../../domain/case/case';
import type { CaseFlag } from '../../../domain/codes';
import type { Respondent } from '../../../domain/case/case';
import { exhibitorKey, type Exhibitor } from '../../../domain/exhibitor';
import { fairClauseSet, isCustomTemplate } from '../../../domain/commitment-templates';
import type { Fair } from '../../../domain/fair';
import type { Instant } from '../../../domain/time';
import { boothKey, sameBooth, type Booth } from '../../../domain/validators/booth';
import { SIGNATURE_BOX, type PhoneCommitment, type PhoneComplaint, type PhoneRespondent, type Strokes } from '../../../domain/wire/phone-payload';
import type { StorageError } from '../../../store/result';
import type { SessionUser } from '../../session/session';

/**
 * The desk side of the hand-off (QR12, CN4): a parsed phone payload becomes a case (channel
 * `phone_qr`) through the store's complaint write, or a commitment through `signCommitment`,
 * exactly as the desk forms write them. Nothing here runs before the clerk confirms (QR12).
 */

/** A respondent as the desk will file it: resolved against the fair's exhibitor list when possible. */
export interface ResolvedRespondent {
  readonly given: PhoneRespondent;
  readonly respondent: Respondent | undefined;
  readonly listed: boolean;
}

const hasBooth = (e: Exhibitor, b: Booth): boolean => e.booths.some((x) => sameBooth(x, b));

/** By booth first (exact), else by name (one exact match); unlisted with name and booth is filed as typed. */
export async function resolveRespondents(fair: Fair, given: readonly PhoneRespondent[]): Promise<ResolvedRespondent[]> {
  const { findExhibitorAtBooth, findExhibitorsNamed } = await import('../../../store/exhibitors');
  return Promise.all(
    given.map(async (r): Promise<ResolvedRespondent> => {
      let match: Exhibitor | undefined;
      if (r.booth !== undefined) match = await findExhibitorAtBooth(fair.id, r.booth);
      if (match === undefined && r.name !== undefined) {
        const found = await findExhibitorsNamed(fair.id, r.name);
        if (found.length === 1) match = found[0];
      }
      if (match !== undefined) {
        const booth = (r.booth !== undefined && hasBooth(match, r.booth) ? r.booth : match.booths[0]) as Booth;
        return { given: r, listed: true, respondent: { exhibitorKey: exhibitorKey(match), name: match.nameZh, booth } };
      }
      if (r.name !== undefined && r.booth !== undefined) return { given: r, listed: false, respondent: { name: r.name, booth: r.booth } };
      return { given: r, listed: false, respondent: undefined };
    }),
  );
}

/** The signature strokes drawn back as the PNG the desk stores as evidence (CS2). */
export async function strokesToPng(strokes: Strokes): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = SIGNATURE_BOX.width;
  canvas.height = SIGNATURE_BOX.height;
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('no 2d canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.strokeStyle = '#0b1f3a';
  ctx.lineWidth = 3;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const s of strokes) {
    ctx.beginPath();
    ctx.moveTo(s[0] ?? 0, s[1] ?? 0);
    if (s.length <= 2) ctx.lineTo((s[0] ?? 0) + 0.5, (s[1] ?? 0) + 0.5);
    for (let i = 2; i + 1 < s.length; i += 2) ctx.lineTo(s[i] ?? 0, s[i + 1] ?? 0);
    ctx.stroke();
  }
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b === null ? reject(new Error('toBlob')) : resolve(b)), 'image/png'));
}

export type ImportResult =
  | { readonly kind: 'cases'; readonly cases: readonly Case[]; readonly already: boolean }
  | { readonly kind: 'commitment'; readonly version: number; readonly already: boolean }
  | { readonly kind: 'failed'; readonly error: StorageError };

/** Photo files the desk added for the hand-off, by SHA-256 of their bytes (PI9). */
export type PhotoFiles = ReadonlyMap<string, Blob>;

/** A file's media type as evidence: a picked file without one (or a generic one) is still a photo. */
const photoMime = (file: Blob): string => (file.type.startsWith('image/') ? file.type : 'image/jpeg');

/**
 * A scanned hand-off files with channel `phone_qr`, a draft the phone sent online with `online`
 * (EN9 `Case.channel`); the write and its "filed once per phone filing id" rule are the same.
 */
export async function importPhoneComplaint(
  p: PhoneComplaint,
  fair: Fair,
  respondents: readonly Respondent[],
  photos: PhotoFiles,
  user: SessionUser,
  now: Instant,
  channel: 'phone_qr' | 'online' = 'phone_qr',
  /** An online draft's receipt by the server; a scanned one is seen at the phone's filing time (SY12). */
  seenAt: Instant = p.filedAt,
): Promise<ImportResult> {
  const [{ storeEvidence }, { importComplaint, phoneFilingOf, getCase }] = await Promise.all([import('../../../store/evidence'), import('../../../store/cases')]);
  // A second scan: say which cases it became and write nothing, not even the signature again.
  const seen = await phoneFilingOf(p.id);
  if (seen !== undefined) {
    const cases = (await Promise.all(seen.caseIds.map((id) => getCase(id)))).filter((c): c is Case => c !== undefined);
    return { kind: 'cases', cases, already: true };
  }
  const meta = { capturedAt: now, capturedBy: user.id, fairId: fair.id };
  const sig = await storeEvidence(await strokesToPng(p.signature), { ...meta, kind: 'signature', mime: 'image/png' }, now);
  if (!sig.ok) return { kind: 'failed', error: sig.error };
  const accusedItems: { description: string; evidenceIds: string[] }[] = [];
  for (const item of p.accusedItems) {
    const evidenceIds: string[] = [];
    for (const ref of item.photos) {
      const file = photos.get(ref.sha256);
      if (file === undefined) continue;
      // PI9: the bytes as the phone had them, not a downscaled copy: the evidence's SHA-256 is
      // then the one the phone listed, and anyone holding the phone's file can check it.
      const stored = await storeEvidence(file, { ...meta, kind: 'photo', mime: photoMime(file) }, now);
      if (!stored.ok) return { kind: 'failed', error: stored.error };
      evidenceIds.push(stored.value.id);
    }
    accusedItems.push({ description: item.description, evidenceIds });
  }
  const actor = { userId: user.id, role: user.role };
  const r = await importComplaint(
    p.id,
    {
      fairId: fair.id,
      channel,
      receivedAt: now,
      complainant: p.complainant,
      ...(p.agent === undefined ? {} : { agent: p.agent }),
      rights: p.rights,
      respondents: [...respondents],
      accusedItems,
      checklist: [],
      experts: [],
      signatureEvidenceId: sig.value.id,
    } as never,
    actor,
    now,
    seenAt,
  );
  return r.ok ? { kind: 'cases', cases: r.value.cases, already: r.value.already } : { kind: 'failed', error: r.error };
}

/** The desk form's RP checks (RP1, RP4, RP5, CM3) on a phone's complaint before it is confirmed (QR12). */
export interface PreviewFlags {
  readonly respondentIndex: number;
  readonly flags: readonly CaseFlag[];
  readonly caseNos: Readonly<Partial<Record<CaseFlag, readonly string[]>>>;
}

export async function previewPhoneFlags(p: PhoneComplaint, fair: Fair, respondents: readonly (Respondent | undefined)[], now: Instant): Promise<PreviewFlags[]> {
  const { previewIntakeFlags } = await import('../../../store/cases');
  // Only the resolved respondents are checked; the preview's index maps back to the phone's list.
  const index = respondents.flatMap((r, i) => (r === undefined ? [] : [i]));
  const preview = await previewIntakeFlags({
    fairId: fair.id,
    channel: 'phone_qr',
    receivedAt: now,
    complainant: p.complainant,
    ...(p.agent === undefined ? {} : { agent: p.agent }),
    rights: p.rights,
    respondents: respondents.filter((r): r is Respondent => r !== undefined),
    accusedItems: p.accusedItems.map((i) => ({ description: i.description, evidenceIds: [] })),
    checklist: [],
    experts: [],
  } as never);
  return preview.map((f) => {
    const caseNos: Partial<Record<CaseFlag, string[]>> = {};
    for (const m of f.matches) {
      const list = (caseNos[m.flag] ??= []);
      if (!list.includes(m.caseNo)) list.push(m.caseNo);
    }
    return { respondentIndex: index[f.respondentIndex] ?? f.respondentIndex, flags: f.flags, caseNos };
  });
}

export async function importPhoneCommitment(p: PhoneCommitment, fair: Fair, user: SessionUser, now: Instant): Promise<ImportResult> {
  const [{ storeEvidence }, { signCommitment, listCommitments }, { findExhibitorAtBooth }] = await Promise.all([
    import('../../../store/evidence'),
    import('../../../store/commitments'),
    import('../../../store/exhibitors'),
  ]);
  const exhibitor = await findExhibitorAtBooth(fair.id, p.booth);
  if (exhibitor === undefined) return { kind: 'failed', error: { kind: 'not-found', detail: boothKey(p.booth) } };
  const key = exhibitorKey(exhibitor);
  // The same phone signing scanned twice: same exhibitor, same signing time, own device.
  const prior = (await listCommitments(fair.id)).find((c) => c.exhibitorKey === key && c.signedAt === p.signedAt && c.channel === 'own_device');
  if (prior !== undefined) return { kind: 'commitment', version: prior.version, already: true };
  // PI11: a fair's own wording is filed only under the wording the fair has now, frozen from the
  // desk's copy (CM11); a phone that showed another revision signs again at the tablet.
  const current = fairClauseSet(fair.settings);
  const own = isCustomTemplate(p.templateVersion);
  if (own && current.templateVersion !== p.templateVersion) {
    return { kind: 'failed', error: { kind: 'invalid', fields: [{ field: 'templateVersion', code: 'CLAUSES_CHANGED', params: {} }] } };
  }
  const sig = await storeEvidence(await strokesToPng(p.signature), { kind: 'signature', mime: 'image/png', capturedAt: now, capturedBy: user.id, fairId: fair.id }, now);
  if (!sig.ok) return { kind: 'failed', error: sig.error };
  const r = await signCommitment(
    {
      fairId: fair.id,
      exhibitorKey: key,
      booths: exhibitor.booths,
      templateVersion: p.templateVersion,
      ...(own && current.frozen !== undefined ? { clauses: current.frozen } : {}),
      clausesAccepted: p.clausesAccepted,
      signer: p.signer,
      signatureEvidenceId: sig.value.id,
      signedAt: p.signedAt,
      channel: 'own_device',
      createdBy: user.id,
    },
    now,
  );
  return r.ok ? { kind: 'commitment', version: r.value.version, already: false } : { kind: 'failed', error: r.error };
}
