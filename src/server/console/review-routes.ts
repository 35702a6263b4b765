import type { Context, Hono } from 'hono';
import { CaseId, ExhibitorId } from '../../domain/ids';
import type { ConsoleErrorCode, ConsoleErrorReply } from '../../domain/wire/console';
import { AcknowledgeRequest, DecideRequest, EditExhibitorRequest, ImportRequest } from '../../domain/wire/console-review';
import { parseJson, SMALL_BODY } from '../http/body';
import type { SqlClient } from '../storage/sql';
import type { Actor } from './audit';
import { editExhibitor, exhibitorList, importExhibitors } from './exhibitor-list-store';
import { acknowledgeItem, decideConflict, reviewQueue } from './review-store';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An import of the largest list allowed (MAX_IMPORT_ROWS rows of a few hundred bytes) fits. */
const IMPORT_BODY = 24 * 1024 * 1024;

export interface ReviewRouteDeps {
  readonly db: SqlClient;
  readonly now: () => number;
  readonly actorOf: (c: Context) => Actor;
  readonly fairParam: (c: Context) => string | undefined;
  readonly refuse: (c: Context, status: ContentfulStatusCode, code: ConsoleErrorCode, extra?: Omit<ConsoleErrorReply, 'type' | 'code'>) => Response;
}

/**
 * The console's review queue (CO19–CO22) and exhibitor list (CO23), on the console's app: the
 * session, origin and role checks of console-routes.ts run before these.
 */
export function addReviewRoutes(app: Hono, deps: ReviewRouteDeps): void {
  const { db, now, actorOf, fairParam, refuse } = deps;

  app.get('/fairs/:fairId/review', async (c) => {
    const fairId = fairParam(c);
    if (fairId === undefined) return refuse(c, 400, 'INVALID_PATH');
    return c.json(await reviewQueue(db, fairId));
  });

  app.post('/fairs/:fairId/review/cases/:caseId/decide', async (c) => {
    const fairId = fairParam(c);
    const caseId = CaseId.safeParse(c.req.param('caseId'));
    if (fairId === undefined || !caseId.success) return refuse(c, 400, 'INVALID_PATH');
    const body = await parseJson(c, DecideRequest, SMALL_BODY);
    if (!body.ok) return body.response;
    const decided = await decideConflict(db, fairId, caseId.data, body.value, actorOf(c), now());
    if (decided === 'not-found') return refuse(c, 404, 'NOT_FOUND');
    if (decided === 'not-in-conflict') return refuse(c, 409, 'NOT_IN_CONFLICT');
    return c.json(decided);
  });

  app.post('/fairs/:fairId/review/items/acknowledge', async (c) => {
    const fairId = fairParam(c);
    if (fairId === undefined) return refuse(c, 400, 'INVALID_PATH');
    const body = await parseJson(c, AcknowledgeRequest, SMALL_BODY);
    if (!body.ok) return body.response;
    const done = await acknowledgeItem(db, fairId, body.value, actorOf(c), now());
    if (done === 'not-found') return refuse(c, 404, 'NOT_FOUND');
    return c.json(done);
  });

  app.get('/fairs/:fairId/exhibitors', async (c) => {
    const fairId = fairParam(c);
    if (fairId === undefined) return refuse(c, 400, 'INVALID_PATH');
    return c.json(await exhibitorList(db, fairId));
  });

  app.post('/fairs/:fairId/exhibitors/import', async (c) => {
    const fairId = fairParam(c);
    if (fairId === undefined) return refuse(c, 400, 'INVALID_PATH');
    const body = await parseJson(c, ImportRequest, IMPORT_BODY);
    if (!body.ok) return body.response;
    const saved = await importExhibitors(db, fairId, body.value.rows, actorOf(c), now());
    if (saved === 'no-fair') return refuse(c, 404, 'NOT_FOUND');
    return c.json(saved);
  });

  app.put('/fairs/:fairId/exhibitors/:exhibitorId', async (c) => {
    const fairId = fairParam(c);
    const exhibitorId = ExhibitorId.safeParse(c.req.param('exhibitorId'));
    if (fairId === undefined || !exhibitorId.success) return refuse(c, 400, 'INVALID_PATH');
    const body = await parseJson(c, EditExhibitorRequest, SMALL_BODY);
    if (!body.ok) return body.response;
    const saved = await editExhibitor(db, fairId, exhibitorId.data, body.value.fields, actorOf(c), now());
    if (saved === 'no-fair' || saved === 'not-found') return refuse(c, 404, 'NOT_FOUND');
    return c.json(saved);
  });
}
