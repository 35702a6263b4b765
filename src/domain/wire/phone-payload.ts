import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
import { Language } from '../codes';
import { ClauseCode, Signer, TemplateVersion } from '../commitment';
import { Fair } from '../fair';
import { FairId } from '../ids';
import { IpRight } from '../ip-right';
import { Party } from '../party';
import { OptionalText, Text } from '../text';
import { Instant } from '../time';
import { Booth } from '../validators/booth';
import { phoneFair } from './public-fair';

/**
 * What the filer's phone hands to the desk (issue 8 §1, §3), as JSON inside the FC1 frames
 * (QR-SPEC.md). QR12: anyone can make frames that complete, so the desk parses this with zod,
 * shows a preview and writes nothing until the clerk confirms. The parts are the domain's own
 * schemas (Party, IpRight, Booth, Text, Signer), so the phone validates exactly as the desk does.
 */

/** A photo travels by its SHA-256 (issue 8 §3), never its bytes: the desk matches files against it. */
export const PhotoRef = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'SHA256' }),
  name: OptionalText(120),
  bytes: z.number().int().min(0).max(1_000_000_000),
});
export type PhotoRef = z.infer<typeof PhotoRef>;

/** Signature strokes in a 600 × 200 box: integers x,y,x,y… per stroke, a few hundred bytes deflated. */
export const SIGNATURE_BOX = { width: 600, height: 200 } as const;
export const Strokes = z
  .array(z.array(z.number().int().min(0).max(SIGNATURE_BOX.width)).min(2).max(4000))
  .min(1, { message: 'SIGNATURE_REQUIRED' })
  .max(200);
export type Strokes = z.infer<typeof Strokes>;

/** A phone-made id (ULID): names one filing, so a second scan of it creates nothing (issue 8 §3). */
export const PhoneFilingId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { message: 'ID' });

/** The respondent by booth or by name (issue 8 §1): the desk resolves it against its exhibitor list. */
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

/**
 * The link the desk shows as a QR code (`/p/#fair=<base64url JSON>`): the fair as far as the
 * phone's form needs it (validation rules, accepted right types, booth patterns) and, when the
 * fair has one, the server's origin for the online path (issue 8 §4). In the fragment, so it
 * never reaches a server log, and the precached page opens offline whatever it says.
 */
export const PhoneLink = z.object({
  v: z.literal(1),
  fair: Fair,
  server: z.url().optional(),
});
export type PhoneLink = z.infer<typeof PhoneLink>;
export type PhoneLinkInput = z.input<typeof PhoneLink>;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** RFC 4648 §5 base64url without padding (the domain has no DOM `btoa`). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += B64[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array | undefined {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of text) {
    const v = B64.indexOf(ch);
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** The fragment for a fair: the fields the phone's form reads, defaults left out to keep the QR small. */
export function phoneLinkFragment(fair: Fair, server?: string): string {
  const link: PhoneLinkInput = { v: 1, fair: phoneFair(fair), ...(server === undefined ? {} : { server }) };
  // Raw DEFLATE first: the link QR drops from version ~26 to ~16 for a five-day fair.
  return `fair=${toBase64Url(deflateSync(strToU8(JSON.stringify(link)), { level: 9 }))}`;
}

/** Reads `#fair=…`; undefined when it is missing or not a fair (the phone then says so). */
export function parsePhoneLink(hash: string): PhoneLink | undefined {
  const m = /(?:^#?|&)fair=([A-Za-z0-9_-]+)/.exec(hash);
  if (m?.[1] === undefined) return undefined;
  const bytes = fromBase64Url(m[1]);
  if (bytes === undefined) return undefined;
  try {
    const parsed = PhoneLink.safeParse(JSON.parse(strFromU8(inflateSync(bytes, { out: new Uint8Array(64 * 1024) }))));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
