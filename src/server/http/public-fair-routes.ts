import type { Hono } from 'hono';
import { FairCode } from '../../domain/fair';
import { publicFair, type PublicFairReplyInput } from '../../domain/wire/public-fair';
import { fairByCode } from '../storage/public-fair-store';
import type { Storage } from '../storage/storage';
import type { Env } from './guard';
import { clientAddress, limited, type Limit } from './rate-limit';
import { refuse } from './replies';

/**
 * PI10 (src/domain/wire/public-intake.ts): a phone that typed the desk's printed address
 * (`/p/<code>`) asks for that fair's form rules, with no token.
 */

/** PI10: per client address, as PI3; a person types the address a few times, a script guesses codes. */
export const PUBLIC_FAIR_LIMIT = { max: 30, windowSeconds: 10 * 60 } as const satisfies Limit;

export function addPublicFairRoutes(app: Hono<Env>, storage: Storage): void {
  app.get('/public/fair-codes/:code', async (c) => {
    // Counted before anything is read: a refused or unknown code uses up the allowance too.
    const tooMany = await limited(c, storage, [{ key: `public-fair:${clientAddress(c)}`, limit: PUBLIC_FAIR_LIMIT }]);
    if (tooMany !== undefined) return tooMany;
    const code = FairCode.safeParse(c.req.param('code'));
    if (!code.success) return refuse(c, 404, 'NOT_FOUND');
    const fair = await fairByCode(storage.sql, code.data);
    if (fair === undefined) return refuse(c, 404, 'NOT_FOUND');
    // Public form rules only (phoneFair), and never cached by a proxy between two fairs' edits.
    c.header('Cache-Control', 'no-store');
    return c.json({ type: 'public-fair', fair: publicFair(fair) } satisfies PublicFairReplyInput);
  });
}
