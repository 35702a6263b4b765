import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
import { Language } from '../codes';
import { ClauseCode, Signer, TemplateVersion } from '../commitment';
import type { Fair } from '../fair';
import { FairId } from '../ids';
import { IpRight } from '../ip-right';
import { Party } from '../party';
import { OptionalText, Text } from '../text';
import { Instant } from '../time';
import { Booth } from '../validators/booth';
import { PHONE_LINK_MAX_BYTES, phoneLinkBytes, phoneLinkOfJson, toBase64Url, type PhoneLink, type PhoneLinkInput } from './phone-link';
import { SIGNATURE_BOX } from './signature-box';

export { fromBase64Url, PhoneLink, toBase64Url, type PhoneLinkInput } from './phone-link';
export { SIGNATURE_BOX } from './signature-box';
import { phoneFair } from './public-fair';

/**
 * What the filer's phone hands to the desk (CN4, QR12), as JSON inside the FC1 frames
 * (QR-SPEC.md). QR12: anyone can make frames that complete, so the desk parses this with zod,
 * shows a preview and writes nothing until the clerk confirms. The parts are the domain's own
 * schemas (Party, IpRight, Booth, Text, Signer), so the phone validates exactly as the desk does.
 */

/** A photo travels by its SHA-256 (QR2 "Why 32 KiB", PI9), never its bytes: the desk matches files against it. */
export const PhotoRef = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'SHA256' }),
  name: OptionalText(120),
  bytes: z.number().int().min(0).max(1_000_000_000),
});
export type PhotoRef = z.infer<typeof PhotoRef>;

/** Signature strokes in a 600 × 200 box: integers x,y,x,y… per stroke, a few hundred bytes deflated. */
export const Strokes = z
  .array(z.array(z.number().int().min(0).max(SIGNATURE_BOX.width)).min(2).max(4000))
  .min(1, { message: 'SIGNATURE_REQUIRED' })
  .max(200);
export type Strokes = z.infer<typeof Strokes>;

/** A phone-made id (ULID): names one filing, so a second scan of it creates nothing (CN4). */
export const PhoneFilingId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { message: 'ID' });

/** The respondent by booth or by name: the desk resolves it against its exhibitor list. */
export const PhoneRespondent = z
  .object({ name: OptionalText(100), booth: Booth.optional() })
  .refine((r) => r.name !== undefined || r.booth !== undefined, { message: 'BOOTH_OR_NAME', path: ['name'] });
export type PhoneRespondent = z.infer<typeof PhoneRespondent>;

export const PhoneItem = z.object({ description: Text(1, 500, 'multi'), photos: z.array(PhotoRef).max(50) });

export const PhoneComplaint = z.object({
  kind: z.literal('complaint'),
  id: PhoneFilingId,
  fairId: FairId,
  filedAt: Instant,
  language: Language,
  complainant: Party,
  agent: Party.optional(),
  rights: z.array(IpRight).min(1).max(20),
  respondents: z.array(PhoneRespondent).min(1).max(20),
  accusedItems: z.array(PhoneItem).min(1).max(50),
  /** CS2: the complainant's signature on the complaint. */
  signature: Strokes,
});
export type PhoneComplaint = z.infer<typeof PhoneComplaint>;

export const PhoneCommitment = z.object({
  kind: z.literal('commitment'),
  id: PhoneFilingId,
  fairId: FairId,
  signedAt: Instant,
  language: Language,
  exhibitorName: Text(1, 100),
  booth: Booth,
  templateVersion: TemplateVersion,
  clausesAccepted: z.array(ClauseCode).min(1).max(20),
  signer: Signer,
  signature: Strokes,
});
export type PhoneCommitment = z.infer<typeof PhoneCommitment>;

export const PhonePayload = z.discriminatedUnion('kind', [PhoneComplaint, PhoneCommitment]);
export type PhonePayload = z.infer<typeof PhonePayload>;

/** The fragment for a fair: the fields the phone's form reads, defaults left out to keep the QR small. */
export function phoneLinkFragment(fair: Fair, server?: string): string {
  const link: PhoneLinkInput = { v: 1, fair: phoneFair(fair), ...(server === undefined ? {} : { server }) };
  // Raw DEFLATE first: the link QR drops from version ~26 to ~16 for a five-day fair.
  return `fair=${toBase64Url(deflateSync(strToU8(JSON.stringify(link)), { level: 9 }))}`;
}

/** Reads `#fair=…`; undefined when it is missing or not a fair (the phone then says so). */
export function parsePhoneLink(hash: string): PhoneLink | undefined {
  const bytes = phoneLinkBytes(hash);
  if (bytes === undefined) return undefined;
  try {
    return phoneLinkOfJson(strFromU8(inflateSync(bytes, { out: new Uint8Array(PHONE_LINK_MAX_BYTES) })));
  } catch {
    return undefined;
  }
}
