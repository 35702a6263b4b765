import { Hono } from 'hono';
import { z } from 'zod';
import { FairId } from '../../domain/ids';
import { PhoneComplaint } from '../../domain/wire/phone-payload';
import { PublicDraft, type PublicDraftList, type PublicDraftReceived } from '../../domain/wire/public-intake';
import { MAX_PAYLOAD_BYTES } from '../../domain/wire/qr-frames';
import type { Storage } from '../storage/storage';
import { fairKnown, markFiled, openDrafts, submitDraft } from '../storage/public-drafts-store';
import { parseJson, parseQuery } from './body';
import { addPublicFairRoutes } from './public-fair-routes';
import { addPublicPhotoRoutes } from './public-photo-routes';
import { allowed, authenticated, ownFair, type Env } from './guard';
import { clientAddress, limited, type Limit } from './rate-limit';
import { refuse } from './replies';

/**
 * The public online intake (rules PI1–PI10 in `src/domain/wire/public-intake.ts`):
 * - `POST /public/fairs/:fairId/complaints`, no token: a phone's `PhoneComplaint`, kept as a draft;
 * - `GET /intake/drafts?fair=…`: a desk tablet (or the organizer) lists the fair's open drafts;
 * - `POST /intake/drafts/:draftId/filed?fair=…`: the desk filed it; it leaves every desk's list;
 * - the draft's photos (PI7, PI8): public-photo-routes.ts;
 * - a fair's phone form by its code (PI10): public-fair-routes.ts.
 */

/**
 * PI3: per client address. A fair's visitor Wi-Fi puts many phones behind one address, so the
 * limit is generous for people (one filing is one or two sends) and tight for a script.
 */
export const PUBLIC_INTAKE_LIMIT = { max: 30, windowSeconds: 10 * 60 } as const satisfies Limit;
/** PI4: a complaint the QR format could carry (32 KB of JSON), with room for whitespace. */
export const PUBLIC_INTAKE_BODY_LIMIT = MAX_PAYLOAD_BYTES + 4 * 1024;

const DraftId = z.uuid();

export function publicIntakeRoutes(storage: Storage): Hono<Env> {
  const app = new Hono<Env>();

  app.post('/public/fairs/:fairId/complaints', async (c) => {
    // Counted before anything is read: junk and unknown fairs use up the allowance too (PI3).
    const tooMany = await limited(c, storage, [{ key: `public-intake:${clientAddress(c)}`, limit: PUBLIC_INTAKE_LIMIT }]);
    if (tooMany !== undefined) return tooMany;
    const fairId = FairId.safeParse(c.req.param('fairId'));
    if (!fairId.success) return refuse(c, 404, 'NOT_FOUND');
    if (!(await fairKnown(storage.sql, fairId.data))) return refuse(c, 404, 'NOT_FOUND');
    const body = await parseJson(c, PhoneComplaint, PUBLIC_INTAKE_BODY_LIMIT);
    if (!body.ok) return body.response;
    if (body.value.fairId !== fairId.data) return refuse(c, 400, 'FAIR_MISMATCH');
    const { draftId, duplicate } = await submitDraft(storage.sql, body.value);
    return c.json({ type: 'public-draft', draftId, duplicate } satisfies PublicDraftReceived, duplicate ? 200 : 201);
  });

  app.use('/intake/*', authenticated(storage));

  app.get('/intake/drafts', async (c) => {
    const denied = allowed(c, { users: ['organizer', 'expert'], devices: ['desk', 'expert'] });
    if (denied !== undefined) return denied;
    const query = parseQuery(c, z.object({ fair: FairId }));
    if (!query.ok) return query.response;
    const other = ownFair(c, query.value.fair);
    if (other !== undefined) return other;
    // SY54: a draft kept before the text rule refused its content can never be filed: not listed.
    const drafts = (await openDrafts(storage.sql, query.value.fair)).filter((d) => PublicDraft.safeParse(d).success);
    return c.json({ type: 'public-drafts', drafts } satisfies PublicDraftList);
  });

  app.post('/intake/drafts/:draftId/filed', async (c) => {
    const denied = allowed(c, { devices: ['desk', 'expert'] });
    if (denied !== undefined) return denied;
    const draftId = DraftId.safeParse(c.req.param('draftId'));
    if (!draftId.success) return refuse(c, 400, 'INVALID_PATH');
    const query = parseQuery(c, z.object({ fair: FairId }));
    if (!query.ok) return query.response;
    const other = ownFair(c, query.value.fair);
    if (other !== undefined) return other;
    const p = c.get('principal');
    const by = p.kind === 'device' ? p.deviceId : p.userId;
    if (!(await markFiled(storage.sql, query.value.fair, draftId.data, by))) return refuse(c, 404, 'NOT_FOUND');
    return c.json({ ok: true });
  });
  addPublicPhotoRoutes(app, storage);
  addPublicFairRoutes(app, storage);
  return app;
}
