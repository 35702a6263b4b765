import { describe, expect, test } from 'vitest';
import { postShowSummary } from '../../../src/domain/report/post-show-summary';
import { E1, E2, FAIR, PREV_FAIR } from './hand-session';
import { exhibitor, runCase, session, signed, uscc } from './session-builder';

/** Edges of the §10 definitions that the hand-made session does not reach (SPEC.md). */
describe('post-show summary edges', () => {
  test('[R6] a NOT_ACCEPTED set after the show (CS27) carries no reason and counts as NR_OTHER', () => {
    const run = runCase(FAIR, {
      n: 1,
      complaint: 1,
      respondent: { key: 'CN:914401010000000001', hall: '1', stand: 'A1' },
      start: '2025-04-19 16:00',
      steps: ['CloseFair', ['RecordPostShowResult', { payload: { outcome: 'NOT_ACCEPTED' } }]],
    });
    const f = postShowSummary(session(FAIR, [run])).figures;
    expect([f['R3.received'], f['R4.accepted'], f['R6.total'], f['R6.NR_OTHER'], f['R5.rate']]).toEqual([1, 0, 1, 1, 0]);
  });

  test('[R1] the same exhibitor imported twice counts once, its booths once each', () => {
    const again = exhibitor(7, { uscc: E1.uscc, booths: [...E1.booths, { hall: '11.2', stand: 'C07' }] }, FAIR);
    const other = exhibitor(8, { uscc: uscc('91440101MA59ABC8X'), booths: [{ hall: '11.2', stand: 'C05' }] }, FAIR);
    const f = postShowSummary(session(FAIR, [], { exhibitors: [E1, again, other] })).figures;
    expect([f['R1.exhibitors'], f['R1.booths']]).toEqual([2, 2]);
  });

  test('[R2] a commitment signed for another session does not count for this one', () => {
    const elsewhere = { ...signed(9, E2, FAIR), fairId: PREV_FAIR.id };
    const f = postShowSummary(session(FAIR, [], { exhibitors: [E1, E2], commitments: [signed(10, E1, FAIR), elsewhere] })).figures;
    expect([f['R2.committed'], f['R2.rate']]).toEqual([1, 5000]);
  });

  test('[R12] an accepted case still open at close counts as open, with no outcome; [R14] not closed by close', () => {
    const run = runCase(FAIR, {
      n: 2,
      complaint: 2,
      respondent: { key: 'CN:914401010000000002', hall: '2', stand: 'B1' },
      start: '2025-04-18 10:00',
      steps: ['Accept', 'NotifyRespondent', 'CloseFair'],
    });
    expect(run.case.state).toBe('PENDING_AT_CLOSE');
    const f = postShowSummary(session(FAIR, [run])).figures;
    expect([f['R12.accepted'], f['R12.open'], f['R14.closedByClose'], f['R14.closedByCloseRate'], f['R14.acceptedToOpinion']]).toEqual([1, 1, 0, 0, null]);
  });

  test('[R19] authorities stationed default to the fair\'s list; given ones replace it', () => {
    expect(postShowSummary(session(FAIR, [])).figures['R19.authorities']).toBe(2);
    const one = [{ name: '海关驻场', kind: 'enforcement' as const, contact: undefined }];
    expect(postShowSummary(session(FAIR, [], { authorities: one })).figures['R19.authorities']).toBe(1);
  });

  test('[R10] an empty session: every rate is "—" and every count 0', () => {
    const f = postShowSummary(session(FAIR, [])).figures;
    expect([f['R3.received'], f['R5.rate'], f['R10.rate'], f['R14.receivedToAccepted']]).toEqual([0, null, null, null]);
  });
});
