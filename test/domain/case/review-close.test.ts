import { describe, expect, test } from 'vitest';
import { CaseCommand } from '../../../src/domain/case/commands';
import { startDeadline } from '../../../src/domain/case/deadlines';
import { addMinutes } from '../../../src/domain/time';
import { actors, code, evidenceId, local, makeCase, makeFair } from '../../support/builders';

const waiver = { reviewWaiver: { complainantSignatureEvidenceId: evidenceId(1), respondentSignatureEvidenceId: evidenceId(2) } };

describe('review, settlement, close (CS22–CS30)', () => {
  test('[CS22] RequestReview within the window, once per party; measures stay', () => {
    const desk = makeCase({ state: 'MEASURES_ORDERED' });
    const c = desk.must('RequestReview');
    expect(c).toMatchObject({ state: 'UNDER_REVIEW', review: { requestedBy: ['respondent'], pending: { priorState: 'MEASURES_ORDERED' } } });
    expect(c.measures).toHaveLength(1);
    desk.must('DecideReview');
    expect(desk.try('RequestReview')).toMatchObject({ ok: false, error: { code: 'GUARD_FAILED:CS22', params: { check: 'once' } } });
    expect(code(desk.try('RequestReview', { actor: actors.complainant }))).toBe('GUARD_FAILED:CS22');
    expect(desk.must('RequestReview', { actor: actors.complainant, payload: { party: 'complainant' } }).state).toBe('UNDER_REVIEW');
    const late = makeCase({ state: 'DETERMINED' });
    const due = late.case?.deadlines.reviewRequest?.dueAt as NonNullable<typeof late.now>;
    expect(code(late.try('RequestReview', { at: addMinutes(due, 1) }))).toBe('GUARD_FAILED:CS22');
    const off = makeCase({ state: 'DETERMINED', fair: makeFair({ settings: { reviewAllowed: false } }) });
    expect(code(off.try('RequestReview'))).toBe('GUARD_FAILED:CS22');
  });

  test('[CS23] DecideReview by an expert not on the opinion; upheld returns, overturned lifts measures', () => {
    const desk = makeCase({ state: 'MEASURES_ORDERED' });
    desk.must('RequestReview');
    expect(code(desk.try('DecideReview', { actor: actors.expert }))).toBe('GUARD_FAILED:CS23');
    const due = desk.case?.deadlines.reviewDecision;
    expect(due).toMatchObject({ window: { hours: 4, clock: 'opening' } });
    const c = desk.must('DecideReview', { payload: { decision: 'overturned', reasons: '比对有误' } });
    expect(c).toMatchObject({ state: 'DETERMINED', measures: [], opinion: { conclusion: 'NOT_ESTABLISHED', basis: 'EXPERT_REVIEW' } });
    const upheld = makeCase({ state: 'UNDER_REVIEW' });
    expect(upheld.must('DecideReview').state).toBe('DETERMINED');
    expect(upheld.case?.review.decisions).toMatchObject([{ decision: 'upheld', by: actors.expert2.userId }]);
  });

  test('[CS24] RecordSettlement closes as MEDIATED when the fair allows mediation', () => {
    expect(makeCase({ state: 'NOTIFIED' }).must('RecordSettlement')).toMatchObject({ state: 'CLOSED', outcome: 'MEDIATED' });
    expect(makeCase({ state: 'MEASURES_VERIFIED' }).must('RecordSettlement').outcome).toBe('MEDIATED');
    expect(code(makeCase({ state: 'RECEIVED' }).try('RecordSettlement'))).toBe('ILLEGAL_TRANSITION');
    expect(code(makeCase({ state: 'UNDER_REVIEW' }).try('RecordSettlement'))).toBe('ILLEGAL_TRANSITION');
    const off = makeCase({ state: 'NOTIFIED', fair: makeFair({ settings: { mediationAllowed: false } }) });
    expect(code(off.try('RecordSettlement'))).toBe('GUARD_FAILED:CS24');
    const desk = makeCase({ state: 'NOTIFIED' });
    expect(() => desk.command('RecordSettlement', { respondentSignatureEvidenceId: undefined })).toThrow();
  });

  test('[CS25] Withdraw from RECEIVED to DEFENCE_OVERDUE', () => {
    for (const state of ['RECEIVED', 'INCOMPLETE', 'NOTIFIED', 'ADMITTED', 'DEFENCE_OVERDUE'] as const) {
      expect(makeCase({ state }).must('Withdraw')).toMatchObject({ state: 'CLOSED', outcome: 'WITHDRAWN' });
    }
    expect(code(makeCase({ state: 'DETERMINED' }).try('Withdraw'))).toBe('ILLEGAL_TRANSITION');
    expect(code(makeCase({ state: 'RECEIVED' }).try('Withdraw', { actor: actors.respondent }))).toBe('FORBIDDEN_ROLE');
  });

  test('[CS26] CloseFair at fair close: concluded cases close, TRANSFERRED stays, the rest pending', () => {
    const early = makeCase({ state: 'DETERMINED' });
    expect(code(early.try('CloseFair', { at: local('2025-04-19 16:59') }))).toBe('GUARD_FAILED:CS26');
    expect(early.must('CloseFair')).toMatchObject({ state: 'CLOSED', outcome: 'ESTABLISHED_ALLEGED', fairClosed: true });
    expect(makeCase({ state: 'MEASURES_VERIFIED' }).must('CloseFair')).toMatchObject({ state: 'CLOSED', outcome: 'ESTABLISHED_ALLEGED' });
    expect(makeCase({ state: 'TRANSFERRED' }).must('CloseFair')).toMatchObject({ state: 'TRANSFERRED', fairClosed: true });
    for (const state of ['RECEIVED', 'NOTIFIED', 'MEASURES_ORDERED', 'UNDER_REVIEW'] as const) {
      const c = makeCase({ state }).must('CloseFair');
      expect(c.state).toBe('PENDING_AT_CLOSE');
      expect(c.review.pending).toBeUndefined();
    }
    expect(code(makeCase({ state: 'CLOSED' }).try('CloseFair'))).toBe('ILLEGAL_TRANSITION');
  });

  test('[CS27] RecordPostShowResult closes pending cases; a transfer adds the authority’s result', () => {
    const pending = makeCase({ state: 'PENDING_AT_CLOSE' });
    expect(code(pending.try('RecordPostShowResult', { actor: actors.expert }))).toBe('FORBIDDEN_ROLE');
    expect(pending.must('RecordPostShowResult')).toMatchObject({ state: 'CLOSED', outcome: 'UNRESOLVED' });
    const transferred = makeCase({ state: 'TRANSFERRED' });
    expect(code(transferred.try('RecordPostShowResult', { payload: { authorityResult: '' } }))).toBe('GUARD_FAILED:CS27');
    expect(transferred.must('RecordPostShowResult')).toMatchObject({ state: 'CLOSED', outcome: 'ESTABLISHED_ALLEGED', postShow: { authorityResult: '已立案查处' } });
  });

  test('[CS28] Close after the review window, or when both parties waive it', () => {
    const desk = makeCase({ state: 'DETERMINED' });
    expect(code(desk.try('Close'))).toBe('GUARD_FAILED:CS28');
    const due = desk.case?.deadlines.reviewRequest?.dueAt as NonNullable<typeof desk.now>;
    expect(desk.must('Close', { at: addMinutes(due, 1) })).toMatchObject({ state: 'CLOSED', outcome: 'ESTABLISHED_ALLEGED' });
    expect(makeCase({ state: 'MEASURES_VERIFIED' }).must('Close', { payload: waiver }).state).toBe('CLOSED');
    expect(code(makeCase({ state: 'MEASURES_ORDERED' }).try('Close', { payload: waiver }))).toBe('ILLEGAL_TRANSITION');
  });

  test('[CS29] RecordVoluntaryRemoval closes a notified case when the setting is on, with a photo', () => {
    for (const state of ['NOTIFIED', 'DEFENCE_RECEIVED', 'DEFENCE_OVERDUE'] as const) {
      expect(makeCase({ state }).must('RecordVoluntaryRemoval')).toMatchObject({ state: 'CLOSED', outcome: 'VOLUNTARY_REMOVAL' });
    }
    expect(code(makeCase({ state: 'ADMITTED' }).try('RecordVoluntaryRemoval'))).toBe('ILLEGAL_TRANSITION');
    const off = makeCase({ state: 'NOTIFIED', fair: makeFair({ settings: { voluntaryRemovalCloses: false } }) });
    expect(code(off.try('RecordVoluntaryRemoval'))).toBe('GUARD_FAILED:CS29');
    expect(() => off.command('RecordVoluntaryRemoval', { photos: [] })).toThrow();
  });

  test('[CS30] ReorderAfterRedisplay reopens an established case with new measures and flags REDISPLAY', () => {
    const verified = makeCase({ state: 'MEASURES_VERIFIED' });
    const c = verified.must('ReorderAfterRedisplay');
    expect(c).toMatchObject({ state: 'MEASURES_ORDERED', flags: ['REDISPLAY'] });
    expect(c.measures).toHaveLength(2);
    const closed = makeCase({ state: 'MEASURES_VERIFIED' });
    closed.must('Close', { payload: waiver });
    expect(closed.must('ReorderAfterRedisplay')).toMatchObject({ state: 'MEASURES_ORDERED', outcome: undefined });
    expect(code(makeCase({ state: 'CLOSED' }).try('ReorderAfterRedisplay'))).toBe('GUARD_FAILED:CS30');
    expect(() => verified.command('ReorderAfterRedisplay', { inspection: { at: verified.now, booth: { hall: '11.2', stand: 'C05' }, finding: 'ok' } })).toThrow();
  });
});

describe('deadlines stored in events', () => {
  test('[DL7] dueAt is computed once in the starting event; evolve copies it, a later settings change does not move it', () => {
    const desk = makeCase({ state: 'NOTIFIED' });
    const notice = desk.events.at(-1);
    expect(notice?.type).toBe('NotifyRespondent');
    const stored = notice?.type === 'NotifyRespondent' ? notice.payload.defenceDue : undefined;
    expect(desk.case?.deadlines.defence).toEqual(stored);
    // Were it recomputed with a 4 h window, it would differ.
    const changed = makeFair({ settings: { windows: { defence: { hours: 4, clock: 'opening' } } } });
    expect(startDeadline(changed, 'defence', stored?.startedAt as NonNullable<typeof desk.now>).dueAt).not.toBe(stored?.dueAt);
    const reparsed = CaseCommand.safeParse(desk.command('AddNote'));
    expect(reparsed.success).toBe(true);
  });
});
