import { Hono } from 'hono';
import { checkChain, type BrokenLink } from '../storage/event-chain';
import type { Storage } from '../storage/storage';
import { allowed, authenticated, type Env } from './guard';

/** At most this many broken links in one answer; `brokenCount` always gives the total. */
export const MAX_LINKS_REPORTED = 1000;

export interface ChainCheckReply {
  readonly type: 'chain-check';
  readonly ok: boolean;
  readonly devices: number;
  readonly items: number;
  readonly brokenCount: number;
  readonly broken: readonly BrokenLink[];
}

/**
 * Organizer-only administration (SY8). `GET /api/admin/chain-check` walks every
 * device's hash chain (event-chain.ts) and lists each broken link: device, sequence, expected,
 * found. The same check runs from the command line: `tsx src/server/cli.ts check-chain`.
 */
export function adminRoutes(storage: Storage): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', authenticated(storage));
  app.get('/chain-check', async (c) => {
    const denied = allowed(c, { users: ['organizer'] });
    if (denied !== undefined) return denied;
    const report = await checkChain(storage.sql);
    return c.json({
      type: 'chain-check',
      ok: report.broken.length === 0,
      devices: report.devices,
      items: report.items,
      brokenCount: report.broken.length,
      broken: report.broken.slice(0, MAX_LINKS_REPORTED),
    } satisfies ChainCheckReply);
  });
  return app;
}
