import { describe, expect, test } from 'vitest';
import { fairCloseAt } from '../../../src/domain/fair';
import { addMinutes } from '../../../src/domain/time';
import { actors, AUTHORITY_ENFORCEMENT, code, Desk, local, makeCase, makeFair } from '../../support/builders';


describe('supplement, rejection, acceptance (CS9–CS12)', () => {
  test('[CS9] RequestSupplement needs a missing required item and starts supplementDueAt', () => {
    const desk = makeCase({ state: 'RECEIVED' });
    const c = desk.must('RequestSupplement', { at: local('2025-04-15 10:30') });
    expect(c.state).toBe('INCOMPLETE');
    expect(c.deadlines.supplement?.dueAt).toBe(local('2025-04-16 10:30'));
    expect(desk.events.at(-1)?.payload).toMatchObject({ missing: expect.arrayContaining(['GEN-01', 'PAT-01']) });
    // Everything provided: nothing to ask for.
    const full = new Desk();
    const provided = ['GEN-01', 'GEN-02', 'GEN-03', 'GEN-04', 'GEN-05', 'GEN-06', 'PAT-01', 'PAT-02', 'PAT-03'].map((code) => ({ code, required: true, status: 'provided' }));
    full.must('Submit', { payload: { checklist: provided } });
    expect(code(full.try('RequestSupplement'))).toBe('GUARD_FAILED:CS9');
    expect(code(full.try('RequestSupplement', { actor: actors.respondent }))).toBe('FORBIDDEN_ROLE');
  });

  test('[CS10] RecordSupplement returns to RECEIVED, also late', () => {
    const desk = makeCase({ state: 'INCOMPLETE' });
    const due = desk.case?.deadlines.supplement?.dueAt;
    if (due === undefined) throw new Error('no supplement deadline');
    const c = desk.must('RecordSupplement', { at: addMinutes(due, 30) });
    expect(c.state).toBe('RECEIVED');
    expect(c.checklist.find((i) => i.code === 'GEN-05')?.status).toBe('provided');
    expect(desk.events.at(-1)?.payload).toMatchObject({ late: true });
    expect(code(desk.try('RecordSupplement'))).toBe('ILLEGAL_TRANSITION');
  });

  test('[CS11] Reject with a listed reason; NR_INCOMPLETE only from INCOMPLETE past due; NR_OTHER says why', () => {
    const received = makeCase({ state: 'RECEIVED' });
    expect(code(received.try('Reject', { payload: { reason: 'NR_INCOMPLETE' } }))).toBe('GUARD_FAILED:CS11');
    expect(code(received.try('Reject', { payload: { reason: 'NR_OTHER' } }))).toBe('GUARD_FAILED:CS11');
    expect(code(received.try('Reject', { actor: actors.clerk }))).toBe('FORBIDDEN_ROLE');
    const incomplete = makeCase({ state: 'INCOMPLETE' });
    expect(code(incomplete.try('Reject', { payload: { reason: 'NR_INCOMPLETE' } }))).toBe('GUARD_FAILED:CS11');
    const due = incomplete.case?.deadlines.supplement?.dueAt as NonNullable<typeof incomplete.now>;
    const c = incomplete.must('Reject', { payload: { reason: 'NR_INCOMPLETE' }, at: addMinutes(due, 1) });
    expect(c).toMatchObject({ state: 'CLOSED', outcome: 'NOT_ACCEPTED', rejection: { reason: 'NR_INCOMPLETE' } });
    received.must('Reject', { payload: { reason: 'NR_OTHER', text: '投诉事项与展会无关' } });
    expect(received.case?.outcome).toBe('NOT_ACCEPTED');
    // A reason the fair does not use.
    const narrow = makeCase({ state: 'RECEIVED', fair: makeFair({ settings: { refusalReasons: ['NR_OTHER'] } }) });
    expect(code(narrow.try('Reject'))).toBe('GUARD_FAILED:CS11');
  });

  test('[CS12] Accept needs verified or waived items, accepted types and places, valid rights, an exhibitor', () => {
    const unverified = makeCase({ state: 'RECEIVED' });
    expect(unverified.try('Accept', { payload: { checklist: [] } })).toMatchObject({ ok: false, error: { code: 'GUARD_FAILED:CS12', params: { check: 'checklist' } } });
    // An `orig` item cannot be verified without the original.
    expect(() => unverified.command('Accept', { checklist: [{ code: 'PAT-01', required: true, status: 'verified', originalSighted: false }] })).toThrow();

    const lapsed = new Desk();
    lapsed.must('Submit', {
      payload: { rights: [{ type: 'invention', number: 'ZL201710601862.3', title: '折叠装置', holder: '某公司', jurisdiction: 'CN', status: 'lapsed', statusSource: 'online_check' }] },
    });
    expect(lapsed.try('Accept')).toMatchObject({ ok: false, error: { params: { check: 'rightStatus' } } });

    const notExhibitor = new Desk();
    notExhibitor.must('Submit', { payload: { respondent: { name: '路人甲', booth: { hall: '11.2', stand: 'C05' } } } });
    expect(notExhibitor.try('Accept')).toMatchObject({ ok: false, error: { params: { check: 'notExhibitor' } } });

    const trademarksOnly = makeCase({ state: 'RECEIVED', fair: makeFair({ settings: { acceptedIpTypes: ['trademark'] } }) });
    expect(trademarksOnly.try('Accept')).toMatchObject({ ok: false, error: { params: { check: 'ipType', type: 'invention' } } });

    // `requireBadge`: a complainant without a badge number cannot be accepted.
    const badge = makeCase({ state: 'RECEIVED', fair: makeFair({ settings: { requireBadge: true } }) });
    expect(badge.try('Accept')).toMatchObject({ ok: false, error: { code: 'GUARD_FAILED:CS12', params: { check: 'badge' } } });

    const ok = makeCase({ state: 'RECEIVED' });
    const c = ok.must('Accept');
    expect(c).toMatchObject({ state: 'ACCEPTED', acceptedAt: expect.any(String) });
    expect(c.deadlines.handover).toBeUndefined();
    expect(c.checklist.filter((i) => i.required).every((i) => i.status === 'verified')).toBe(true);

    // A waived item counts; `authority` mode starts the handover window.
    const fair = makeFair({ settings: { handlingMode: 'authority' } });
    const waived = makeCase({ state: 'RECEIVED', fair });
    waived.must('Accept', {
      payload: {
        checklist: [
          ...(waived.case?.checklist ?? []).filter((i) => i.required && i.code !== 'GEN-05').map((i) => ({ code: i.code, required: true, status: 'verified', originalSighted: true })),
          { code: 'GEN-05', required: true, status: 'waived', waiverReason: '现场比对' },
        ],
      },
    });
    expect(waived.case?.deadlines.handover).toMatchObject({ capped: false, window: { hours: 24, clock: 'elapsed' } });
  });
});

