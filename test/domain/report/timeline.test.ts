import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CommandType } from '../../../src/domain/case/commands';
import { fold } from '../../../src/domain/case/fold';
import { caseTimeline, plainTimeline } from '../../../src/domain/report/timeline';
import { deviceId, local, makeCase, makeFair } from '../../support/builders';
import { runCase } from './session-builder';

/** R14's milestones: replayed in CS5 order, or read off a case whose history is plain. */
describe('case timeline (R14)', () => {
  test('[CS5] a conflicting event moves no milestone', () => {
    const desk = makeCase({ state: 'RECEIVED' });
    const other = desk.branch(deviceId(2), 500);
    desk.must('Accept', { at: local('2025-04-15 10:20') });
    desk.must('Withdraw', { at: local('2025-04-15 10:40') });
    other.must('Reject', { at: local('2025-04-15 11:00') });
    const events = [...desk.events, ...other.events.slice(1)];
    const c = fold(events);
    expect(c?.conflicts.length).toBe(1);
    expect(c?.outcome).toBe('WITHDRAWN');
    expect(caseTimeline(events).closedAt).toBe(local('2025-04-15 10:40'));
    expect(c === undefined ? 'none' : plainTimeline(c, events)).toBeUndefined();
  });

  test('[CS30] a re-order after a redisplay reopens: verified is the first entry, closed the last', () => {
    const fair = makeFair();
    const { case: c, events } = runCase(fair, {
      n: 1,
      complaint: 1,
      respondent: { key: 'CN:914401010000000001', hall: '1', stand: 'A1' },
      start: '2025-04-15 10:00',
      steps: [
        'Accept', 'NotifyRespondent', 'RecordAdmission',
        ['IssueOpinion', { at: '2025-04-15 11:00' }],
        ['OrderMeasures', { at: '2025-04-15 11:10' }],
        ['VerifyMeasure', { at: '2025-04-15 11:30' }],
        ['ReorderAfterRedisplay', { at: '2025-04-16 10:00' }],
        ['VerifyMeasure', { at: '2025-04-16 10:30', payload: { measureIndex: 1 } }],
        'CloseFair',
      ],
    });
    expect(c.flags).toContain('REDISPLAY');
    expect(caseTimeline(events)).toEqual({
      firstOpinionAt: local('2025-04-15 11:00'),
      measuresOrderedAt: local('2025-04-15 11:10'),
      measuresVerifiedAt: local('2025-04-15 11:30'),
      closedAt: local('2025-04-19 17:00'),
    });
    expect(plainTimeline(c, events)).toBeUndefined();
  });

  const PATHS: readonly (readonly CommandType[])[] = [
    ['Reject'],
    ['Accept', 'Withdraw'],
    ['Accept', 'IssueOpinion', 'CloseFair'],
    ['Accept', 'IssueOpinion', 'RequestReview', 'DecideReview', 'CloseFair'],
    ['Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion', 'OrderMeasures', 'VerifyMeasure', 'CloseFair'],
    ['Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion', 'OrderMeasures', 'VerifyMeasure', 'RequestReview', 'DecideReview', 'CloseFair'],
    ['Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion', 'OrderMeasures', 'Transfer', 'CloseFair', 'RecordPostShowResult'],
    ['Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion', 'OrderMeasures', 'VerifyMeasure', 'ReorderAfterRedisplay', 'VerifyMeasure', 'CloseFair'],
    ['Accept', 'CloseFair', 'RecordPostShowResult'],
  ];

  test('property: when the history is plain, reading the case equals replaying its events', () => {
    const fair = makeFair();
    fc.assert(
      fc.property(fc.nat(PATHS.length - 1), fc.nat(300), fc.boolean(), (path, minute, overturn) => {
        const steps = (PATHS[path] ?? []).map((t) =>
          t === 'DecideReview' && overturn ? (['DecideReview', { payload: { decision: 'overturned', reasons: '改判' } }] as const) : t,
        );
        const { case: c, events } = runCase(fair, {
          n: 1,
          complaint: 1,
          respondent: { key: 'CN:914401010000000001', hall: '1', stand: 'A1' },
          start: `2025-04-16 ${String(9 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
          steps,
        });
        const plain = plainTimeline(c, events);
        if (plain !== undefined) expect(plain).toEqual(caseTimeline(events));
      }),
      { numRuns: 300 },
    );
  });
});
