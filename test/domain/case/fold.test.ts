import { describe, expect, test } from 'vitest';
import { brokenInvariants } from '../../../src/domain/case/case';
import { CaseEvent } from '../../../src/domain/case/events';
import { causalOrder, compareEvents, fold, foldAll } from '../../../src/domain/case/fold';
import { Hlc } from '../../../src/domain/hlc';
import type { CaseState } from '../../../src/domain/codes';
import { DeviceId } from '../../../src/domain/ids';
import { addMinutes } from '../../../src/domain/time';
import { Desk, caseId, deviceId, makeCase } from '../../support/builders';

/** Two tablets that share a case's history up to `state`, then work offline. */
function fork(state: CaseState): [Desk, Desk] {
  const a = makeCase({ state });
  const b = new Desk(a.fair, a.now, deviceId(2), a.id, 500);
  b.case = a.case;
  b.events.push(...a.events);
  return [a, b];
}

const shuffled = <T>(xs: readonly T[], seed: number): T[] => {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

describe('folding events from several devices (CS5)', () => {
  test('[CS5] a fork whose later branch fails its guard on replay has no effect and flags CONFLICT', () => {
    const [a, b] = fork('NOTIFIED');
    const t = a.now;
    a.must('Withdraw', { at: t });
    b.must('RecordAdmission', { at: addMinutes(t, 1) });
    const admission = b.events.at(-1);
    const withdrawal = a.events.at(-1);
    const all = [...a.events, ...b.events.slice(a.events.length - 1)];
    const c = fold(all);
    expect(c).toMatchObject({ state: 'CLOSED', outcome: 'WITHDRAWN', flags: ['CONFLICT'], conflicts: [admission?.id] });
    expect(c?.heads).toEqual([withdrawal?.id, admission?.id].sort());
    expect(brokenInvariants(c as NonNullable<typeof c>)).toEqual([]);
    for (let seed = 1; seed <= 20; seed++) expect(fold(shuffled(all, seed))).toEqual(c);
  });

  test('[CS5] forks that both still hold apply in clock order with no conflict', () => {
    const [a, b] = fork('NOTIFIED');
    const t = a.now;
    b.must('RecordDefence', { at: t });
    a.must('RecordAdmission', { at: addMinutes(t, 1) });
    const all = [...a.events, ...b.events.slice(a.events.length - 1)];
    const c = fold(all);
    expect(c).toMatchObject({ state: 'ADMITTED', flags: [], heads: expect.any(Array) });
    expect(c?.heads).toHaveLength(2);
    expect(c?.defence).toBeDefined();
  });

  test('[CS5] causal order beats the clock: an event never applies before its parents', () => {
    const desk = makeCase({ state: 'NOTIFIED' });
    const [submit, ...rest] = desk.events;
    if (submit === undefined) throw new Error('no events');
    // A device whose clock was far behind still stamps its event after the events it knew.
    const skewed = rest.map((e) => ({ ...e, hlc: Hlc.parse(`000000000000001-0000-${e.hlc.split('-')[2] ?? 'X'}`) }));
    const order = causalOrder([...skewed, submit]);
    expect(order.map((e) => e.type)).toEqual(['Submit', 'Accept', 'NotifyRespondent']);
    expect(fold([...skewed, submit])?.state).toBe('NOTIFIED');
  });

  test('[CS5] ties by clock are broken by device id; duplicates count once', () => {
    const desk = makeCase({ state: 'RECEIVED' });
    const e = desk.events[0] as CaseEvent;
    const other = { ...e, deviceId: DeviceId.parse('01D000000000000000000000000'.slice(0, 26)) };
    const later = { ...e, deviceId: DeviceId.parse('01DZZZZZZZZZZZZZZZZZZZZZZZ') };
    expect(compareEvents(other, later)).toBeLessThan(0);
    expect(compareEvents(later, other)).toBeGreaterThan(0);
    const events = makeCase({ state: 'DETERMINED' }).events;
    expect(fold([...events, ...events])).toEqual(fold(events));
    expect(fold([...events, ...events])?.eventCount).toBe(events.length);
  });

  test('[CS5] events survive the wire: parsed back from JSON they fold to the same case', () => {
    const desk = makeCase({ state: 'MEASURES_VERIFIED' });
    desk.must('RequestReview');
    desk.must('DecideReview');
    const wire = JSON.parse(JSON.stringify(desk.events)) as unknown[];
    const parsed = wire.map((e) => CaseEvent.parse(e));
    expect(JSON.parse(JSON.stringify(fold(parsed)))).toEqual(JSON.parse(JSON.stringify(desk.case)));
    expect(fold(desk.events)).toEqual(desk.case);
  });

  test('[CS3] the same system command from two devices applies once, without conflict', () => {
    const [a, b] = fork('NOTIFIED');
    a.must('MarkDefenceOverdue');
    b.must('MarkDefenceOverdue');
    const all = [...a.events, ...b.events.slice(a.events.length - 1)];
    const c = fold(all);
    expect(c).toMatchObject({ state: 'DEFENCE_OVERDUE', flags: [], conflicts: [] });
    const [x, y] = fork('DETERMINED');
    x.must('CloseFair');
    y.must('CloseFair');
    expect(fold([...x.events, ...y.events.slice(x.events.length - 1)])).toMatchObject({ state: 'CLOSED', flags: [] });
  });

  test('foldAll separates cases', () => {
    const one = makeCase({ state: 'ACCEPTED' });
    const two = new Desk(one.fair, one.now, deviceId(3), caseId(2), 900);
    two.must('Submit');
    const cases = foldAll([...two.events, ...one.events]);
    expect([...cases.keys()].sort()).toEqual([one.id, two.id].sort());
    expect(cases.get(one.id)?.state).toBe('ACCEPTED');
    expect(cases.get(two.id)?.state).toBe('RECEIVED');
    // Without its Submit a case does not exist.
    expect(fold(one.events.slice(1))).toBeUndefined();
  });
});
