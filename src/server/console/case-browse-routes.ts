import { Hono } from 'hono';
import type { Context } from 'hono';
import { CaseId, EvidenceId, FairId } from '../../domain/ids';
import type { Instant } from '../../domain/time';
import { CaseBrowseQuery, type CaseDetailReply } from '../../domain/wire/console-cases';
import type { ConsoleErrorReply } from '../../domain/wire/console';
import { parseQuery } from '../http/body';
import type { Storage } from '../storage/storage';
import { browseCases, caseDetail } from './case-browse-store';

/**
 * The case browser's routes (CB1–CB4), mounted inside `consoleRoutes` after its session, origin
 * and role checks (CO8), so every one of them needs an organizer's live session. Read-only.
 */
export function caseBrowseRoutes(storage: Storage, now: () => number): Hono {
  const app = new Hono();
  const db = storage.sql;
  const refuse = (c: Context, status: 400 | 404, code: 'INVALID_PATH' | 'NOT_FOUND'): Response => c.json({ type: 'error', code } satisfies ConsoleErrorReply, status);
  const nowInstant = (): Instant => new Date(now()).toISOString() as Instant;
  const ids = (c: Context): { fairId: string; caseId: string } | undefined => {
    const fairId = FairId.safeParse(c.req.param('fairId'));
    const caseId = CaseId.safeParse(c.req.param('caseId'));
    return fairId.success && caseId.success ? { fairId: fairId.data, caseId: caseId.data } : undefined;
  };

  app.get('/fairs/:fairId/cases', async (c) => {
    const fairId = FairId.safeParse(c.req.param('fairId'));
    if (!fairId.success) return refuse(c, 400, 'INVALID_PATH');
    const query = parseQuery(c, CaseBrowseQuery);
    if (!query.ok) return query.response;
    const page = await browseCases(db, fairId.data, query.value, nowInstant());
    if (page === undefined) return refuse(c, 404, 'NOT_FOUND');
    return c.json(page);
  });

  app.get('/fairs/:fairId/cases/:caseId', async (c) => {
    const p = ids(c);
    if (p === undefined) return refuse(c, 400, 'INVALID_PATH');
    const detail: CaseDetailReply | undefined = await caseDetail(storage, p.fairId, p.caseId, nowInstant());
    if (detail === undefined) return refuse(c, 404, 'NOT_FOUND');
    return c.json(detail);
  });

  // CB4: only a file the case's own evidence names, with the type its record gives.
  app.get('/fairs/:fairId/cases/:caseId/evidence/:evidenceId', async (c) => {
    const p = ids(c);
    const evidenceId = EvidenceId.safeParse(c.req.param('evidenceId'));
    if (p === undefined || !evidenceId.success) return refuse(c, 400, 'INVALID_PATH');
    const detail = await caseDetail(storage, p.fairId, p.caseId, nowInstant());
    const facts = detail?.evidence.find((e) => e.evidence.id === evidenceId.data);
    const data = facts === undefined ? undefined : await storage.getBlob(facts.evidence.sha256);
    if (facts === undefined || data === undefined) return refuse(c, 404, 'NOT_FOUND');
    c.header('Content-Type', facts.evidence.mime);
    c.header('Content-Disposition', 'inline');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', 'private, max-age=3600');
    return c.body(new Uint8Array(data), 200);
  });

  return app;
}
