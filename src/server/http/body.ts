import type { Context } from 'hono';
import type { z } from 'zod';
import { unstorable } from '../../domain/wire/storable';
import { issuesOf, refuse } from './replies';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly response: Response };

/**
 * Reads a request body no larger than `limit` bytes: a declared length over the limit is refused
 * before reading, and a stream that grows past it is cut off (413) — never buffered whole.
 */
export async function readBody(c: Context, limit: number): Promise<Parsed<Uint8Array>> {
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > limit) return { ok: false, response: refuse(c, 413, 'PAYLOAD_TOO_LARGE', { params: { limit } }) };
  const body = c.req.raw.body;
  if (body === null) return { ok: true, value: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return { ok: false, response: refuse(c, 413, 'PAYLOAD_TOO_LARGE', { params: { limit } }) };
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, value: out };
}

export const isJson = (c: Context): boolean => /^application\/json(\s*;|$)/i.test(c.req.header('content-type') ?? '');

/** A JSON body of at most `limit` bytes: 415 for another content type, 413 when too large, 400 when not JSON. */
export async function readJson(c: Context, limit: number): Promise<Parsed<unknown>> {
  if (!isJson(c)) return { ok: false, response: refuse(c, 415, 'UNSUPPORTED_MEDIA_TYPE') };
  const body = await readBody(c, limit);
  if (!body.ok) return body;
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body.value)) as unknown };
  } catch {
    return { ok: false, response: refuse(c, 400, 'INVALID_BODY', { issues: [{ path: '', code: 'JSON' }] }) };
  }
}

/** `readJson` then the zod schema of the route (400 INVALID_BODY with the issues). */
export async function parseJson<S extends z.ZodType>(c: Context, schema: S, limit: number): Promise<Parsed<z.infer<S>>> {
  const json = await readJson(c, limit);
  if (!json.ok) return json;
  // NUL, a lone surrogate or deep nesting would reach the database or a recursive parser (SY51).
  const bad = unstorable(json.value);
  if (bad !== undefined) return { ok: false, response: refuse(c, 400, 'INVALID_BODY', { issues: [{ path: '', code: bad }] }) };
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) return { ok: false, response: refuse(c, 400, 'INVALID_BODY', { issues: issuesOf(parsed.error) }) };
  return { ok: true, value: parsed.data };
}

/** The query string through the route's zod schema (400 INVALID_QUERY). A repeated key is refused. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): Parsed<z.infer<S>> {
  const all = c.req.queries();
  const single: Record<string, string> = {};
  for (const [key, values] of Object.entries(all)) {
    if (values.length !== 1) return { ok: false, response: refuse(c, 400, 'INVALID_QUERY', { issues: [{ path: key, code: 'REPEATED' }] }) };
    single[key] = values[0] as string;
    const bad = unstorable(key) ?? unstorable(values[0]);
    if (bad !== undefined) return { ok: false, response: refuse(c, 400, 'INVALID_QUERY', { issues: [{ path: key, code: bad }] }) };
  }
  const parsed = schema.safeParse(single);
  if (!parsed.success) return { ok: false, response: refuse(c, 400, 'INVALID_QUERY', { issues: issuesOf(parsed.error) }) };
  return { ok: true, value: parsed.data };
}

/** Small JSON bodies (login, enrolment…): 64 KB is generous. */
export const SMALL_BODY = 64 * 1024;
