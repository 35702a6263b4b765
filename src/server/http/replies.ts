import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { ErrorCode, ErrorReply } from '../../domain/wire/protocol';

/** Every refusal has one shape (`ErrorReply`): a code the app says in zh-CN and English. */
export function refuse(c: Context, status: ContentfulStatusCode, code: ErrorCode, extra: Omit<ErrorReply, 'type' | 'code'> = {}): Response {
  return c.json({ type: 'error', code, ...extra } satisfies ErrorReply, status);
}

/** zod issues as `{ path, code }`, at most 20: enough to fix the request, never a stack trace. */
export const issuesOf = (error: z.ZodError): { path: string; code: string }[] =>
  error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), code: /^[A-Z][A-Z0-9_]*$/.test(i.message) ? i.message : i.code }));
