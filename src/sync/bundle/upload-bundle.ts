import { z } from 'zod';
import { err, ok, type Result } from '../../domain/result';
import { BundleAccepted, BundleRefused } from '../../domain/wire/bundle';
import { ErrorReply } from '../../domain/wire/protocol';
import type { FetchLike } from '../transport';

/**
 * Sends a bundle file to the server's `POST /api/bundles` with this tablet's token (BN7): a
 * tablet that has a network carries a bundle of another tablet of its fair, and the server runs
 * it through the push ingest. The answer is parsed with the wire schemas; a refusal comes back
 * as its code (`BUNDLE_*`, or an `ErrorReply` code such as TOKEN_REVOKED), a network failure as
 * `NETWORK`.
 */
const Reply = z.union([BundleAccepted, BundleRefused, ErrorReply]);

export type UploadError = { readonly code: string; readonly params?: Readonly<Record<string, string | number | boolean>> };

export async function uploadBundle(
  baseUrl: string,
  token: string,
  bytes: Uint8Array,
  fetchImpl: FetchLike = (input, init) => fetch(input, init),
): Promise<Result<BundleAccepted, UploadError>> {
  let res: Response;
  try {
    res = await fetchImpl(`${baseUrl}/api/bundles`, {
      method: 'POST',
      headers: { 'content-type': 'application/zip', authorization: `Bearer ${token}` },
      body: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
    });
  } catch {
    return err({ code: 'NETWORK' });
  }
  const parsed = Reply.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) return err({ code: res.status === 503 ? 'UNAVAILABLE' : 'UNREADABLE_ANSWER' });
  const reply = parsed.data;
  if (reply.type === 'bundle-result') return ok(reply);
  if (reply.type === 'bundle-refused') return err(reply.error);
  return err(reply.params === undefined ? { code: reply.code } : { code: reply.code, params: reply.params });
}
