import { describe, expect, test } from 'vitest';
import type { Case } from '../../../src/domain/case/case';
import { formatCaseNumber } from '../../../src/domain/case/case-number';
import type { DeviceCode } from '../../../src/domain/case/case-number';
import { decide } from '../../../src/domain/case/decide';
import { evolve } from '../../../src/domain/case/evolve';
import { submitsForFiling } from '../../../src/domain/case/intake';
import type { Filing } from '../../../src/domain/case/intake';
import { CaseCommand, SubmitPayload } from '../../../src/domain/case/commands';
import type { FairCode } from '../../../src/domain/fair';
import { actors, caseId, code, Desk, eventId, local, makeCase, makeFair, submitPayload, ulidOf } from '../../support/builders';

const PREVIOUS = ulidOf(2, '01F');
const previousFair = makeFair({ id: PREVIOUS, code: 'CF136', sessionNo: 136, days: [{ date: '2024-10-15', opensAt: '09:00', closesAt: '17:00' }] });
const fair = makeFair({ previousFairId: PREVIOUS });

/** A finished case of `f` for the standard complainant/right/respondent triple, with overrides. */
function earlier(n: number, f = fair, path: 'established' | 'not_established' | 'rejected' | 'received' = 'established', payload: Record<string, unknown> = {}): Case {
  const start = f === previousFair ? local('2024-10-15 10:00') : local('2025-04-15 09:30');
  const desk = new Desk(f, start, undefined, caseId(100 + n), 1000 * n);
  desk.must('Submit', { payload });
  if (path === 'rejected') desk.must('Reject');
  if (path === 'established') {
    desk.must('Accept');
    desk.must('NotifyRespondent');
    desk.must('RecordAdmission');
    desk.must('IssueOpinion');
  }
  if (path === 'not_established') {
    desk.must('Accept');
    desk.must('IssueOpinion');
  }
  return desk.case as Case;
}

function intake(history: Case[], payload: Record<string, unknown> = {}, committed?: ReadonlySet<string>): Desk {
  const desk = new Desk(fair, local('2025-04-16 10:00'));
  desk.history = { cases: history, committedExhibitors: committed };
  desk.must('Submit', { payload });
  return desk;
}

