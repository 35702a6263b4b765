import { Hono } from 'hono';
import { z } from 'zod';
import type { CompletenessReply } from '../../domain/report/completeness';
import type { Storage } from '../storage/storage';
import { allowed, authenticated, ownFair, type Env } from '../http/guard';
import { parseQuery } from '../http/body';
import { refuse } from '../http/replies';
import { deviceStates } from './completeness-sql';
import { serverSummary } from './summary-service';

const FairQuery = z.object({ fair: z.string().min(1).max(64) });

/**
 * `GET /api/reports/summary?fair=…` (PS1): the post-show summary across every device;
 * organizer only. `GET /api/reports/completeness?fair=…` (PS2): every device enrolled in
 * the fair and what the server holds of it; the organizer, or a tablet of that fair with its
 * device token (the summary screen's completeness gate).
 */
export function reportRoutes(storage: Storage): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', authenticated(storage));
  app.get('/summary', async (c) => {
    const denied = allowed(c, { users: ['organizer'] });
    if (denied !== undefined) return denied;
    const query = parseQuery(c, FairQuery);
    if (!query.ok) return query.response;
    const result = await serverSummary(storage.sql, query.value.fair);
    if (result === undefined) return refuse(c, 404, 'NOT_FOUND');
    return c.json({ type: 'summary', ...result });
  });
  app.get('/completeness', async (c) => {
    const denied = allowed(c, { users: ['organizer'], devices: ['desk', 'expert'] });
    if (denied !== undefined) return denied;
    const query = parseQuery(c, FairQuery);
    if (!query.ok) return query.response;
    const other = ownFair(c, query.value.fair);
    if (other !== undefined) return other;
    const reply: CompletenessReply = { type: 'completeness', fairId: query.value.fair as CompletenessReply['fairId'], devices: await deviceStates(storage.sql, query.value.fair) };
    return c.json(reply);
  });
  return app;
}
