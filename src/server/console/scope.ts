import type { Context, MiddlewareHandler } from 'hono';
import type { RegionCode } from '../../domain/region';
import { FairId } from '../../domain/ids';
import { CONSOLE_PREFIX, RegionScope, type ConsoleErrorReply } from '../../domain/wire/console';
import type { SqlRunner } from '../storage/sql';
import { currentFair } from './console-store';
import type { SessionUser } from './sessions';

/**
 * What a console account may see (ANNUAL-SPEC AR8): organizers (and the server's other staff)
 * every fair of the server; an administration viewer with a national scope every fair; one with
 * regions only the fairs whose `region` is among them, so a fair without a region is seen by
 * national accounts and organizers only. Every route that names a fair asks `fairInScope` (the
 * `/fairs/:fairId…` routes through `scopeGuard`); a fair out of scope is answered like an unknown
 * one (404), so a viewer learns nothing of another region's fairs.
 */
export type Sight = { readonly kind: 'all' } | { readonly kind: 'regions'; readonly regions: ReadonlySet<string> };

const sights = new WeakMap<SessionUser, Promise<Sight>>();

/** The account's sight, read once per request (the scope lives on its `users` row). */
export function sightOf(db: SqlRunner, user: SessionUser): Promise<Sight> {
  if (user.role !== 'admin_viewer') return Promise.resolve({ kind: 'all' });
  let sight = sights.get(user);
  if (sight === undefined) {
    sight = db.query<{ scope: unknown }>('select scope from users where id = $1', [user.userId]).then(([row]) => {
      const raw = typeof row?.scope === 'string' ? (JSON.parse(row.scope) as unknown) : row?.scope;
      const scope = RegionScope.safeParse(raw);
      // A viewer without a readable scope sees nothing rather than everything.
      if (!scope.success) return { kind: 'regions', regions: new Set<string>() };
      return scope.data.kind === 'national' ? { kind: 'all' } : { kind: 'regions', regions: new Set(scope.data.regions) };
    });
    sights.set(user, sight);
  }
  return sight;
}

/** AR8: whether a fair of this region (undefined: none set) is within sight. */
export const regionInSight = (sight: Sight, region: RegionCode | undefined): boolean =>
  sight.kind === 'all' || (region !== undefined && sight.regions.has(region));

/** AR8: the guard every console route naming a fair calls; false for a fair the server does not hold, too. */
export async function fairInScope(db: SqlRunner, user: SessionUser, fairId: string): Promise<boolean> {
  const sight = await sightOf(db, user);
  if (sight.kind === 'all') return true;
  const fair = await currentFair(db, fairId);
  return fair !== undefined && regionInSight(sight, fair.settings.region);
}

/**
 * AR8: the reads an administration viewer may make, by path under the console's prefix; its
 * scope then applies. Everything else (people, audit, codes, every change) stays the organizer's (CO8).
 */
const VIEWER_READS: readonly RegExp[] = [
  /^\/fairs$/,
  /^\/fairs\/[^/]+\/tablets$/,
  /^\/fairs\/[^/]+\/summary$/,
  /^\/fairs\/[^/]+\/summary\/closes$/,
  /^\/fairs\/[^/]+\/summary-file$/,
  /^\/annual$/,
  /^\/annual\/fairs$/,
];

export function viewerMayRead(c: Context): boolean {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return false;
  const path = c.req.path.startsWith(CONSOLE_PREFIX) ? c.req.path.slice(CONSOLE_PREFIX.length) : c.req.path;
  return VIEWER_READS.some((r) => r.test(path));
}

/** AR8 on every `/fairs/:fairId…` route: a fair out of the account's sight is 404, before the route runs. */
export function scopeGuard(db: SqlRunner): MiddlewareHandler<{ Variables: { user: SessionUser } }> {
  return async (c, next) => {
    const id = FairId.safeParse(c.req.param('fairId'));
    // A malformed id is the route's to refuse (400 INVALID_PATH).
    if (!id.success) return next();
    if (!(await fairInScope(db, c.get('user'), id.data))) return c.json({ type: 'error', code: 'NOT_FOUND' } satisfies ConsoleErrorReply, 404);
    return next();
  };
}
