/**
 * Complaints and case actions in the store: one transaction per action (case +
 * board row + event item + outbox row), gap-free per-device case numbers (CN2), one case per
 * respondent (CN4), the RP flags at intake, and DomainErrors that write nothing (CS1).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseCaseNumber } from '../../src/domain/case/case-number';
import type { Fair } from '../../src/domain/fair';
import type { Instant } from '../../src/domain/time';
import { getDb } from '../../src/store/db';
import { applyCaseCommand, caseEvents, findCases, getCase, listCaseRows, listComplaintCases, recordComplaint } from '../../src/store/cases';
import { clock, freshDb, resetDb } from './fixtures';
import { clerk, complaintInput, expert, respondent, setupDevice, setupFair } from './case-fixtures';

let now: () => Instant;
let fair: Fair;
beforeEach(async () => {
  freshDb('cases');
  now = clock();
  fair = await setupFair({}, now());
  await setupDevice(fair, now());
});
afterEach(resetDb);

const counts = async () => {
  const db = getDb();
  return { cases: await db.cases.count(), rows: await db.caseRows.count(), items: await db.items.count(), outbox: await db.outbox.count(), seq: (await db.meta.get(`caseSeq|${fair.id}`))?.value };
};
const seqOf = (caseNo: string): number => {
  const p = parseCaseNumber(caseNo);
  if (!p.ok) throw new Error(caseNo);
  return p.value.seq;
};

describe('recordComplaint', () => {
  test('[CN4] two respondents make two cases sharing the complaintId; [CN2] numbered 0001, 0002 on this device', async () => {
    const at = now();
    const r = await recordComplaint(complaintInput(fair, at, { respondents: [respondent(1), respondent(2)] }), clerk, at);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { complaintId, cases } = r.value;
    expect(cases.map((c) => c.complaintId)).toEqual([complaintId, complaintId]);
    expect(cases.map((c) => seqOf(c.caseNo))).toEqual([1, 2]);
    expect(cases.every((c) => c.caseNo.startsWith('CF137-K07-'))).toBe(true);
    expect(cases.map((c) => c.respondent.name)).toEqual(['参展商1号', '参展商2号']);
    expect(cases.every((c) => c.state === 'RECEIVED')).toBe(true);
    expect(await listComplaintCases(complaintId)).toEqual(cases);
    expect(await getCase(cases[0]?.id ?? '')).toEqual(cases[0]);
    // Every part landed: cases, board rows, one event item per case, outbox rows, the sequence.
    expect(await counts()).toEqual({ cases: 2, rows: 2, items: 3, outbox: 3, seq: 2 });
    const events = await caseEvents(cases[0]?.id ?? '');
    expect(events.map((e) => e.type)).toEqual(['Submit']);
    // The item is the event: same id and HLC, stamped with actor, device and time (CS1).
    const item = await getDb().items.get(events[0]?.id ?? '');
    expect(item).toMatchObject({ kind: 'case_event', entityId: cases[0]?.id, hlc: events[0]?.hlc, payload: events[0] });
    expect(events[0]).toMatchObject({ actor: clerk, at, deviceId: item?.deviceId });
  });

  test('[CN2] case numbers are gap-free and unique on the device, also when saves run at once or fail', async () => {
    const first = await recordComplaint(complaintInput(fair, now()), clerk, now());
    expect(first.ok).toBe(true);
    // A refused save (an expert may not file, CS8 roles) uses no number.
    const refusedSave = await recordComplaint(complaintInput(fair, now()), expert, now());
    expect(refusedSave.ok ? undefined : refusedSave.error.domain?.code).toBe('FORBIDDEN_ROLE');
    // A save whose outbox write fails uses no number either.
    const boom = (): void => {
      throw new Error('outbox write failed');
    };
    getDb().outbox.hook('creating', boom);
    const failed = await recordComplaint(complaintInput(fair, now()), clerk, now());
    getDb().outbox.hook('creating').unsubscribe(boom);
    expect(failed.ok).toBe(false);
    // Five at once from the same page: IndexedDB serialises them, each gets the next number.
    const many = await Promise.all([2, 3, 4, 5, 6].map((n) => recordComplaint(complaintInput(fair, now(), { respondents: [respondent(n)] }), clerk, now())));
    expect(many.every((m) => m.ok)).toBe(true);
    const rows = await listCaseRows(fair.id);
    const seqs = rows.map((r) => seqOf(r.caseNo)).sort((a, b) => a - b);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(rows.map((r) => r.caseNo)).size).toBe(6);
    expect((await counts()).seq).toBe(6);
  });

  test('when one part of the write fails, nothing of the complaint lands', async () => {
    const before = await counts();
    const boom = (): void => {
      throw new Error('board row write failed');
    };
    getDb().caseRows.hook('creating', boom);
    const r = await recordComplaint(complaintInput(fair, now(), { respondents: [respondent(1), respondent(2)] }), clerk, now());
    getDb().caseRows.hook('creating').unsubscribe(boom);
    expect(r.ok).toBe(false);
    expect(await counts()).toEqual(before);
  });

  test('bad input names the field and writes nothing; the same respondent twice is refused', async () => {
    const before = await counts();
    const bad = await recordComplaint(complaintInput(fair, now(), { rights: [], respondents: [] }), clerk, now());
    expect(bad.ok ? [] : (bad.error.fields ?? []).map((f) => `${f.field}:${f.code}`).sort()).toEqual(['respondents:TOO_FEW', 'rights:TOO_FEW']);
    const twice = await recordComplaint(complaintInput(fair, now(), { respondents: [respondent(1), respondent(1)] }), clerk, now());
    expect(twice.ok ? [] : twice.error.fields).toEqual([{ field: 'respondents.1', code: 'DUPLICATE_VALUE', params: { row: 0 } }]);
    expect(await counts()).toEqual(before);
  });

  test('without a set-up device (no short code for CN1) the complaint is refused', async () => {
    await getDb().device.clear();
    const r = await recordComplaint(complaintInput(fair, now()), clerk, now());
    expect(r.ok ? undefined : r.error.kind).toBe('not-found');
  });
});

describe('applyCaseCommand', () => {
  test('[CS12] an expert accepts: case, board row, event item and outbox row change together', async () => {
    const filed = await recordComplaint(complaintInput(fair, now()), clerk, now());
    if (!filed.ok) throw new Error('file');
    const c = filed.value.cases[0];
    if (c === undefined) throw new Error('case');
    const checklist = c.checklist.filter((i) => i.required).map((i) => ({ code: i.code, required: true, status: 'verified' as const, originalSighted: true }));
    const before = await counts();
    const r = await applyCaseCommand(c.id, { type: 'Accept', payload: { checklist } }, expert, now());
    expect(r.ok ? undefined : r.error).toBeUndefined();
    if (!r.ok) return;
    expect(r.value.state).toBe('ACCEPTED');
    expect(await getCase(c.id)).toEqual(r.value);
    const [row] = await listCaseRows(fair.id);
    expect(row).toMatchObject({ id: c.id, state: 'ACCEPTED', experts: [expert.userId] });
    expect(await counts()).toEqual({ ...before, items: before.items + 1, outbox: before.outbox + 1 });
    const events = await caseEvents(c.id);
    expect(events.map((e) => e.type)).toEqual(['Submit', 'Accept']);
    expect(events[1]?.parents).toEqual([events[0]?.id]);
    expect(r.value.heads).toEqual([events[1]?.id]);
  });

  test('[CS1] a DomainError (wrong role, failed guard, wrong state) writes nothing and comes back as invalid + domain', async () => {
    const filed = await recordComplaint(complaintInput(fair, now()), clerk, now());
    if (!filed.ok) throw new Error('file');
    const c = filed.value.cases[0];
    if (c === undefined) throw new Error('case');
    const before = await counts();
    const role = await applyCaseCommand(c.id, { type: 'Accept', payload: {} }, clerk, now());
    expect(role.ok ? undefined : role.error).toMatchObject({ kind: 'invalid', domain: { code: 'FORBIDDEN_ROLE' } });
    const guard = await applyCaseCommand(c.id, { type: 'Accept', payload: {} }, expert, now());
    expect(guard.ok ? undefined : guard.error.domain).toMatchObject({ code: 'GUARD_FAILED:CS12', params: { check: 'checklist' } });
    const state = await applyCaseCommand(c.id, { type: 'RecordAdmission', payload: { signatureEvidenceId: '01JRZ8Q4W6M0000000000000V2' } }, clerk, now());
    expect(state.ok ? undefined : state.error.domain?.code).toBe('ILLEGAL_TRANSITION');
    const payload = await applyCaseCommand(c.id, { type: 'Reject', payload: { reason: 'NR_MADE_UP' as never } }, expert, now());
    expect(payload.ok ? undefined : payload.error.fields?.[0]?.field).toBe('payload.reason');
    const missing = await applyCaseCommand('01JRZ8Q4W6M0000000000000C9', { type: 'AddNote', payload: { text: 'x' } }, clerk, now());
    expect(missing.ok ? undefined : missing.error.kind).toBe('not-found');
    expect(await counts()).toEqual(before);
    expect(await getCase(c.id)).toEqual(c);
  });
});

describe('reads', () => {
  test('board rows carry what the board shows; search by case number, booth, name or USCC', async () => {
    const at = now();
    const filed = await recordComplaint(complaintInput(fair, at, { respondents: [respondent(1), respondent(2)] }), clerk, at);
    if (!filed.ok) throw new Error('file');
    const [a, b] = filed.value.cases;
    if (a === undefined || b === undefined) throw new Error('cases');
    const rows = await listCaseRows(fair.id);
    expect(rows.find((r) => r.id === a.id)).toMatchObject({
      caseNo: a.caseNo,
      complaintId: a.complaintId,
      complainant: '福州某某科技有限公司',
      respondent: '参展商1号',
      respondentKey: respondent(1).exhibitorKey,
      booth: '1.1/A01',
      hall: '1.1',
      state: 'RECEIVED',
      ipTypes: ['invention'],
      receivedAt: at,
      nextDeadline: { kind: 'acceptance' },
    });
    expect((await findCases(fair.id, b.caseNo.toLowerCase().replace(/-/g, ''))).map((r) => r.id)).toEqual([b.id]);
    expect((await findCases(fair.id, '1.1/a02')).map((r) => r.id)).toEqual([b.id]);
    expect((await findCases(fair.id, '参展商1')).map((r) => r.id)).toEqual([a.id]);
    expect((await findCases(fair.id, respondent(2).exhibitorKey.slice(3))).map((r) => r.id)).toEqual([b.id]);
    expect((await findCases(fair.id, '福州某某')).length).toBe(2);
    // Another fair's cases on the same tablet stay off this board (and this one off theirs).
    const other = await setupFair({ code: 'CF138' }, now());
    const theirs = await recordComplaint(complaintInput(other, now()), clerk, now());
    expect(theirs.ok).toBe(true);
    expect((await listCaseRows(fair.id)).map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect((await listCaseRows(other.id)).map((r) => r.fairId)).toEqual([other.id]);
  });
});
