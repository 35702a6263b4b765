import { describe, expect, test } from 'vitest';
import type { Case } from '../../../src/domain/case/case';
import { deskQueue, overdueCount, runningDeadline } from '../../../src/domain/case/queue';
import { addMinutes } from '../../../src/domain/time';
import { caseId, Desk, local, makeCase, makeFair } from '../../support/builders';

describe('the desk queue (DL8)', () => {
  test('[DL5] each state waits on its own deadline; recorded events stop it', () => {
    expect(runningDeadline(makeCase({ state: 'RECEIVED' }).case as Case)?.kind).toBe('acceptance');
    expect(runningDeadline(makeCase({ state: 'INCOMPLETE' }).case as Case)?.kind).toBe('supplement');
    expect(runningDeadline(makeCase({ state: 'NOTIFIED' }).case as Case)?.kind).toBe('defence');
    expect(runningDeadline(makeCase({ state: 'MEASURES_ORDERED' }).case as Case)?.kind).toBe('measure');
    expect(runningDeadline(makeCase({ state: 'UNDER_REVIEW' }).case as Case)?.kind).toBe('reviewDecision');
    const transferred = makeCase({ state: 'TRANSFERRED' });
    expect(runningDeadline(transferred.case as Case)?.kind).toBe('handover');
    expect(runningDeadline(transferred.must('RecordHandover'))).toBeUndefined();
    expect(runningDeadline(makeCase({ state: 'ACCEPTED' }).case as Case)).toBeUndefined();
    expect(runningDeadline(makeCase({ state: 'ACCEPTED', fair: makeFair({ settings: { handlingMode: 'authority' } }) }).case as Case)?.kind).toBe('handover');
  });

  test('[DL8] overdue cases top the queue, then the nearest deadline; closed cases leave it; the overdue count', () => {
    const fair = makeFair();
    const notified = new Desk(fair, local('2025-04-15 10:00'), undefined, caseId(1), 0);
    for (const t of ['Submit', 'Accept', 'NotifyRespondent'] as const) notified.must(t);
    const fresh = new Desk(fair, local('2025-04-16 10:00'), undefined, caseId(2), 100);
    fresh.must('Submit');
    const closed = new Desk(fair, local('2025-04-15 10:00'), undefined, caseId(3), 200);
    closed.must('Submit');
    closed.must('Withdraw');
    const cases = [fresh.case, closed.case, notified.case] as Case[];
    // 2025-04-16 10:50: the defence is due 10:20, overdue; the acceptance target is due 11:00.
    const now = local('2025-04-16 10:50');
    const queue = deskQueue(cases, now);
    expect(queue.map((q) => q.case.id)).toEqual([notified.id, fresh.id]);
    expect(queue.map((q) => [q.overdue, q.urgency])).toEqual([
      [true, 'red'],
      [false, 'amber'],
    ]);
    expect(overdueCount(cases, now)).toBe(1);
    expect(overdueCount(cases, addMinutes(now, -60))).toBe(0);
    expect(deskQueue(cases, local('2025-04-15 10:40')).map((q) => q.urgency)).toEqual(['normal', 'normal']);
  });
});
