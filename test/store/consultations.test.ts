/**
 * Consultations (EN15; R16, R17): one tap records one consultation with its item; the tally
 * counts by asker kind, IP type, channel and language.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Fair } from '../../src/domain/fair';
import type { Instant } from '../../src/domain/time';
import { consultationTally, listConsultations, recordConsultation } from '../../src/store/consultations';
import { getDb } from '../../src/store/db';
import { clock, freshDb, resetDb } from './fixtures';
import { setupFair } from './case-fixtures';

let now: () => Instant;
let fair: Fair;
beforeEach(async () => {
  freshDb('consultations');
  now = clock();
  fair = await setupFair({}, now());
});
afterEach(resetDb);

describe('consultations', () => {
  test('[R16] [R17] each tap is one record + item; the tally counts them', async () => {
    const a = now();
    const r = await recordConsultation({ fairId: fair.id, at: a, channel: 'desk', askerKind: 'exhibitor', ipType: 'trademark', topic: 'procedure', opinionGiven: true, language: 'en' }, a);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ topic: 'procedure', language: 'en', createdAt: a });
    expect((await getDb().items.toArray()).filter((i) => i.kind === 'consultation').map((i) => i.entityId)).toEqual([r.value.id]);
    const b = now();
    await recordConsultation({ fairId: fair.id, at: b, channel: 'desk', askerKind: 'visitor', topic: 'other topic', opinionGiven: false }, b);
    expect((await listConsultations(fair.id)).map((c) => c.at)).toEqual([b, a]);
    expect(await consultationTally(fair.id)).toEqual({
      total: 2,
      opinions: 1,
      byAskerKind: { exhibitor: 1, visitor: 1 },
      byIpType: { trademark: 1, none: 1 },
      byChannel: { desk: 2 },
      byLanguage: { en: 1, 'zh-CN': 1 },
    });
  });

  test('bad input is refused per field and writes nothing', async () => {
    const before = await getDb().items.count();
    const r = await recordConsultation({ fairId: fair.id, at: now(), channel: 'fax' as never, askerKind: 'exhibitor', topic: '', opinionGiven: false }, now());
    expect(r.ok ? [] : (r.error.fields ?? []).map((f) => f.field).sort()).toEqual(['channel', 'topic']);
    expect(await getDb().items.count()).toBe(before);
  });
});
