import { Hono } from 'hono';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { FairId } from '../../domain/ids';
import { parseTyped } from '../../domain/report/typed-previous';
import { instantFromMs } from '../../domain/time';
import type { ConsoleErrorCode, ConsoleErrorReply } from '../../domain/wire/console';
import { SetPreviousRequest, summaryProvisional, tabletWaiting, type ConsoleSummary, type PreviousSaved } from '../../domain/wire/console-summary';
import type { Storage } from '../storage/storage';
import { parseJson, SMALL_BODY } from '../http/body';
import { ingestBundle, isZipType } from '../http/bundle-routes';
import { clientAddress } from '../http/rate-limit';
import { cachedServerSummary } from '../reports/summary-cache';
import { audit } from './audit';
import { currentFair, tablets } from './console-store';
import { rawZipStream } from './raw-export';
import type { SessionUser } from './sessions';
import { setTypedPrevious, typedPrevious } from './summary-store';

interface ConsoleEnv {
  Variables: { user: SessionUser };
}

const refuse = (c: Context, status: ContentfulStatusCode, code: ConsoleErrorCode, extra: Omit<ConsoleErrorReply, 'type' | 'code'> = {}): Response =>
  c.json({ type: 'error', code, ...extra } satisfies ConsoleErrorReply, status);

const actorOf = (c: Context<ConsoleEnv>) => ({ userId: c.get('user').userId, name: c.get('user').name, address: clientAddress(c) });

const fairParam = (c: Context): string | undefined => {
  const id = FairId.safeParse(c.req.param('fairId'));
  return id.success ? id.data : undefined;
};

/** The uploaded file's name as the console sends it (percent-encoded), for the audit row. */
function fileName(header: string | undefined): string {
  try {
    return decodeURIComponent(header ?? '').slice(0, 200);
  } catch {
    return (header ?? '').slice(0, 200);
  }
}

/**
 * The console's post-show summary, bundle upload and raw export (CO40–CO45). Mounted inside
 * `consoleRoutes`, after its session, origin (CO6) and role (CO8) checks.
 */
export function consoleSummaryRoutes(storage: Storage, now: () => number): Hono<ConsoleEnv> {
  const db = storage.sql;
  const app = new Hono<ConsoleEnv>();

  app.get('/fairs/:fairId/summary', async (c) => {
    const fairId = fairParam(c);
    if (fairId === undefined) return refuse(c, 400, 'INVALID_PATH');
    const fair = await currentFair(db, fairId);
    if (fair === undefined) return refuse(c, 404, 'NOT_FOUND');
    const nowMs = now();
    const thresholds = fair.settings.tabletStatusMinutes;
    // CO41: the tablets first, read before the figures, so a push landing in between makes the page provisional, never falsely final.
    const rows = (await tablets(db, fairId, thresholds, nowMs)).map((t) => ({ ...t, waiting: tabletWaiting(t) }));
    const typed = await typedPrevious(db, fairId);
    const result = await cachedServerSummary(db, fairId, fair.previousFairId, typed);
    if (result === undefined) return refuse(c, 404, 'NOT_FOUND');
    const previousHeld = fair.previousFairId !== undefined && (await currentFair(db, fair.previousFairId)) !== undefined;
    const reply: ConsoleSummary = {
      type: 'console-summary', fairId: fair.id, fair, thresholds, tablets: rows, provisional: summaryProvisional(rows), previousHeld,
      typed: typed as Record<string, number>, summary: result.summary, generatedAt: instantFromMs(nowMs),
    };
    return c.json(reply);
  });

  app.put('/fairs/:fairId/summary/previous', async (c) => {
    const fairId = fairParam(c);
    if (fairId === undefined) return refuse(c, 400, 'INVALID_PATH');
    const body = await parseJson(c, SetPreviousRequest, SMALL_BODY);
    if (!body.ok) return body.response;
    if ((await currentFair(db, fairId)) === undefined) return refuse(c, 404, 'NOT_FOUND');
    const cleared = body.value.text.trim() === '';
    const parsed = parseTyped(body.value.figure, cleared ? '0' : body.value.text);
    if (!parsed.ok) return refuse(c, 400, 'INVALID_BODY', { issues: [{ path: parsed.code === 'UNKNOWN_FIGURE' ? 'figure' : 'text', code: parsed.code }] });
    const value = cleared ? null : parsed.value;
    await setTypedPrevious(db, fairId, parsed.id, value, actorOf(c), now());
    return c.json({ type: 'previous-saved', figure: parsed.id, value } satisfies PreviousSaved);
  });

  app.post('/bundles', async (c) => {
    if (!isZipType(c.req.header('content-type'))) return refuse(c, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const name = fileName(c.req.header('x-file-name'));
    const actor = actorOf(c);
    // CO43: an applied bundle's row commits in the transaction of its items; a refused one's
    // row is the only write of its upload; an upload that fails midway has no row.
    const result = await ingestBundle(storage, c.req.raw.body, undefined, now(), (tx, o) =>
      audit(tx, actor, 'bundle_uploaded', `fair:${o.fairId}`, {
        file: name, result: 'applied', items: o.items, applied: o.applied, duplicates: o.duplicates, conflicts: o.conflicts, rejected: o.rejected, evidenceFiles: o.evidenceFiles,
      }, now()),
    );
    const r = result.reply;
    if (r.type === 'bundle-refused') await audit(db, actor, 'bundle_uploaded', null, { file: name, result: 'refused', code: r.error.code }, now());
    return c.json(r, result.status);
  });

  app.get('/fairs/:fairId/exports/raw.zip', async (c) => {
    const fairId = fairParam(c);
    if (fairId === undefined) return refuse(c, 400, 'INVALID_PATH');
    const fair = await currentFair(db, fairId);
    if (fair === undefined) return refuse(c, 404, 'NOT_FOUND');
    const provisional = summaryProvisional((await tablets(db, fairId, fair.settings.tabletStatusMinutes, now())).map((t) => ({ ...t, waiting: tabletWaiting(t) })));
    const stream = await rawZipStream(storage, fairId, provisional);
    return c.body(stream.body, 200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${fair.code}-raw${provisional ? '-PROVISIONAL' : ''}.zip"`,
      'x-export-items': String(stream.expectedItems),
      'cache-control': 'no-store',
    });
  });

  return app;
}
