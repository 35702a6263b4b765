import type { z } from 'zod';
import { ConsoleErrorReply } from '../../domain/wire/console';
import { takeEarly } from './early';

/**
 * The console's one way to the server: same-origin fetch with the session cookie, every reply
 * parsed with the contract's schema (src/domain/wire/console.ts). The server checks the Origin of
 * every state change (CO6), which a same-origin fetch sends by itself. A failure is a value; an
 * expired session also tells the shell, which sends the person to sign in and back.
 */
export type ApiFailure =
  | { readonly kind: 'refused'; readonly status: number; readonly reply: ConsoleErrorReply }
  | { readonly kind: 'network' }
  | { readonly kind: 'bad-reply' };
export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ApiFailure };

let onUnauthenticated: () => void = () => undefined;
/** The shell installs what an expired session does (once, at start). */
export const whenUnauthenticated = (f: () => void): void => {
  onUnauthenticated = f;
};

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly body?: unknown;
  /** Sign-in and session reads: a 401 is an answer there, not an expiry. */
  readonly quietUnauthenticated?: boolean;
}

export async function request<S extends z.ZodType>(schema: S, path: string, options: RequestOptions = {}): Promise<ApiResult<z.infer<S>>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const ask = (): Promise<Response> => fetch(path, { method, headers, credentials: 'same-origin', body: options.body === undefined ? null : JSON.stringify(options.body) });
  // A read the entry started before this code loaded (early.ts), once; asked again unless it
  // succeeded (signed out then, say, and signed in since) or its 401 is the answer (the session read).
  const early = method === 'GET' ? takeEarly(path) : undefined;
  const usable = (r: Response): boolean => r.ok || (r.status === 401 && options.quietUnauthenticated === true);
  let res: Response;
  try {
    res = await (early === undefined ? ask() : early.then((r) => (usable(r) ? r : ask()), ask));
  } catch {
    return { ok: false, failure: { kind: 'network' } };
  }
  let json: unknown;
  try {
    json = res.status === 204 ? {} : await res.json();
  } catch {
    return { ok: false, failure: { kind: 'bad-reply' } };
  }
  if (!res.ok) {
    const reply = ConsoleErrorReply.safeParse(json);
    if (!reply.success) return { ok: false, failure: { kind: 'bad-reply' } };
    if (res.status === 401 && !options.quietUnauthenticated) onUnauthenticated();
    return { ok: false, failure: { kind: 'refused', status: res.status, reply: reply.data } };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data as z.infer<S> } : { ok: false, failure: { kind: 'bad-reply' } };
}
