import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { PullPage, PushAccepted } from '../../src/domain/wire/protocol';
import { makeItem } from '../server/support';
import { deepJson, hostileJson, mutated } from './arbitraries';
import { auth, openHarness, pushEnvelope, type Harness } from './http-harness';

/**
 * Hostile input, push payloads: a valid envelope from a real tablet whose item carries a
 * hostile payload (random JSON, its valid payload with one field wrong, U+0000, an unpaired
 * surrogate, 10,000 levels of nesting). Each is answered 200 and acknowledged — applied when the
 * domain schema takes it, else rejected with a code — so one bad item never blocks the queue;
 * never a 500. Found by this suite: NUL and lone surrogates made PostgreSQL refuse the jsonb and
 * deep nesting overflowed the content hash, each a 500 that the tablet would retry forever.
 */
let h: Harness;
let seq = 0;
beforeAll(async () => {
  h = await openHarness();
  // The harness pushed seq 1–4 for its desk; this file's tablet starts after them.
  seq = 4;
}, 120_000);
afterAll(async () => {
  await h.close();
});

/** One item whose payload is `payloadJson`, spliced in as text (a deep payload would overflow JSON.stringify here). */
const push = async (item: unknown, payloadJson: string): Promise<Response> =>
  h.app.request('/api/sync/push', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth(h.desk.token) },
    body: JSON.stringify(pushEnvelope(h.desk, [{ ...(item as object), payload: '__PAYLOAD__' }])).replace('"__PAYLOAD__"', () => payloadJson),
  });

const validPayload = (makeItem({ deviceId: '01J00000000000000000000000', fairId: '01J00000000000000000000000' }, 1).payload) as Record<string, unknown>;
/** A payload, or the depth of one nested that deep (built in the run: fast-check could not print it). */
type Spec = { readonly payload: unknown } | { readonly depth: number };
const payloads: fc.Arbitrary<Spec> = fc.oneof(
  hostileJson.map((payload) => ({ payload })),
  mutated(validPayload).map((payload) => ({ payload })),
  fc.constantFrom<unknown>({ ...validPayload, topic: 'a\u0000b' }, { ...validPayload, topic: '\ud800' }, { ...validPayload, ['\u0000']: 1 }, { ...validPayload, topic: '\udc00x' }).map((payload) => ({ payload })),
  fc.integer({ min: 65, max: 10_000 }).map((depth) => ({ depth })),
);
const build = (spec: Spec): string => ('depth' in spec ? deepJson(spec.depth, spec.depth % 2 === 0 ? 'array' : 'object') : (JSON.stringify(spec.payload) ?? 'null'));

describe('hostile payloads in a valid push: acknowledged, never a 500, the queue moves on', () => {
  test('1,000 payloads', async () => {
    await fc.assert(
      fc.asyncProperty(payloads, async (spec) => {
        seq += 1;
        const item = makeItem(h.desk, seq);
        const payloadJson = build(spec);
        const res = await push(item, payloadJson);
        const text = await res.text();
        expect(res.status, text.slice(0, 300)).toBe(200);
        const reply = PushAccepted.parse(JSON.parse(text));
        expect(reply.ackedSeq).toBe(seq);
        expect(['applied', 'rejected']).toContain(reply.results[0]?.status);
        // The same item again: the same verdict (a rejected item stays rejected, an applied one is a duplicate).
        const again = PushAccepted.parse(await (await push(item, payloadJson)).json());
        expect(again.results[0]?.status).toBe(reply.results[0]?.status === 'applied' ? 'duplicate' : 'rejected');
      }),
      // Each run takes the next sequence: a shrunk re-run would leave a gap, so report the first failure as found.
      { numRuns: 1000, endOnFailure: true },
    );
    // Pull still pages everything it holds, and every page parses.
    const res = await h.app.request(`/api/sync/pull?protocolVersion=1&fair=${h.desk.fairId}&limit=1000`, { headers: auth(h.desk.token) });
    expect(res.status).toBe(200);
    PullPage.parse(await res.json());
  }, 300_000);
});