describe('intake (CS8)', () => {
  test('[CS8] Submit opens a RECEIVED case with its RD1 checklist, foreignRelated and the acceptance target', () => {
    const desk = makeCase({ state: 'RECEIVED' });
    const c = desk.case as Case;
    expect(c.state).toBe('RECEIVED');
    expect(c.checklist.map((i) => i.code)).toEqual(['GEN-01', 'GEN-02', 'GEN-03', 'GEN-04', 'GEN-05', 'GEN-06', 'GEN-07', 'PAT-01', 'PAT-02', 'PAT-03']);
    expect(c.foreignRelated).toBe(false);
    expect(c.deadlines.acceptance).toMatchObject({ startedAt: local('2025-04-15 10:00'), dueAt: local('2025-04-15 11:00'), window: { clock: 'opening' } });
    expect(code(desk.try('Submit'))).toBe('ILLEGAL_TRANSITION');

    const foreign = new Desk();
    foreign.must('Submit', {
      payload: {
        complainant: { role: 'complainant', kind: 'entity', name: 'Acme GmbH', country: 'DE', foreignRegNo: 'HRB 12345', phone: '+4930123456', standing: 'exclusive_licensee' },
        agent: { role: 'agent', kind: 'person', name: '张律师', country: 'CN', phone: '13900139000' },
      },
    });
    expect(foreign.case?.foreignRelated).toBe(true);
    expect(foreign.case?.checklist.map((i) => i.code)).toEqual(expect.arrayContaining(['FOR-01', 'FOR-02', 'FOR-03', 'AGT-01', 'LIC-01']));

    const elsewhere = new Desk(makeFair({ id: ulidOf(9, '01F') }));
    expect(code(elsewhere.try('Submit', { payload: { fairId: fair.id } }))).toBe('GUARD_FAILED:CS8');
    expect(code(new Desk().try('Submit', { actor: actors.expert }))).toBe('FORBIDDEN_ROLE');
  });

  test('[CS8] bad complaints are refused at the boundary, naming the field', () => {
    const base = { type: 'Submit', caseId: caseId(1), eventId: eventId(1) };
    const fields = (payload: Record<string, unknown>) => {
      const r = CaseCommand.safeParse({ ...base, payload });
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(fields(submitPayload(fair))).toEqual([]);
    expect(fields(submitPayload(fair, { rights: [] }))).toContain('payload.rights');
    expect(fields(submitPayload(fair, { accusedItems: [] }))).toContain('payload.accusedItems');
    expect(fields(submitPayload(fair, { accusedItems: [{ description: 'x'.repeat(501), evidenceIds: [] }] }))).toContain('payload.accusedItems.0.description');
    expect(fields(submitPayload(fair, { channel: 'fax' }))).toContain('payload.channel');
    expect(fields(submitPayload(fair, { caseNo: 'CF137-K07-0042-5' }))).toContain('payload.caseNo');
    expect(fields(submitPayload(fair, { signatureEvidenceId: undefined }))).toContain('payload.signatureEvidenceId');
    expect(fields(submitPayload(fair, { receivedAt: '2025-04-15 10:00' }))).toContain('payload.receivedAt');
  });

  test('[CS8] NO_COMMITMENT (CM3) when the respondent has no current commitment', () => {
    expect(intake([], {}, new Set()).case?.flags).toEqual(['NO_COMMITMENT']);
    expect(intake([], {}, new Set(['CN:91440101MA59ABCD1X'])).case?.flags).toEqual([]);
    expect(intake([]).case?.flags).toEqual([]);
  });
});

describe('repeat and duplicate checks at intake (RP1–RP6)', () => {
  test('[RP1] history matches on exhibitorKey, never the name, across chained sessions', () => {
    const prior = earlier(1, previousFair);
    expect(intake([prior]).case?.flags).toContain('REPEAT_RESPONDENT');
    // Same key, another name: still the same exhibitor.
    expect(intake([prior], { respondent: { exhibitorKey: 'CN:91440101MA59ABCD1X', name: '改名后的公司', booth: { hall: '3.1', stand: 'A01' } } }).case?.flags).toContain(
      'REPEAT_RESPONDENT',
    );
    // Same name, another key: another exhibitor.
    expect(intake([prior], { respondent: { exhibitorKey: 'CN:91440101MA59ABCD2X', name: '广州某某贸易有限公司', booth: { hall: '11.2', stand: 'C05' } } }).case?.flags).not.toContain(
      'REPEAT_RESPONDENT',
    );
    // A weak NAME: key never matches across cases.
    const weakPayload = { respondent: { exhibitorKey: 'NAME:广州某某贸易有限公司', name: '广州某某贸易有限公司', booth: { hall: '11.2', stand: 'C05' } } };
    const weakPrior = earlier(2, previousFair, 'established', weakPayload);
    expect(intake([weakPrior], weakPayload).case?.flags).not.toContain('REPEAT_RESPONDENT');
  });

  test('[RP2] an established case of the previous session is shown at intake (REPEAT_RESPONDENT)', () => {
    expect(intake([earlier(1, previousFair)]).case?.flags).toContain('REPEAT_RESPONDENT');
    expect(intake([earlier(1, previousFair, 'not_established')]).case?.flags).not.toContain('REPEAT_RESPONDENT');
  });

  test('[RP3] the ladder’s step-up facts are flags on the case: REDISPLAY and MEASURE_REFUSED', () => {
    const desk = makeCase({ state: 'DETERMINED' });
    desk.must('OrderMeasures', { payload: { measures: [{ code: 'COVER' }] } });
    desk.must('VerifyMeasure', { payload: { result: 'refused' } });
    desk.must('VerifyMeasure');
    desk.must('ReorderAfterRedisplay');
    expect(desk.case?.flags).toEqual(['MEASURE_REFUSED', 'REDISPLAY']);
  });

  test('[RP4] DUPLICATE: same complainant, right and respondent this session; never auto-closed; cleared with a reason', () => {
    const first = earlier(1, fair, 'received');
    const dup = intake([first]);
    expect(dup.case).toMatchObject({ state: 'RECEIVED', flags: ['DUPLICATE'] });
    expect(code(dup.try('Accept'))).toBe('GUARD_FAILED:RP4');
    const cleared = dup.must('Accept', { payload: { ...dup.command('Accept').payload, duplicateClearedReason: '前案投诉的是另一款产品' } });
    expect(cleared.flags).toEqual([]);
    // Or rejected as a duplicate.
    expect(intake([first]).must('Reject', { payload: { reason: 'NR_DUPLICATE' } }).outcome).toBe('NOT_ACCEPTED');
    // Not a duplicate: an earlier NOT_ACCEPTED case, another session, another right.
    expect(intake([earlier(2, fair, 'rejected')]).case?.flags).toEqual([]);
    expect(intake([earlier(3, previousFair, 'received')]).case?.flags).toEqual([]);
    const otherRight = [{ type: 'trademark', number: '12345678', title: 'ACME', holder: '福州某某科技有限公司', jurisdiction: 'CN', niceClasses: [20], status: 'valid', statusSource: 'certificate' }];
    expect(intake([first], { rights: otherRight }).case?.flags).toEqual([]);
  });

  test('[RP5] same triple determined last session without REP-01 → PRIOR_SESSION, REP-01 required', () => {
    const prior = earlier(1, previousFair, 'not_established');
    const c = intake([prior]).case as Case;
    expect(c.flags).toContain('PRIOR_SESSION');
    expect(c.checklist.find((i) => i.code === 'REP-01')).toMatchObject({ required: true, status: 'missing' });
    const withRep = intake([prior], { checklist: [{ code: 'REP-01', required: true, status: 'provided' }] }).case as Case;
    expect(withRep.flags).not.toContain('PRIOR_SESSION');
    expect(withRep.checklist.find((i) => i.code === 'REP-01')?.status).toBe('provided');
    // Received but never determined last session: no prior matter.
    expect(intake([earlier(2, previousFair, 'received')]).case?.flags).not.toContain('PRIOR_SESSION');
  });

  test('[RP6] ≥3 NOT_ESTABLISHED this session making ≥50 % of the complainant’s determined cases → FREQUENT_COMPLAINANT', () => {
    const other = (n: number) => ({ rights: [{ type: 'invention', number: 'ZL201710601862.3', title: `t${n}`, holder: 'h', jurisdiction: 'CN', status: 'valid', statusSource: 'certificate' }], respondent: { exhibitorKey: `CN:91440101MA59ABC${n}0X`, name: `被投诉人${n}`, booth: { hall: '1', stand: `A${n}` } } });
    const notEst = [1, 2, 3].map((n) => earlier(n, fair, 'not_established', other(n)));
    expect(intake(notEst).case?.flags).toContain('FREQUENT_COMPLAINANT');
    expect(intake(notEst.slice(0, 2)).case?.flags).not.toContain('FREQUENT_COMPLAINANT');
    const established = [4, 5, 6, 7].map((n) => earlier(n, fair, 'established', other(n)));
    expect(intake([...notEst, ...established]).case?.flags).not.toContain('FREQUENT_COMPLAINANT');
    expect(intake([...notEst, ...established.slice(0, 3)]).case?.flags).toContain('FREQUENT_COMPLAINANT');
    // Another complainant's record does not count.
    const strict = makeFair({ previousFairId: PREVIOUS, settings: { frequentComplainant: { minNotEstablished: 4 } } });
    const d = new Desk(strict, local('2025-04-16 10:00'));
    d.history = { cases: notEst };
    expect(d.must('Submit').flags).not.toContain('FREQUENT_COMPLAINANT');
  });
});

describe('case numbers (CN1–CN4)', () => {
  test('[CN4] a filing with several respondents yields one numbered case each, sharing complaintId', () => {
    const filing = SubmitPayload.parse(submitPayload(fair));
    const second = { ...filing.respondent, exhibitorKey: undefined, name: '第二被投诉人', booth: { hall: '9.1', stand: 'B12' } };
    const { respondent: first, caseNo: _phoneDraftHasNone, ...common } = filing;
    const draft: Filing = { ...common, respondents: [first, second] };
    const numbered = [1, 2].map((seq) => ({
      caseId: caseId(seq),
      eventId: eventId(seq),
      caseNo: formatCaseNumber({ fair: fair.code as FairCode, device: 'K07' as DeviceCode, seq }),
    }));
    const r = submitsForFiling(draft, numbered);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value).toHaveLength(2);
    const cases = r.value.map((command) => {
      const desk = new Desk(fair);
      const decided = decide(undefined, command, desk.context(actors.clerk, local('2025-04-15 10:00')));
      if (!decided.ok) throw new Error(decided.error.code);
      return decided.value.reduce<Case | undefined>(evolve, undefined) as Case;
    });
    expect(new Set(cases.map((c) => c.complaintId))).toEqual(new Set([filing.complaintId]));
    expect(cases.map((c) => c.caseNo)).toEqual(['CF137-K07-0001-' + cases[0]?.caseNo.slice(-1), 'CF137-K07-0002-' + cases[1]?.caseNo.slice(-1)]);
    expect(cases.map((c) => c.respondent.name)).toEqual(['广州某某贸易有限公司', '第二被投诉人']);
    expect(submitsForFiling(draft, numbered.slice(0, 1))).toMatchObject({ ok: false, error: { code: 'GUARD_FAILED:CN4' } });
  });
});