describe('notice, defence, admission (CS13–CS16)', () => {
  test('[CS13] NotifyRespondent: signed or refused before a witness; defenceDueAt from servedAt', () => {
    const desk = makeCase({ state: 'ACCEPTED' });
    const servedAt = local('2025-04-15 10:15');
    const refused = { servedAt, service: { kind: 'refused' } };
    expect(() => desk.command('NotifyRespondent', refused)).toThrow();
    expect(code(desk.try('NotifyRespondent', { payload: { servedAt: addMinutes(desk.now, 5) } }))).toBe('GUARD_FAILED:CS13');
    const c = desk.must('NotifyRespondent', { payload: { servedAt, service: { kind: 'refused', witness: '展馆保安 李某' } } });
    expect(c).toMatchObject({ state: 'NOTIFIED', notification: { servedAt, refusedWitness: '展馆保安 李某' } });
    expect(c.deadlines.defence).toMatchObject({ startedAt: servedAt, dueAt: local('2025-04-16 10:15'), capped: false });
    expect(code(makeCase({ state: 'RECEIVED' }).try('NotifyRespondent'))).toBe('ILLEGAL_TRANSITION');
  });

  test('[CS14] RecordDefence in time, or late with an expert’s good cause', () => {
    const ontime = makeCase({ state: 'NOTIFIED' });
    expect(ontime.must('RecordDefence')).toMatchObject({ state: 'DEFENCE_RECEIVED', defence: { inTime: true } });
    const late = makeCase({ state: 'NOTIFIED' });
    const due = late.case?.deadlines.defence?.dueAt as NonNullable<typeof late.now>;
    expect(code(late.try('RecordDefence', { at: addMinutes(due, 1) }))).toBe('GUARD_FAILED:CS14');
    expect(code(late.try('RecordDefence', { at: due }))).toBe('OK');
    const excused = makeCase({ state: 'DEFENCE_OVERDUE' });
    expect(code(excused.try('RecordDefence'))).toBe('GUARD_FAILED:CS14');
    const c = excused.must('RecordDefence', { payload: { goodCause: { reason: '展馆停电', expertId: actors.expert.userId } } });
    expect(c).toMatchObject({ state: 'DEFENCE_RECEIVED', defence: { inTime: false, goodCause: '展馆停电' } });
  });

  test('[CS15] RecordAdmission from NOTIFIED or DEFENCE_RECEIVED', () => {
    expect(makeCase({ state: 'NOTIFIED' }).must('RecordAdmission').state).toBe('ADMITTED');
    expect(makeCase({ state: 'DEFENCE_RECEIVED' }).must('RecordAdmission').state).toBe('ADMITTED');
    expect(code(makeCase({ state: 'ACCEPTED' }).try('RecordAdmission'))).toBe('ILLEGAL_TRANSITION');
    expect(code(makeCase({ state: 'NOTIFIED' }).try('RecordAdmission', { actor: actors.complainant }))).toBe('FORBIDDEN_ROLE');
  });

  test('[CS16] MarkDefenceOverdue only by the system, only after defenceDueAt', () => {
    const desk = makeCase({ state: 'NOTIFIED' });
    const due = desk.case?.deadlines.defence?.dueAt as NonNullable<typeof desk.now>;
    expect(code(desk.try('MarkDefenceOverdue', { at: due }))).toBe('GUARD_FAILED:CS16');
    expect(code(desk.try('MarkDefenceOverdue', { actor: actors.clerk }))).toBe('FORBIDDEN_ROLE');
    expect(desk.must('MarkDefenceOverdue', { at: addMinutes(due, 1) }).state).toBe('DEFENCE_OVERDUE');
  });

  test('[DL6] a capped defence window gives no overdue mark; the case waits at close', () => {
    const desk = makeCase({ state: 'ACCEPTED', start: local('2025-04-19 10:00') });
    desk.must('NotifyRespondent');
    expect(desk.case?.deadlines.defence?.capped).toBe(true);
    expect(code(desk.try('MarkDefenceOverdue', { at: fairCloseAt(desk.fair) }))).toBe('GUARD_FAILED:DL6');
    expect(desk.must('CloseFair').state).toBe('PENDING_AT_CLOSE');
  });
});

