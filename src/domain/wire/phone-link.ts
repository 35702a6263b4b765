import { z } from 'zod';
import { Fair } from '../fair';

/**
 * The link the desk shows as a QR code (`/p/#fair=<base64url of raw-DEFLATEd JSON>`): the fair as
 * far as the phone's form needs it (validation rules, accepted right types, booth patterns) and,
 * when the fair has one, the server's origin for the online path. In the fragment,
 * so it never reaches a server log, and the precached page opens offline whatever it says.
 *
 * This module holds no DEFLATE code: the phone inflates with the browser's own
 * `DecompressionStream` (src/app/phone/read-link.ts), the desk and Node with fflate
 * (`phoneLinkFragment` / `parsePhoneLink` in phone-payload.ts).
 */
export const PhoneLink = z.object({
  v: z.literal(1),
  fair: Fair,
  server: z.url().optional(),
});
export type PhoneLink = z.infer<typeof PhoneLink>;
export type PhoneLinkInput = z.input<typeof PhoneLink>;

/** A link inflates to at most this many bytes; a bigger one is not a fair. */
export const PHONE_LINK_MAX_BYTES = 64 * 1024;

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

/** The DEFLATEd bytes of `#fair=…`; undefined when the fragment has none. */
export function phoneLinkBytes(hash: string): Uint8Array | undefined {
  const m = /(?:^#?|&)fair=([A-Za-z0-9_-]+)/.exec(hash);
  return m?.[1] === undefined ? undefined : fromBase64Url(m[1]);
}

/** The link from its inflated JSON text; undefined when it is not a fair. */
export function phoneLinkOfJson(text: string): PhoneLink | undefined {
  try {
    const parsed = PhoneLink.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
