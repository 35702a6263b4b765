import { codeInPhonePath, PublicFairReply } from '../../domain/wire/public-fair';
import type { Fair } from '../../domain/fair';

/** What a typed `/p/<code>` found: the fair, no fair with that code, or nothing to ask (offline, no code, a failed request). */
export type CodeLookup = { readonly kind: 'found'; readonly fair: Fair } | { readonly kind: 'unknown'; readonly code: string } | { readonly kind: 'none' };

/** The code of this page's address, if it has one (`/p/CF138`). */
export const typedCode = (): string | undefined => codeInPhonePath(location.pathname);

/**
 * PI10: asks this page's server for the fair with the typed code. Offline, or when the server does
 * not answer as the contract says, the start page's instructions stay: never an error page.
 */
export async function lookUpFair(code: string): Promise<CodeLookup> {
  if (!navigator.onLine) return { kind: 'none' };
  try {
    const res = await fetch(`/api/public/fair-codes/${encodeURIComponent(code)}`, { headers: { accept: 'application/json' }, cache: 'no-store' });
    if (res.status === 404) return { kind: 'unknown', code };
    if (!res.ok) return { kind: 'none' };
    const reply = PublicFairReply.safeParse(await res.json());
    return reply.success ? { kind: 'found', fair: reply.data.fair } : { kind: 'none' };
  } catch {
    return { kind: 'none' };
  }
}
