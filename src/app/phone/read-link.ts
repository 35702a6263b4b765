import { PHONE_LINK_MAX_BYTES, phoneLinkBytes, phoneLinkOfJson, type PhoneLink } from '../../domain/wire/phone-link';

/**
 * The phone's reading of `#fair=…`: the same link `parsePhoneLink` reads, inflated by the
 * browser's own `DecompressionStream` so that the phone's first paint carries no DEFLATE code
 * (the QR frames load fflate later, when the filer shows the code). Undefined when the fragment is
 * missing, not raw DEFLATE, bigger than a link may be, or not a fair.
 */
export async function readPhoneLink(hash: string): Promise<PhoneLink | undefined> {
  const bytes = phoneLinkBytes(hash);
  if (bytes === undefined) return undefined;
  try {
    const reader = new Blob([Uint8Array.from(bytes)]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    const parts: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > PHONE_LINK_MAX_BYTES) {
        await reader.cancel();
        return undefined;
      }
      parts.push(value);
    }
    const all = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.byteLength;
    }
    return phoneLinkOfJson(new TextDecoder().decode(all));
  } catch {
    return undefined;
  }
}
