import type { Case } from '../../../domain/case/case';
import type { Fair } from '../../../domain/fair';
import { maskId } from '../../../domain/validators/resident-id';
import type { Party } from '../../../domain/party';

/**
 * What the printed notices N1–N3 show (NO1–NO5), independent of language: IDs masked,
 * the respondent's copies (N2, N3) without the complainant's phone.
 */
export const NOTICE_KINDS = ['N1', 'N2', 'N3'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const isNoticeKind = (k: string): k is NoticeKind => (NOTICE_KINDS as readonly string[]).includes(k);

/** N3 variants: the decision, not accepted (reason), transfer (authority). */
export type N3Variant = 'decision' | 'notAccepted' | 'transfer';
export const n3Variant = (c: Case): N3Variant => (c.rejection !== undefined ? 'notAccepted' : c.transfer !== undefined ? 'transfer' : 'decision');

/** The respondent receives N2 and N3: the complainant's phone is left out. */
export const showsComplainantPhone = (kind: NoticeKind): boolean => kind === 'N1';

/** A party as printed: name, registration number, masked ID, phone only where allowed. */
export function partyLine(p: Party, withPhone: boolean): string {
  const parts = [p.name];
  if (p.uscc !== undefined) parts.push(p.uscc);
  if (p.foreignRegNo !== undefined) parts.push(p.foreignRegNo);
  if (p.idDoc !== undefined) parts.push(maskId(p.idDoc.number));
  if (withPhone) parts.push(p.phone);
  return parts.join(' · ');
}

/** Desk hours by day, e.g. `2025-04-15 09:00–17:00`. */
export const deskHours = (fair: Fair): string[] => fair.days.map((d) => `${d.date} ${d.opensAt}–${d.closesAt}`);

/** The QR payload (§11): `{caseId, caseNo}`. */
export const qrPayload = (c: Case): string => JSON.stringify({ caseId: c.id, caseNo: c.caseNo });
