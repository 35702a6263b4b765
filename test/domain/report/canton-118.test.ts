import { describe, expect, test } from 'vitest';
import type { CaseSpec } from './session-builder';
import { postShowSummary } from '../../../src/domain/report/post-show-summary';
import { PostShowSummary } from '../../../src/domain/report/summary-schema';
import { formatBp, formatSignedBp } from '../../../src/domain/report/rates';
import { makeFair } from '../../support/builders';
import { runCase, session } from './session-builder';

/**
 * A generated session shaped like Canton Fair's 118th (2015), the worked example of
 * PS4: 603 complaints accepted naming 860 enterprises (257 filings name two respondents, CN4),
 * 368 of them established as alleged infringement; 40 more complaints not accepted. Every case
 * goes through the real state machine. The 117th session's 531 is typed by the organizer.
 */
const fair = makeFair({ code: 'CF118', sessionNo: 118 });
const ACCEPTED = 603;
const ENTERPRISES = 860;
const ESTABLISHED = 368;
const REJECTED = 40;

const enterprise = (n: number) => ({ key: `CN:9144010100${String(n).padStart(6, '0')}XX`, hall: String(1 + (n % 20)), stand: `A${n}` });
/** Spread over makeFair's five desk days (2025-04-15…19) and desk hours 09:00–15:59 (UTC+8). */
const start = (n: number) => `2025-04-${15 + (n % 5)} ${String(9 + (n % 7)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;

function specs(): CaseSpec[] {
  const out: CaseSpec[] = [];
  let n = 0;
  for (let complaint = 1; complaint <= ACCEPTED; complaint++) {
    const respondents = complaint <= ENTERPRISES - ACCEPTED ? 2 : 1;
    for (let r = 0; r < respondents; r++) {
      n++;
      const established = n <= ESTABLISHED;
      out.push({
        n,
        complaint,
        respondent: enterprise(n),
        start: start(n),
        steps: established ? ['Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion', 'CloseFair'] : ['Accept', 'IssueOpinion', 'CloseFair'],
      });
    }
  }
  for (let i = 1; i <= REJECTED; i++) {
    n++;
    out.push({ n, complaint: ACCEPTED + i, respondent: enterprise(n), start: start(n), steps: [['Reject', { payload: { reason: 'NR_RIGHT_INVALID' } }]] });
  }
  return out;
}

describe('Canton Fair 118th session, generated (PS4 worked example)', () => {
  const runs = specs().map((s) => runCase(fair, s));
  const summary = postShowSummary({ ...session(fair, runs), previous: { 'R4.accepted': 531 } });
  const f = summary.figures;

  test('the data set has the 118th session\'s shape', () => {
    expect([f['R3.received'], f['R4.accepted'], f['R8.enterprises'], f['R9.enterprises'], f['R6.NR_RIGHT_INVALID']]).toEqual([643, 603, 860, 368, 40]);
  });

  test('[R10] enterprise rate 368/860 = 4279 bp = 42.79 %', () => {
    expect(f['R10.rate']).toBe(4279);
    expect(formatBp(f['R10.rate'])).toBe('42.79');
  });

  test('[R4] 603 against the 117th session\'s 531: +72 and +13.56 %', () => {
    expect(summary.changes['R4.accepted']).toEqual({ prev: 531, delta: 72, deltaPctBp: 1356 });
    expect(formatSignedBp(summary.changes['R4.accepted']?.deltaPctBp ?? null)).toBe('+13.56');
  });

  test('[R12] outcomes add up to the accepted cases', () => {
    expect(f['R12.accepted']).toBe(860);
    expect([f['R12.outcome.ESTABLISHED_ALLEGED'], f['R12.outcome.NOT_ESTABLISHED'], f['R12.open']]).toEqual([368, 492, 0]);
  });

  test('the summary survives the wire (schema parse of its JSON)', () => {
    expect(PostShowSummary.parse(JSON.parse(JSON.stringify(summary))).figures['R10.rate']).toBe(4279);
  });
});