describe('opinion, measures, transfer (CS17–CS21)', () => {
  test('[CS17] IssueOpinion from ACCEPTED on; enough experts sign; reviewDueAt', () => {
    const desk = makeCase({ state: 'ACCEPTED' });
    const c = desk.must('IssueOpinion');
    expect(c).toMatchObject({ state: 'DETERMINED', opinion: { conclusion: 'NOT_ESTABLISHED', experts: [actors.expert.userId] } });
    expect(c.deadlines.reviewRequest).toMatchObject({ window: { hours: 24, clock: 'elapsed' } });
    expect(code(makeCase({ state: 'RECEIVED' }).try('IssueOpinion'))).toBe('ILLEGAL_TRANSITION');
    const two = makeCase({ state: 'ADMITTED', fair: makeFair({ settings: { opinionMinExperts: 2 } }) });
    expect(two.try('IssueOpinion')).toMatchObject({ ok: false, error: { code: 'GUARD_FAILED:CS17', params: { min: 2 } } });
    expect(code(two.try('IssueOpinion', { payload: { experts: [actors.expert.userId, actors.expert.userId] } }))).toBe('GUARD_FAILED:CS17');
    two.must('IssueOpinion', { payload: { experts: [actors.expert.userId, actors.expert2.userId] } });
    const noReview = makeCase({ state: 'ADMITTED', fair: makeFair({ settings: { reviewAllowed: false } }) });
    expect(noReview.must('IssueOpinion').deadlines.reviewRequest).toBeUndefined();
  });

  test('[CS18] OrderMeasures on an established opinion, codes enabled for the fair; measureDueAt', () => {
    expect(code(makeCase({ state: 'ACCEPTED' }).must('IssueOpinion') && makeCase({ state: 'ACCEPTED' }).try('OrderMeasures'))).toBe('ILLEGAL_TRANSITION');
    const notEstablished = makeCase({ state: 'ACCEPTED' });
    notEstablished.must('IssueOpinion');
    expect(code(notEstablished.try('OrderMeasures'))).toBe('GUARD_FAILED:CS18');
    const desk = makeCase({ state: 'DETERMINED' });
    expect(code(desk.try('OrderMeasures', { payload: { measures: [{ code: 'TAKEDOWN_ONLINE' }] } }))).toBe('GUARD_FAILED:CS18');
    expect(code(desk.try('OrderMeasures', { payload: { measures: [{ code: 'COVER', itemIndex: 5 }] } }))).toBe('GUARD_FAILED:CS18');
    const at = local('2025-04-15 16:00');
    const c = desk.must('OrderMeasures', { at, payload: { measures: [{ code: 'COVER', itemIndex: 0 }, { code: 'REMOVE_LITERATURE' }] } });
    expect(c.state).toBe('MEASURES_ORDERED');
    expect(c.measures.map((m) => m.dueAt)).toEqual([local('2025-04-16 10:00'), local('2025-04-16 10:00')]);
  });

  test('[CS19] VerifyMeasure at the booth with a photo; all done → MEASURES_VERIFIED; refused flags MEASURE_REFUSED', () => {
    const desk = makeCase({ state: 'DETERMINED' });
    desk.must('OrderMeasures', { payload: { measures: [{ code: 'COVER' }, { code: 'WITHDRAW_EXHIBIT' }] } });
    expect(() => desk.command('VerifyMeasure', { photos: [] })).toThrow();
    expect(() => desk.command('VerifyMeasure', { atBooth: false })).toThrow();
    expect(code(desk.try('VerifyMeasure', { actor: actors.clerk }))).toBe('FORBIDDEN_ROLE');
    expect(code(desk.try('VerifyMeasure', { payload: { measureIndex: 7 } }))).toBe('GUARD_FAILED:CS19');
    expect(desk.must('VerifyMeasure', { payload: { measureIndex: 1, result: 'refused' } })).toMatchObject({ state: 'MEASURES_ORDERED', flags: ['MEASURE_REFUSED'] });
    expect(desk.must('VerifyMeasure', { payload: { measureIndex: 0 } }).state).toBe('MEASURES_ORDERED');
    expect(desk.must('VerifyMeasure', { payload: { measureIndex: 1 }, actor: actors.expert }).state).toBe('MEASURES_VERIFIED');
    expect(code(desk.try('VerifyMeasure'))).toBe('ILLEGAL_TRANSITION');
  });

  test('[CS20] Transfer an accepted case to a listed authority; provisional outcome; handoverDueAt uncapped', () => {
    expect(code(makeCase({ state: 'RECEIVED' }).try('Transfer'))).toBe('ILLEGAL_TRANSITION');
    const desk = makeCase({ state: 'MEASURES_ORDERED' });
    expect(code(desk.try('Transfer', { payload: { authorityName: '不存在的机关' } }))).toBe('GUARD_FAILED:CS20');
    expect(code(desk.try('Transfer', { payload: { kind: 'enforcement' } }))).toBe('GUARD_FAILED:CS20');
    const at = local('2025-04-19 15:00');
    const c = desk.must('Transfer', { at, payload: { authorityName: AUTHORITY_ENFORCEMENT, kind: 'enforcement' } });
    expect(c).toMatchObject({ state: 'TRANSFERRED', outcome: 'TRANSFERRED_ENFORCEMENT', transfer: { kind: 'enforcement' } });
    expect(c.deadlines.handover).toMatchObject({ dueAt: local('2025-04-20 15:00'), capped: false });
    expect(code(desk.try('Transfer'))).toBe('ILLEGAL_TRANSITION');
    const pending = makeCase({ state: 'PENDING_AT_CLOSE' });
    expect(pending.must('Transfer').state).toBe('TRANSFERRED');
    const neverAccepted = new Desk();
    neverAccepted.must('Submit');
    neverAccepted.must('CloseFair');
    expect(code(neverAccepted.try('Transfer'))).toBe('GUARD_FAILED:CS20');
  });

  test('[CS21] RecordHandover once, for a transfer or, in authority mode, an accepted case before notice', () => {
    const desk = makeCase({ state: 'TRANSFERRED' });
    const c = desk.must('RecordHandover');
    expect(c).toMatchObject({ state: 'TRANSFERRED', handover: { receivingOfficer: '王警官', inTime: true } });
    expect(code(desk.try('RecordHandover'))).toBe('GUARD_FAILED:CS21');
    expect(code(makeCase({ state: 'ACCEPTED' }).try('RecordHandover'))).toBe('GUARD_FAILED:CS21');
    const authority = makeFair({ settings: { handlingMode: 'authority' } });
    const accepted = makeCase({ state: 'ACCEPTED', fair: authority });
    expect(accepted.must('RecordHandover').state).toBe('ACCEPTED');
    const notified = makeCase({ state: 'NOTIFIED', fair: authority });
    expect(code(notified.try('RecordHandover'))).toBe('ILLEGAL_TRANSITION');
    const late = makeCase({ state: 'TRANSFERRED' });
    const due = late.case?.deadlines.handover?.dueAt as NonNullable<typeof late.now>;
    expect(late.must('RecordHandover', { payload: { handedOverAt: addMinutes(due, 5) } }).handover?.inTime).toBe(false);
  });
});
