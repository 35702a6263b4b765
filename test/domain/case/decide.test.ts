import { describe, expect, test } from 'vitest';
import { Case } from '../../../src/domain/case/case';
import { CaseCommand, COMMAND_TYPES } from '../../../src/domain/case/commands';
import { allowedCommands, decide } from '../../../src/domain/case/decide';
import { fairCloseAt } from '../../../src/domain/fair';
import { addMinutes } from '../../../src/domain/time';
import { actors, code, Desk, evidenceId, makeCase, makeFair } from '../../support/builders';

const deepFreeze = <T>(o: T): T => {
  if (o !== null && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
};

describe('general rules (CS1–CS7)', () => {
  test('[CS1] decide is pure: same input, same events; the case is not touched; errors emit nothing', () => {
    const desk = makeCase({ state: 'ACCEPTED' });
    const before = deepFreeze(structuredClone(desk.case));
    const command = desk.command('NotifyRespondent');
    const ctx = desk.context(actors.expert, desk.now);
    const a = decide(before, command, ctx);
    const b = decide(before, command, ctx);
    expect(a).toEqual(b);
    expect(a.ok && a.value).toHaveLength(1);
    const event = a.ok ? a.value[0] : undefined;
    expect(event).toMatchObject({ type: 'NotifyRespondent', actor: actors.expert, deviceId: desk.device, at: desk.now, parents: desk.case?.heads });
    expect(before).toEqual(desk.case);
    const refused = decide(before, desk.command('Reject'), ctx);
    expect(refused).toEqual({ ok: false, error: { code: 'ILLEGAL_TRANSITION', params: { command: 'Reject', state: 'ACCEPTED' } } });
  });

  test('[CS1] roles: a command from a role not allowed is FORBIDDEN_ROLE', () => {
    const desk = makeCase({ state: 'RECEIVED' });
    expect(code(desk.try('Accept', { actor: actors.clerk }))).toBe('FORBIDDEN_ROLE');
    expect(code(desk.try('Submit', { actor: actors.respondent }))).toBe('FORBIDDEN_ROLE');
    expect(code(desk.try('MarkDefenceOverdue', { actor: actors.expert }))).toBe('FORBIDDEN_ROLE');
    expect(desk.case?.eventCount).toBe(1);
  });

  test('[CS2] party commands carry the signature; a clerk may enter them', () => {
    const desk = makeCase({ state: 'NOTIFIED' });
    const bad = { type: 'RecordAdmission', caseId: desk.id, eventId: desk.command('RecordAdmission').eventId, payload: {} };
    expect(CaseCommand.safeParse(bad).success).toBe(false);
    const withdraw = { ...bad, type: 'Withdraw' };
    expect(CaseCommand.safeParse(withdraw).success).toBe(false);
    desk.must('RecordAdmission', { actor: actors.clerk, payload: { signatureEvidenceId: evidenceId(77) } });
    expect(desk.events.at(-1)).toMatchObject({ actor: actors.clerk, payload: { signatureEvidenceId: evidenceId(77) } });
  });

  test('[CS3] a system command that is already in effect changes nothing', () => {
    const desk = makeCase({ state: 'DEFENCE_OVERDUE' });
    const again = desk.try('MarkDefenceOverdue', { at: addMinutes(desk.now, 60) });
    expect(again).toEqual({ ok: true, value: [] });
    const closing = makeCase({ state: 'ACCEPTED' });
    closing.must('CloseFair');
    expect(closing.try('CloseFair')).toEqual({ ok: true, value: [] });
    expect(closing.case?.state).toBe('PENDING_AT_CLOSE');
  });

  test('[CS4] after fair close only transfers, handovers, the close, post-show results and notes', () => {
    const fair = makeFair();
    const late = addMinutes(fairCloseAt(fair), 1);
    const desk = makeCase({ state: 'ACCEPTED', fair });
    expect(desk.try('NotifyRespondent', { at: late, payload: { servedAt: late } })).toMatchObject({ ok: false, error: { code: 'GUARD_FAILED:CS4' } });
    expect(code(desk.try('Withdraw', { at: late }))).toBe('GUARD_FAILED:CS4');
    expect(code(desk.try('AddNote', { at: late }))).toBe('OK');
    expect(code(desk.try('CloseFair', { at: late }))).toBe('OK');
    expect(code(desk.try('Transfer', { at: late }))).toBe('OK');
    expect(code(desk.try('RecordHandover', { at: late }))).toBe('OK');
    expect(code(desk.try('RecordPostShowResult', { at: late }))).toBe('OK');
    expect(desk.case?.state).toBe('CLOSED');
    // A new complaint after close is refused too.
    expect(code(new Desk(fair, late).try('Submit'))).toBe('GUARD_FAILED:CS4');
  });

  test('[CS6] entering CLOSED sets the outcome; TRANSFERRED holds a provisional one', () => {
    expect(makeCase({ state: 'CLOSED' }).case?.outcome).toBe('WITHDRAWN');
    const t = makeCase({ state: 'TRANSFERRED' }).case;
    expect(t?.outcome).toBe('TRANSFERRED_ADMIN');
    for (const state of ['RECEIVED', 'NOTIFIED', 'DETERMINED', 'MEASURES_ORDERED', 'PENDING_AT_CLOSE'] as const) {
      expect(makeCase({ state }).case?.outcome).toBeUndefined();
    }
    const closed = makeCase({ state: 'DETERMINED' });
    closed.must('Close', { payload: { reviewWaiver: { complainantSignatureEvidenceId: evidenceId(1), respondentSignatureEvidenceId: evidenceId(2) } } });
    expect(closed.case).toMatchObject({ state: 'CLOSED', outcome: 'ESTABLISHED_ALLEGED' });
  });

  test('[CS7] ESTABLISHED_ALLEGED needs a ground matching its basis', () => {
    const notified = makeCase({ state: 'NOTIFIED' });
    for (const basis of ['ADMISSION', 'NO_DEFENCE', 'EXPERT_REVIEW', 'PRIOR_RULING']) {
      const r = notified.try('IssueOpinion', { payload: { conclusion: 'ESTABLISHED_ALLEGED', basis } });
      expect(r).toMatchObject({ ok: false, error: { code: 'GUARD_FAILED:CS7', params: { basis } } });
    }
    // Each ground in its state.
    makeCase({ state: 'ADMITTED' }).must('IssueOpinion', { payload: { basis: 'ADMISSION' } });
    makeCase({ state: 'DEFENCE_OVERDUE' }).must('IssueOpinion', { payload: { basis: 'NO_DEFENCE' } });
    makeCase({ state: 'DEFENCE_RECEIVED' }).must('IssueOpinion', { payload: { basis: 'EXPERT_REVIEW' } });
    // An effective ruling (GEN-07) is a ground from ACCEPTED on.
    const ruled = new Desk();
    ruled.must('Submit', { payload: { checklist: [{ code: 'GEN-07', required: false, status: 'provided' }] } });
    ruled.must('Accept');
    ruled.must('IssueOpinion', { payload: { conclusion: 'ESTABLISHED_ALLEGED', basis: 'PRIOR_RULING' } });
    expect(ruled.case?.opinion).toMatchObject({ conclusion: 'ESTABLISHED_ALLEGED', basis: 'PRIOR_RULING' });
    // Admission as basis after a defence (not an admission) is refused.
    expect(code(makeCase({ state: 'DEFENCE_RECEIVED' }).try('IssueOpinion', { payload: { conclusion: 'ESTABLISHED_ALLEGED', basis: 'ADMISSION' } }))).toBe(
      'GUARD_FAILED:CS7',
    );
  });
});

describe('allowedCommands', () => {
  test('[CS1] every command is either allowed or disabled with its error code', () => {
    const desk = makeCase({ state: 'NOTIFIED' });
    const ctx = desk.context(actors.expert, desk.now);
    const allowed = allowedCommands(desk.case, ctx);
    expect(Object.keys(allowed).sort()).toEqual([...COMMAND_TYPES].sort());
    expect(allowed.IssueOpinion).toEqual({ ok: true });
    expect(allowed.NotifyRespondent).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    expect(allowed.MarkDefenceOverdue).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } });
    const system = allowedCommands(desk.case, desk.context(actors.system, desk.now));
    expect(system.MarkDefenceOverdue).toMatchObject({ ok: false, error: { code: 'GUARD_FAILED:CS16' } });
    expect(system.CloseFair).toMatchObject({ ok: false, error: { code: 'GUARD_FAILED:CS26' } });
    const none = allowedCommands(undefined, ctx);
    expect(Object.entries(none).filter(([, a]) => a.ok)).toEqual([]);
    expect(allowedCommands(undefined, desk.context(actors.clerk, desk.now)).Submit).toEqual({ ok: true });
  });

  test('a folded case from the builder parses with the Case schema', () => {
    expect(Case.safeParse(makeCase({ state: 'MEASURES_VERIFIED' }).case).success).toBe(true);
  });
});
