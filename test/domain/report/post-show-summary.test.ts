import { describe, expect, test } from 'vitest';
import { postShowSummary, sessionFigures } from '../../../src/domain/report/post-show-summary';
import type { Figures } from '../../../src/domain/report/figures';
import { PostShowSummary } from '../../../src/domain/report/summary-schema';
import { caseId } from '../../support/builders';
import { CURRENT, FAIR, KEYS, PREV_FAIR, PREVIOUS } from './hand-session';

/**
 * Every figure of R1–R19 on the hand-made session of hand-session.ts (its table lists the
 * cases). Each expectation below is worked out by hand from that table, not from the code.
 */
const summary = postShowSummary({ ...CURRENT, previousSession: PREVIOUS });
const f = summary.figures;

/** The figures of one rule (or any prefix), so that an unexpected extra value fails too. */
const only = (prefix: string): Record<string, number | null> =>
  Object.fromEntries(Object.entries(f as Record<string, number | null>).filter(([k]) => k.startsWith(prefix)));
/** The non-zero counts of a prefix (zero rows of code lists left out). */
const nonZero = (prefix: string): Record<string, number | null> =>
  Object.fromEntries(Object.entries(only(prefix)).filter(([, v]) => v !== 0));

describe('post-show summary on a hand-made session', () => {
  test('[R1] exhibitors by key, booths counted once each: 6 exhibitors, 7 booths', () => {
    expect(only('R1.')).toEqual({ 'R1.exhibitors': 6, 'R1.booths': 7 });
  });

  test('[R2] commitment rate: E1, E2 (v2 supersedes v1, still one) and E4 signed; E3 only a draft (CM3) → 3/6 = 50.00 %', () => {
    expect(only('R2.')).toEqual({ 'R2.committed': 3, 'R2.rate': 5000 });
  });

  test('[R3] complaints received: 12 distinct complaintIds over 13 cases (Q1 names two respondents, CN4)', () => {
    expect(f['R3.received']).toBe(12);
  });

  test('[R4] complaints accepted: Q1–Q5, Q8–Q11 reached ACCEPTED → 9 (a withdrawn or open one still counts)', () => {
    expect(f['R4.accepted']).toBe(9);
  });

  test('[R5] acceptance rate 9/12 = 75.00 %', () => {
    expect(f['R5.rate']).toBe(7500);
  });

  test('[R6] not accepted by reason: NR_NO_STANDING 1, NR_OUT_OF_SCOPE 1, others 0', () => {
    expect(nonZero('R6.')).toEqual({ 'R6.total': 2, 'R6.NR_NO_STANDING': 1, 'R6.NR_OUT_OF_SCOPE': 1 });
    expect(only('R6.')).toHaveProperty('R6.NR_INCOMPLETE', 0);
  });

  test('[R7] foreign-related accepted complaints: Q2 and Q5 (US complainant) → 2, 2/9 = 22.22 %', () => {
    expect(only('R7.')).toEqual({ 'R7.foreign': 2, 'R7.rate': 2222 });
  });

  test('[R8] enterprises complained against: accepted cases name E1–E5 → 5 (E6 only on a case never accepted)', () => {
    expect(f['R8.enterprises']).toBe(5);
  });

  test('[R9] enterprises with an ESTABLISHED_ALLEGED case: E1 (c1, c4) and E3 (c3, after the transfer) → 2', () => {
    expect(f['R9.enterprises']).toBe(2);
  });

  test('[R10] enterprise rate 2/5 = 40.00 %', () => {
    expect(f['R10.rate']).toBe(4000);
  });

  test('[R11] by IP type: a two-type case (c3: trademark + design) counts in both; patent shares', () => {
    expect(nonZero('R11.')).toEqual({
      'R11.invention.accepted': 7,
      'R11.utility_model.accepted': 1,
      'R11.design.accepted': 1,
      'R11.trademark.accepted': 1,
      'R11.copyright.accepted': 1,
      'R11.invention.established': 1,
      'R11.utility_model.established': 1,
      'R11.design.established': 1,
      'R11.trademark.established': 1,
      // 1/7 = 14.2857 % → 14.29
      'R11.invention.rate': 1429,
      'R11.utility_model.rate': 10000,
      'R11.design.rate': 10000,
      'R11.trademark.rate': 10000,
      'R11.gi.rate': null,
      'R11.ic_layout.rate': null,
      // 9 of the 10 accepted cases name a patent (c3 by its design); 7/9 = 77.78 %, 1/9 = 11.11 %
      'R11.patent.accepted': 9,
      'R11.patent.share': 9000,
      'R11.invention.share': 7778,
      'R11.utility_model.share': 1111,
      'R11.design.share': 1111,
    });
    expect(f['R11.copyright.rate']).toBe(0);
  });

  test('[R12] accepted cases by outcome plus open add up to 10; by hall; measures ordered/done/refused', () => {
    expect(nonZero('R12.outcome.')).toEqual({
      'R12.outcome.ESTABLISHED_ALLEGED': 3,
      'R12.outcome.NOT_ESTABLISHED': 2,
      'R12.outcome.MEDIATED': 1,
      'R12.outcome.WITHDRAWN': 1,
      'R12.outcome.VOLUNTARY_REMOVAL': 1,
      // c10: transferred, provisional outcome (CS6)
      'R12.outcome.TRANSFERRED_ADMIN': 1,
    });
    expect(f['R12.accepted']).toBe(10);
    expect(f['R12.open']).toBe(1);
    expect(only('R12.hall')).toEqual({
      'R12.hall(11.2).accepted': 4,
      'R12.hall(11.2).established': 2,
      'R12.hall(3.1).accepted': 2,
      'R12.hall(3.1).established': 0,
      'R12.hall(9.1).accepted': 4,
      'R12.hall(9.1).established': 1,
    });
    expect(nonZero('R12.measure')).toEqual({
      'R12.measures.ordered': 3,
      'R12.measures.done': 2,
      'R12.measures.refused': 1,
      'R12.measure.COVER.ordered': 1,
      'R12.measure.COVER.done': 1,
      'R12.measure.WITHDRAW_EXHIBIT.ordered': 1,
      'R12.measure.WITHDRAW_EXHIBIT.done': 1,
      'R12.measure.DETAIN.ordered': 1,
      'R12.measure.DETAIN.refused': 1,
    });
  });

  test('[R13] transfers per kind, handed over within 24 h 1/2 = 50.00 %; reviews requested 2, upheld 1, overturned 1', () => {
    expect(only('R13.')).toEqual({
      'R13.transfers': 2,
      'R13.transfer.admin': 1,
      'R13.transfer.enforcement': 1,
      'R13.handedOverIn24h': 1,
      'R13.handoverRate': 5000,
      'R13.reviews.requested': 2,
      'R13.reviews.upheld': 1,
      'R13.reviews.overturned': 1,
    });
  });

  test('[R14] medians (even n: lower middle) and closed by fairCloseAt 7/10', () => {
    // received→accepted: 5 10 15 20 25 | 30 35 45 50 60 → 25; opinions: 40 55 60 120 1500 → 60;
    // ordered→verified: c1 only, 11:10 → 12:10 = 60. Closed by close: c1 c2 c4 c5 c6 c9 c11.
    expect(only('R14.')).toEqual({
      'R14.receivedToAccepted': 25,
      'R14.acceptedToOpinion': 60,
      'R14.orderedToVerified': 60,
      'R14.closedByClose': 7,
      'R14.closedByCloseRate': 7000,
    });
  });

  test('[R15] repeat infringers under RP2: E1 and E3 established in CF136 and CF137 → BAN_NEXT_SESSION each', () => {
    expect(nonZero('R15.')).toEqual({ 'R15.exhibitors': 2, 'R15.repeat': 2, 'R15.sanction.BAN_NEXT_SESSION': 2 });
    expect(summary.repeatInfringers.map((r) => [r.exhibitorKey, r.established, r.previousEstablished, r.sanctions])).toEqual([
      [KEYS[0], 2, 1, [{ code: 'BAN_NEXT_SESSION' }]],
      [KEYS[2], 1, 1, [{ code: 'BAN_NEXT_SESSION' }]],
    ]);
    expect(summary.repeatInfringers[0]?.basisCaseIds).toEqual([caseId(1), caseId(4), caseId(51)]);
    expect(summary.repeatInfringers[1]?.aggravations).toEqual(['MEASURE_REFUSED']);
  });

  test('[R16] consultations by asker kind and IP type', () => {
    expect(nonZero('R16.')).toEqual({
      'R16.total': 4,
      'R16.asker.exhibitor': 2,
      'R16.asker.right_holder': 1,
      'R16.asker.visitor': 1,
      'R16.type.invention': 1,
      'R16.type.trademark': 1,
      'R16.type.design': 1,
      'R16.type.unspecified': 1,
    });
  });

  test('[R17] opinions: 5 IssueOpinion + 2 DecideReview + 2 consultations with opinionGiven = 9', () => {
    expect(only('R17.')).toEqual({ 'R17.total': 9, 'R17.caseOpinions': 5, 'R17.reviewDecisions': 2, 'R17.consultations': 2 });
  });

  test('[R18] training 2 sessions, 200 participants; publicity 1 activity, 500 materials (training handouts not counted)', () => {
    expect(only('R18.')).toEqual({
      'R18.trainingSessions': 2,
      'R18.trainingParticipants': 200,
      'R18.publicityActivities': 1,
      'R18.publicityMaterials': 500,
    });
  });

  test('[R19] 2 experts, 3 expert-days (a duplicate row once), 2 authorities stationed', () => {
    expect(only('R19.')).toEqual({ 'R19.experts': 2, 'R19.expertDays': 3, 'R19.authorities': 2 });
  });
});

