/**
 * The RP flags at intake (RP1–RP6, CM3): set by `recordComplaint` from the history the
 * tablet holds, and shown before saving by `previewIntakeFlags` (the same checks, nothing written).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CLAUSE_CODES } from '../../src/domain/commitment';
import type { Fair } from '../../src/domain/fair';
import type { Instant } from '../../src/domain/time';
import { previewIntakeFlags, recordComplaint } from '../../src/store/cases';
import { signCommitment } from '../../src/store/commitments';
import { getDb } from '../../src/store/db';
import { saveDevice } from '../../src/store/device';
import { clock, freshDb, resetDb } from './fixtures';
import { EVIDENCE, clerk, complaintInput, establish, respondent, setupDevice, setupFair } from './case-fixtures';

let now: () => Instant;
let fair: Fair;
beforeEach(async () => {
  freshDb('intake');
  now = clock();
  fair = await setupFair({}, now());
  await setupDevice(fair, now());
});
afterEach(resetDb);

const file = async (f: Fair, at: Instant, over: Parameters<typeof complaintInput>[2] = {}) => {
  const r = await recordComplaint(complaintInput(f, at, over), clerk, at);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.cases;
};
const sign = async (f: Fair, n: number, at: Instant): Promise<void> => {
  const r = respondent(n);
  const s = await signCommitment(
    { fairId: f.id, exhibitorKey: r.exhibitorKey, booths: [r.booth], templateVersion: 'v1', clausesAccepted: [...CLAUSE_CODES], signer: { name: '陈', title: '经理', phone: '13800138000' }, signatureEvidenceId: EVIDENCE[1], signedAt: at, channel: 'kiosk' },
    at,
  );
  if (!s.ok) throw new Error('sign');
};

describe('intake flags', () => {
  test('[RP4] the same complainant, right and respondent again in this session is flagged DUPLICATE, shown before saving', async () => {
    await sign(fair, 1, now());
    const [first] = await file(fair, now());
    expect(first?.flags).toEqual([]);
    const again = complaintInput(fair, now());
    const before = await getDb().items.count();
    const preview = await previewIntakeFlags(again);
    expect(await getDb().items.count()).toBe(before); // nothing written
    expect(preview).toEqual([{ respondentIndex: 0, flags: ['DUPLICATE'], matches: [expect.objectContaining({ flag: 'DUPLICATE', caseId: first?.id, caseNo: first?.caseNo })] }]);
    const [second] = await file(fair, now());
    expect(second?.flags).toEqual(['DUPLICATE']);
    // Another right is another matter: no flag.
    const other = await previewIntakeFlags(complaintInput(fair, now(), { rights: [{ type: 'design', number: 'ZL201730601862.5', title: '外观', holder: 'x', jurisdiction: 'CN', status: 'valid', statusSource: 'certificate' }] }));
    expect(other[0]?.flags).not.toContain('DUPLICATE');
  });

  test('[RP1] a respondent with an established case at the previous session is flagged REPEAT_RESPONDENT, matched on the USCC key', async () => {
    const earlier = clock('2024-10-15T01:30:00.000Z');
    const previous = await setupFair({ code: 'CF136', sessionNo: 136, days: [{ date: '2024-10-15', opensAt: '09:00', closesAt: '17:00' }] }, earlier());
    await saveDevice({ name: 'Desk 1', shortCode: 'K07', fairId: previous.id }, earlier());
    const [old] = await file(previous, earlier());
    if (old === undefined) throw new Error('old case');
    const established = await establish(old, earlier);
    expect(established.opinion?.conclusion).toBe('ESTABLISHED_ALLEGED');
    const current = await setupFair({ code: 'CF137', previousFairId: previous.id }, now());
    await setupDevice(current, now());
    await sign(current, 2, now());
    // A different complainant and right, the same respondent key: RP1 looks at the respondent only.
    const next = complaintInput(current, now(), {
      complainant: { role: 'complainant', kind: 'person', name: 'Jane Roe', country: 'US', phone: '+12025550123' },
      respondents: [{ ...respondent(1), name: '改了名字的公司' }, respondent(2)],
    });
    const preview = await previewIntakeFlags(next);
    expect(preview.map((p) => p.flags)).toEqual([['REPEAT_RESPONDENT', 'NO_COMMITMENT'], []]);
    expect(preview[0]?.matches).toEqual([expect.objectContaining({ flag: 'REPEAT_RESPONDENT', caseId: old.id, fairId: previous.id })]);
    const cases = await file(current, now(), next);
    expect(cases.map((c) => c.flags)).toEqual([['REPEAT_RESPONDENT', 'NO_COMMITMENT'], []]);
    // The new session numbers from 0001 again on this device (CN2: per device and fair).
    expect(cases.map((c) => c.caseNo.split('-')[2])).toEqual(['0001', '0002']);
    // Without the previousFairId chain, the old session is not this fair's history.
    const unchained = await setupFair({ code: 'CF138' }, now());
    await setupDevice(unchained, now());
    expect((await previewIntakeFlags(complaintInput(unchained, now())))[0]?.flags).toEqual(['NO_COMMITMENT']);
  });

  test('[CM3] with commitmentRequired, a respondent without a current commitment is flagged NO_COMMITMENT; not when the fair does not require one', async () => {
    await sign(fair, 2, now());
    const cases = await file(fair, now(), { respondents: [respondent(1), respondent(2), { name: '手填的公司', booth: { hall: '3.1', stand: 'C01' } }] });
    expect(cases.map((c) => c.flags)).toEqual([['NO_COMMITMENT'], [], ['NO_COMMITMENT']]);
    const relaxed = await setupFair({ code: 'CF139', settings: { commitmentRequired: false } }, now());
    await setupDevice(relaxed, now());
    expect((await file(relaxed, now()))[0]?.flags).toEqual([]);
  });

  test('the preview works on a half-filled form: unreadable respondents are skipped, nothing is written', async () => {
    const half = { fairId: fair.id, respondents: [{ name: '' }, respondent(3)] };
    const preview = await previewIntakeFlags(half as never);
    expect(preview.map((p) => p.respondentIndex)).toEqual([1]);
    expect(preview[0]?.flags).toEqual(['NO_COMMITMENT']);
    expect(await previewIntakeFlags({})).toEqual([]);
  });
});
