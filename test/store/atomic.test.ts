/**
 * Every desk write is one transaction: when its last part (the outbox row)
 * fails, nothing of the action is left in any table.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CLAUSE_CODES } from '../../src/domain/commitment';
import type { Case } from '../../src/domain/case/case';
import type { Fair } from '../../src/domain/fair';
import type { Instant } from '../../src/domain/time';
import { applyCaseCommand, recordComplaint } from '../../src/store/cases';
import { signCommitment } from '../../src/store/commitments';
import { recordConsultation } from '../../src/store/consultations';
import { getDb, TABLE_NAMES } from '../../src/store/db';
import { storeEvidence } from '../../src/store/evidence';
import { seedCases } from '../../src/store/seed';
import { clock, freshDb, resetDb } from './fixtures';
import { EVIDENCE, clerk, complaintInput, respondent, setupDevice, setupFair } from './case-fixtures';

let now: () => Instant;
let fair: Fair;
let filed: Case;
beforeEach(async () => {
  freshDb('atomic');
  now = clock();
  fair = await setupFair({}, now());
  await setupDevice(fair, now());
  const r = await recordComplaint(complaintInput(fair, now()), clerk, now());
  if (!r.ok || r.value.cases[0] === undefined) throw new Error('complaint');
  filed = r.value.cases[0];
});
afterEach(resetDb);

/** Every row of every table, to compare before and after. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const db = getDb();
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = (await db.table(name).toArray()).map((r: unknown) => JSON.stringify(r));
  return out;
}

const WRITES: Record<string, () => Promise<{ ok: boolean }>> = {
  storeEvidence: () => storeEvidence(new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }), { kind: 'photo', mime: 'image/jpeg', capturedAt: now(), fairId: fair.id }, now()),
  recordComplaint: () => recordComplaint(complaintInput(fair, now(), { respondents: [respondent(2), respondent(3)] }), clerk, now()),
  applyCaseCommand: () => applyCaseCommand(filed.id, { type: 'AddNote', payload: { text: '现场已拍照' } }, clerk, now()),
  signCommitment: () =>
    signCommitment(
      { fairId: fair.id, exhibitorKey: respondent(1).exhibitorKey, booths: [respondent(1).booth], templateVersion: 'v1', clausesAccepted: [...CLAUSE_CODES], signer: { name: '陈', title: '经理', phone: '13800138000' }, signatureEvidenceId: EVIDENCE[1], signedAt: now(), channel: 'kiosk' },
      now(),
    ),
  recordConsultation: () => recordConsultation({ fairId: fair.id, at: now(), channel: 'desk', askerKind: 'visitor', topic: 'procedure', opinionGiven: false }, now()),
  seedCases: () => seedCases(fair.id, 20, now(), { batch: 20, mixStates: true }),
};

describe('atomic writes', () => {
  test.each(Object.keys(WRITES))('%s: when the outbox row fails, nothing of the action lands', async (name) => {
    const write = WRITES[name];
    if (write === undefined) throw new Error(name);
    const before = await snapshot();
    const boom = (): void => {
      throw new Error('outbox write failed');
    };
    getDb().outbox.hook('creating', boom);
    const r = await write();
    getDb().outbox.hook('creating').unsubscribe(boom);
    expect(r.ok).toBe(false);
    const after = await snapshot();
    // `meta.persistence` may be remembered by any save attempt; everything else is as it was.
    expect({ ...after, meta: after.meta?.filter((m) => !String(m).includes('"persistence"')) }).toEqual({ ...before, meta: before.meta?.filter((m) => !String(m).includes('"persistence"')) });
    // And the same action goes through once the outbox works again.
    expect((await write()).ok).toBe(true);
  });
});