describe('change against the previous session (PS3)', () => {
  test('computed from CF136: R4 3 → 9 is +6, +200.00 %; rates in percentage points; prev 0 gives "—"', () => {
    expect(summary.previousFairId).toBe(PREV_FAIR.id);
    expect(summary.changes['R4.accepted']).toEqual({ prev: 3, delta: 6, deltaPctBp: 20000 });
    // CF136: 2 of 3 enterprises established = 66.67 %; now 40.00 % → −26.67 points, no Δ%.
    expect(summary.changes['R10.rate']).toEqual({ prev: 6667, delta: -2667, deltaPctBp: null });
    expect(summary.changes['R1.exhibitors']).toEqual({ prev: 0, delta: 6, deltaPctBp: null });
    // A rate that was "—" then has no change.
    expect(summary.changes['R13.handoverRate']).toEqual({ prev: null, delta: null, deltaPctBp: null });
    // Halls: 11.2 had 1 accepted case (E1), now 4.
    expect(summary.changes['R12.hall(11.2).accepted']).toEqual({ prev: 1, delta: 3, deltaPctBp: 30000 });
  });

  test('typed by the organizer: a typed value wins over the computed one and is listed', () => {
    const s = postShowSummary({ ...CURRENT, previousSession: PREVIOUS, previous: { 'R3.received': 8, 'R19.experts': 4 } });
    expect(s.changes['R3.received']).toEqual({ prev: 8, delta: 4, deltaPctBp: 5000 });
    expect(s.changes['R19.experts']).toEqual({ prev: 4, delta: -2, deltaPctBp: -5000 });
    expect(s.typedPrevious).toEqual(['R3.received', 'R19.experts']);
  });

  test('only typed values: only those figures compare', () => {
    const s = postShowSummary({ ...CURRENT, previous: { 'R4.accepted': 5 } });
    expect(Object.keys(s.changes)).toEqual(['R4.accepted']);
  });

  test('a hall that had cases only last session compares against 0 now', () => {
    const s = postShowSummary({ ...CURRENT, previous: { 'R12.hall(20.1).accepted': 4 } });
    expect(s.changes['R12.hall(20.1).accepted']).toEqual({ prev: 4, delta: -4, deltaPctBp: -10000 });
  });

  test('a previous session that is not the one named by previousFairId is refused', () => {
    expect(() => postShowSummary({ ...CURRENT, previousSession: { ...PREVIOUS, fair: FAIR } })).toThrow(/PREVIOUS_SESSION_MISMATCH/);
  });

  test('the summary parses with its own schema (what the server sends and the exports read)', () => {
    const parsed = PostShowSummary.parse(JSON.parse(JSON.stringify(summary)));
    expect(parsed.figures).toEqual(summary.figures);
    expect(parsed.changes).toEqual(summary.changes);
  });

  test('records of another fair are left out of the session', () => {
    const mixed = sessionFigures({ ...CURRENT, cases: [...CURRENT.cases, ...PREVIOUS.cases] });
    expect(mixed.figures).toEqual(sessionFigures(CURRENT).figures as Figures);
  });
});
