import { Hono } from 'hono';
import { z } from 'zod';
import type { Storage } from '../storage/storage';
import { allowed, authenticated, type Env } from '../http/guard';
import { parseQuery } from '../http/body';
import { refuse } from '../http/replies';
import { serverSummary } from './summary-service';

/** `GET /api/reports/summary?fair=…` (issue 9): the post-show summary across every device; organizer only. */
export function reportRoutes(storage: Storage): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', authenticated(storage));
  app.get('/summary', async (c) => {
    const denied = allowed(c, { users: ['organizer'] });
    if (denied !== undefined) return denied;
    const query = parseQuery(c, z.object({ fair: z.string().min(1).max(64) }));
    if (!query.ok) return query.response;
    const result = await serverSummary(storage.sql, query.value.fair);
    if (result === undefined) return refuse(c, 404, 'NOT_FOUND');
    return c.json({ type: 'summary', ...result });
  });
  return app;
}
