import { Hono } from 'hono';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { FairId } from '../../domain/ids';
import type { ConsoleErrorCode, ConsoleErrorReply } from '../../domain/wire/console';
import { DEFAULT_THRESHOLDS } from '../../domain/report/annual-thresholds';
import { AnnualFairsQuery, AnnualQuery, type SummaryCloses } from '../../domain/wire/console-annual';
import type { Storage } from '../storage/storage';
import { parseQuery } from '../http/body';
import { clientAddress } from '../http/rate-limit';
import { annualFairs, annualReply } from './annual-service';
import { sightOf } from './scope';
import type { SessionUser } from './sessions';
import { closeSummary, summaryCloses } from './summary-close';
import { summaryFileRoutes } from './summary-file-routes';

interface ConsoleEnv {
  Variables: { user: SessionUser };
}

const refuse = (c: Context, status: ContentfulStatusCode, code: ConsoleErrorCode): Response => c.json({ type: 'error', code } satisfies ConsoleErrorReply, status);

const fairParam = (c: Context): string | undefined => {
  const id = FairId.safeParse(c.req.param('fairId'));
  return id.success ? id.data : undefined;
};

/**
 * The administration's roll-up (ANNUAL-SPEC AR8–AR14): closing a fair's summary, the roll-up of
 * a period, and the signed summary files. Mounted inside `consoleRoutes`, after its session,
 * origin (CO6), role (CO8) and scope (AR8) checks.
 */
export function consoleAnnualRoutes(storage: Storage, now: () => number): Hono<ConsoleEnv> {
  const db = storage.sql;
  const app = new Hono<ConsoleEnv>();

  app.post('/fairs/:fairId/summary/close', async (c) => {
    const fairId = fairParam(c);
    if (fairId === undefined) return refuse(c, 400, 'INVALID_PATH');
    const u = c.get('user');
    const closed = await closeSummary(db, fairId, { userId: u.userId, name: u.name, address: clientAddress(c) }, now());
    if (closed === 'missing') return refuse(c, 404, 'NOT_FOUND');
    if (closed === 'incomplete') return refuse(c, 409, 'SUMMARY_INCOMPLETE');
    if (closed === 'facts-missing') return refuse(c, 409, 'FAIR_FACTS_MISSING');
    return c.json(closed, closed.unchanged ? 200 : 201);
  });

  app.get('/fairs/:fairId/summary/closes', async (c) => {
    const fairId = fairParam(c);
    if (fairId === undefined) return refuse(c, 400, 'INVALID_PATH');
    return c.json({ type: 'summary-closes', fairId: fairId as FairId, closes: await summaryCloses(db, fairId) } satisfies SummaryCloses);
  });

  app.get('/annual', async (c) => {
    const query = parseQuery(c, AnnualQuery);
    if (!query.ok) return query.response;
    const { from, to, thresholds } = query.value;
    const sight = await sightOf(db, c.get('user'));
    return c.json(await annualReply(db, sight, { from, to }, thresholds ?? DEFAULT_THRESHOLDS, now()));
  });

  // AR8: the drill-down lists only fairs in the account's sight; a unit out of sight lists none.
  app.get('/annual/fairs', async (c) => {
    const query = parseQuery(c, AnnualFairsQuery);
    if (!query.ok) return query.response;
    const { from, to, region } = query.value;
    return c.json(await annualFairs(db, await sightOf(db, c.get('user')), { from, to }, region));
  });

  app.route('/', summaryFileRoutes(storage, now));
  return app;
}
