import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CaseEvent } from '../../src/domain/case/events';
import type { Fair } from '../../src/domain/fair';
import { formatHlc, MAX_FOREIGN_LEAD_MS, parseHlc } from '../../src/domain/hlc';
import { instantFromMs, instantToMs, type Instant } from '../../src/domain/time';
import { importComplaint } from '../../src/store/cases';
import { getDb } from '../../src/store/db';
import { runWrite } from '../../src/store/transaction';
import { logState, receiveStamps } from '../../src/store/local-log';
import { clerk, complaintInput, setupDevice, setupFair } from './case-fixtures';
import { freshDb, resetDb } from './fixtures';

/**
 * The receive rule where the store files what came from outside (SPEC.md SY10, SY12): a phone's
 * complaint is stamped after the time it carries, and the write path's remembered log state
 * follows a receive.
 */
const HOUR = 3_600_000;
const DESK = '2025-04-15T02:00:00.000Z' as Instant;
let fair: Fair;

beforeEach(async () => {
  freshDb('receive-clock');
  fair = await setupFair({}, DESK);
  await setupDevice(fair, DESK, 'K07');
});
afterEach(resetDb);

const PHONE_ID = '01JRZ8Q4W6M0000000000000P1';
const submitOf = async (caseId: string): Promise<CaseEvent> =>
  (await getDb().items.where('entityId').equals(caseId).first())?.payload as CaseEvent;

describe('a phone complaint filed at the desk', () => {
  test('[SY12] the case is stamped after the phone\'s filing time when the desk clock is 3 h behind it', async () => {
    const filedAt = instantFromMs(instantToMs(DESK) + 3 * HOUR);
    const r = await importComplaint(PHONE_ID, complaintInput(fair, DESK, { channel: 'phone_qr' }), clerk, DESK, filedAt);
    if (!r.ok) throw new Error(r.error.kind);
    const submit = await submitOf(r.value.cases[0]!.id);
    expect(parseHlc(submit.hlc).wallMs).toBe(instantToMs(filedAt));
    expect(submit.hlc > formatHlc({ wallMs: instantToMs(filedAt), counter: 0, node: '0' })).toBe(true);
  });

  test('[SY12] a phone time more than 24 h ahead counts as 24 h ahead of the desk clock', async () => {
    const forged = instantFromMs(instantToMs(DESK) + 365 * 24 * HOUR);
    const r = await importComplaint(PHONE_ID, complaintInput(fair, DESK, { channel: 'phone_qr' }), clerk, DESK, forged);
    if (!r.ok) throw new Error(r.error.kind);
    const submit = await submitOf(r.value.cases[0]!.id);
    expect(parseHlc(submit.hlc).wallMs).toBe(instantToMs(DESK) + MAX_FOREIGN_LEAD_MS);
  });
});

describe('receiveStamps', () => {
  test('[SY10] the next write numbers from the received clock, in one attempt (the remembered log state follows)', async () => {
    // A first write makes the write path remember the log state.
    await importComplaint(PHONE_ID, complaintInput(fair, DESK), clerk, DESK);
    const remote = formatHlc({ wallMs: instantToMs(DESK) + HOUR, counter: 7, node: 'REMOTE' });
    const received = await runWrite(['meta'], (db) => receiveStamps(db, [remote], DESK), { log: false });
    if (!received.ok) throw new Error(received.error.kind);
    expect(received.value.hlc).toBe(formatHlc({ wallMs: instantToMs(DESK) + HOUR, counter: 8, node: received.value.deviceId }));
    // The stored state is what was received.
    const stored = await runWrite(['meta'], (db) => logState(db), { log: false });
    expect(stored.ok && stored.value.hlc).toBe(received.value.hlc);
    const r = await importComplaint('01JRZ8Q4W6M0000000000000P2', complaintInput(fair, DESK), clerk, DESK);
    if (!r.ok) throw new Error(r.error.kind);
    expect((await submitOf(r.value.cases[0]!.id)).hlc).toBe(formatHlc({ wallMs: instantToMs(DESK) + HOUR, counter: 9, node: received.value.deviceId }));
  });
});
